import { fc } from "@fast-check/vitest";
import { CHANNELS, PRIORITIES, type TicketStatus } from "../enums";
import type { TicketEvent } from "../events";
import { TICKET_TRANSITIONS } from "../lifecycle";

const start = Date.UTC(2026, 0, 1);

type Step =
  | { kind: "status"; pick: number }
  | { kind: "message"; role: "customer" | "agent" | "bot" | "system"; internal: boolean }
  | { kind: "priority"; to: (typeof PRIORITIES)[number] }
  | { kind: "assign"; assignee: string | null }
  | { kind: "tags"; added: string[]; removed: string[] }
  | { kind: "field"; value: string | number | null }
  | { kind: "rate"; score: number }
  | { kind: "merge" };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("status" as const), pick: fc.nat(10) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("message" as const),
      role: fc.constantFrom("customer" as const, "agent" as const, "bot" as const, "system" as const),
      internal: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("priority" as const), to: fc.constantFrom(...PRIORITIES) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("assign" as const),
      assignee: fc.constantFrom("a1", "a2", null),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("tags" as const),
      added: fc.array(fc.constantFrom("vip", "refund", "late"), { maxLength: 2 }),
      removed: fc.array(fc.constantFrom("vip", "refund", "late"), { maxLength: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("field" as const),
      value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("rate" as const), score: fc.integer({ min: 1, max: 5 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "merge" as const }) },
);

/**
 * A random but valid event log for one ticket: every status change follows the lifecycle, time never
 * goes back, and nothing but a rating follows a close.
 */
export const validEventLog: fc.Arbitrary<TicketEvent[]> = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    priority: fc.constantFrom(...PRIORITIES),
    steps: fc.array(fc.record({ step: stepArb, gapMs: fc.integer({ min: 0, max: 3_600_000 }) }), {
      maxLength: 30,
    }),
  })
  .map(({ channel, priority, steps }) => {
    const ticketId = "t1";
    let at = start;
    let status: TicketStatus = "new";
    const events: TicketEvent[] = [
      {
        type: "ticket.created",
        id: "e0",
        ticketId,
        at: new Date(at),
        subject: "Order question",
        channel,
        priority,
        status: "new",
        requester: { id: "c1" },
      },
    ];
    steps.forEach(({ step, gapMs }, index) => {
      at += gapMs;
      const base = { id: `e${index + 1}`, ticketId, at: new Date(at) };
      if (status === "closed") {
        if (step.kind === "rate")
          events.push({ ...base, type: "rated", rating: { kind: "csat", score: step.score } });
        return;
      }
      switch (step.kind) {
        case "status": {
          const options = TICKET_TRANSITIONS[status];
          const to = options[step.pick % options.length] as TicketStatus;
          events.push({ ...base, type: "status.changed", from: status, to });
          status = to;
          return;
        }
        case "message": {
          const publicMessage = !step.internal;
          events.push({
            ...base,
            type: "message.added",
            message: {
              id: `m${index}`,
              author: { role: step.role },
              visibility: publicMessage ? "public" : "internal",
              channel,
              body: "text",
              createdAt: new Date(at),
            },
          });
          if (publicMessage && step.role === "customer" && (status === "pending" || status === "solved"))
            status = "open";
          return;
        }
        case "priority":
          events.push({ ...base, type: "priority.changed", to: step.to });
          return;
        case "assign":
          events.push({ ...base, type: "assigned", assigneeId: step.assignee });
          if (status === "new" && step.assignee !== null) status = "open";
          return;
        case "tags":
          events.push({ ...base, type: "tags.changed", added: step.added, removed: step.removed });
          return;
        case "field":
          events.push({ ...base, type: "field.changed", field: "order", value: step.value });
          return;
        case "rate":
          events.push({ ...base, type: "rated", rating: { kind: "csat", score: step.score } });
          return;
        case "merge":
          events.push({ ...base, type: "merged", into: "t0" });
          status = "closed";
          return;
      }
    });
    return events;
  });
