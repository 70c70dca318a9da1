import { z } from "zod";
import { idField, instantField, localeField, scalarField, scalarRecord } from "./_lib/fields";
import { CustomerSchema } from "./customer";
import { ChannelSchema, PrioritySchema, TicketStatusSchema } from "./enums";
import { ActorSchema, MessageSchema } from "./message";
import { SatisfactionRatingSchema } from "./rating";

// Fields every event carries: its own id, the ticket, when it happened and who caused it.
const base = {
  id: idField,
  ticketId: idField,
  at: instantField,
  actor: ActorSchema.optional(),
};

const tag = z.string().min(1).max(256);

/**
 * Schema of a ticket event. Events are the source of truth: `replay(events)` rebuilds the ticket,
 * metrics and SLA clocks fold over them. Discriminated by `type`:
 *
 * - `ticket.created`: the ticket's initial fields (`status` is `new` unless given as `open`)
 * - `message.added`: a public reply or internal note
 * - `status.changed`, `priority.changed`: `to` and optionally `from` (checked on replay)
 * - `assigned`: new assignee (or `null`) and optionally group
 * - `tags.changed`: tags `added` and `removed`
 * - `field.changed`: one custom field's new value (`null` clears it)
 * - `rated`: a CSAT, NPS or CES rating
 * - `merged`: the ticket was merged `into` another and is closed
 *
 * @example
 * ```ts
 * const event = TicketEventSchema.parse({
 *   type: "status.changed", id: "e3", ticketId: "t1", at: "2026-03-02T09:00:00Z", to: "pending",
 *   actor: { role: "agent", id: "a1" },
 * });
 * event.type; //=> "status.changed"
 * ```
 */
export const TicketEventSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...base,
    type: z.literal("ticket.created"),
    subject: z.string().max(2_000),
    priority: PrioritySchema.default("normal"),
    channel: ChannelSchema,
    requester: CustomerSchema,
    status: z.enum(["new", "open"]).default("new"),
    assigneeId: idField.nullable().optional(),
    groupId: idField.nullable().optional(),
    tags: z.array(tag).max(1_000).optional(),
    language: localeField.optional(),
    fields: scalarRecord.optional(),
  }),
  z.strictObject({ ...base, type: z.literal("message.added"), message: MessageSchema }),
  z.strictObject({
    ...base,
    type: z.literal("status.changed"),
    from: TicketStatusSchema.optional(),
    to: TicketStatusSchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal("priority.changed"),
    from: PrioritySchema.optional(),
    to: PrioritySchema,
  }),
  z.strictObject({
    ...base,
    type: z.literal("assigned"),
    assigneeId: idField.nullable(),
    groupId: idField.nullable().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("tags.changed"),
    added: z.array(tag).max(1_000).default([]),
    removed: z.array(tag).max(1_000).default([]),
  }),
  z.strictObject({
    ...base,
    type: z.literal("field.changed"),
    field: z
      .string()
      .min(1)
      .max(128)
      .refine(
        (name) => !["__proto__", "constructor", "prototype"].includes(name),
        "is not allowed as a field name",
      ),
    value: scalarField,
  }),
  z.strictObject({ ...base, type: z.literal("rated"), rating: SatisfactionRatingSchema }),
  z.strictObject({ ...base, type: z.literal("merged"), into: idField }),
]);

/**
 * One thing that happened to a ticket, as parsed by {@link TicketEventSchema}.
 *
 * @example
 * ```ts
 * const event: TicketEvent = {
 *   type: "priority.changed", id: "e4", ticketId: "t1", at: new Date("2026-03-02T10:00:00Z"), to: "urgent",
 * };
 * ```
 */
export type TicketEvent = z.output<typeof TicketEventSchema>;

/**
 * The `type` of a ticket event.
 *
 * @example
 * ```ts
 * const type: TicketEventType = "message.added";
 * ```
 */
export type TicketEventType = TicketEvent["type"];

/**
 * The event of one `type`.
 *
 * @example
 * ```ts
 * type Rated = TicketEventOf<"rated">; // { type: "rated"; rating: SatisfactionRating; ... }
 * ```
 */
export type TicketEventOf<T extends TicketEventType> = Extract<TicketEvent, { type: T }>;

/**
 * A ticket event as a caller may write it before parsing (ISO strings for instants, defaults left out).
 *
 * @example
 * ```ts
 * const input: TicketEventInput = { type: "merged", id: "e9", ticketId: "t2", at: "2026-03-03T10:00:00Z", into: "t1" };
 * ```
 */
export type TicketEventInput = z.input<typeof TicketEventSchema>;
