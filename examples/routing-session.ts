// A morning of routing for a cross-border shop: `pnpm example routing-session`.
import type { BusinessClock } from "@supportkit/core";
import {
  type CandidateExplanations,
  createRouter,
  type DispatchResult,
  explainCandidates,
  type WorkItemInput,
} from "@supportkit/routing";

// A shift clock open every day in [from, to) UTC hours. In an application, pass an @supportkit/sla calendar.
function utcShift(from: number, to: number): BusinessClock {
  const day = 86_400_000;
  const isOpen = (at: Date) => {
    const hour = (at.getTime() % day) / 3_600_000;
    return hour >= from && hour < to;
  };
  return {
    isOpen,
    nextOpen: (at) => {
      if (isOpen(at)) return at;
      const start = Math.floor(at.getTime() / day) * day + from * 3_600_000;
      return new Date(start > at.getTime() ? start : start + day);
    },
    add: (start, ms) => new Date(start.getTime() + ms),
    between: (a, b) => b.getTime() - a.getTime(),
  };
}

const at = (hhmm: string) => `2026-03-02T${hhmm}:00Z`;
const minutes = (n: number) => n * 60_000;

const router = createRouter({
  strategy: "least-busy",
  stickyWaitMs: minutes(5),
  fairLimit: { maxAssignments: 6, windowMs: minutes(30) },
  shifts: { emea: utcShift(7, 16), apac: utcShift(1, 10), latam: utcShift(12, 21) },
  triage: { detectLanguage: (text) => (/[\u3040-\u30ff]/.test(text) ? "ja" : undefined) },
});
router.events.on("routing.waiting", (event) =>
  console.log(`  ⏳ ${event.itemId} waits for ${event.previousAgentId} until ${event.until.toISOString()}`),
);

router.upsertAgent({
  id: "lena",
  name: "Lena",
  languages: ["de", "en"],
  shift: "emea",
  presence: "online",
  skills: [
    { name: "refund", level: 8 },
    { name: "damaged-item", level: 6 },
  ],
  capacity: { email: 6, chat: 2 },
});
router.upsertAgent({
  id: "wei",
  name: "Wei",
  languages: ["zh", "en", "ja"],
  shift: "apac",
  presence: "online",
  skills: [
    { name: "payment", level: 9 },
    { name: "refund", level: 4 },
  ],
  capacity: { email: 8, chat: 3 },
});
router.upsertAgent({
  id: "sofia",
  name: "Sofía",
  languages: ["es", "en"],
  shift: "latam",
  presence: "online",
  skills: [
    { name: "delivery-delay", level: 7 },
    { name: "return", level: 7 },
  ],
  capacity: { email: 8, chat: 3 },
});
router.upsertAgent({
  id: "tom",
  name: "Tom",
  languages: ["en", "de"],
  presence: "online",
  skills: [
    { name: "account", level: 5 },
    { name: "delivery-delay", level: 3 },
  ],
  capacity: { email: 10, chat: 2 },
});

const tickets: Omit<WorkItemInput, "createdAt">[] = [
  {
    id: "t-1",
    channel: "email",
    language: "de-DE",
    text: "Bitte Rückerstattung, die Tasse kam beschädigt an",
  },
  { id: "t-2", channel: "email", language: "zh-Hans-CN", text: "付款失败了，请帮忙" },
  { id: "t-3", channel: "chat", language: "en-GB", priority: "urgent", text: "I can't log in to my account" },
  { id: "t-4", channel: "email", language: "es-MX", text: "Mi pedido no ha llegado" },
  { id: "t-5", channel: "email", text: "ご注文の商品が破損していました。返金できますか" },
  {
    id: "t-6",
    channel: "email",
    language: "de-AT",
    text: "Wo ist meine Bestellung? Noch nicht angekommen",
    vipTier: 1,
    requiredSkills: [{ name: "delivery-delay", minLevel: 6, relax: { everyMs: minutes(20), step: 2 } }],
  },
];
for (const ticket of tickets) {
  const item = router.enqueue({ ...ticket, createdAt: at("07:50") });
  const skills = item.requiredSkills.map((s) => `${s.name}≥${s.minLevel}`).join(", ");
  console.log(`enqueued ${item.id} [${item.language ?? "any"}] needs ${skills || "nothing special"}`);
}

function show(label: string, run: () => DispatchResult) {
  console.log(`\n${label}`);
  const result = run();
  console.log(
    `  ${result.assignments.length} assigned, ${result.queued} queued, next wake ${result.nextWakeAt?.toISOString() ?? "none"}`,
  );
  for (const a of result.assignments) {
    const key = a.key ? `${a.key.strategy} ${a.key.value.toFixed(2)}` : "previous agent";
    console.log(
      `  ${a.itemId} → ${a.agentId} (${a.reason}, ${key}${a.relaxed ? ", relaxed" : ""}, waited ${a.waitedMs / 60_000} min)`,
    );
  }
}

function explain(why: CandidateExplanations) {
  console.log(
    `\nexplainCandidates(${why.itemId}) at ${why.at.toISOString()}: ${why.reason}${why.agentId ? ` → ${why.agentId}` : ""}`,
  );
  console.log(
    `  requires ${why.requirements.skills.map((s) => `${s.name}≥${s.minLevel}${s.dropped ? " (dropped)" : ""}`).join(", ") || "nothing"}; queue score ${why.queueScore.toFixed(1)}`,
  );
  for (const row of why.candidates) {
    console.log(
      row.eligible
        ? `  #${row.rank} ${row.agentId.padEnd(6)} ${row.key.strategy} = ${row.key.value.toFixed(2)}`
        : `  ✗  ${row.agentId.padEnd(6)} ${row.code}`,
    );
  }
}

show("08:00 dispatch", () => router.dispatch(at("08:00")));
for (const row of router.queue()) {
  const codes = row.rejections
    ? Object.entries(row.rejections)
        .map(([id, code]) => `${id}:${code}`)
        .join(" ")
    : "";
  console.log(`  still queued: ${row.item.id} (${row.reason}) ${codes}`);
}
explain(explainCandidates(router, "t-6"));

// Skill relaxation: t-6 needs delivery-delay ≥ 6; Tom has 3. After 40 minutes the minimum is 2.
show("08:31 dispatch (t-6: delivery-delay ≥ 6 relaxed to ≥ 2 at 08:30)", () => router.dispatch(at("08:31")));

// Sticky routing: a follow-up from the customer Lena helped waits for her while she is full.
router.enqueue({
  id: "t-7",
  channel: "email",
  language: "de",
  previousAgentId: "lena",
  createdAt: at("08:40"),
});
router.upsertAgent({
  id: "lena",
  name: "Lena",
  languages: ["de", "en"],
  shift: "emea",
  presence: "online",
  skills: [
    { name: "refund", level: 8 },
    { name: "damaged-item", level: 6 },
  ],
  capacity: { email: 1, chat: 2 },
});
show("08:41 dispatch (Lena is at capacity)", () => router.dispatch(at("08:41")));
router.release("t-1");
show("08:43 dispatch (Lena released t-1)", () => router.dispatch(at("08:43")));

// Latin America starts at 12:00: Sofía's shift opening is a scheduled wake-up.
show("12:00 dispatch (Sofía's shift starts)", () => router.dispatch(at("12:00")));

// Batch mode: a scarce specialist is not used up on work others could take.
const batch = () => {
  const r = createRouter();
  r.upsertAgent({
    id: "ana",
    name: "Ana",
    capacity: { email: 1 },
    presence: "online",
    skills: [
      { name: "payment", level: 9 },
      { name: "refund", level: 9 },
    ],
  });
  r.upsertAgent({
    id: "ben",
    name: "Ben",
    capacity: { email: 1 },
    presence: "online",
    skills: [{ name: "payment", level: 5 }],
  });
  r.enqueue({ id: "pay", channel: "email", requiredSkills: [{ name: "payment" }], createdAt: at("08:00") });
  r.enqueue({ id: "refund", channel: "email", requiredSkills: [{ name: "refund" }], createdAt: at("08:01") });
  return r;
};
show("greedy drain", () => batch().dispatch(at("09:00")));
show("matching drain", () => batch().dispatch(at("09:00"), { mode: "matching" }));

const saved = JSON.stringify(router.snapshot());
const copy = createRouter({
  shifts: { emea: utcShift(7, 16), apac: utcShift(1, 10), latam: utcShift(12, 21) },
});
copy.restore(JSON.parse(saved));
console.log(
  `\nsnapshot: ${saved.length} bytes; restored router holds ${copy.agents().length} agents and ${copy.queue().length} queued items`,
);
