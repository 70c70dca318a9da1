import { SupportKitError } from "@supportkit/core";

/**
 * A business-time search gave up: the calendar has no business time (or, for `nextClose`, never closes)
 * within its search horizon, or the operation would span more than 100 years. Nothing in this package
 * loops without a bound; this is what it throws instead.
 *
 * @example
 * ```ts
 * try {
 *   nextClose(alwaysOpenCalendar, new Date("2026-01-01T00:00:00Z"));
 * } catch (error) {
 *   if (error instanceof CalendarHorizonError) error.code; //=> "CALENDAR_HORIZON"
 * }
 * ```
 */
export class CalendarHorizonError extends SupportKitError {
  /**
   * @param message - what the search was looking for and how far it looked
   */
  constructor(message: string) {
    super("CALENDAR_HORIZON", message);
    this.name = "CalendarHorizonError";
  }
}
