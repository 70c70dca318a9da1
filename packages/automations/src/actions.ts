import { PrioritySchema, TicketStatusSchema } from "@supportkit/core";
import { z } from "zod";
import { safeRecord } from "./_lib/safeRecord";

const id = z.string().min(1).max(256);
const tag = z.string().min(1).max(256);
const scalar = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be finite"),
  z.boolean(),
  z.null(),
]);
const fieldName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "expected a plain field name")
  .refine(
    (name) => !["__proto__", "constructor", "prototype"].includes(name),
    "is not allowed as a field name",
  );
const data = safeRecord(fieldName, scalar).optional();

/**
 * Schema of a rule action. Ticket changes (`set_*`, `add_tags`, `remove_tags`, `set_tags`, `add_note`) come
 * back as core ticket events; `send_reply` as a rendered reply command plus its public message event;
 * `apply_sla_policy`, `create_ticket` and `webhook` as commands for the caller to carry out.
 *
 * @example
 * ```ts
 * ActionSchema.parse({ type: "add_tags", tags: ["win_back"] }).type; //=> "add_tags"
 * ```
 */
export const ActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("set_status"), status: TicketStatusSchema }),
  z.strictObject({ type: z.literal("set_priority"), priority: PrioritySchema }),
  z.strictObject({ type: z.literal("set_group"), group: id.nullable() }),
  z.strictObject({ type: z.literal("set_assignee"), assignee: id.nullable() }),
  z.strictObject({ type: z.literal("add_tags"), tags: z.array(tag).min(1).max(100) }),
  z.strictObject({ type: z.literal("remove_tags"), tags: z.array(tag).min(1).max(100) }),
  z.strictObject({ type: z.literal("set_tags"), tags: z.array(tag).max(100) }),
  z.strictObject({ type: z.literal("set_field"), field: fieldName, value: scalar }),
  z.strictObject({ type: z.literal("add_note"), body: z.string().min(1).max(100_000) }),
  z.strictObject({ type: z.literal("send_reply"), template: id, data }),
  z.strictObject({ type: z.literal("apply_sla_policy"), policy: id }),
  z.strictObject({
    type: z.literal("create_ticket"),
    subject: z.string().min(1).max(2_000),
    group: id.optional(),
    priority: PrioritySchema.optional(),
    tags: z.array(tag).max(100).optional(),
    template: id.optional(),
  }),
  z.strictObject({ type: z.literal("webhook"), name: id, payload: data }),
]);

/**
 * What a rule does when it fires.
 *
 * @example
 * ```ts
 * const action: Action = { type: "send_reply", template: "payment_reminder" };
 * ```
 */
export type Action = z.output<typeof ActionSchema>;
