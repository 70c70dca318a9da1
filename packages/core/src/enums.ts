import { z } from "zod";

/**
 * Every ticket status, in lifecycle order.
 *
 * @example
 * ```ts
 * TICKET_STATUSES.includes("pending"); //=> true
 * ```
 */
export const TICKET_STATUSES = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
/**
 * Schema of a ticket status.
 *
 * @example
 * ```ts
 * TicketStatusSchema.parse("on_hold"); //=> "on_hold"
 * ```
 */
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
/**
 * Where a ticket is in its lifecycle: `new`, `open`, `pending` (waiting on the customer), `on_hold`
 * (waiting on a third party), `solved`, `closed` (final).
 *
 * @example
 * ```ts
 * const status: TicketStatus = "pending";
 * ```
 */
export type TicketStatus = z.output<typeof TicketStatusSchema>;

/**
 * Every priority, lowest first.
 *
 * @example
 * ```ts
 * PRIORITIES.indexOf("urgent"); //=> 3
 * ```
 */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
/**
 * Schema of a ticket priority.
 *
 * @example
 * ```ts
 * PrioritySchema.parse("urgent"); //=> "urgent"
 * ```
 */
export const PrioritySchema = z.enum(PRIORITIES);
/**
 * How urgent a ticket is: `low`, `normal`, `high`, `urgent`.
 *
 * @example
 * ```ts
 * const priority: Priority = "high";
 * ```
 */
export type Priority = z.output<typeof PrioritySchema>;

/**
 * Every channel a conversation can arrive on.
 *
 * @example
 * ```ts
 * CHANNELS.includes("marketplace"); //=> true
 * ```
 */
export const CHANNELS = [
  "email",
  "chat",
  "phone",
  "web_form",
  "social",
  "marketplace",
  "sms",
  "whatsapp",
  "api",
] as const;
/**
 * Schema of a channel.
 *
 * @example
 * ```ts
 * ChannelSchema.parse("whatsapp"); //=> "whatsapp"
 * ```
 */
export const ChannelSchema = z.enum(CHANNELS);
/**
 * Where a conversation happens: email, chat, phone, web form, social, marketplace messages
 * (Amazon buyer messages and the like), SMS, WhatsApp, or the API.
 *
 * @example
 * ```ts
 * const channel: Channel = "email";
 * ```
 */
export type Channel = z.output<typeof ChannelSchema>;

/**
 * Who can write a message or cause an event.
 *
 * @example
 * ```ts
 * AUTHOR_ROLES; //=> ["customer", "agent", "bot", "system"]
 * ```
 */
export const AUTHOR_ROLES = ["customer", "agent", "bot", "system"] as const;
/**
 * Schema of an author role.
 *
 * @example
 * ```ts
 * AuthorRoleSchema.parse("bot"); //=> "bot"
 * ```
 */
export const AuthorRoleSchema = z.enum(AUTHOR_ROLES);
/**
 * Who wrote a message or caused an event: the customer, an agent, a bot, or the system.
 *
 * @example
 * ```ts
 * const role: AuthorRole = "agent";
 * ```
 */
export type AuthorRole = z.output<typeof AuthorRoleSchema>;

/**
 * Every agent presence.
 *
 * @example
 * ```ts
 * PRESENCES; //=> ["online", "away", "offline"]
 * ```
 */
export const PRESENCES = ["online", "away", "offline"] as const;
/**
 * Schema of an agent presence.
 *
 * @example
 * ```ts
 * PresenceSchema.parse("away"); //=> "away"
 * ```
 */
export const PresenceSchema = z.enum(PRESENCES);
/**
 * Whether an agent can take work now: only `online` agents get new work.
 *
 * @example
 * ```ts
 * const presence: Presence = "online";
 * ```
 */
export type Presence = z.output<typeof PresenceSchema>;
