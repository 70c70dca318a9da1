import { type InstantInput, toDate } from "@supportkit/core";
import type { BusinessCalendar } from "./createBusinessCalendar";

/**
 * Business milliseconds from `a` to `b`: the open time inside `[a, b)`, negated when `b` is before `a`.
 * The inverse of {@link addBusinessTime}: `businessTimeBetween(cal, s, addBusinessTime(cal, s, d)) === d`.
 *
 * @param cal - the calendar
 * @param a - the earlier instant (usually)
 * @param b - the later instant (usually)
 * @returns business milliseconds, negative when `b < a`
 * @throws ValidationError (code `VALIDATION`) for an invalid instant
 * @throws CalendarHorizonError (code `CALENDAR_HORIZON`) when `a` and `b` are more than 100 years apart
 * @example
 * ```ts
 * const cal = createBusinessCalendar({ timeZone: "Asia/Kolkata", weekly: { mon: [["09:30", "18:00"]] } });
 * businessTimeBetween(cal, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"); //=> 30_600_000
 * ```
 */
export function businessTimeBetween(cal: BusinessCalendar, a: InstantInput, b: InstantInput): number {
  return cal.between(toDate(a, "a"), toDate(b, "b"));
}
