// One macro, five locales, three channels: `pnpm example templates-macro`.
// An agent applies "order delayed" to tickets from customers in Vienna, Hong Kong, Mexico City, Cairo and
// Tokyo. Each gets the reply in their language (CLDR fallback), with money and dates in their locale and
// zone; the ticket changes go through core's lifecycle as events.
import { parseTicketEvents, replay, type Ticket, TicketSchema } from "@supportkit/core";
import { applyMacro, defineMacro, renderTemplate, validateTemplate } from "@supportkit/templates";

const html = (greeting: string, body: string, sign: string): string =>
  `<p>${greeting}</p><p>${body}</p><ul>{% for item in items %}<li>{{ item.qty }} × {{ item.title }} — {{ item.price | money: currency }}</li>{% endfor %}</ul><p>${sign}</p>`;

const macro = defineMacro({
  id: "order-delayed",
  title: "Order delayed (apologise, set pending, tag)",
  actions: { status: "pending", priority: "high", addTags: ["delayed"], assigneeId: "a-mia" },
  template: {
    id: "order-delayed",
    defaultLocale: "en",
    variants: {
      en: {
        email: {
          subject: "Order #{{ ticket.fields.orderNumber }} is delayed",
          html: html(
            "Hi {{ customer.name | default: 'there' }},",
            "Your order now arrives on {{ eta | date: 'full' }}.{% if customer.tier == 'vip' %} As a VIP, shipping is on us.{% endif %}",
            "Sorry for the wait, Mia",
          ),
        },
        chat: "Hi {{ customer.name | default: 'there' }}! Order #{{ ticket.fields.orderNumber }} now arrives {{ eta | relative_time }}.",
        sms: "Order #{{ ticket.fields.orderNumber }}: new delivery date {{ eta | date: '%b %-d' }}.",
      },
      de: {
        email: {
          subject: "Bestellung #{{ ticket.fields.orderNumber }} verspätet sich",
          html: html(
            "Hallo {{ customer.name | default: 'zusammen' }},",
            "Ihre Bestellung kommt am {{ eta | date: 'full' }}.",
            "Entschuldigung, Mia",
          ),
        },
        sms: "Bestellung #{{ ticket.fields.orderNumber }}: neuer Liefertermin {{ eta | date: '%-d. %B' }}.",
      },
      "zh-TW": {
        email: {
          subject: "訂單 #{{ ticket.fields.orderNumber }} 延遲",
          html: html(
            "{{ customer.name | default: '您' }}好，",
            "您的訂單將於 {{ eta | date: 'full' }} 送達。",
            "抱歉讓您久等",
          ),
        },
        chat: "您好！訂單 #{{ ticket.fields.orderNumber }} 將於{{ eta | relative_time }}送達。",
        sms: "訂單#{{ ticket.fields.orderNumber }}新送達日期：{{ eta | date: 'long' }}",
      },
      es: {
        email: {
          subject: "Tu pedido #{{ ticket.fields.orderNumber }} se retrasa",
          html: html(
            "Hola, {{ customer.name | default: '' }}:",
            "Tu pedido llegará el {{ eta | date: 'full' }}.",
            "Disculpa la espera",
          ),
        },
        sms: "Pedido #{{ ticket.fields.orderNumber }}: llega el {{ eta | date: 'long' }}. {{ items.size | plural: one: '# artículo', other: '# artículos' }}.",
      },
      ar: {
        email: {
          subject: "تأخر الطلب رقم {{ ticket.fields.orderNumber }}",
          html: html(
            "مرحبا {{ customer.name | default: '' }}،",
            "سيصل طلبك يوم {{ eta | date: 'full' }}.",
            "نعتذر عن التأخير",
          ),
        },
        sms: "طلبك رقم {{ ticket.fields.orderNumber }} سيصل {{ eta | date: 'long' }}. {{ items.size | plural: zero: 'لا منتجات', one: 'منتج واحد', two: 'منتجان', few: '# منتجات', many: '# منتجًا', other: '# منتج' }}",
      },
    },
  },
});

// Checked when saved: a typo in a variable is caught here, not by a customer. Any zod schema works;
// here core's own Ticket schema describes the data of a ticket snippet.
const check = validateTemplate(
  "Hi {{ requester.nmae }}, your ticket {{ subject }} is {{ status | upcase }} ({{ tags | money: 'EUR' }})",
  TicketSchema,
);
console.log("validateTemplate on a typo:");
for (const issue of check.issues)
  console.log(`  ${issue.code} ${issue.message} at ${issue.line}:${issue.column}`);

const customers = [
  {
    id: "c-1",
    name: "Lena Vogel",
    locale: "de-AT",
    timeZone: "Europe/Vienna",
    tier: "vip",
    channel: "email",
    currency: "EUR",
  },
  {
    id: "c-2",
    name: "陳大文",
    locale: "zh-HK",
    timeZone: "Asia/Hong_Kong",
    channel: "chat",
    currency: "HKD",
  },
  {
    id: "c-3",
    name: "Sofía",
    locale: "es-MX",
    timeZone: "America/Mexico_City",
    channel: "sms",
    currency: "MXN",
  },
  { id: "c-4", name: "ليلى", locale: "ar-EG", timeZone: "Africa/Cairo", channel: "sms", currency: "EGP" },
  { id: "c-5", name: "佐藤", locale: "ja-JP", timeZone: "Asia/Tokyo", channel: "chat", currency: "JPY" },
] as const;

const at = "2026-03-02T09:00:00Z";
const eta = "2026-03-04T23:30:00Z"; // March 4 in Mexico City, March 5 in Vienna, Cairo, Hong Kong, Tokyo
for (const [i, customer] of customers.entries()) {
  const { channel, currency, ...requester } = customer;
  const ticket: Ticket = replay(
    parseTicketEvents([
      {
        type: "ticket.created",
        id: `e${i}`,
        ticketId: `t-${1040 + i}`,
        at: "2026-03-02T08:00:00Z",
        subject: "Where is my order?",
        channel,
        requester,
        fields: { orderNumber: String(1040 + i) },
      },
    ]),
  );
  const items = [
    { qty: 2, title: "Kettle", price: currency === "JPY" ? 4980 : 19.99 },
    { qty: 1, title: "Teapot", price: currency === "JPY" ? 7200 : 34.5 },
  ];
  const result = applyMacro(macro, ticket, {
    at,
    actor: { role: "agent", id: "a-mia" },
    data: { eta, currency, items },
  });
  const reply = result.reply;
  if (reply === null) continue;
  console.log(
    `\n── ${requester.name} (${requester.locale}, ${channel}) → variant ${reply.locale} [${reply.resolution.reason}: ${reply.resolution.chain.join(" → ")}]`,
  );
  console.log(
    `   events: ${result.events.map((e) => e.type).join(", ")}; status ${ticket.status} → ${result.ticket.status}`,
  );
  if (reply.subject !== undefined) console.log(`   subject: ${reply.subject}`);
  console.log(`   ${reply.text.replace(/\n/g, "\n   ")}`);
  if (reply.sms !== undefined)
    console.log(`   sms: ${reply.sms.encoding}, ${reply.sms.units} units, ${reply.sms.segments} segment(s)`);
}

// The same set, rendered directly for every channel of one customer.
const set = macro.template;
if (set !== undefined) {
  for (const channel of ["email", "chat", "sms"] as const) {
    const r = renderTemplate(set, {
      locale: "nb-NO",
      channel,
      timeZone: "Europe/Oslo",
      now: at,
      data: {
        ticket: { fields: { orderNumber: "2001" } },
        customer: { name: "Ola" },
        eta,
        currency: "NOK",
        items: [],
      },
    });
    console.log(
      `\nnb-NO ${channel} → ${r.locale} (${r.resolution.reason}): ${r.subject ?? ""} ${r.text.split("\n")[0]}`,
    );
  }
}
