import { type InstantInput, toDate } from "@supportkit/core";
import type { BusinessCalendar } from "./createBusinessCalendar";

/**
 * When the open stretch at `at` ends, or, when closed at `at`, when the next open stretch ends. Touching
 * intervals (an overnight shift that runs into the next day's hours, 24/7) count as one stretch.
 *
 * @param cal - the calendar
 * @param at - the instant
 * @returns the closing instant (a close is not open: `isOpen(cal, nextClose(cal, t))` is `false`)
 * @throws ValidationError (code `VALIDATION`) for an invalid instant
 * @throws CalendarHorizonError (code `CALENDAR_HORIZON`) when the calendar never opens, or never closes,
 *   within its search horizon (a 24/7 calendar)
 * @example
 * ```ts
 * const cal = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * nextClose(cal, "2026-03-02T10:00:00+01:00").toISOString(); //=> "2026-03-02T16:00:00.000Z"
 * ```
 */
export function nextClose(cal: BusinessCalendar, at: InstantInput): Date {
  return cal.nextClose(toDate(at, "at"));
}
