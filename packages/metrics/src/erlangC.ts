import { erlangB, erlangCFromB, readAgents, readQueue, readTarget, STAFFING_KEYS } from "./_lib/erlang";
import { checkInput } from "./_lib/validate";

/**
 * Input of {@link erlangC}.
 *
 * @example
 * ```ts
 * const input: ErlangCInput = { arrivalRatePerHour: 200, ahtSeconds: 180, agents: 12, targetAnswerSeconds: 20 };
 * ```
 */
export interface ErlangCInput {
  /** Contacts arriving per hour (≥ 0). */
  readonly arrivalRatePerHour: number;
  /** Average handle time in seconds (talk + hold + wrap-up, > 0). */
  readonly ahtSeconds: number;
  /** Agents answering (whole number ≥ 1). */
  readonly agents: number;
  /** Service-level threshold in seconds ("answered within T", ≥ 0). */
  readonly targetAnswerSeconds: number;
}

/**
 * What an M/M/N queue (Erlang C) predicts for one staffing level.
 *
 * @example
 * ```ts
 * const result: ErlangCResult = erlangC({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 12, targetAnswerSeconds: 20 });
 * result.trafficErlangs; //=> 10
 * ```
 */
export interface ErlangCResult {
  /** Offered load `arrivals per second × AHT` in erlangs. */
  readonly trafficErlangs: number;
  /** Share of contacts that wait at all (0–1); 1 when `agents ≤ trafficErlangs` (the queue grows without end). */
  readonly probabilityOfWaiting: number;
  /** Share answered within `targetAnswerSeconds` (0–1); 0 when the queue is unstable. */
  readonly serviceLevel: number;
  /** Mean wait over all contacts in seconds; `Infinity` when the queue is unstable. */
  readonly averageSpeedOfAnswerSeconds: number;
  /** Share of agent time spent handling contacts, `trafficErlangs / agents`, capped at 1. */
  readonly occupancy: number;
}

// Shared with agentsRequired, which walks the Erlang B recursion one agent at a time.
export function erlangCFrom(
  agents: number,
  traffic: number,
  aht: number,
  target: number,
  b: number,
): ErlangCResult {
  if (agents <= traffic) {
    return {
      trafficErlangs: traffic,
      probabilityOfWaiting: 1,
      serviceLevel: 0,
      averageSpeedOfAnswerSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
    };
  }
  const c = erlangCFromB(agents, traffic, b);
  return {
    trafficErlangs: traffic,
    probabilityOfWaiting: c,
    serviceLevel: Math.max(0, 1 - c * Math.exp((-(agents - traffic) * target) / aht)),
    averageSpeedOfAnswerSeconds: (c * aht) / (agents - traffic),
    occupancy: traffic / agents,
  };
}

/**
 * Erlang C: the probability of waiting, service level, average speed of answer and occupancy of a queue
 * with Poisson arrivals, exponential handle times and `agents` servers (callers never abandon; see
 * {@link erlangA} for queues where they do). Uses the Erlang B recursion, so it is exact to about 1e−12
 * up to 20,000 agents and beyond, where factorial formulas overflow near 171 agents.
 *
 * @param input - arrival rate per hour, AHT in seconds, agents, and the service-level threshold in seconds
 * @returns traffic, probability of waiting, service level, ASA and occupancy
 * @throws ValidationError (code `VALIDATION`) naming a missing, negative or non-finite field, or a key no
 *   staffing function reads
 * @example
 * ```ts
 * // 100 calls per 30 minutes, 3-minute handle time, answer within 20 s
 * const r = erlangC({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 11, targetAnswerSeconds: 20 });
 * r.probabilityOfWaiting; //=> 0.6821… (68.2 %)
 * r.serviceLevel; //=> 0.3896… (39.0 %)
 * r.averageSpeedOfAnswerSeconds; //=> 122.78…
 * ```
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const subject = "Erlang C input";
  checkInput(subject, input, STAFFING_KEYS);
  const { traffic, aht } = readQueue(subject, input);
  const agents = readAgents(subject, input.agents);
  const target = readTarget(subject, input.targetAnswerSeconds);
  return erlangCFrom(agents, traffic, aht, target, erlangB(agents, traffic));
}
