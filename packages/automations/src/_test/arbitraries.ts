import { fc } from "@fast-check/vitest";
import { parseTicketEvent, replay, type Ticket, type TicketEvent } from "@supportkit/core";
import type { Condition } from "../conditions";
import { parseRules, type Rule } from "../rules";

const leaves: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field: fc.constant("status"),
    op: fc.constantFrom("is", "is_not", "changed", "changed_to"),
    value: fc.constantFrom("new", "open", "pending", "solved"),
  }),
  fc.record({
    field: fc.constant("priority"),
    op: fc.constantFrom("is", "changed_from"),
    value: fc.constantFrom("low", "normal", "high", "urgent"),
  }),
  fc.record({
    field: fc.constant("tags"),
    op: fc.constantFrom("contains", "not_contains", "changed_to"),
    value: fc.constantFrom("vip", "refund", "late"),
  }),
  fc.record({
    field: fc.constant("message.text"),
    op: fc.constant("contains"),
    value: fc.constantFrom("refund", "late", "ＲＥＦＵＮＤ"),
  }),
  fc.record({
    field: fc.constant("channel"),
    op: fc.constant("is"),
    value: fc.constantFrom("chat", "email"),
  }),
  fc.record({
    field: fc.constant("channel"),
    op: fc.constant("in"),
    value: fc.subarray(["chat", "email", "sms"]),
  }),
  fc.record({
    field: fc.constant("event.type"),
    op: fc.constant("is"),
    value: fc.constantFrom("ticket.created", "message.added", "status.changed"),
  }),
  fc.record({
    field: fc.constantFrom("created_at", "status_changed_at"),
    op: fc.constantFrom("hours_since_gte", "hours_since_lt"),
    value: fc.integer({ min: 0, max: 72 }),
  }),
) as fc.Arbitrary<Condition>;

export const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", maxDepth: 6, withCrossShrink: true },
    leaves,
    // Groups are never empty: parseRule rejects an empty `all` / `any`.
    fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("node") }),
  ),
})).node;

const actionArb = fc.oneof(
  fc.record({
    type: fc.constant("set_status"),
    status: fc.constantFrom("open", "pending", "solved", "on_hold"),
  }),
  fc.record({
    type: fc.constant("set_priority"),
    priority: fc.constantFrom("low", "normal", "high", "urgent"),
  }),
  fc.record({ type: fc.constant("add_tags"), tags: fc.constant(["vip"]) }),
  fc.record({ type: fc.constant("remove_tags"), tags: fc.constant(["vip", "refund"]) }),
  fc.record({ type: fc.constant("set_group"), group: fc.constantFrom("a", "b", null) }),
  fc.record({ type: fc.constant("add_note"), body: fc.constant("note") }),
  fc.record({ type: fc.constant("webhook"), name: fc.constant("hook") }),
);

export const rulesArb: fc.Arbitrary<Rule[]> = fc
  .array(fc.record({ when: conditionArb, actions: fc.array(actionArb, { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .map((rules) => parseRules(rules.map((rule, index) => ({ id: `r${index}`, ...rule }))));

/** A ticket before an update, and the update: a customer message, a status change or a tag change. */
export const updateArb: fc.Arbitrary<{ ticket: Ticket; event: TicketEvent }> = fc
  .record({
    status: fc.constantFrom("new", "open"),
    channel: fc.constantFrom("chat", "email"),
    tags: fc.subarray(["vip", "refund", "late"]),
    kind: fc.constantFrom("message", "status", "tags"),
    text: fc.constantFrom("I want a refund", "parcel is late", "thanks"),
    minutes: fc.integer({ min: 0, max: 5_000 }),
  })
  .map(({ status, channel, tags, kind, text, minutes }) => {
    const ticket = replay([
      parseTicketEvent({
        type: "ticket.created",
        id: "e1",
        ticketId: "t1",
        at: "2026-03-02T10:00:00Z",
        subject: "Order",
        channel,
        status,
        tags,
        requester: { id: "c1", locale: "en-GB" },
      }),
    ]);
    const at = new Date(Date.UTC(2026, 2, 2, 10) + minutes * 60_000).toISOString();
    const event =
      kind === "message"
        ? parseTicketEvent({
            type: "message.added",
            id: "e2",
            ticketId: "t1",
            at,
            message: {
              id: "m",
              author: { role: "customer" },
              visibility: "public",
              channel: "chat",
              body: text,
              createdAt: at,
            },
          })
        : kind === "status"
          ? parseTicketEvent({ type: "status.changed", id: "e2", ticketId: "t1", at, to: "pending" })
          : parseTicketEvent({
              type: "tags.changed",
              id: "e2",
              ticketId: "t1",
              at,
              added: ["refund"],
              removed: [],
            });
    return { ticket, event };
  });
