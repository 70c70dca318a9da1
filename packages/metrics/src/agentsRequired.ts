import { erlangB, readQueue, readTarget, STAFFING_KEYS } from "./_lib/erlang";
import { checkInput, fail, finite, inRange } from "./_lib/validate";
import { type ErlangCResult, erlangCFrom } from "./erlangC";
import { MetricsError } from "./errors";

/**
 * Input of {@link agentsRequired}.
 *
 * @example
 * ```ts
 * const input: AgentsRequiredInput = {
 *   arrivalRatePerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3,
 * };
 * ```
 */
export interface AgentsRequiredInput {
  /** Contacts arriving per hour (≥ 0). */
  readonly arrivalRatePerHour: number;
  /** Average handle time in seconds (> 0). */
  readonly ahtSeconds: number;
  /** Service-level threshold in seconds (≥ 0). */
  readonly targetAnswerSeconds: number;
  /** Share to answer within the threshold, greater than 0 and less than 1 (e.g. `0.8` for 80/20). */
  readonly targetServiceLevel: number;
  /** Highest acceptable occupancy, greater than 0 and at most 1; default `1` (no cap). */
  readonly maxOccupancy?: number;
  /** Share of paid time agents are not available (breaks, training, absence), 0 up to but not 1; default `0`. */
  readonly shrinkage?: number;
  /** Optional cap on the average speed of answer in seconds. */
  readonly targetAverageSpeedOfAnswerSeconds?: number;
}

/**
 * The smallest staffing that meets every target, with the figures it achieves.
 *
 * @example
 * ```ts
 * const result: AgentsRequiredResult = agentsRequired({ arrivalRatePerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20, targetServiceLevel: 0.8 });
 * result.agents; //=> 14
 * ```
 */
export interface AgentsRequiredResult extends ErlangCResult {
  /** Agents needed on the phones (answering). */
  readonly agents: number;
  /** Agents to schedule so that `agents` remain after shrinkage: `ceil(agents / (1 − shrinkage))`. */
  readonly scheduledAgents: number;
}

/**
 * The smallest number of agents meeting a service-level target (and, when given, a maximum occupancy
 * and an ASA cap) under Erlang C, plus the agents to schedule after shrinkage. Walks the Erlang B
 * recursion upward once, so the cost grows with the answer, not its square.
 *
 * @param input - arrival rate, AHT, service-level threshold and target, optional `maxOccupancy`, `shrinkage`, ASA cap
 * @returns `agents`, `scheduledAgents` and the Erlang C figures at `agents`
 * @throws ValidationError (code `VALIDATION`) for a missing or out-of-range field (e.g. a target of 1, which no
 *   finite staff meets) or a key no staffing function reads
 * @throws MetricsError (code `TARGET_UNREACHABLE`) when no staffing up to the search bound meets the targets
 * @example
 * ```ts
 * const plan = agentsRequired({
 *   arrivalRatePerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20, targetServiceLevel: 0.8, shrinkage: 0.3,
 * });
 * plan.agents; //=> 14
 * plan.scheduledAgents; //=> 20
 * plan.serviceLevel; //=> 0.888…
 * ```
 */
export function agentsRequired(input: AgentsRequiredInput): AgentsRequiredResult {
  const subject = "agents required input";
  checkInput(subject, input, STAFFING_KEYS);
  const { traffic, aht } = readQueue(subject, input);
  const target = readTarget(subject, input.targetAnswerSeconds);
  const sl = inRange(subject, "targetServiceLevel", input.targetServiceLevel, 0, 1, {
    minExclusive: true,
    maxExclusive: true,
  });
  const maxOcc =
    input.maxOccupancy === undefined
      ? 1
      : inRange(subject, "maxOccupancy", input.maxOccupancy, 0, 1, { minExclusive: true });
  const shrinkage =
    input.shrinkage === undefined
      ? 0
      : inRange(subject, "shrinkage", input.shrinkage, 0, 1, { maxExclusive: true });
  let asaCap = Number.POSITIVE_INFINITY;
  if (input.targetAverageSpeedOfAnswerSeconds !== undefined) {
    asaCap = finite(subject, "targetAverageSpeedOfAnswerSeconds", input.targetAverageSpeedOfAnswerSeconds);
    if (asaCap < 0)
      fail(subject, "targetAverageSpeedOfAnswerSeconds", "must not be negative", "out_of_range");
  }
  return search(traffic, aht, target, sl, maxOcc, shrinkage, asaCap);
}

// Shared with asyncAgentsRequired.
export function search(
  traffic: number,
  aht: number,
  target: number,
  sl: number,
  maxOcc: number,
  shrinkage: number,
  asaCap: number,
): AgentsRequiredResult {
  // Stable (agents > traffic) and within the occupancy cap.
  let start = Math.max(1, Math.floor(traffic) + 1, Math.ceil(traffic / maxOcc - 1e-12));
  if (traffic === 0) start = 1;
  // Past A + (AHT/T)·ln(1/(1 − SL)) agents the bound C ≤ 1 already meets the SL; A + 12√A + 50 drives C
  // (and the ASA) below any practical target (Halfin–Whitt). The walk never goes further.
  const bySl = target > 0 ? traffic + (aht / target) * Math.log(1 / (1 - sl)) + 1 : Number.POSITIVE_INFINITY;
  const limit = Math.ceil(Math.max(start, Math.min(bySl, traffic + 12 * Math.sqrt(traffic) + 50)) + 10);
  let b = erlangB(start, traffic);
  for (let n = start; n <= limit; n++) {
    if (n > start) b = (traffic * b) / (n + traffic * b);
    const figures = erlangCFrom(n, traffic, aht, target, b);
    if (
      figures.serviceLevel >= sl &&
      figures.averageSpeedOfAnswerSeconds <= asaCap &&
      figures.occupancy <= maxOcc
    ) {
      return { ...figures, agents: n, scheduledAgents: Math.ceil(n / (1 - shrinkage) - 1e-9) };
    }
  }
  throw new MetricsError(
    "TARGET_UNREACHABLE",
    `No staffing up to ${limit} agents meets the targets (traffic ${traffic} erlangs)`,
  );
}
