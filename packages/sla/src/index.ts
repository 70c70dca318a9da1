/**
 * `@supportkit/sla`: business calendars in IANA time zones (holidays, short days, make-up working days,
 * overnight shifts, DST-correct), business-time arithmetic, SLA policies and their clocks.
 *
 * @packageDocumentation
 */

// Business calendars
export { addBusinessTime } from "./addBusinessTime";
export { businessTimeBetween } from "./businessTimeBetween";
export type { BusinessCalendarConfig, Weekday } from "./calendarConfig";
export { BusinessCalendarConfigSchema, IntervalSchema, parseBusinessCalendarConfig } from "./calendarConfig";
export type { BusinessCalendar } from "./createBusinessCalendar";
export { createBusinessCalendar } from "./createBusinessCalendar";
// Errors
export type { SlaErrorCode } from "./errors";
export { CalendarHorizonError, SlaError } from "./errors";
// SLA policies
export type { SlaStatus, SlaTargetState, SlaTargetStatus } from "./evaluateSla";
export { evaluateSla } from "./evaluateSla";
export { isOpen } from "./isOpen";
export { nextClose } from "./nextClose";
export { nextOpen } from "./nextOpen";
export type { PolicySelection, SlaConditionMatch } from "./selectPolicy";
export { selectPolicy } from "./selectPolicy";
export type {
  SlaConditions,
  SlaMetric,
  SlaPolicy,
  SlaPolicyInput,
  SlaTarget,
  SlaTargetInput,
} from "./slaPolicy";
export { defineSlaPolicy, SLA_METRICS } from "./slaPolicy";
// SLA tracker
export type {
  SlaBreachedEvent,
  SlaEventMap,
  SlaTracker,
  SlaTrackerOptions,
  SlaTrackerSnapshot,
  SlaWarningEvent,
  SlaWarningThreshold,
} from "./slaTracker";
export { createSlaTracker } from "./slaTracker";
