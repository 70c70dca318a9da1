import { type InstantInput, toDate } from "@supportkit/core";
import type { BusinessCalendar } from "./createBusinessCalendar";

/**
 * Whether business time runs at `at`. Intervals are half-open: open at the opening instant, closed at the
 * closing instant.
 *
 * @param cal - the calendar
 * @param at - the instant
 * @returns `true` inside an opening interval
 * @throws ValidationError (code `VALIDATION`) for an invalid instant
 * @example
 * ```ts
 * const cal = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * isOpen(cal, "2026-03-02T09:00:00+01:00"); //=> true
 * isOpen(cal, "2026-03-02T17:00:00+01:00"); //=> false
 * ```
 */
export function isOpen(cal: BusinessCalendar, at: InstantInput): boolean {
  return cal.isOpen(toDate(at, "at"));
}
