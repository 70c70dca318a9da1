import { checkInput, fail, nonNegative } from "./_lib/validate";

/**
 * Agent time split for {@link occupancy}, all in ms.
 *
 * @example
 * ```ts
 * const time: AgentTime = { handlingMs: hours(6), availableMs: hours(1), paidMs: hours(8) };
 * ```
 */
export interface AgentTime {
  /** Time handling contacts: talk, hold, wrap-up, writing replies. */
  readonly handlingMs: number;
  /** Time logged in and ready but idle, waiting for work. */
  readonly availableMs: number;
  /** Paid (scheduled) time, including breaks, meetings and training; needed for utilisation. */
  readonly paidMs?: number;
}

/**
 * Occupancy and utilisation of an agent or team.
 *
 * @example
 * ```ts
 * const result: OccupancyResult = occupancy({ handlingMs: 6, availableMs: 2, paidMs: 10 });
 * result.occupancy; //=> 0.75
 * ```
 */
export interface OccupancyResult {
  /** `handling / (handling + available)`: how busy agents are while ready for work; `null` without logged-in time. */
  readonly occupancy: number | null;
  /** `handling / paid`: the share of paid time spent on contacts; `null` without `paidMs`. */
  readonly utilisation: number | null;
}

/**
 * Occupancy (busy share of logged-in, ready time) and utilisation (busy share of paid time). Occupancy
 * above about 85–90 % burns agents out; utilisation shows what shrinkage costs.
 *
 * @param time - handling, available and optionally paid time in ms
 * @returns occupancy and utilisation (0–1)
 * @throws ValidationError (code `VALIDATION`) for a negative duration, paid time shorter than handling time or an
 *   unknown key
 * @example
 * ```ts
 * occupancy({ handlingMs: hours(6), availableMs: hours(1), paidMs: hours(8) });
 * //=> { occupancy: 0.857…, utilisation: 0.75 }
 * ```
 */
export function occupancy(time: AgentTime): OccupancyResult {
  const subject = "agent time";
  checkInput(subject, time, ["handlingMs", "availableMs", "paidMs"]);
  const handling = nonNegative(subject, "handlingMs", time.handlingMs);
  const available = nonNegative(subject, "availableMs", time.availableMs);
  let utilisation: number | null = null;
  if (time.paidMs !== undefined) {
    const paid = nonNegative(subject, "paidMs", time.paidMs);
    if (paid < handling) fail(subject, "paidMs", "must be at least handlingMs", "out_of_range");
    utilisation = paid === 0 ? null : handling / paid;
  }
  const logged = handling + available;
  return { occupancy: logged === 0 ? null : handling / logged, utilisation };
}
