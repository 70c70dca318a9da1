import {
  alwaysOpenClock,
  type BusinessClock,
  createEventBus,
  minutes,
  type TicketEventMap,
  ValidationError,
} from "@supportkit/core";
import { addDays, setMinutes, startOfHour } from "date-fns";
import { describe, expect, it } from "vitest";
import { agent, item, MIN, T0, windowShift } from "./_test/fixtures";
import { RoutingError } from "./errors";
import type { RoutingEventMap } from "./events";
import { explainCandidates } from "./explainCandidates";
import { createRouter, createTunedRouter } from "./router";

const ids = (result: { assignments: readonly { itemId: string; agentId: string }[] }) =>
  result.assignments.map((a) => `${a.itemId}>${a.agentId}`);

describe("queue order", () => {
  it("orders by priority + VIP + aging, then created time, then id", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 10 } }));
    router.setPresence("a", "away");
    router.enqueue(item("low", { priority: "low", createdAt: T0 }));
    router.enqueue(item("vip", { priority: "normal", vipTier: 1, createdAt: T0 }));
    router.enqueue(item("urgent", { priority: "urgent", createdAt: T0 }));
    router.enqueue(item("normal-b", { createdAt: T0 }));
    router.enqueue(item("normal-a", { createdAt: T0 }));
    router.enqueue(item("normal-old", { createdAt: T0 - 1 }));
    expect(router.queue(T0).map((row) => row.item.id)).toEqual([
      "urgent",
      "vip",
      "normal-old",
      "normal-a",
      "normal-b",
      "low",
    ]);
    expect(router.queue(T0)[0]).toMatchObject({ queueScore: 240, reason: "no-eligible-agent" });
  });

  it("lets an old low-priority item beat a new urgent one once its score passes it", () => {
    // Defaults: urgent 240, low 0, aging 1 per minute. Low created at T0, urgent created at T0 + 240 min - d.
    const run = (urgentAgeGap: number) => {
      const router = createRouter();
      router.upsertAgent(agent("a", { capacity: { chat: 1 } }));
      router.enqueue(item("old-low", { priority: "low", createdAt: T0 }));
      router.enqueue(item("new-urgent", { priority: "urgent", createdAt: T0 + urgentAgeGap }));
      return ids(router.dispatch(T0 + 300 * MIN));
    };
    expect(run(240 * MIN - 1)).toEqual(["new-urgent>a"]); // low waited < 240 min longer: urgent still ahead
    expect(run(240 * MIN)).toEqual(["old-low>a"]); // equal scores: the older item first
    expect(run(240 * MIN + 1)).toEqual(["old-low>a"]); // low's score passed urgent's
  });

  it("takes weights from options", () => {
    const router = createRouter({ priorityWeights: { low: 1000 }, vipWeight: 0, agingPerMinute: 0 });
    router.upsertAgent(agent("a", { capacity: { chat: 1 } }));
    router.enqueue(item("urgent", { priority: "urgent", vipTier: 3 }));
    router.enqueue(item("low", { priority: "low", createdAt: T0 + MIN }));
    expect(ids(router.dispatch(T0 + 2 * MIN))).toEqual(["low>a"]);
  });
});

describe("work-conserving dispatch", () => {
  it("never lets an item nobody can take block the ones behind it", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { languages: ["en"] }));
    router.enqueue(item("german", { priority: "urgent", language: "de" }));
    router.enqueue(item("english", { priority: "low", language: "en-GB" }));
    expect(ids(router.dispatch(T0))).toEqual(["english>a"]);
    expect(router.queue()).toMatchObject([
      { item: { id: "german" }, reason: "no-eligible-agent", rejections: { a: "language" } },
    ]);
  });

  it("drains the backlog oldest-first when capacity frees or an agent comes online", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 1 } }));
    router.upsertAgent(agent("b", { capacity: { chat: 1 }, presence: "offline" }));
    for (const id of ["t1", "t2", "t3"]) router.enqueue(item(id, { createdAt: T0 + Number(id[1]) }));
    expect(ids(router.dispatch(T0 + MIN))).toEqual(["t1>a"]);
    expect(ids(router.dispatch(T0 + MIN))).toEqual([]);
    router.setPresence("b", "online");
    expect(ids(router.dispatch(T0 + 2 * MIN))).toEqual(["t2>b"]);
    router.release("t1");
    expect(ids(router.dispatch(T0 + 3 * MIN))).toEqual(["t3>a"]);
    expect(router.dispatch(T0 + 3 * MIN).queued).toBe(0);
  });

  it("round-robin does not let the first agent online take everything", () => {
    const router = createRouter({ strategy: "round-robin" });
    for (const id of ["c", "a", "b"]) router.upsertAgent(agent(id));
    for (let i = 0; i < 6; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
    expect(ids(router.dispatch(T0 + MIN))).toEqual(["t0>a", "t1>b", "t2>c", "t3>a", "t4>b", "t5>c"]);
    expect(router.snapshot().roundRobinCursor).toBe("c");
  });
});

describe("sticky routing", () => {
  it("waits for a busy previous agent, then falls back at the end of the wait", () => {
    const router = createRouter({ stickyWaitMs: minutes(3) });
    router.upsertAgent(agent("prev", { capacity: { chat: 1 } }));
    router.upsertAgent(agent("other", { capacity: { chat: 1 } }));
    router.enqueue(item("busy", { createdAt: T0 - 10 * MIN, priority: "urgent" }));
    router.enqueue(item("other-work", { createdAt: T0 - 10 * MIN }));
    // Equal ranks: ties go to the smaller id, so "other" gets the first item.
    expect(ids(router.dispatch(T0))).toEqual(["busy>other", "other-work>prev"]);
    router.release("busy");
    const waits: RoutingEventMap["routing.waiting"][] = [];
    router.events.on("routing.waiting", (event) => waits.push(event));
    router.enqueue(item("follow-up", { previousAgentId: "prev", createdAt: T0 }));
    const first = router.dispatch(T0 + MIN);
    expect(ids(first)).toEqual([]);
    expect(first.nextWakeAt).toEqual(new Date(T0 + 3 * MIN));
    expect(waits).toMatchObject([
      { itemId: "follow-up", previousAgentId: "prev", until: new Date(T0 + 3 * MIN) },
    ]);
    expect(router.queue()[0]).toMatchObject({
      reason: "waiting-for-previous-agent",
      waitUntil: new Date(T0 + 3 * MIN),
    });
    expect(ids(router.dispatch(T0 + 3 * MIN - 1))).toEqual([]);
    const fallback = router.dispatch(T0 + 3 * MIN);
    expect(fallback.assignments).toMatchObject([
      { itemId: "follow-up", agentId: "other", reason: "strategy" },
    ]);
  });

  it("goes to the previous agent as soon as it frees within the wait", () => {
    const router = createRouter({ stickyWaitMs: minutes(3) });
    router.upsertAgent(agent("prev", { capacity: { chat: 1 } }));
    router.upsertAgent(agent("other", { capacity: { chat: 1 } }));
    router.enqueue(item("busy", { createdAt: T0 - MIN }));
    router.dispatch(T0);
    expect(router.assigneeOf("busy")).toBe("other");
    router.upsertAgent(agent("other", { capacity: { chat: 2 } }));
    router.enqueue(item("follow-up", { previousAgentId: "other", createdAt: T0 }));
    expect(router.dispatch(T0).assignments).toMatchObject([{ agentId: "other", reason: "sticky" }]);
  });

  it("never routes to an offline previous agent", () => {
    const router = createRouter();
    router.upsertAgent(agent("prev", { presence: "offline" }));
    router.upsertAgent(agent("b"));
    router.enqueue(item("t", { previousAgentId: "prev" }));
    expect(router.dispatch(T0).assignments).toMatchObject([{ agentId: "b", reason: "strategy" }]);
  });
});

describe("scheduled re-evaluation", () => {
  it("exposes the relaxation instant and assigns exactly at it", () => {
    const router = createRouter();
    router.upsertAgent(agent("junior", { skills: [{ name: "refunds", level: 4 }] }));
    router.enqueue(
      item("t", { requiredSkills: [{ name: "refunds", minLevel: 6, relax: { everyMs: 5 * MIN, step: 2 } }] }),
    );
    const first = router.dispatch(T0 + MIN);
    expect(first.assignments).toEqual([]);
    expect(first.nextWakeAt).toEqual(new Date(T0 + 5 * MIN));
    expect(router.nextWakeAt()).toEqual(new Date(T0 + 5 * MIN));
    expect(router.dispatch(T0 + 5 * MIN - 1).assignments).toEqual([]);
    expect(router.dispatch(T0 + 5 * MIN).assignments).toMatchObject([{ agentId: "junior", relaxed: true }]);
    expect(router.nextWakeAt()).toBeNull();
  });

  it("drops the relaxation timer of an item assigned before it fired, without other calls in between", () => {
    // The default least-busy strategy records such assignments lazily (see `lagging` in router.ts): the
    // timer must still see the item as assigned, not re-file it.
    const router = createRouter();
    router.upsertAgent(agent("senior", { skills: [{ name: "refunds", level: 9 }], capacity: { chat: 2 } }));
    router.enqueue(
      item("t", { requiredSkills: [{ name: "refunds", minLevel: 6, relax: { everyMs: 5 * MIN, step: 2 } }] }),
    );
    expect(ids(router.dispatch(T0 + MIN))).toEqual(["t>senior"]);
    const later = router.dispatch(T0 + 5 * MIN);
    expect(later.assignments).toEqual([]);
    expect(later.queued).toBe(0);
    expect(router.assigneeOf("t")).toBe("senior");
    expect(router.queue()).toEqual([]);
  });

  it("wakes at a shift start and assigns then", () => {
    const start = T0 + 30 * MIN;
    const router = createRouter({ shifts: { late: windowShift(start, start + 60 * MIN) } });
    router.upsertAgent(agent("night", { shift: "late" }));
    router.enqueue(item("t"));
    const first = router.dispatch(T0);
    expect(first.assignments).toEqual([]);
    expect(first.nextWakeAt).toEqual(new Date(start));
    expect(explainCandidates(router, "t").candidates).toEqual([
      { agentId: "night", eligible: false, code: "shift" },
    ]);
    expect(ids(router.dispatch(start))).toEqual(["t>night"]);
  });

  it("caps assignments per agent per window and reopens when the window slides", () => {
    const router = createRouter({ fairLimit: { maxAssignments: 2, windowMs: 10 * MIN } });
    router.upsertAgent(agent("a", { capacity: { chat: 10 } }));
    for (let i = 0; i < 4; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
    expect(ids(router.dispatch(T0 + MIN))).toEqual(["t0>a", "t1>a"]);
    expect(router.queue()[0]).toMatchObject({ reason: "no-eligible-agent", rejections: { a: "fair-limit" } });
    const later = router.dispatch(T0 + 5 * MIN);
    expect(later.assignments).toEqual([]);
    expect(later.nextWakeAt).toEqual(new Date(T0 + 11 * MIN));
    expect(ids(router.dispatch(T0 + 11 * MIN))).toEqual(["t2>a", "t3>a"]);
  });
});

describe("events, explanations and errors", () => {
  it("emits every change on the bus", () => {
    const router = createRouter();
    const seen: string[] = [];
    router.events.onAny((type) => seen.push(String(type)));
    router.upsertAgent(agent("a"));
    router.setPresence("a", "away");
    router.setPresence("a", "online");
    router.enqueue(item("t1"));
    router.enqueue(item("t2"));
    router.dispatch(T0);
    router.release("t1");
    router.removeAgent("a");
    router.cancel("t2");
    router.restore(router.snapshot());
    expect(seen).toEqual([
      "routing.agent.upserted",
      "routing.agent.presence",
      "routing.agent.presence",
      "routing.enqueued",
      "routing.enqueued",
      "routing.assigned",
      "routing.assigned",
      "routing.released",
      "routing.requeued",
      "routing.agent.removed",
      "routing.cancelled",
      "routing.restored",
    ]);
  });

  it("explains every agent: rank and key when eligible, the first failing check otherwise", () => {
    const router = createRouter({ loadMeasure: "utilisation" });
    router.upsertAgent(agent("busy", { load: { chat: 2 } }));
    router.upsertAgent(agent("free"));
    router.upsertAgent(agent("away", { presence: "away" }));
    router.upsertAgent(agent("french", { languages: ["fr"] }));
    router.enqueue(item("t", { language: "en-US" }));
    const why = explainCandidates(router, "t", T0);
    expect(why).toMatchObject({ itemId: "t", reason: "strategy", agentId: "free", queueScore: 60 });
    expect(why.candidates).toEqual([
      {
        agentId: "free",
        eligible: true,
        rank: 1,
        key: { strategy: "least-busy", value: 0, lastAssignedAt: null, agentId: "free" },
      },
      {
        agentId: "busy",
        eligible: true,
        rank: 2,
        key: { strategy: "least-busy", value: 2 / 3, lastAssignedAt: null, agentId: "busy" },
      },
      { agentId: "away", eligible: false, code: "presence" },
      { agentId: "french", eligible: false, code: "language" },
    ]);
    const assignment = router.dispatch(T0).assignments[0];
    expect(assignment?.key).toEqual(
      why.candidates[0] && "key" in why.candidates[0] ? why.candidates[0].key : null,
    );
  });

  it("explains a core ticket", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { languages: ["de"] }));
    const why = explainCandidates(router, {
      id: "t-1",
      subject: "Wo ist meine Bestellung?",
      status: "open",
      priority: "high",
      channel: "chat",
      requester: { id: "c1", locale: "de-DE", tier: "vip" },
      assigneeId: null,
      groupId: null,
      tags: [],
      fields: {},
      messages: [],
      ratings: [],
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
      reopenCount: 0,
      version: 1,
    });
    expect(why).toMatchObject({ itemId: "t-1", agentId: "a", queueScore: 180 });
  });

  it("throws typed errors", () => {
    const router = createRouter();
    router.upsertAgent(agent("a"));
    router.enqueue(item("t"));
    expect(() => router.enqueue(item("t"))).toThrow(expect.objectContaining({ code: "DUPLICATE_ITEM" }));
    expect(() => router.release("t")).toThrow(RoutingError);
    expect(() => router.cancel("nope")).toThrow(expect.objectContaining({ code: "UNKNOWN_ITEM" }));
    expect(() => router.setPresence("nope", "online")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_AGENT" }),
    );
    expect(() => router.removeAgent("nope")).toThrow(expect.objectContaining({ code: "UNKNOWN_AGENT" }));
    expect(() => router.upsertAgent(agent("b", { shift: "missing" }))).toThrow(
      expect.objectContaining({ code: "UNKNOWN_SHIFT" }),
    );
    expect(() => router.enqueue({ id: "", channel: "chat", createdAt: T0 })).toThrow(ValidationError);
    expect(() => router.dispatch("yesterday")).toThrow(ValidationError);
    expect(() => router.restore({ version: 2 })).toThrow(ValidationError);
    expect(() => createRouter({ strategy: "custom" })).toThrow(ValidationError);
    expect(() => explainCandidates(router, "nope")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ITEM" }),
    );
  });
});

describe("snapshot and restore", () => {
  it("round-trips through JSON, shift names and the round-robin cursor included", () => {
    const shifts = { day: alwaysOpenClock };
    const router = createRouter({ strategy: "round-robin", shifts });
    router.upsertAgent(agent("a", { shift: "day" }));
    router.upsertAgent(agent("b", { shift: alwaysOpenClock }));
    router.enqueue(item("t1"));
    router.enqueue(item("t2", { language: "de" }));
    router.dispatch(T0);
    const saved = JSON.parse(JSON.stringify(router.snapshot()));
    expect(saved).toMatchObject({
      version: 1,
      roundRobinCursor: "a",
      agents: [{ agent: { id: "a", shift: "day" } }, { agent: { id: "b", shift: "day" } }],
      queue: [{ id: "t2" }],
      assignments: [{ item: { id: "t1" }, agentId: "a" }],
    });
    const copy = createRouter({ strategy: "round-robin", shifts });
    copy.restore(saved);
    expect(copy.snapshot()).toEqual(saved);
    copy.enqueue(item("t3"));
    expect(ids(copy.dispatch(T0 + MIN))).toEqual(["t3>b"]);
  });

  it("refuses to snapshot an unnamed shift clock", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { shift: windowShift(T0, T0 + MIN) }));
    expect(() => router.snapshot()).toThrow(expect.objectContaining({ code: "UNSERIALISABLE_SHIFT" }));
  });

  it("rebuilds its queues when time goes backwards, again and again, and decides as a fresh router", () => {
    // Classes are numbered by first arrival, and renumbered in queue order by a rebuild: the one-item
    // class that came first then follows the twenty-item class, whose queue must find room of its own.
    const setup = () => {
      const router = createTunedRouter({ strategy: "least-busy" }, -1, true);
      router.upsertAgent(agent("a", { capacity: { chat: 2 }, languages: ["en", "de"] }));
      router.enqueue(item("low", { createdAt: T0, language: "fr", priority: "low" }));
      for (let i = 0; i < 20; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i, priority: "urgent" }));
      return router;
    };
    const rewound = setup();
    for (let k = 5; k >= 1; k--) rewound.dispatch(T0 + k * 60 * MIN); // each call is earlier: a rebuild
    const fresh = setup();
    fresh.dispatch(T0 + 60 * MIN);
    expect(rewound.queue(T0 + 90 * MIN).map((q) => q.item.id)).toEqual(
      fresh.queue(T0 + 90 * MIN).map((q) => q.item.id),
    );
  });

  it("stays correct when time goes backwards", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { skills: [{ name: "x", level: 1 }] }));
    router.enqueue(
      item("t", { createdAt: T0, requiredSkills: [{ name: "x", minLevel: 5, dropAfterMs: 0 }] }),
    );
    router.upsertAgent(agent("a", { presence: "away", skills: [{ name: "x", level: 1 }] }));
    router.dispatch(T0 + MIN);
    router.upsertAgent(agent("a", { skills: [{ name: "x", level: 1 }] }));
    expect(ids(router.dispatch(T0 + MIN))).toEqual(["t>a"]);
  });
});

describe("a shared bus", () => {
  it("accepts a bus that also carries ticket events", () => {
    const bus = createEventBus<TicketEventMap & RoutingEventMap>();
    const router = createRouter({ events: bus });
    const seen: string[] = [];
    bus.on("routing.assigned", (assignment) => seen.push(assignment.itemId));
    router.upsertAgent(agent("a"));
    router.enqueue(item("t"));
    router.dispatch(T0);
    expect(router.events).toBe(bus);
    expect(explainCandidates(router, "t").agentId).toBe("a");
    expect(seen).toEqual(["t"]);
  });
});

describe("what an assignment reports", () => {
  const setups = [
    { strategy: "least-busy", loadMeasure: "utilisation" },
    { strategy: "least-busy", loadMeasure: "spare" },
    { strategy: "least-busy", loadMeasure: "count" },
    { strategy: "longest-idle" },
    { strategy: "best-skill-match" },
    { strategy: "round-robin" },
  ] as const;
  for (const options of setups) {
    it(`equals the explanation just before it (${Object.values(options).join(", ")})`, () => {
      const router = createRouter({ ...options, agingPerMinute: 0.7, vipWeight: 13 });
      router.upsertAgent(agent("a", { capacity: { chat: 4 }, load: { chat: 1 } }));
      router.upsertAgent(agent("b", { capacity: { chat: 3 }, lastAssignedAt: new Date(T0 - 5 * MIN) }));
      router.upsertAgent(agent("c", { capacity: { chat: 2, email: 1 }, load: { email: 1 } }));
      for (let i = 0; i < 6; i++) {
        router.enqueue(item(`t${i}`, { vipTier: i % 2, createdAt: T0 - i * 7_919, priority: "high" }));
      }
      let now = T0 + 3 * MIN;
      for (let round = 0; round < 4; round++) {
        const queued = router.queue(now);
        const head = queued[0];
        if (head === undefined) break;
        const before = router.explain(head.item.id, now);
        const made = router.dispatch(now).assignments[0];
        expect(made?.itemId).toBe(head.item.id);
        expect(made?.agentId).toBe(before.agentId);
        expect(made?.key).toEqual(before.candidates[0]?.eligible ? before.candidates[0].key : null);
        expect(made?.queueScore).toBe(before.queueScore);
        expect(made?.waitedMs).toBe(now - head.item.createdAt.getTime());
        // Free one conversation so the next round has a decision to make.
        for (const held of router.snapshot().assignments.slice(0, 2)) router.release(held.item.id);
        now += MIN;
      }
    });
  }
});

describe("instants in dispatch results", () => {
  it("share one read-only Date per dispatch, equal to a plain Date and copyable", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 3 } }));
    for (let i = 0; i < 3; i++) router.enqueue(item(`t${i}`));
    const seen: Date[] = [];
    router.events.on("routing.assigned", (made) => seen.push(made.at));
    const result = router.dispatch(T0 + MIN);
    const [first, second, third] = result.assignments;
    expect(result.assignments).toHaveLength(3);
    expect(first?.at).toBe(result.at);
    expect(third?.at).toBe(result.at);
    expect(seen.every((at) => at === result.at)).toBe(true);
    expect(result.at).toBeInstanceOf(Date);
    expect(result.at).toEqual(new Date(T0 + MIN));
    // The second assignment's agent was last assigned at this very instant: the same Date again.
    expect(second?.key?.lastAssignedAt).toBe(result.at);
    expect(JSON.parse(JSON.stringify(first))).toMatchObject({ at: new Date(T0 + MIN).toISOString() });
    const copy = new Date(result.at);
    copy.setUTCHours(0);
    expect(result.at.getTime()).toBe(T0 + MIN);
  });

  it("work with date-fns, whose copies are ordinary Dates, and equal plain Dates strictly", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 1 }, lastAssignedAt: new Date(T0 - MIN) }));
    router.enqueue(item("t"));
    const result = router.dispatch(T0 + 90 * MIN);
    const made = result.assignments[0];
    const key = made?.key?.lastAssignedAt as Date;
    expect(addDays(result.at, 1).getTime()).toBe(T0 + 90 * MIN + 86_400_000);
    expect(startOfHour(result.at).getTime()).toBe(T0 + 60 * MIN);
    expect(setMinutes(key, 0).getTime()).toBe(T0 - 60 * MIN);
    expect(result.at.getTime()).toBe(T0 + 90 * MIN);
    expect(key.getTime()).toBe(T0 - MIN);
    const copy = addDays(result.at, 1);
    copy.setUTCHours(0); // the copy is not read-only
    expect(made?.at).toStrictEqual(new Date(T0 + 90 * MIN));
  });

  it("are not what shift clocks see: a clock written with date-fns works in a dispatch", () => {
    // Open from the top of the hour 08:00 UTC to 17:00 UTC; `startOfHour` sets fields on its copy.
    const dayShift = {
      isOpen: (at: Date) => {
        const hour = startOfHour(at).getUTCHours();
        return hour >= 8 && hour < 17;
      },
      nextOpen: (at: Date) => new Date(at.getTime() + MIN),
      add: (start: Date, ms: number) => new Date(start.getTime() + ms),
      between: (from: Date, to: Date) => to.getTime() - from.getTime(),
    } satisfies BusinessClock;
    const router = createRouter({ shifts: { day: dayShift } });
    router.upsertAgent(agent("a", { shift: "day" }));
    router.enqueue(item("t"));
    expect(ids(router.dispatch(Date.UTC(2026, 2, 2, 9, 30)))).toEqual(["t>a"]);
  });

  it("throw a READ_ONLY_INSTANT RoutingError from every setter, leaving the instant unchanged", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 1 }, lastAssignedAt: new Date(T0 - MIN) }));
    router.enqueue(item("t"));
    const made = router.dispatch(T0).assignments[0];
    const key = made?.key?.lastAssignedAt;
    expect(key?.getTime()).toBe(T0 - MIN);
    const setters = Object.getOwnPropertyNames(Date.prototype).filter((name) => name.startsWith("set"));
    expect(setters.length).toBeGreaterThanOrEqual(15);
    for (const date of [made?.at, key]) {
      for (const name of setters) {
        const call = () => (date as unknown as Record<string, (value: number) => number>)[name]?.(0);
        expect(call).toThrow(RoutingError);
        expect(call).toThrow(/read-only/);
        try {
          call();
        } catch (error) {
          expect((error as RoutingError).code).toBe("READ_ONLY_INSTANT");
        }
      }
    }
    expect(made?.at.getTime()).toBe(T0);
    expect(key?.getTime()).toBe(T0 - MIN);
  });
});

describe("reading the router from an event handler", () => {
  for (const strategy of ["least-busy", "longest-idle"] as const) {
    it(`sees every assignment of the running dispatch (${strategy})`, () => {
      const router = createRouter({ strategy });
      router.upsertAgent(agent("a", { capacity: { chat: 3 } }));
      router.upsertAgent(agent("b", { capacity: { chat: 2 }, lastAssignedAt: new Date(T0 - MIN) }));
      router.upsertAgent(agent("c", { capacity: { chat: 2 }, load: { chat: 1 } }));
      for (let i = 0; i < 5; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
      const now = T0 + MIN;
      const seen: { lastAssignedAt: number | undefined; next: string | null }[] = [];
      router.events.on("routing.assigned", (assigned) => {
        const self = router.agents().find((a) => a.id === assigned.agentId);
        const next = router.queue(now)[0];
        seen.push({
          lastAssignedAt: self?.lastAssignedAt?.getTime(),
          next: next === undefined ? null : router.explain(next.item.id, now).agentId,
        });
      });
      const made = router.dispatch(now).assignments;
      expect(made).toHaveLength(5);
      seen.forEach((view, k) => {
        expect(view.lastAssignedAt).toBe(now);
        expect(view.next).toBe(made[k + 1]?.agentId ?? null);
      });
    });
  }

  it("sees each item assigned, and can release or cancel items the dispatch just handled", () => {
    const router = createRouter({ strategy: "least-busy" });
    for (const id of ["a", "b"]) router.upsertAgent(agent(id, { capacity: { chat: 3 } }));
    for (let i = 0; i < 6; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
    const now = T0 + MIN;
    const views: (string | null)[] = [];
    router.events.on("routing.assigned", (assigned) => {
      views.push(router.assigneeOf(assigned.itemId));
      // The item is no longer queued: cancelling it is refused, releasing it frees the agent's place.
      expect(() => router.cancel(assigned.itemId)).toThrow(RoutingError);
      if (assigned.itemId === "t0") router.release("t0");
    });
    const made = router.dispatch(now).assignments;
    expect(views).toEqual(made.map((a) => a.agentId));
    expect(made.map((a) => a.itemId)).toEqual(["t0", "t1", "t2", "t3", "t4", "t5"]);
    expect(router.assigneeOf("t0")).toBeNull();
    const held = router.snapshot().assignments.map((a) => [a.item.id, a.agentId]);
    expect(held.sort()).toEqual(made.slice(1).map((a) => [a.itemId, a.agentId]));
  });
});

describe("event handlers that throw or dispatch", () => {
  function setup() {
    const router = createTunedRouter({ strategy: "least-busy", stickyWaitMs: 10 * MIN }, -1, true);
    for (const id of ["a", "b", "c"]) router.upsertAgent(agent(id, { capacity: { chat: 2 } }));
    return router;
  }

  it("refuses dispatch and restore from a handler during a dispatch, and the next dispatch finishes the work", () => {
    const router = setup();
    for (let i = 0; i < 8; i++) router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
    const saved = router.snapshot();
    const calls = [() => router.dispatch(T0 + MIN), () => router.restore(saved)];
    const refusals: unknown[] = [];
    const off = router.events.on("routing.assigned", () => {
      const call = calls.shift();
      if (call === undefined) return;
      try {
        call();
      } catch (error) {
        refusals.push(error);
      }
    });
    const first = router.dispatch(T0 + MIN).assignments;
    off();
    expect(refusals).toHaveLength(2);
    for (const error of refusals) {
      expect(error).toBeInstanceOf(RoutingError);
      expect((error as RoutingError).code).toBe("DISPATCH_IN_PROGRESS");
    }
    // The refused calls changed nothing: the outer dispatch filled all six places.
    expect(first).toHaveLength(6);
    expect(router.queue(T0 + MIN).map((q) => q.item.id)).toEqual(["t6", "t7"]);
  });

  it("a handler that throws stops the dispatch; nothing is lost and the next dispatch serves every class", () => {
    const router = setup();
    // t0 waits for its busy previous agent (set aside during the pass), the rest route normally.
    router.upsertAgent(agent("p", { capacity: { chat: 1 }, load: { chat: 1 } }));
    router.enqueue(item("t0", { createdAt: T0, previousAgentId: "p" }));
    for (let i = 1; i < 8; i++)
      router.enqueue(item(`t${i}`, { createdAt: T0 + i, language: i % 2 ? "en" : "de" }));
    router.upsertAgent(agent("d", { capacity: { chat: 2 }, languages: ["de"] }));
    let seen = 0;
    const off = router.events.on("routing.assigned", () => {
      if (++seen === 2) throw new Error("handler failed");
    });
    expect(() => router.dispatch(T0 + MIN)).toThrow("handler failed");
    off();
    const made = router.snapshot().assignments.length;
    expect(made).toBe(2);
    const rest = router.dispatch(T0 + MIN).assignments.map((m) => m.itemId);
    // Every item is still either queued or assigned, t0 is still waiting, and no agent with room is idle.
    const assigned = router.snapshot().assignments.map((a) => a.item.id);
    const queued = router.queue(T0 + MIN).map((q) => q.item.id);
    expect(new Set([...assigned, ...queued]).size).toBe(8);
    expect(queued).toContain("t0");
    expect(rest.length + made).toBe(assigned.length);
    // Six places for the four English items (a, b, c) and two for the three German ones (d): t6 and the
    // waiting t0 stay queued.
    expect(assigned).toHaveLength(6);
    expect(queued.sort()).toEqual(["t0", "t6"]);
    // Once its sticky wait is over, t0 falls back to an agent with room: it is still in its queue.
    expect(router.dispatch(T0 + 20 * MIN).assignments.map((m) => m.itemId)).toEqual(["t0"]);
  });
});

describe("records of assignments settled on demand", () => {
  it("stay right when rows are reused over thousands of dispatches, and their list is compacted", () => {
    // Each cycle assigns a new item and releases the one before: the two rows are reused again and again
    // while the older entries for them are still listed (see `lagging` in router.ts), so the list is
    // compacted many times, with copies of rows that lag again. The router audits itself after each call
    // and each compaction (one entry per lagging row, no copies).
    const router = createTunedRouter({}, 0, true);
    router.upsertAgent(agent("a", { capacity: { chat: 2 } }));
    let previous: string | null = null;
    for (let i = 0; i < 3_000; i++) {
      router.enqueue(item(`t${i}`, { createdAt: T0 + i }));
      expect(ids(router.dispatch(T0 + i))).toEqual([`t${i}>a`]);
      if (previous !== null) expect(router.release(previous)).toEqual({ itemId: previous, agentId: "a" });
      previous = `t${i}`;
    }
    expect(router.assigneeOf("t2998")).toBeNull();
    expect(router.assigneeOf("t2999")).toBe("a");
    expect(router.snapshot().assignments.map((held) => held.item.id)).toEqual(["t2999"]);
  });
});

describe("agent state across one dispatch", () => {
  it("a sticky item for an agent just given work by the fast path counts that work", () => {
    // a takes t0 by least-busy (the slot-table path, which updates the agent object only later); t1
    // then goes to a by stickiness (the general path), which must start from a's current totals.
    const router = createTunedRouter({ strategy: "least-busy" }, -1, true);
    router.upsertAgent(agent("a", { capacity: { chat: 3 } }));
    router.upsertAgent(agent("b", { capacity: { chat: 3 } }));
    router.enqueue(item("t0", { createdAt: T0 }));
    router.enqueue(item("t1", { createdAt: T0 + 1, previousAgentId: "a" }));
    const made = router.dispatch(T0 + MIN).assignments;
    expect(made.map((m) => [m.itemId, m.agentId, m.reason])).toEqual([
      ["t0", "a", "strategy"],
      ["t1", "a", "sticky"],
    ]);
    router.enqueue(item("t2", { createdAt: T0 + 2 }));
    expect(router.dispatch(T0 + 2 * MIN).assignments[0]?.agentId).toBe("b");
  });
});

describe("waking classes after releases", () => {
  it("counts every released agent's room: old work another agent takes first does not hide the rest", () => {
    // A serves skills x and z, B only x. Both are full, then one conversation each ends: B (now idle) ranks
    // before A (half busy) for hx, which comes first; hz must then go to A in the same dispatch.
    const router = createRouter({ strategy: "least-busy" });
    const skill = (name: string) => ({ name, level: 5 });
    router.upsertAgent(agent("a", { capacity: { chat: 2 }, skills: [skill("x"), skill("z")] }));
    router.upsertAgent(agent("b", { capacity: { chat: 1 }, skills: [skill("x")] }));
    const z = [{ name: "z", minLevel: 1 }];
    const x = [{ name: "x", minLevel: 1 }];
    router.enqueue(item("hold-a1", { requiredSkills: z, createdAt: T0 - 9 * MIN }));
    router.enqueue(item("hold-a2", { requiredSkills: z, createdAt: T0 - 8 * MIN }));
    router.enqueue(item("hold-b", { requiredSkills: x, createdAt: T0 - 7 * MIN }));
    expect(router.dispatch(T0).assignments).toHaveLength(3);
    router.enqueue(item("hx", { requiredSkills: x, createdAt: T0 - 5 * MIN }));
    router.enqueue(item("hz", { requiredSkills: z, createdAt: T0 - 4 * MIN }));
    expect(router.dispatch(T0 + MIN).assignments).toEqual([]); // everyone is full: the new items wait
    router.release("hold-a1");
    router.release("hold-b");
    expect(ids(router.dispatch(T0 + 2 * MIN))).toEqual(["hx>b", "hz>a"]);
  });

  it("wakes every class when a head waits for its previous agent (it takes no room)", () => {
    const router = createRouter({ strategy: "least-busy", stickyWaitMs: 30 * MIN });
    const skill = (name: string) => ({ name, level: 5 });
    router.upsertAgent(agent("a", { capacity: { chat: 1 }, skills: [skill("x"), skill("z")] }));
    router.upsertAgent(agent("p", { capacity: { chat: 1 }, skills: [skill("x"), skill("y")] }));
    router.enqueue(item("hold-a", { requiredSkills: [{ name: "z", minLevel: 1 }], createdAt: T0 - 9 * MIN }));
    router.enqueue(item("hold-p", { requiredSkills: [{ name: "y", minLevel: 1 }], createdAt: T0 - 9 * MIN }));
    expect(ids(router.dispatch(T0))).toEqual(["hold-a>a", "hold-p>p"]);
    // The first item in x waits for p (busy), so a's room goes to the item in z behind it.
    router.enqueue(
      item("sticky", { requiredSkills: [{ name: "x", minLevel: 1 }], previousAgentId: "p", createdAt: T0 }),
    );
    router.enqueue(item("hz", { requiredSkills: [{ name: "z", minLevel: 1 }], createdAt: T0 + 1 }));
    expect(router.dispatch(T0 + MIN).assignments).toEqual([]);
    router.release("hold-a");
    expect(ids(router.dispatch(T0 + 2 * MIN))).toEqual(["hz>a"]);
  });
});
