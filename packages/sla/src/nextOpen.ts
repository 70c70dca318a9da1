import { type InstantInput, toDate } from "@supportkit/core";
import type { BusinessCalendar } from "./createBusinessCalendar";

/**
 * `at` itself when the calendar is open then, otherwise the next instant it opens. Idempotent:
 * `nextOpen(cal, nextOpen(cal, t))` equals `nextOpen(cal, t)`.
 *
 * @param cal - the calendar
 * @param at - the instant
 * @returns an open instant at or after `at`
 * @throws ValidationError (code `VALIDATION`) for an invalid instant
 * @throws CalendarHorizonError (code `CALENDAR_HORIZON`) when nothing opens within the search horizon
 * @example
 * ```ts
 * const cal = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * nextOpen(cal, "2026-03-01T12:00:00Z").toISOString(); //=> "2026-03-02T08:00:00.000Z"
 * ```
 */
export function nextOpen(cal: BusinessCalendar, at: InstantInput): Date {
  return cal.nextOpen(toDate(at, "at"));
}
