import { z } from "zod";
import { idField, instantField, localeField, scalarRecord } from "./_lib/fields";
import { CustomerSchema } from "./customer";
import { ChannelSchema, PrioritySchema, TicketStatusSchema } from "./enums";
import { MessageSchema } from "./message";
import { SatisfactionRatingSchema } from "./rating";

/**
 * Schema of a ticket: one customer conversation and its state. `replay(events)` builds one from its history.
 *
 * @example
 * ```ts
 * const ticket = TicketSchema.parse({
 *   id: "t1", subject: "Parcel late", status: "open", priority: "normal", channel: "email",
 *   requester: { id: "c1", locale: "de-DE" }, createdAt: "2026-03-02T08:15:00Z", updatedAt: "2026-03-02T08:15:00Z",
 * });
 * ticket.tags; //=> []
 * ```
 */
export const TicketSchema = z.strictObject({
  id: idField,
  subject: z.string().max(2_000),
  status: TicketStatusSchema,
  priority: PrioritySchema,
  /** Channel the ticket arrived on. */
  channel: ChannelSchema,
  /** The customer who asked, with the facts rules and templates need. */
  requester: CustomerSchema,
  /** Agent working on it, `null` when unassigned. */
  assigneeId: idField.nullable().default(null),
  /** Group (team) it belongs to, `null` when none. */
  groupId: idField.nullable().default(null),
  /** Tags, unique, in the order they were added. */
  tags: z.array(z.string().min(1).max(256)).max(1_000).default([]),
  /** Language of the conversation, when known. */
  language: localeField.optional(),
  /** Custom fields (order number, category, marketplace). */
  fields: scalarRecord.default({}),
  messages: z.array(MessageSchema).default([]),
  ratings: z.array(SatisfactionRatingSchema).default([]),
  createdAt: instantField,
  updatedAt: instantField,
  /** When it entered its current status (`createdAt` until the first change); time-based rules read it. */
  statusChangedAt: instantField.optional(),
  /** Last time it entered `solved`; cleared on reopen. */
  solvedAt: instantField.optional(),
  closedAt: instantField.optional(),
  /** Times it went from solved back to an unsolved status. */
  reopenCount: z.number().int().nonnegative().default(0),
  /** Id of the ticket this one was merged into. */
  mergedInto: idField.optional(),
  /** Number of events applied; replay checks it. */
  version: z.number().int().nonnegative().default(0),
});

/**
 * A ticket, as parsed by {@link TicketSchema} or built by `replay`.
 *
 * @example
 * ```ts
 * const ticket: Ticket = replay(events);
 * ticket.status; //=> "solved"
 * ```
 */
export type Ticket = z.output<typeof TicketSchema>;
