import { erlangB, readAgents, readQueue, readTarget, STAFFING_KEYS } from "./_lib/erlang";
import { checkInput, fail, positive } from "./_lib/validate";

/**
 * Input of {@link erlangA}.
 *
 * @example
 * ```ts
 * const input: ErlangAInput = {
 *   arrivalRatePerHour: 200, ahtSeconds: 180, agents: 11, targetAnswerSeconds: 20, patienceSeconds: 120,
 * };
 * ```
 */
export interface ErlangAInput {
  /** Contacts arriving per hour (≥ 0). */
  readonly arrivalRatePerHour: number;
  /** Average handle time in seconds (> 0). */
  readonly ahtSeconds: number;
  /** Agents answering (whole number ≥ 1). */
  readonly agents: number;
  /** Service-level threshold in seconds (≥ 0). */
  readonly targetAnswerSeconds: number;
  /** Mean time a caller waits before hanging up, in seconds (> 0; exponential patience). */
  readonly patienceSeconds: number;
}

/**
 * What an M/M/N+M queue (Erlang A: callers abandon after an exponential patience) predicts.
 *
 * @example
 * ```ts
 * const result: ErlangAResult = erlangA({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 11, targetAnswerSeconds: 20, patienceSeconds: 120 });
 * result.probabilityOfAbandon > 0; //=> true
 * ```
 */
export interface ErlangAResult {
  /** Offered load in erlangs. */
  readonly trafficErlangs: number;
  /** Share of callers who find every agent busy and wait (0–1). */
  readonly probabilityOfWaiting: number;
  /** Share of callers who hang up before being answered (0–1). */
  readonly probabilityOfAbandon: number;
  /** Share of all offered callers answered within `targetAnswerSeconds`; callers who abandon count as missed. */
  readonly serviceLevel: number;
  /** Mean time in queue over all callers (answered or abandoned), seconds. */
  readonly averageWaitSeconds: number;
  /** Share of agent time busy: `trafficErlangs · (1 − probabilityOfAbandon) / agents`. */
  readonly occupancy: number;
}

// Poisson weights for one uniformization chunk are computed directly, so keep each chunk's rate·time small.
const CHUNK = 400;
const MAX_QUEUE = 2_000_000;

/**
 * Erlang A (Palm's M/M/N+M model): like {@link erlangC}, but callers abandon after an exponentially
 * distributed patience, so the queue is stable at any staffing and the figures are the ones real queues
 * show. The stationary distribution comes from the Erlang B recursion and a truncated birth–death tail
 * (no factorials); the service level from uniformization of the tagged caller's queue position.
 *
 * @param input - arrival rate, AHT, agents, service-level threshold and mean patience
 * @returns probability of waiting, probability of abandon, service level, average wait and occupancy
 * @throws ValidationError (code `VALIDATION`) for a missing or out-of-range field, a key no staffing function
 *   reads, or a patience so long relative to an overloaded queue that the model would need more than two million queue states
 * @example
 * ```ts
 * const r = erlangA({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 11, targetAnswerSeconds: 20, patienceSeconds: 120 });
 * r.probabilityOfAbandon; //=> 0.0941… (Erlang C would ignore these callers)
 * r.serviceLevel; //=> 0.7422…
 * ```
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const subject = "Erlang A input";
  checkInput(subject, input, STAFFING_KEYS);
  const { lambda, aht, traffic } = readQueue(subject, input);
  const n = readAgents(subject, input.agents);
  const target = readTarget(subject, input.targetAnswerSeconds);
  const patience = positive(subject, "patienceSeconds", input.patienceSeconds);
  if (lambda === 0) {
    return {
      trafficErlangs: 0,
      probabilityOfWaiting: 0,
      probabilityOfAbandon: 0,
      serviceLevel: 1,
      averageWaitSeconds: 0,
      occupancy: 0,
    };
  }
  const mu = 1 / aht;
  const theta = 1 / patience;
  // Tail of the birth–death chain relative to state n: t_k = Π_{i≤k} λ / (nμ + iθ).
  const tail: number[] = [1];
  let sumT = 0;
  let sumKT = 0;
  let t = 1;
  for (let k = 1; ; k++) {
    t *= lambda / (n * mu + k * theta);
    tail.push(t);
    sumT += t;
    sumKT += k * t;
    if (t < 1e-18 * (1 + sumT) && lambda < n * mu + k * theta) break;
    if (k >= MAX_QUEUE) {
      fail(
        subject,
        "patienceSeconds",
        "is too long for this overloaded queue (more than 2,000,000 callers waiting)",
        "out_of_range",
      );
    }
  }
  const b = erlangB(n, traffic);
  const piN = b / (1 + b * sumT); // P(all n agents busy, nobody waiting)
  const pWait = piN * (1 + sumT);
  const queueLength = piN * sumKT;
  const pAbandon = Math.min(1, (theta * queueLength) / lambda);
  const servedInTime = pWait === 0 ? 0 : servedWithin(tail, piN, n * mu, theta, target);
  return {
    trafficErlangs: traffic,
    probabilityOfWaiting: pWait,
    probabilityOfAbandon: pAbandon,
    serviceLevel: Math.min(1, Math.max(0, 1 - pWait + servedInTime)),
    averageWaitSeconds: queueLength / lambda,
    occupancy: Math.min(1, (traffic * (1 - pAbandon)) / n),
  };
}

// Probability that an arriving caller waits and is answered within `target` seconds. A caller who finds
// m callers ahead moves up at rate nμ + mθ (an answer or an abandonment ahead) and abandons at rate θ.
function servedWithin(
  tail: readonly number[],
  piN: number,
  nMu: number,
  theta: number,
  target: number,
): number {
  if (target === 0) return 0;
  const size = tail.length;
  let p = new Float64Array(size);
  for (let m = 0; m < size; m++) p[m] = piN * (tail[m] as number);
  const rate = nMu + size * theta;
  let remaining = rate * target;
  let served = 0;
  let next = new Float64Array(size);
  const out = new Float64Array(size);
  while (remaining > 0) {
    const x = Math.min(CHUNK, remaining);
    remaining -= x;
    // out = Σ_j Poisson(j; x) · P^j p, and served += Σ_j Poisson(j; x) · (served mass after j steps).
    out.fill(0);
    let weight = Math.exp(-x);
    let cumulative = 0;
    let servedSteps = 0;
    let servedChunk = 0;
    const maxSteps = Math.ceil(x + 12 * Math.sqrt(x) + 40);
    for (let j = 0; j <= maxSteps; j++) {
      if (j > 0) weight *= x / j;
      for (let m = 0; m < size; m++) out[m] = (out[m] as number) + weight * (p[m] as number);
      servedChunk += weight * servedSteps;
      cumulative += weight;
      // One uniformized step.
      servedSteps += ((p[0] as number) * nMu) / rate;
      for (let m = 0; m < size; m++) {
        const stay = 1 - (nMu + m * theta + theta) / rate;
        const up = m + 1 < size ? ((p[m + 1] as number) * (nMu + (m + 1) * theta)) / rate : 0;
        next[m] = (p[m] as number) * stay + up;
      }
      [p, next] = [next, p];
      if (1 - cumulative < 1e-16 && j > x) break;
    }
    // Mass beyond the last step: it has at least servedSteps served.
    servedChunk += (1 - cumulative) * servedSteps;
    served += servedChunk;
    p.set(out);
  }
  return served;
}
