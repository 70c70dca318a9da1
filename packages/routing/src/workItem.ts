import { ChannelSchema, createParser, PrioritySchema, type Ticket } from "@supportkit/core";
import { z } from "zod";
import { durationField, idField, instantField, localeField } from "./_lib/fields";

/**
 * Schema of a required skill on a work item: a skill name, a minimum level, and optionally how the
 * requirement relaxes while the item waits (`relax` lowers the minimum stepwise; `dropAfterMs` removes it).
 *
 * @example
 * ```ts
 * RequiredSkillSchema.parse({ name: "refunds", minLevel: 6, relax: { everyMs: 300_000 } }).relax?.step; //=> 1
 * ```
 */
export const RequiredSkillSchema = z.strictObject({
  name: z.string().min(1).max(128),
  /** Lowest agent level accepted, 1–10. Default 1. */
  minLevel: z.number().int().min(1).max(10).default(1),
  /** After this much waiting (ms since `createdAt`) the skill is no longer required. */
  dropAfterMs: durationField.optional(),
  /** Stepwise lowering of `minLevel`: every `everyMs` of waiting, `step` levels lower, never below `floor`. */
  relax: z
    .strictObject({
      /** Waiting time per step, ms (> 0). */
      everyMs: z.number().positive().max(8.64e15),
      /** Levels lowered per step. Default 1. */
      step: z.number().int().min(1).max(10).default(1),
      /** Lowest level reached. Default 1. */
      floor: z.number().int().min(1).max(10).default(1),
    })
    .optional(),
});

/**
 * A skill a work item needs, with its minimum level and relaxation.
 *
 * @example
 * ```ts
 * const skill: RequiredSkill = { name: "payments", minLevel: 5, dropAfterMs: 600_000 };
 * ```
 */
export type RequiredSkill = z.output<typeof RequiredSkillSchema>;

/**
 * A work item's fields without the check for a skill listed twice: what snapshots hold. Items enqueued before
 * that check existed may list a skill twice, and a saved router state must still restore. Internal.
 */
export const WorkItemFieldsSchema = z.strictObject({
  id: idField,
  channel: ChannelSchema,
  /** Default `normal`. */
  priority: PrioritySchema.default("normal"),
  /** VIP tier, 0 (none) to 10; each tier adds `vipWeight` to the queue score. Default 0. */
  vipTier: z.number().int().min(0).max(10).default(0),
  /** Language of the conversation (BCP 47); agents must cover it. Omitted: any agent. */
  language: localeField.optional(),
  /** Skills an agent must have; they filter. */
  requiredSkills: z.array(RequiredSkillSchema).max(64).default([]),
  /** Skills that only rank (best-skill-match), never filter. */
  preferredSkills: z.array(z.string().min(1).max(128)).max(64).default([]),
  /** Group (team) whose members may take it. Omitted: any group. */
  groupId: idField.optional(),
  /** When the item entered the queue; aging and relaxation count from here. */
  createdAt: instantField,
  /** Agent who handled the conversation before (sticky routing). */
  previousAgentId: idField.optional(),
  /** How long the item may wait for a busy previous agent, ms; overrides the router's `stickyWaitMs`. */
  stickyWaitMs: durationField.optional(),
  /** Text for triage (subject and first message). */
  text: z.string().max(100_000).optional(),
});

/**
 * Schema of a work item: something to route (a ticket, a chat, a call).
 *
 * @example
 * ```ts
 * const item = WorkItemSchema.parse({
 *   id: "t1", channel: "email", language: "de-AT", createdAt: "2026-03-02T08:00:00Z",
 *   requiredSkills: [{ name: "refunds", minLevel: 5 }],
 * });
 * item.priority; //=> "normal"
 * ```
 */
export const WorkItemSchema = WorkItemFieldsSchema
  // A skill named twice would be checked at two levels and counted twice by best-skill-match: reject it,
  // as agents' skill lists do.
  .superRefine((item, ctx) => {
    const reportTwice = (names: readonly string[], field: string, key: (index: number) => PropertyKey[]) => {
      const seen = new Set<string>();
      names.forEach((name, index) => {
        if (seen.has(name))
          ctx.addIssue({
            code: "custom",
            path: [field, ...key(index)],
            message: `skill "${name}" is listed twice`,
          });
        seen.add(name);
      });
    };
    reportTwice(
      item.requiredSkills.map((skill) => skill.name),
      "requiredSkills",
      (index) => [index, "name"],
    );
    reportTwice(item.preferredSkills, "preferredSkills", (index) => [index]);
  });

/**
 * A work item, as parsed by {@link WorkItemSchema}.
 *
 * @example
 * ```ts
 * const item: WorkItem = parseWorkItem({ id: "t1", channel: "chat", createdAt: 0 });
 * item.vipTier; //=> 0
 * ```
 */
export type WorkItem = z.output<typeof WorkItemSchema>;

/**
 * What callers may pass for a {@link WorkItem}: instants as `Date`, epoch ms or ISO strings, defaults omitted.
 *
 * @example
 * ```ts
 * const input: WorkItemInput = { id: "t1", channel: "email", createdAt: "2026-03-02T08:00:00Z" };
 * ```
 */
export type WorkItemInput = z.input<typeof WorkItemSchema>;

/**
 * Parses untrusted input into a {@link WorkItem}.
 *
 * @param input - anything
 * @returns the work item with defaults filled in
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseWorkItem({ id: "t1", channel: "fax", createdAt: 0 }); // throws: Invalid work item: channel: ...
 * parseWorkItem({ id: "t1", channel: "chat", createdAt: 0 }).priority; //=> "normal"
 * ```
 */
export const parseWorkItem: (input: unknown) => WorkItem = createParser(WorkItemSchema, "work item");

/**
 * Options of {@link workItemFromTicket}.
 *
 * @example
 * ```ts
 * const options: WorkItemFromTicketOptions = { requiredSkills: [{ name: "refund", minLevel: 3 }], vipTier: 2 };
 * ```
 */
export interface WorkItemFromTicketOptions {
  /** Required skills (e.g. from triage). Default none. */
  readonly requiredSkills?: readonly z.input<typeof RequiredSkillSchema>[];
  /** Preferred skills. Default none. */
  readonly preferredSkills?: readonly string[];
  /** VIP tier; default 1 when the requester's `tier` is `"vip"`, otherwise 0. */
  readonly vipTier?: number;
  /** Sticky wait override, ms. */
  readonly stickyWaitMs?: number;
}

/**
 * Builds a work item from a core ticket: its channel, priority, language (or the requester's locale),
 * group, creation time, current assignee as the previous agent, and subject plus first message as text.
 *
 * @param ticket - a core `Ticket`
 * @param options - skills and VIP tier to add
 * @returns the work item (already valid)
 * @throws ValidationError (code `VALIDATION`) when an option is out of range
 * @example
 * ```ts
 * const item = workItemFromTicket(ticket, { requiredSkills: [{ name: "refunds" }] });
 * item.id === ticket.id; //=> true
 * ```
 */
export function workItemFromTicket(ticket: Ticket, options: WorkItemFromTicketOptions = {}): WorkItem {
  const language = ticket.language ?? ticket.requester.locale;
  const first = ticket.messages[0]?.body;
  return parseWorkItem({
    id: ticket.id,
    channel: ticket.channel,
    priority: ticket.priority,
    vipTier: options.vipTier ?? (ticket.requester.tier?.toLowerCase() === "vip" ? 1 : 0),
    ...(language === undefined ? {} : { language }),
    requiredSkills: options.requiredSkills ?? [],
    preferredSkills: options.preferredSkills ?? [],
    ...(ticket.groupId === null ? {} : { groupId: ticket.groupId }),
    createdAt: ticket.createdAt,
    ...(ticket.assigneeId === null ? {} : { previousAgentId: ticket.assigneeId }),
    ...(options.stickyWaitMs === undefined ? {} : { stickyWaitMs: options.stickyWaitMs }),
    text: first === undefined ? ticket.subject : `${ticket.subject}\n${first}`,
  });
}
