// Builds a ticket from its event log and prints its history: `pnpm example ticket-history`.
import {
  applyEvent,
  createEventBus,
  parseTicketEvents,
  type Ticket,
  type TicketEvent,
  TransitionError,
} from "@supportkit/core";

// Events arrive as JSON (from a queue, a webhook, a database): parse them at the boundary.
const events = parseTicketEvents([
  {
    type: "ticket.created",
    id: "e1",
    ticketId: "T-1042",
    at: "2026-03-02T08:15:00Z",
    actor: { role: "customer", id: "c-7" },
    subject: "Wo ist meine Bestellung #1042?",
    channel: "email",
    requester: { id: "c-7", name: "Lena Vogel", locale: "de-DE", timeZone: "Europe/Berlin", tier: "vip" },
    tags: ["order"],
  },
  {
    type: "message.added",
    id: "e2",
    ticketId: "T-1042",
    at: "2026-03-02T08:15:00Z",
    message: {
      id: "m1",
      author: { role: "customer", id: "c-7" },
      visibility: "public",
      channel: "email",
      body: "Meine Bestellung ist seit einer Woche unterwegs.",
      createdAt: "2026-03-02T08:15:00Z",
    },
  },
  {
    type: "assigned",
    id: "e3",
    ticketId: "T-1042",
    at: "2026-03-02T09:02:00Z",
    assigneeId: "mia",
    groupId: "dach",
  },
  {
    type: "message.added",
    id: "e4",
    ticketId: "T-1042",
    at: "2026-03-02T09:20:00Z",
    message: {
      id: "m2",
      author: { role: "agent", id: "mia" },
      visibility: "public",
      channel: "email",
      body: "Ihr Paket kommt morgen an.",
      createdAt: "2026-03-02T09:20:00Z",
    },
  },
  { type: "status.changed", id: "e5", ticketId: "T-1042", at: "2026-03-02T09:20:00Z", to: "pending" },
  { type: "status.changed", id: "e6", ticketId: "T-1042", at: "2026-03-03T09:00:00Z", to: "solved" },
  {
    type: "message.added",
    id: "e7",
    ticketId: "T-1042",
    at: "2026-03-04T07:30:00Z",
    message: {
      id: "m3",
      author: { role: "customer", id: "c-7" },
      visibility: "public",
      channel: "email",
      body: "Immer noch nichts angekommen!",
      createdAt: "2026-03-04T07:30:00Z",
    },
  },
  { type: "priority.changed", id: "e8", ticketId: "T-1042", at: "2026-03-04T07:31:00Z", to: "high" },
  { type: "status.changed", id: "e9", ticketId: "T-1042", at: "2026-03-04T10:00:00Z", to: "solved" },
  {
    type: "rated",
    id: "e10",
    ticketId: "T-1042",
    at: "2026-03-05T12:00:00Z",
    rating: { kind: "csat", score: 4 },
  },
  { type: "status.changed", id: "e11", ticketId: "T-1042", at: "2026-03-09T10:00:00Z", to: "closed" },
]);

function describe(event: TicketEvent): string {
  switch (event.type) {
    case "ticket.created":
      return `created via ${event.channel}: "${event.subject}"`;
    case "message.added": {
      const { author, visibility, body } = event.message;
      return `${visibility} message from ${author.role}${author.id ? ` ${author.id}` : ""}: "${body}"`;
    }
    case "status.changed":
      return `status → ${event.to}`;
    case "priority.changed":
      return `priority → ${event.to}`;
    case "assigned":
      return `assigned to ${event.assigneeId ?? "nobody"}${event.groupId ? ` (${event.groupId})` : ""}`;
    case "tags.changed":
      return `tags +[${event.added.join(", ")}] -[${event.removed.join(", ")}]`;
    case "field.changed":
      return `${event.field} = ${String(event.value)}`;
    case "rated":
      return `rated ${event.rating.kind.toUpperCase()} ${event.rating.score}`;
    case "merged":
      return `merged into ${event.into}`;
  }
}

const bus = createEventBus();
let ticket: Ticket | undefined;
bus.onAny((_type, event) => {
  const before = ticket?.status;
  ticket = applyEvent(ticket, event);
  const implied =
    before && before !== ticket.status && event.type !== "status.changed"
      ? `  (${before} → ${ticket.status})`
      : "";
  console.log(
    `${event.at.toISOString().slice(0, 16).replace("T", " ")}  ${describe(event).padEnd(62)}${implied}`,
  );
});

console.log("History of ticket T-1042\n");
for (const event of events) bus.emit(event.type, event as never);

const final = ticket as Ticket;
console.log(
  `\nNow: ${final.status}, priority ${final.priority}, assignee ${final.assigneeId}, reopened ${final.reopenCount}×,`,
);
console.log(
  `${final.messages.length} messages, CSAT ${final.ratings.map((rating) => rating.score).join(", ")}, ${final.version} events applied.`,
);

// Closed is final: the lifecycle explains why a change is refused.
try {
  applyEvent(final, {
    type: "status.changed",
    id: "e12",
    ticketId: "T-1042",
    at: new Date("2026-03-10T08:00:00Z"),
    to: "open",
  });
} catch (error) {
  if (error instanceof TransitionError) console.log(`\nReopening after close is refused: ${error.reason}.`);
}
