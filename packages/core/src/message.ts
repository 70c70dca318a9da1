import { z } from "zod";
import { idField, instantField, localeField } from "./_lib/fields";
import { AuthorRoleSchema, ChannelSchema } from "./enums";

/**
 * Schema of who wrote a message or caused an event.
 *
 * @example
 * ```ts
 * ActorSchema.parse({ role: "agent", id: "a1" }).role; //=> "agent"
 * ```
 */
export const ActorSchema = z.strictObject({
  role: AuthorRoleSchema,
  /** Customer or agent id; bots and the system may leave it out. */
  id: idField.optional(),
});

/**
 * Who wrote a message or caused an event.
 *
 * @example
 * ```ts
 * const actor: Actor = { role: "customer", id: "c1" };
 * ```
 */
export type Actor = z.output<typeof ActorSchema>;

/**
 * Schema of a message on a ticket: a public reply the customer sees, or an internal note only agents see.
 *
 * @example
 * ```ts
 * const message = MessageSchema.parse({
 *   id: "m1", author: { role: "customer", id: "c1" }, visibility: "public", channel: "email",
 *   body: "Where is my order #1042?", createdAt: "2026-03-02T08:15:00Z",
 * });
 * message.createdAt instanceof Date; //=> true
 * ```
 */
export const MessageSchema = z.strictObject({
  id: idField,
  author: ActorSchema,
  /** `public` reaches the customer; `internal` is a note between agents. */
  visibility: z.enum(["public", "internal"]),
  channel: ChannelSchema,
  body: z.string().max(1_000_000, "must be at most 1,000,000 characters"),
  /** Language of the body, when known. */
  language: localeField.optional(),
  createdAt: instantField,
});

/**
 * A message on a ticket, as parsed by {@link MessageSchema}.
 *
 * @example
 * ```ts
 * const note: Message = {
 *   id: "m2", author: { role: "agent", id: "a1" }, visibility: "internal", channel: "email",
 *   body: "Carrier confirms delay", createdAt: new Date("2026-03-02T09:00:00Z"),
 * };
 * ```
 */
export type Message = z.output<typeof MessageSchema>;
