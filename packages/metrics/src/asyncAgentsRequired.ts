import { readQueue, STAFFING_KEYS } from "./_lib/erlang";
import { checkInput, inRange, positive } from "./_lib/validate";
import { type AgentsRequiredResult, search } from "./agentsRequired";

/**
 * Input of {@link asyncAgentsRequired}.
 *
 * @example
 * ```ts
 * const input: AsyncAgentsRequiredInput = { arrivalRatePerHour: 60, ahtSeconds: 360, responseTargetHours: 4 };
 * ```
 */
export interface AsyncAgentsRequiredInput {
  /** Messages (emails, marketplace messages) arriving per hour while the team works (≥ 0). */
  readonly arrivalRatePerHour: number;
  /** Average handle time per message in seconds (> 0). */
  readonly ahtSeconds: number;
  /** Response-time target in hours (> 0), e.g. `4` for "answer within 4 working hours". */
  readonly responseTargetHours: number;
  /** Share to answer within the target, greater than 0 and less than 1; default `0.9`. */
  readonly targetServiceLevel?: number;
  /**
   * Highest acceptable occupancy; default `0.85`. Async work queues up, so a long target alone would allow
   * nearly 100 % occupancy; the cap keeps room for interruptions and follow-ups.
   */
  readonly maxOccupancy?: number;
  /** Share of paid time not available, 0 up to but not 1; default `0`. */
  readonly shrinkage?: number;
}

/**
 * Staffing for asynchronous channels (email, web forms, marketplace messages) against a response-time
 * target in hours. The queue is modelled as Erlang C with the target as threshold: because the threshold
 * is long against the handle time the queue needs little more than the workload, so the occupancy cap
 * usually decides, which is what email teams see in practice.
 *
 * @param input - arrival rate per hour, AHT, response target in hours, optional service level, occupancy cap and shrinkage
 * @returns `agents`, `scheduledAgents` and the Erlang C figures at that staffing
 * @throws ValidationError (code `VALIDATION`) for a missing or out-of-range field, a key no staffing function reads
 * @throws MetricsError (code `TARGET_UNREACHABLE`) when no staffing up to the search bound meets the targets
 * @example
 * ```ts
 * // 60 emails an hour, 6 minutes each, 90 % answered within 4 hours, at most 85 % occupancy
 * const plan = asyncAgentsRequired({ arrivalRatePerHour: 60, ahtSeconds: 360, responseTargetHours: 4 });
 * plan.agents; //=> 8 (the workload is 6 agents; the 85 % cap needs 8)
 * ```
 */
export function asyncAgentsRequired(input: AsyncAgentsRequiredInput): AgentsRequiredResult {
  const subject = "async staffing input";
  checkInput(subject, input, STAFFING_KEYS);
  const { traffic, aht } = readQueue(subject, input);
  const hours = positive(subject, "responseTargetHours", input.responseTargetHours);
  const sl =
    input.targetServiceLevel === undefined
      ? 0.9
      : inRange(subject, "targetServiceLevel", input.targetServiceLevel, 0, 1, {
          minExclusive: true,
          maxExclusive: true,
        });
  const maxOcc =
    input.maxOccupancy === undefined
      ? 0.85
      : inRange(subject, "maxOccupancy", input.maxOccupancy, 0, 1, { minExclusive: true });
  const shrinkage =
    input.shrinkage === undefined
      ? 0
      : inRange(subject, "shrinkage", input.shrinkage, 0, 1, { maxExclusive: true });
  return search(traffic, aht, hours * 3600, sl, maxOcc, shrinkage, Number.POSITIVE_INFINITY);
}
