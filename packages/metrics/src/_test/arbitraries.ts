import { fc } from "@fast-check/vitest";
import { canTransition, type TicketEvent, type TicketStatus } from "@supportkit/core";

const STATUSES: TicketStatus[] = ["open", "pending", "on_hold", "solved", "closed"];
const CHANNELS = ["email", "chat", "phone"] as const;
const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
const AGENTS = ["a1", "a2", "a3"];
const TAGS = ["vip", "refund", "delivery"];

const action = fc.record({
  kind: fc.constantFrom("customer", "agent", "note", "bot", "status", "assign", "rate", "tag"),
  gapMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  pick: fc.nat(1000),
});

/** A random but valid event log for one ticket, built by applying random actions the lifecycle allows. */
export const eventLogArb = (ticketId: string): fc.Arbitrary<TicketEvent[]> =>
  fc
    .record({
      start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
      byAgent: fc.boolean(),
      channel: fc.constantFrom(...CHANNELS),
      priority: fc.constantFrom(...PRIORITIES),
      tags: fc.subarray(TAGS),
      category: fc.option(fc.constantFrom("billing", "shipping"), { nil: undefined }),
      actions: fc.array(action, { maxLength: 14 }),
    })
    .map((spec) => buildLog(ticketId, spec));

export function buildLog(
  ticketId: string,
  spec: {
    start: number;
    byAgent: boolean;
    channel: (typeof CHANNELS)[number];
    priority: (typeof PRIORITIES)[number];
    tags: string[];
    category: string | undefined;
    actions: { kind: string; gapMinutes: number; pick: number }[];
  },
): TicketEvent[] {
  let n = 0;
  let t = spec.start;
  const base = () => ({ id: `${ticketId}-e${++n}`, ticketId, at: new Date(t) });
  const events: TicketEvent[] = [
    {
      ...base(),
      type: "ticket.created",
      actor: { role: spec.byAgent ? "agent" : "customer", id: spec.byAgent ? "a1" : "c1" },
      subject: "s",
      channel: spec.channel,
      priority: spec.priority,
      requester: { id: "c1" },
      status: "new",
      tags: spec.tags,
      ...(spec.category === undefined ? {} : { fields: { category: spec.category } }),
    },
  ];
  let status: TicketStatus = "new";
  const message = (role: "customer" | "agent" | "bot", visibility: "public" | "internal"): TicketEvent => ({
    ...base(),
    type: "message.added",
    message: {
      id: `m${n}`,
      author: { role, id: `${role}-x` },
      visibility,
      channel: spec.channel,
      body: "",
      createdAt: new Date(t),
    },
  });
  for (const a of spec.actions) {
    if (status === "closed") break;
    t += a.gapMinutes * 60_000;
    switch (a.kind) {
      case "customer":
        events.push(message("customer", "public"));
        if (status === "pending" || status === "solved") status = "open";
        break;
      case "agent":
        events.push(message("agent", "public"));
        break;
      case "note":
        events.push(message("agent", "internal"));
        break;
      case "bot":
        events.push(message("bot", "public"));
        break;
      case "status": {
        const to = STATUSES[a.pick % STATUSES.length] as TicketStatus;
        if (canTransition(status, to)) {
          events.push({ ...base(), type: "status.changed", to });
          status = to;
        }
        break;
      }
      case "assign": {
        const assigneeId = a.pick % 4 === 3 ? null : (AGENTS[a.pick % 3] as string);
        events.push({ ...base(), type: "assigned", assigneeId });
        if (status === "new" && assigneeId !== null) status = "open";
        break;
      }
      case "rate":
        events.push({ ...base(), type: "rated", rating: { kind: "csat", score: 1 + (a.pick % 5) } });
        break;
      case "tag":
        events.push({ ...base(), type: "tags.changed", added: [TAGS[a.pick % 3] as string], removed: [] });
        break;
    }
  }
  return events;
}

/** Several tickets' logs. */
export const eventLogsArb = (max = 12): fc.Arbitrary<TicketEvent[][]> =>
  fc
    .integer({ min: 0, max })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => eventLogArb(`t${i}`))));
