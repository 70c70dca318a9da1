import {
  type Actor,
  ActorSchema,
  applyEvent,
  createParser,
  type InstantInput,
  InstantSchema,
  type Priority,
  PrioritySchema,
  type Ticket,
  type TicketEvent,
  type TicketStatus,
  TicketStatusSchema,
} from "@supportkit/core";
import { z } from "zod";
import {
  ChannelOptionSchema,
  createOptionsParser,
  DataSchema,
  LocaleRequestSchema,
  SegmentsOptionSchema,
  TimeZoneOptionSchema,
} from "./_lib/options";
import {
  compiledSetOf,
  defineTemplateSet,
  type TemplateChannel,
  type TemplateSet,
  type TemplateSetInput,
} from "./defineTemplateSet";
import { type RenderedTemplate, renderTemplate } from "./renderTemplate";

/**
 * The ticket changes a macro makes. Each is optional; a change that would not change anything (the
 * status it already has, a tag it already carries) is skipped.
 *
 * @example
 * ```ts
 * const actions: MacroActions = { status: "pending", priority: "high", addTags: ["delayed"], assigneeId: "a-mia" };
 * ```
 */
export interface MacroActions {
  /** New status; must be allowed by the lifecycle (`canTransition`). */
  readonly status?: TicketStatus;
  /** New priority. */
  readonly priority?: Priority;
  /** Tags to add. */
  readonly addTags?: readonly string[];
  /** Tags to remove. */
  readonly removeTags?: readonly string[];
  /** New assignee, or `null` to unassign. */
  readonly assigneeId?: string | null;
  /** New group, set together with the assignee. */
  readonly groupId?: string | null;
}

/**
 * A macro as written: a reply template set plus ticket actions.
 *
 * @example
 * ```ts
 * const input: MacroInput = { id: "delay", template: orderDelaySet, actions: { status: "pending", addTags: ["delayed"] } };
 * ```
 */
export interface MacroInput {
  /** Stable id; event ids are derived from it. */
  readonly id: string;
  /** Name shown to agents. */
  readonly title?: string;
  /** The reply, in every locale and channel it supports. */
  readonly template?: TemplateSet | TemplateSetInput;
  /** The ticket changes. */
  readonly actions?: MacroActions;
}

/**
 * A validated macro with its template compiled.
 *
 * @example
 * ```ts
 * const macro: Macro = defineMacro({ id: "close", actions: { status: "solved" } });
 * macro.actions.status; //=> "solved"
 * ```
 */
export interface Macro {
  /** The id. */
  readonly id: string;
  /** The title (the id when none was given). */
  readonly title: string;
  /** The compiled reply, if the macro has one. */
  readonly template: TemplateSet | undefined;
  /** The ticket changes. */
  readonly actions: MacroActions;
}

const tag = z.string().min(1).max(256);
const MacroSchema = z.strictObject({
  id: z.string().min(1).max(256),
  title: z.string().max(512).optional(),
  template: z
    .custom<TemplateSet | TemplateSetInput>((value) => typeof value === "object" && value !== null)
    .optional(),
  actions: z
    .strictObject({
      status: TicketStatusSchema.optional(),
      priority: PrioritySchema.optional(),
      addTags: z.array(tag).max(100).optional(),
      removeTags: z.array(tag).max(100).optional(),
      assigneeId: z.string().min(1).max(256).nullable().optional(),
      groupId: z.string().min(1).max(256).nullable().optional(),
    })
    .optional(),
});
const parseMacro = createParser(MacroSchema, "macro");

/**
 * Validates a macro and compiles its reply template.
 *
 * @param input - the macro as written
 * @returns the macro
 * @throws ValidationError (code `VALIDATION`) for a malformed macro or template set
 * @throws TemplateError (compile codes) for a template that does not compile
 * @example
 * ```ts
 * const macro = defineMacro({
 *   id: "order-delay",
 *   template: { id: "order-delay", defaultLocale: "en", variants: { en: { chat: "Sorry, order {{ ticket.fields.orderNumber }} is late." } } },
 *   actions: { status: "pending", addTags: ["delayed"] },
 * });
 * macro.title; //=> "order-delay"
 * ```
 */
export function defineMacro(input: MacroInput): Macro {
  const parsed = parseMacro(input);
  const given = parsed.template;
  const template =
    given === undefined
      ? undefined
      : compiledSetOf(given as TemplateSet) !== undefined
        ? (given as TemplateSet)
        : defineTemplateSet(given as TemplateSetInput);
  const actions: MacroActions = Object.freeze(
    Object.fromEntries(
      Object.entries(parsed.actions ?? {}).filter(([, v]) => v !== undefined),
    ) as MacroActions,
  );
  return Object.freeze({ id: parsed.id, title: parsed.title ?? parsed.id, template, actions });
}

/**
 * Options of {@link applyMacro}. Unknown keys (a misspelt `timezone`) are a `ValidationError`.
 *
 * @example
 * ```ts
 * const options: ApplyMacroOptions = { at: "2026-03-02T10:00:00Z", actor: { role: "agent", id: "a-mia" }, channel: "email" };
 * ```
 */
export interface ApplyMacroOptions {
  /** When the macro is applied (stamps the events); never read from the clock. */
  readonly at: InstantInput;
  /** Who applied it. */
  readonly actor?: Actor;
  /** Channel of the reply. Default: the ticket's channel when it is email, chat or sms, else email. */
  readonly channel?: TemplateChannel;
  /** Locale of the reply. Default: the ticket's language, then the requester's locale, then the set's default. */
  readonly locale?: string | readonly string[];
  /** Time zone for dates. Default: the requester's, else UTC. */
  readonly timeZone?: string;
  /** Extra template data, merged over `{ ticket, customer }`. */
  readonly data?: Readonly<Record<string, unknown>>;
  /** For SMS replies: the most segments allowed. */
  readonly maxSmsSegments?: number;
  /** Makes event ids; default `${macro.id}@${ticket.id}#${ticket.version + 1 + index}`. */
  readonly eventId?: (index: number) => string;
}

/**
 * What {@link applyMacro} produced: the events (already applied), the ticket after them, and the reply.
 *
 * @example
 * ```ts
 * const result: MacroResult = applyMacro(macro, ticket, { at: "2026-03-02T10:00:00Z" });
 * result.events.map((e) => e.type); //=> ["tags.changed", "status.changed"]
 * ```
 */
export interface MacroResult {
  /** The ticket after every event. */
  readonly ticket: Ticket;
  /** The events the macro made, in the order they were applied (append them to the ticket's log). */
  readonly events: readonly TicketEvent[];
  /** The rendered reply, or `null` for a macro without a template. */
  readonly reply: RenderedTemplate | null;
}

const ApplyOptionsSchema = z.strictObject({
  at: InstantSchema,
  actor: ActorSchema.optional(),
  channel: ChannelOptionSchema.optional(),
  locale: LocaleRequestSchema.optional(),
  timeZone: TimeZoneOptionSchema.optional(),
  data: DataSchema.optional(),
  maxSmsSegments: SegmentsOptionSchema.optional(),
  eventId: z
    .custom<(index: number) => string>((value) => typeof value === "function", "expected a function")
    .optional(),
});
const parseApplyOptions = createOptionsParser(ApplyOptionsSchema, "macro options");

const REPLY_CHANNELS: ReadonlySet<string> = new Set(["email", "chat", "sms"]);

/**
 * Applies a macro to a ticket: turns its actions into core ticket events (priority, tags, assignment, then
 * status), applies each with core's `applyEvent` (so the lifecycle rules hold), and renders the reply in the
 * customer's language with the updated ticket as data (`ticket`, `customer`, plus `options.data`).
 *
 * @param macro - from {@link defineMacro}
 * @param ticket - the current ticket
 * @param options - when, who, channel, locale, zone, extra data
 * @returns the new ticket, the events and the reply
 * @throws TransitionError (code `INVALID_TRANSITION`) when the status change breaks the lifecycle
 * @throws ReplayError (code `EVENT_INCONSISTENT`, `EVENT_OUT_OF_ORDER`) when the ticket cannot take the events
 * @throws TemplateError (render codes) when the reply cannot be rendered
 * @throws ValidationError (code `VALIDATION`) for missing or malformed options (no `at`, a bad zone or channel,
 *   an unknown option key), naming the field
 * @example
 * ```ts
 * const { ticket: next, events, reply } = applyMacro(macro, ticket, { at: "2026-03-02T10:00:00Z", actor: { role: "agent", id: "a-mia" } });
 * next.status; //=> "pending"
 * reply?.text; //=> "Sorry, order 1042 is late."
 * ```
 */
export function applyMacro(macro: Macro, ticket: Ticket, options: ApplyMacroOptions): MacroResult {
  const { at } = parseApplyOptions(options);
  const events: TicketEvent[] = [];
  const nextId = (): string =>
    options.eventId?.(events.length) ?? `${macro.id}@${ticket.id}#${ticket.version + 1 + events.length}`;
  const base = (): { id: string; ticketId: string; at: Date; actor?: Actor } => ({
    id: nextId(),
    ticketId: ticket.id,
    at,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
  });
  let current = ticket;
  const push = (event: TicketEvent): void => {
    current = applyEvent(current, event);
    events.push(event);
  };
  const { actions } = macro;
  if (actions.priority !== undefined && actions.priority !== current.priority) {
    push({ ...base(), type: "priority.changed", from: current.priority, to: actions.priority });
  }
  const added = (actions.addTags ?? []).filter((t) => !current.tags.includes(t));
  const removed = (actions.removeTags ?? []).filter((t) => current.tags.includes(t));
  if (added.length > 0 || removed.length > 0) push({ ...base(), type: "tags.changed", added, removed });
  if (
    (actions.assigneeId !== undefined && actions.assigneeId !== current.assigneeId) ||
    (actions.groupId !== undefined && actions.groupId !== current.groupId)
  ) {
    push({
      ...base(),
      type: "assigned",
      assigneeId: actions.assigneeId === undefined ? current.assigneeId : actions.assigneeId,
      ...(actions.groupId === undefined ? {} : { groupId: actions.groupId }),
    });
  }
  if (actions.status !== undefined && actions.status !== current.status) {
    push({ ...base(), type: "status.changed", from: current.status, to: actions.status });
  }
  let reply: RenderedTemplate | null = null;
  if (macro.template !== undefined) {
    const channel =
      options.channel ??
      (REPLY_CHANNELS.has(current.channel) ? (current.channel as TemplateChannel) : "email");
    const locale =
      options.locale ?? current.language ?? current.requester.locale ?? macro.template.defaultLocale;
    const timeZone = options.timeZone ?? current.requester.timeZone ?? "UTC";
    reply = renderTemplate(macro.template, {
      locale,
      channel,
      timeZone,
      now: at,
      data: { ticket: current, customer: current.requester, ...options.data },
      ...(options.maxSmsSegments === undefined ? {} : { maxSmsSegments: options.maxSmsSegments }),
    });
  }
  return { ticket: current, events, reply };
}
