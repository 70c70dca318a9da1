/**
 * `@supportkit/core`: the ticket data model (zod schemas and types), the ticket lifecycle, the event
 * log, a typed event bus, typed errors, duration helpers and the `BusinessClock` interface that the
 * other supportkit packages share.
 *
 * @packageDocumentation
 */

export type { Agent, AgentCapacity, AgentSkill } from "./agent";
export { AgentCapacitySchema, AgentSchema, AgentSkillSchema } from "./agent";
export type { BusinessClock } from "./businessClock";
// Business time
export { alwaysOpenClock, BusinessClockSchema, isBusinessClock } from "./businessClock";
export type { Customer } from "./customer";
export { CustomerSchema } from "./customer";
// Durations and instants
export { hours, minutes, seconds } from "./durations";
export type { AuthorRole, Channel, Presence, Priority, TicketStatus } from "./enums";
// Enumerations
export {
  AUTHOR_ROLES,
  AuthorRoleSchema,
  CHANNELS,
  ChannelSchema,
  PRESENCES,
  PRIORITIES,
  PresenceSchema,
  PrioritySchema,
  TICKET_STATUSES,
  TicketStatusSchema,
} from "./enums";
export type { ReplayErrorCode, SupportKitErrorOptions, ValidationIssue } from "./errors";
// Errors
export {
  ReplayError,
  SupportKitError,
  TransitionError,
  ValidationError,
} from "./errors";
export type { AnyEventHandler, EventBus, TicketEventMap } from "./eventBus";
// Event bus
export { createEventBus, EventBusSchema } from "./eventBus";
export { applyEvent, replay } from "./eventLog";
export type { TicketEvent, TicketEventInput, TicketEventOf, TicketEventType } from "./events";
export { TicketEventSchema } from "./events";
// Schemas and types
export { IdSchema, InstantSchema, LocaleSchema, TimeZoneSchema } from "./fieldSchemas";
export type { InstantInput } from "./instant";
export { instantToEpoch, toDate } from "./instant";
// Lifecycle and event log
export { canTransition, explainTransition, isUnsolved, TICKET_TRANSITIONS, transition } from "./lifecycle";
export type { Actor, Message } from "./message";
export { ActorSchema, MessageSchema } from "./message";
export type { ParseResult } from "./parse";
// Parsing untrusted input
export {
  createOptionsChecker,
  createParser,
  createSafeParser,
  parseAgent,
  parseCustomer,
  parseMessage,
  parseSatisfactionRating,
  parseTicket,
  parseTicketEvent,
  parseTicketEvents,
  safeParseTicket,
  safeParseTicketEvent,
  toValidationIssues,
} from "./parse";
export type { SatisfactionRating } from "./rating";
export { SatisfactionRatingSchema } from "./rating";
export type { Ticket } from "./ticket";
export { TicketSchema } from "./ticket";
export { isValidLocale, isValidTimeZone, timeZoneOffset } from "./timeZone";
export { instantToWallTime, wallTimeToInstant } from "./wallTime";
