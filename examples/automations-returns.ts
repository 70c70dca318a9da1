// Triggers, a scheduled automation and the return workflow: `pnpm example automations-returns`.
import {
  advanceWorkflow,
  overdueSteps,
  parseRules,
  RETURN_WORKFLOW_MESSAGES,
  type ReplyRenderer,
  returnWorkflow,
  runAutomations,
  runTriggers,
  startWorkflow,
} from "@supportkit/automations";
import { type BusinessClock, parseTicketEvent, type Ticket } from "@supportkit/core";

// A tiny renderer for the example: picks the customer's language and fills {{ placeholders }}.
// In an application, @supportkit/templates' renderTemplate goes here.
const texts: Record<string, Record<string, string>> = {
  ...RETURN_WORKFLOW_MESSAGES,
  payment_reminder: {
    en: "Your order {{ order }} is waiting for payment.",
    de: "Ihre Bestellung {{ order }} wartet auf Zahlung.",
  },
};
const renderer: ReplyRenderer = ({ template, locale, data, ticket }) => {
  const variants = texts[template] ?? { en: template };
  const language = [locale, locale?.split("-")[0], "en"].find((tag) => tag && variants[tag]) as string;
  const values: Record<string, unknown> = { ...data, order: ticket?.fields.order };
  const body = (variants[language] as string).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) =>
    String(values[key] ?? ""),
  );
  return { body, locale: language };
};

const triggers = parseRules([
  {
    id: "vip-priority",
    when: {
      all: [
        { field: "event.type", op: "is", value: "ticket.created" },
        { field: "customer.tier", op: "is", value: "vip" },
      ],
    },
    actions: [
      { type: "set_priority", priority: "high" },
      { type: "add_tags", tags: ["vip"] },
    ],
  },
  {
    id: "refund-keywords",
    when: { field: "message.text", op: "contains_any", value: ["refund", "rückerstattung", "退款"] },
    actions: [
      { type: "add_tags", tags: ["refund"] },
      { type: "set_group", group: "returns" },
    ],
  },
]);

const created = parseTicketEvent({
  type: "ticket.created",
  id: "e1",
  ticketId: "T-1042",
  at: "2026-03-02T08:00:00Z",
  subject: "Bestellung 1042",
  channel: "email",
  requester: { id: "c-7", name: "Lena", locale: "de-DE", timeZone: "Europe/Berlin", tier: "vip" },
  fields: { order: "1042", payment: "unpaid" },
});
const first = runTriggers(triggers, undefined, created);
console.log(
  `ticket.created → fired ${first.fired.join(", ")}; priority ${first.ticket.priority}, tags ${first.ticket.tags.join(", ")}`,
);

const message = parseTicketEvent({
  type: "message.added",
  id: "e2",
  ticketId: "T-1042",
  at: "2026-03-02T08:05:00Z",
  message: {
    id: "m1",
    author: { role: "customer", id: "c-7" },
    visibility: "public",
    channel: "email",
    body: "Ich möchte eine RÜCKERSTATTUNG.",
    createdAt: "2026-03-02T08:05:00Z",
  },
});
const second = runTriggers(triggers, first.ticket, message);
console.log(`message.added  → fired ${second.fired.join(", ")}; group ${second.ticket.groupId}`);

// Scheduled: remind about unpaid orders after 15 minutes, once.
const automations = parseRules([
  {
    id: "unpaid-15m",
    when: {
      all: [
        { field: "fields.payment", op: "is", value: "unpaid" },
        { field: "created_at", op: "hours_since_gte", value: 0.25 },
      ],
    },
    actions: [{ type: "send_reply", template: "payment_reminder" }],
  },
]);
let tickets: Ticket[] = [second.ticket];
let state: ReturnType<typeof runAutomations>["state"] | undefined;
for (const now of ["2026-03-02T08:10:00Z", "2026-03-02T08:15:00Z", "2026-03-02T09:00:00Z"]) {
  const run = runAutomations(automations, tickets, now, { renderer, ...(state ? { state } : {}) });
  tickets = [...run.tickets];
  state = run.state;
  const sent = run.commands.map((command) =>
    command.type === "send_reply" ? `"${command.body}"` : command.type,
  );
  console.log(
    `automations at ${now.slice(11, 16)} → ${sent.join(", ") || "nothing"}; next run ${run.nextRunAt?.toISOString() ?? "not needed"}`,
  );
}

// The return workflow, in the customer's language, with business-hour SLAs (Mon–Fri 09–17 UTC here).
const hour = 3_600_000;
const weekdays: BusinessClock = {
  isOpen: (at) => at.getUTCDay() % 6 !== 0 && at.getUTCHours() >= 9 && at.getUTCHours() < 17,
  nextOpen(at) {
    let t = Math.ceil(at.getTime() / 60_000) * 60_000;
    while (!this.isOpen(new Date(t))) t += 60_000;
    return new Date(t);
  },
  between(a, b) {
    let total = 0;
    for (let t = a.getTime(); t < b.getTime(); t += 60_000) if (this.isOpen(new Date(t))) total += 60_000;
    return total;
  },
  add(start, ms) {
    let t = this.nextOpen(start).getTime();
    for (let left = ms; left > 0; t += 60_000) if (this.isOpen(new Date(t))) left -= 60_000;
    return new Date(t);
  },
};
let step = startWorkflow(
  returnWorkflow,
  {
    id: "RMA-77",
    at: "2026-03-02T09:00:00Z",
    actor: { role: "customer", id: "c-7" },
    locale: "de-DE",
    data: { order_number: "1042", currency: "EUR" },
  },
  { renderer },
);
const say = (label: string) =>
  console.log(
    `${label.padEnd(18)} → ${step.instance.step.padEnd(21)} ${step.commands.map((c) => (c.type === "notify" && c.audience === "customer" ? `customer: "${c.body}"` : c.type === "notify" ? `${c.audience}: ${c.template}` : "")).join(" | ")}`,
  );
say("start");
for (const [action, role, at, data] of [
  ["approve", "service", "2026-03-02T11:00:00Z", {}],
  ["parcel_received", "warehouse", "2026-03-06T10:00:00Z", {}],
  ["inspection_passed", "warehouse", "2026-03-06T15:00:00Z", {}],
] as const) {
  step = advanceWorkflow(returnWorkflow, step.instance, { action, actor: { role }, at, data }, { renderer });
  say(action);
}
const late = overdueSteps(returnWorkflow, [step.instance], new Date(Date.parse("2026-03-12T12:00:00Z")), {
  clock: weekdays,
});
console.log(
  `overdue on 12 March: ${late.map((o) => `${o.step} (owner ${o.owner.role}, ${Math.round(o.overdueMs / hour)} h late)`).join(", ")}`,
);
step = advanceWorkflow(
  returnWorkflow,
  step.instance,
  {
    action: "refunded",
    actor: { role: "finance" },
    at: "2026-03-12T12:30:00Z",
    data: { refund_amount: 59.9 },
  },
  { renderer },
);
say("refunded");
console.log(
  `audit log: ${step.instance.history.map((entry) => `${entry.action}@${entry.actor.role}`).join(" → ")}`,
);
