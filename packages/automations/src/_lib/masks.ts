import type { TicketEventType } from "@supportkit/core";

// Bit sets over event types and over the fields events change, so the trigger loop tests "could this rule
// care?" with one AND instead of set look-ups.

const EVENT_TYPES: readonly TicketEventType[] = [
  "ticket.created",
  "message.added",
  "status.changed",
  "priority.changed",
  "assigned",
  "tags.changed",
  "field.changed",
  "rated",
  "merged",
];

export function eventTypeBit(type: TicketEventType): number {
  return 1 << EVENT_TYPES.indexOf(type);
}

export function eventTypeMask(types: ReadonlySet<TicketEventType> | undefined): number {
  let mask = 0;
  for (const type of types ?? []) mask |= eventTypeBit(type);
  return mask;
}

const FIELD_BITS: Readonly<Record<string, number>> = {
  status: 1 << 0,
  status_changed_at: 1 << 1,
  solved_at: 1 << 2,
  reopens: 1 << 3,
  priority: 1 << 4,
  group: 1 << 5,
  assignee: 1 << 6,
  tags: 1 << 7,
  updated_at: 1 << 8,
  "message.text": 1 << 9,
  last_customer_message_at: 1 << 10,
  last_agent_reply_at: 1 << 11,
};
// Every custom field shares one bit: a change to any re-checks the rules reading any.
const CUSTOM_FIELD_BIT = 1 << 12;

/** The bit of a condition field path; 0 for fields no event can change (customer, channel, event, data). */
export function fieldBit(path: string): number {
  return FIELD_BITS[path] ?? (path.startsWith("fields.") ? CUSTOM_FIELD_BIT : 0);
}

export function fieldMask(paths: ReadonlySet<string>): number {
  let mask = 0;
  for (const path of paths) mask |= fieldBit(path);
  return mask;
}

const bits = (...paths: string[]) => paths.reduce((mask, path) => mask | fieldBit(path), 0);
const STATUS = bits("status", "status_changed_at", "solved_at", "reopens", "updated_at");

/** The fields each event type can change (`field.changed` is handled per field). */
export const CHANGED_BY_EVENT: Readonly<Record<TicketEventType, number>> = {
  "ticket.created": ~0,
  "message.added": STATUS | bits("message.text", "last_customer_message_at", "last_agent_reply_at"),
  "status.changed": STATUS,
  merged: STATUS,
  "priority.changed": bits("priority", "updated_at"),
  assigned: STATUS | bits("group", "assignee"),
  "tags.changed": bits("tags", "updated_at"),
  "field.changed": CUSTOM_FIELD_BIT | bits("updated_at"),
  rated: bits("updated_at"),
};
