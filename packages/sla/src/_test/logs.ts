import { fc } from "@fast-check/vitest";
import { applyEvent, PRIORITIES, TICKET_TRANSITIONS, type Ticket, type TicketEvent } from "@supportkit/core";

const START = Date.UTC(2026, 2, 2, 8); // Monday 08:00 UTC

type Step =
  | { kind: "status"; pick: number }
  | { kind: "message"; role: "customer" | "agent" | "bot"; internal: boolean }
  | { kind: "priority"; to: (typeof PRIORITIES)[number] };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("status" as const), pick: fc.nat(10) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("message" as const),
      role: fc.constantFrom("customer" as const, "agent" as const, "bot" as const),
      internal: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("priority" as const), to: fc.constantFrom(...PRIORITIES) }),
  },
);

export interface LogCase {
  readonly events: TicketEvent[];
  /** Status after each event, for oracles. */
  readonly statuses: Ticket["status"][];
  readonly end: number;
}

/** A random valid log of one ticket (statuses follow core's lifecycle), up to a few days long. */
export function logArb(options: { priorityChanges?: boolean } = {}): fc.Arbitrary<LogCase> {
  return fc
    .record({
      priority: fc.constantFrom(...PRIORITIES),
      steps: fc.array(fc.record({ step: stepArb, gap: fc.integer({ min: 0, max: 180 }) }), { maxLength: 25 }),
    })
    .map(({ priority, steps }) => {
      let at = START;
      const events: TicketEvent[] = [
        {
          type: "ticket.created",
          id: "e0",
          ticketId: "t1",
          at: new Date(at),
          subject: "Order question",
          channel: "email",
          priority,
          status: "new",
          requester: { id: "c1" },
        },
      ];
      let ticket = applyEvent(undefined, events[0]!);
      const statuses: Ticket["status"][] = [ticket.status];
      steps.forEach(({ step, gap }, index) => {
        if (ticket.status === "closed") return;
        at += gap * 60_000;
        const base = { id: `e${index + 1}`, ticketId: "t1", at: new Date(at) };
        let event: TicketEvent;
        if (step.kind === "status") {
          const options = TICKET_TRANSITIONS[ticket.status];
          if (options.length === 0) return;
          event = { ...base, type: "status.changed", to: options[step.pick % options.length]! };
        } else if (step.kind === "message") {
          event = {
            ...base,
            type: "message.added",
            message: {
              id: `m${index}`,
              author: { role: step.role },
              visibility: step.internal ? "internal" : "public",
              channel: "email",
              body: "…",
              createdAt: new Date(at),
            },
          };
        } else {
          if (options.priorityChanges === false) return;
          event = { ...base, type: "priority.changed", to: step.to };
        }
        ticket = applyEvent(ticket, event);
        events.push(event);
        statuses.push(ticket.status);
      });
      return { events, statuses, end: at + 6 * 3_600_000 };
    });
}
