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
  static override readonly brand: string = "@supportkit/sla:CalendarHorizonError";

  /**
   * @param message - what the search was looking for and how far it looked
   */
  constructor(message: string) {
    super("CALENDAR_HORIZON", message);
    this.name = "CalendarHorizonError";
  }
}

/**
 * Stable codes of {@link SlaError}.
 *
 * - `SLA_UNKNOWN_TICKET`: the tracker does not follow a ticket with that id
 *
 * @example
 * ```ts
 * const code: SlaErrorCode = "SLA_UNKNOWN_TICKET";
 * ```
 */
export type SlaErrorCode = "SLA_UNKNOWN_TICKET";

/**
 * An SLA tracker was asked about something it does not hold.
 *
 * @example
 * ```ts
 * try {
 *   tracker.status("t-404", "2026-03-02T09:00:00Z");
 * } catch (error) {
 *   if (error instanceof SlaError) error.code; //=> "SLA_UNKNOWN_TICKET"
 * }
 * ```
 */
export class SlaError extends SupportKitError {
  static override readonly brand: string = "@supportkit/sla:SlaError";

  declare readonly code: SlaErrorCode;

  /**
   * @param code - the stable code
   * @param message - what was asked for
   */
  constructor(code: SlaErrorCode, message: string) {
    super(code, message);
    this.name = "SlaError";
  }
}
