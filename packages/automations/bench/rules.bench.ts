// 300 triggers and 50 automations over 100,000 ticket updates, against json-rules-engine given the same
// trigger conditions, in the same process. Run: pnpm bench automations

import { type Condition, parseRules, type Rule, runAutomations, runTriggers } from "@supportkit/automations";
import { applyEvent, PRIORITIES, parseTicketEvent, type Ticket, type TicketEvent } from "@supportkit/core";
import { Engine } from "json-rules-engine";

const UPDATES = Number(process.env.UPDATES ?? 100_000);
const TICKETS = 5_000;
const TRIGGERS = 300;
const AUTOMATIONS = 50;

// A small deterministic PRNG so every run measures the same workload.
let seed = 42;
const random = () => {
  seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const EVENT_TYPES = ["message.added", "status.changed", "priority.changed", "tags.changed"] as const;
const STATUSES = ["open", "pending", "on_hold", "solved"] as const;
const TIERS = ["standard", "silver", "gold", "vip"] as const;
const TICKET_CHANNELS = ["email", "chat", "marketplace", "web_form"] as const;
const TAGS = Array.from({ length: 40 }, (_, index) => `tag${index}`);
const WORDS = [
  "refund",
  "return",
  "late",
  "damaged",
  "payment",
  "account",
  "invoice",
  "coupon",
  "size",
  "color",
];

type Leaf = { field: string; op: string; value: unknown };
// Like real trigger sets, each rule is scoped to an update type and a channel (or brand, form, group),
// then narrowed by one to three conditions on the ticket, the customer or the message.
function triggerLeaves(): Leaf[] {
  const leaves: Leaf[] = [
    { field: "event.type", op: "is", value: pick(EVENT_TYPES) },
    { field: "channel", op: "is", value: pick(TICKET_CHANNELS) },
  ];
  const extra = 1 + Math.floor(random() * 3);
  for (let index = 0; index < extra; index++) {
    const kind = Math.floor(random() * 5);
    if (kind === 0) leaves.push({ field: "status", op: "in", value: [pick(STATUSES), pick(STATUSES)] });
    else if (kind === 1) leaves.push({ field: "priority", op: "is", value: pick(PRIORITIES) });
    else if (kind === 2) leaves.push({ field: "customer.tier", op: "is", value: pick(TIERS) });
    else if (kind === 3) leaves.push({ field: "tags", op: "contains", value: pick(TAGS) });
    else leaves.push({ field: "message.text", op: "contains", value: pick(WORDS) });
  }
  return leaves;
}

const triggerSpecs = Array.from({ length: TRIGGERS }, (_, index) => ({
  id: `t${index}`,
  leaves: triggerLeaves(),
}));
// Actions as help desks use them: most triggers notify or call out (commands only); the rest change the
// ticket, with Zendesk's usual nullifying condition so they do not fire on every later update.
function actionsFor(id: string, leaves: Leaf[]): { when: Condition; actions: unknown[] } {
  const roll = random();
  if (roll < 0.4)
    return { when: { all: leaves as Condition[] }, actions: [{ type: "webhook", name: `hook_${id}` }] };
  const nullify = { field: "tags", op: "not_contains", value: `fired_${id}` } as Condition;
  const tag = { type: "add_tags", tags: [`fired_${id}`] };
  const change =
    roll < 0.6
      ? [{ type: "send_reply", template: `reply_${id}` }, tag]
      : roll < 0.8
        ? [tag]
        : [tag, { type: "set_priority", priority: pick(PRIORITIES) }];
  return { when: { all: [...(leaves as Condition[]), nullify] }, actions: change };
}
const triggers: Rule[] = parseRules(
  triggerSpecs.map(({ id, leaves }) => ({ id, ...actionsFor(id, leaves) })),
);
const renderer = ({ template }: { template: string }) => ({ body: template });
const automations: Rule[] = parseRules(
  Array.from({ length: AUTOMATIONS }, (_, index) => ({
    id: `a${index}`,
    when: {
      all: [
        { field: "status", op: "is", value: pick(STATUSES) },
        { field: "status_changed_at", op: "hours_since_gte", value: 1 + Math.floor(random() * 72) },
        { field: "tags", op: "not_contains", value: `auto_a${index}` },
      ],
    },
    actions: [{ type: "add_tags", tags: [`auto_a${index}`] }],
  })),
);

// Workload: tickets, then random updates to them.
const start = Date.UTC(2026, 2, 2, 8);
let clock = start;
const tickets = new Map<string, Ticket>();
for (let index = 0; index < TICKETS; index++) {
  const event = parseTicketEvent({
    type: "ticket.created",
    id: `c${index}`,
    ticketId: `T${index}`,
    at: new Date(clock),
    subject: "Order question",
    channel: pick(TICKET_CHANNELS),
    status: "open",
    priority: pick(PRIORITIES),
    tags: [pick(TAGS)],
    requester: { id: `cust${index}`, tier: pick(TIERS) },
  });
  tickets.set(event.ticketId, applyEvent(undefined, event));
}
const updates: TicketEvent[] = [];
const statusOf = new Map<string, string>([...tickets].map(([id, ticket]) => [id, ticket.status]));
for (let index = 0; index < UPDATES; index++) {
  clock += 1_000;
  const ticketId = `T${Math.floor(random() * TICKETS)}`;
  const type = pick(EVENT_TYPES);
  const at = new Date(clock);
  const base = { id: `u${index}`, ticketId, at };
  if (type === "message.added") {
    const body = `Hello, ${pick(WORDS)} and ${pick(WORDS)} for my order`;
    updates.push({
      ...base,
      type,
      message: {
        id: `m${index}`,
        author: { role: "customer" },
        visibility: "public",
        channel: "email",
        body,
        createdAt: at,
      },
    });
    if (statusOf.get(ticketId) === "pending" || statusOf.get(ticketId) === "solved")
      statusOf.set(ticketId, "open");
  } else if (type === "status.changed") {
    const current = statusOf.get(ticketId);
    const to = pick(STATUSES.filter((status) => status !== current));
    updates.push({ ...base, type, to });
    statusOf.set(ticketId, to);
  } else if (type === "priority.changed") {
    updates.push({ ...base, type, to: pick(PRIORITIES) });
  } else {
    updates.push({ ...base, type, added: [pick(TAGS)], removed: [pick(TAGS)] });
  }
}

function hr(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

// --- supportkit triggers: evaluate, fire, apply actions, restart as Zendesk does ---
runTriggers(
  triggers,
  tickets.get("T0"),
  updates.find((event) => event.ticketId === "T0") ?? (updates[0] as TicketEvent),
  {
    renderer,
  },
);
const live = new Map(tickets);
let fired = 0;
let t0 = hr();
for (const event of updates) {
  const result = runTriggers(triggers, live.get(event.ticketId), event, { renderer });
  live.set(event.ticketId, result.ticket);
  fired += result.fired.length;
}
const oursMs = hr() - t0;
const oursRate = (UPDATES / oursMs) * 1_000;

// --- json-rules-engine: the same 300 conditions, evaluated per update (no actions applied) ---
const engine = new Engine([], { allowUndefinedFacts: true });
engine.addOperator(
  "textContains",
  (fact: unknown, value: unknown) =>
    typeof fact === "string" && fact.normalize("NFKC").toLowerCase().includes(String(value)),
);
for (const { id, leaves } of triggerSpecs) {
  engine.addRule({
    name: id,
    conditions: {
      all: leaves.map((leaf) => {
        const fact = leaf.field.replace(".", "_");
        if (leaf.op === "in") return { fact, operator: "in", value: leaf.value };
        if (leaf.op === "contains" && leaf.field === "tags")
          return { fact, operator: "contains", value: leaf.value };
        if (leaf.op === "contains") return { fact, operator: "textContains", value: leaf.value };
        return { fact, operator: "equal", value: leaf.value };
      }),
    },
    event: { type: `fired_${id}` },
  });
}
const peerUpdates = Math.min(UPDATES, Number(process.env.PEER_UPDATES ?? 10_000));
const peerTickets = new Map(tickets);
let peerFired = 0;
t0 = hr();
for (const event of updates.slice(0, peerUpdates)) {
  const ticket = applyEvent(peerTickets.get(event.ticketId), event);
  peerTickets.set(event.ticketId, ticket);
  const facts = {
    event_type: event.type,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    customer_tier: ticket.requester.tier,
    tags: ticket.tags,
    message_text: event.type === "message.added" ? event.message.body : "",
  };
  const { events } = await engine.run(facts);
  peerFired += events.length;
}
const peerMs = hr() - t0;
const peerRate = (peerUpdates / peerMs) * 1_000;

// --- automations: 50 time-based rules over all tickets, one scheduled run ---
const ticketList = [...live.values()];
const runAt = new Date(clock + 24 * 3_600_000);
runAutomations(automations, ticketList.slice(0, 100), runAt);
t0 = hr();
const run = runAutomations(automations, ticketList, runAt);
const autoMs = hr() - t0;

const format = (value: number) => Math.round(value).toLocaleString("en-US");
console.log(
  `workload: ${TRIGGERS} triggers, ${AUTOMATIONS} automations, ${format(UPDATES)} updates over ${format(TICKETS)} tickets`,
);
console.table([
  {
    engine: "supportkit runTriggers",
    "updates/s": format(oursRate),
    "rule firings": fired,
    note: "evaluate, apply actions, restart, render",
  },
  {
    engine: "json-rules-engine 7.3.1",
    "updates/s": format(peerRate),
    "rule firings": peerFired,
    note: `evaluate only, first ${format(peerUpdates)} updates`,
  },
]);
console.log(`ratio supportkit / json-rules-engine: ${(oursRate / peerRate).toFixed(1)}×`);
console.log(
  `runAutomations: ${format(ticketList.length)} tickets × ${AUTOMATIONS} rules in ${autoMs.toFixed(1)} ms (${format((ticketList.length / autoMs) * 1_000)} tickets/s), ${run.fired.length} firings, next run ${run.nextRunAt?.toISOString() ?? "none"}`,
);
const targetRate = oursRate >= 50_000;
const targetRatio = oursRate / peerRate >= 10;
console.log(
  `target ≥ 50,000 updates/s with 300 triggers: ${targetRate ? "met" : "MISSED"} (${format(oursRate)})`,
);
console.log(
  `target ≥ 10× json-rules-engine: ${targetRatio ? "met" : "MISSED"} (${(oursRate / peerRate).toFixed(1)}×)`,
);
