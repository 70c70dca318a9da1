import { type InstantInput, toDate } from "@supportkit/core";
import type { BusinessCalendar } from "./createBusinessCalendar";

/**
 * The instant reached after `ms` of business time from `start`. Forward, the result is the first instant
 * at which that much business time has passed, so it may be exactly a close (17:00). Backward (negative
 * `ms`), it is the latest such instant, always an open one (09:00 rather than the previous 17:00).
 * `addBusinessTime(cal, t, 0)` is `nextOpen(cal, t)`. Cost does not grow with `ms`.
 *
 * @param cal - the calendar
 * @param start - where to start (`Date`, epoch ms or ISO string with offset)
 * @param ms - business milliseconds, a whole number; negative goes back
 * @returns the instant reached
 * @throws ValidationError (code `VALIDATION`) for an invalid `start` or a non-integer `ms`
 * @throws CalendarHorizonError (code `CALENDAR_HORIZON`) when the calendar has no business time within its
 *   search horizon, or the result would be more than 100 years away
 * @example
 * ```ts
 * const cal = createBusinessCalendar({ timeZone: "America/New_York", weekly: { fri: [["09:00", "17:00"]], mon: [["09:00", "17:00"]] } });
 * // Friday 16:00 EST plus 2 business hours: one hour on Friday, one on Monday.
 * addBusinessTime(cal, "2026-01-09T16:00:00-05:00", hours(2)).toISOString(); //=> "2026-01-12T15:00:00.000Z"
 * ```
 */
export function addBusinessTime(cal: BusinessCalendar, start: InstantInput, ms: number): Date {
  return cal.add(toDate(start, "start"), ms);
}
