import { type BusinessClock, instantToEpoch, type Ticket, type TicketEvent } from "@supportkit/core";

/** What a condition can look at. `before` is the ticket before the update (triggers only). */
export interface EvaluationContext {
  readonly ticket: Ticket;
  readonly before: Ticket | undefined;
  readonly event: TicketEvent | undefined;
  /** Epoch ms the rule is evaluated at. */
  readonly now: number;
  /** Business clock for `hours_since_*` with `business: true`. */
  readonly clock: BusinessClock | undefined;
  /** Values of `data.<name>` (workflow guards). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A value a condition field holds: a scalar, a tag list, or `undefined` when the field is absent.
 *
 * @example
 * ```ts
 * const seen: FieldValue = ["vip", "refund"];
 * ```
 */
export type FieldValue = string | number | boolean | null | undefined | readonly string[];
export type FieldReader = (ticket: Ticket, context: EvaluationContext) => FieldValue;

const epoch = (date: Date | undefined): number | undefined => date?.getTime();

function lastMessageAt(ticket: Ticket, role: "customer" | "agent"): number | undefined {
  for (let index = ticket.messages.length - 1; index >= 0; index--) {
    const message = ticket.messages[index];
    if (message && message.visibility === "public" && message.author.role === role)
      return message.createdAt.getTime();
  }
  return undefined;
}

function lastCustomerText(ticket: Ticket): string | undefined {
  for (let index = ticket.messages.length - 1; index >= 0; index--) {
    const message = ticket.messages[index];
    if (message && message.visibility === "public" && message.author.role === "customer") return message.body;
  }
  return undefined;
}

const own = (record: Readonly<Record<string, unknown>> | undefined, key: string): FieldValue => {
  if (!record || !Object.hasOwn(record, key)) return undefined;
  const value = record[key];
  return typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value === null
    ? value
    : undefined;
};

const FIXED: Readonly<Record<string, FieldReader>> = {
  status: (ticket) => ticket.status,
  priority: (ticket) => ticket.priority,
  channel: (ticket) => ticket.channel,
  group: (ticket) => ticket.groupId,
  assignee: (ticket) => ticket.assigneeId,
  subject: (ticket) => ticket.subject,
  language: (ticket) => ticket.language,
  tags: (ticket) => ticket.tags,
  reopens: (ticket) => ticket.reopenCount,
  created_at: (ticket) => epoch(ticket.createdAt),
  updated_at: (ticket) => epoch(ticket.updatedAt),
  status_changed_at: (ticket) => epoch(ticket.statusChangedAt ?? ticket.createdAt),
  solved_at: (ticket) => epoch(ticket.solvedAt),
  last_customer_message_at: (ticket) => lastMessageAt(ticket, "customer"),
  last_agent_reply_at: (ticket) => lastMessageAt(ticket, "agent"),
  "event.type": (_ticket, context) => context.event?.type,
  "event.actor": (_ticket, context) => context.event?.actor?.role,
  "message.text": (ticket, context) =>
    context.event?.type === "message.added" ? context.event.message.body : lastCustomerText(ticket),
  "message.author": (_ticket, context) =>
    context.event?.type === "message.added" ? context.event.message.author.role : undefined,
  "message.visibility": (_ticket, context) =>
    context.event?.type === "message.added" ? context.event.message.visibility : undefined,
};

/** Builds the reader of a validated field path once, so evaluation does no string work. */
export function readerFor(path: string): FieldReader {
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const dot = path.indexOf(".");
  const root = path.slice(0, dot);
  const name = path.slice(dot + 1);
  if (root === "fields") return (ticket) => own(ticket.fields, name);
  if (root === "data") return (_ticket, context) => own(context.data, name);
  if (path.startsWith("customer.attributes.")) {
    const key = path.slice("customer.attributes.".length);
    return (ticket) => own(ticket.requester.attributes, key);
  }
  // customer.<known field>: the schema's regex allows only the listed names.
  return (ticket) => own(ticket.requester as unknown as Record<string, unknown>, name);
}

/** Reads an instant a field holds: epoch ms, an ISO string with offset, or a `YYYY-MM-DD` date (UTC midnight). */
export function toEpoch(value: FieldValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return instantToEpoch(`${value}T00:00:00Z`);
  return instantToEpoch(value);
}
