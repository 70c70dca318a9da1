import { alwaysOpenClock, minutes, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { agent, item, T0, windowShift } from "./_test/fixtures";
import { checkEligibility } from "./eligibility";
import { pickAgent } from "./pickAgent";

const now = T0;

describe("eligibility checks, in their fixed order", () => {
  const base = item("t1", {
    language: "es-MX",
    requiredSkills: [{ name: "refunds", minLevel: 5 }],
    groupId: "emea",
  });
  const good = agent("a", { languages: ["es"], skills: [{ name: "refunds", level: 5 }], groups: ["emea"] });

  it("accepts an agent passing every check", () => {
    expect(checkEligibility(good, base, { now })).toBeNull();
  });

  it.each([
    ["presence", { presence: "away" as const }],
    ["shift", { shift: windowShift(T0 + 1, T0 + minutes(60)) }],
    ["group", { groups: ["apac"] }],
    ["language", { languages: ["es-ES"] }],
    ["skill", { skills: [{ name: "refunds", level: 4 }] }],
    ["capacity", { capacity: { email: 5 } }],
  ])("rejects with %s", (code, overrides) => {
    expect(checkEligibility({ ...good, ...overrides }, base, { now })).toBe(code);
  });

  it("rejects with fair-limit when the window already holds the maximum", () => {
    const options = { now, fairLimit: { maxAssignments: 2, windowMs: minutes(10) } };
    const twoRecent = [T0 - minutes(9), T0 - minutes(1)];
    expect(checkEligibility(good, base, { ...options, recentAssignments: twoRecent })).toBe("fair-limit");
    // One of them left the window (exactly windowMs ago no longer counts).
    expect(
      checkEligibility(good, base, { ...options, recentAssignments: [T0 - minutes(10), T0] }),
    ).toBeNull();
  });

  it("reports the first failing check when several fail", () => {
    const bad = { ...good, presence: "offline" as const, languages: ["de"], capacity: {} };
    expect(checkEligibility(bad, base, { now })).toBe("presence");
    expect(checkEligibility({ ...bad, presence: "online" }, base, { now })).toBe("language");
    expect(checkEligibility({ ...bad, presence: "online", languages: ["es"] }, base, { now })).toBe(
      "capacity",
    );
  });

  it("treats an unlisted channel as zero capacity and honours weighted units", () => {
    const voice = item("t2", { channel: "phone" });
    expect(checkEligibility(agent("a"), voice, { now })).toBe("capacity");
    const weighted = agent("a", { capacity: { chat: 5, email: 5 }, load: { chat: 2 }, unitCapacity: 7 });
    const units = { chat: 3, email: 1 };
    // 2 chats use 6 units: another chat (3) does not fit, an email (1) does.
    expect(checkEligibility(weighted, item("c"), { now, channelUnits: units })).toBe("capacity");
    expect(
      checkEligibility(weighted, item("e", { channel: "email" }), { now, channelUnits: units }),
    ).toBeNull();
  });

  it("uses the shift clock, and an always-open clock never rejects", () => {
    expect(checkEligibility({ ...good, shift: alwaysOpenClock }, base, { now })).toBeNull();
    const shift = windowShift(T0, T0 + minutes(60));
    expect(checkEligibility({ ...good, shift }, base, { now: T0 + minutes(60) })).toBe("shift");
    expect(checkEligibility({ ...good, shift: "day" }, base, { now, shifts: { day: shift } })).toBeNull();
  });

  it("never filters on preferred skills", () => {
    expect(checkEligibility(good, { ...base, preferredSkills: ["vip-care"] }, { now })).toBeNull();
  });

  it("throws ValidationError for bad input", () => {
    expect(() => checkEligibility({ ...good, presence: "asleep" as never }, base, { now })).toThrow(
      ValidationError,
    );
    expect(() => checkEligibility(good, { ...base, channel: "fax" as never }, { now })).toThrow(/channel/);
  });
});

describe("strategies", () => {
  const chat = item("t1");

  it("least-busy by utilisation, spare and count", () => {
    const agents = [
      agent("a", { capacity: { chat: 4, email: 10 }, load: { chat: 2 } }), // util 0.5, spare 2, count 2
      agent("b", { capacity: { chat: 10, email: 10 }, load: { chat: 4 } }), // util 0.4, spare 6, count 4
      agent("c", { capacity: { chat: 2, email: 10 }, load: { email: 1 } }), // util 0, spare 2, count 1
    ];
    expect(pickAgent(agents, chat, { now, loadMeasure: "utilisation" }).agentId).toBe("c");
    expect(pickAgent(agents, chat, { now, loadMeasure: "spare" }).agentId).toBe("b");
    expect(pickAgent(agents, chat, { now, loadMeasure: "count" }).agentId).toBe("c");
    const withoutC = agents.slice(0, 2);
    expect(pickAgent(withoutC, chat, { now, loadMeasure: "utilisation" }).key).toMatchObject({ value: 0.4 });
    expect(pickAgent(withoutC, chat, { now, loadMeasure: "count" }).agentId).toBe("a");
  });

  it("longest-idle prefers the oldest last assignment, never-assigned first", () => {
    const agents = [
      agent("a", { lastAssignedAt: T0 - minutes(5) }),
      agent("b", { lastAssignedAt: T0 - minutes(50) }),
      agent("c", { lastAssignedAt: T0 - minutes(20) }),
    ];
    expect(pickAgent(agents, chat, { now, strategy: "longest-idle" }).agentId).toBe("b");
    expect(pickAgent([...agents, agent("d")], chat, { now, strategy: "longest-idle" }).agentId).toBe("d");
  });

  it("best-skill-match sums levels over required and preferred skills", () => {
    const request = item("t1", {
      requiredSkills: [{ name: "refunds", minLevel: 3 }],
      preferredSkills: ["german"],
    });
    const agents = [
      agent("a", { skills: [{ name: "refunds", level: 9 }] }), // 9
      agent("b", {
        skills: [
          { name: "refunds", level: 5 },
          { name: "german", level: 6 },
        ],
      }), // 11
      agent("c", { skills: [{ name: "german", level: 10 }] }), // not eligible
    ];
    const decision = pickAgent(agents, request, { now, strategy: "best-skill-match" });
    expect(decision.agentId).toBe("b");
    expect(decision.key?.value).toBe(11);
  });

  it("custom scoring: highest score wins", () => {
    const agents = [agent("a", { groups: ["senior"] }), agent("b"), agent("c", { groups: ["senior"] })];
    const decision = pickAgent(agents, chat, {
      now,
      strategy: "custom",
      score: (view) => (view.agent.groups.includes("senior") ? 10 : 0) - (view.agent.id === "a" ? 1 : 0),
    });
    expect(decision.agentId).toBe("c");
    expect(() => pickAgent(agents, chat, { now, strategy: "custom" })).toThrow(/score/);
  });

  it("round-robin takes the next eligible agent after the cursor in id order, wrapping", () => {
    const agents = [agent("c"), agent("a"), agent("b", { presence: "away" }), agent("d")];
    const rr = { now, strategy: "round-robin" as const };
    expect(pickAgent(agents, chat, rr).agentId).toBe("a");
    expect(pickAgent(agents, chat, { ...rr, roundRobinCursor: "a" })).toMatchObject({
      agentId: "c",
      roundRobinCursor: "c",
    });
    expect(pickAgent(agents, chat, { ...rr, roundRobinCursor: "d" }).agentId).toBe("a");
    expect(pickAgent(agents, chat, { ...rr, roundRobinCursor: "bb" }).agentId).toBe("c");
  });
});

describe("ties", () => {
  it("go to the longest idle, then the smallest id, never input order", () => {
    const agents = [
      agent("b", { lastAssignedAt: T0 - minutes(30) }),
      agent("a", { lastAssignedAt: T0 - minutes(10) }),
      agent("c", { lastAssignedAt: T0 - minutes(30) }),
    ];
    for (const order of [agents, [...agents].reverse(), [agents[2]!, agents[0]!, agents[1]!]]) {
      expect(pickAgent(order, item("t"), { now }).agentId).toBe("b");
      expect(pickAgent(order, item("t"), { now, strategy: "best-skill-match" }).agentId).toBe("b");
    }
    expect(pickAgent([agent("z"), agent("y")], item("t"), { now }).agentId).toBe("y");
  });
});

describe("sticky routing", () => {
  const agents = [
    agent("a"),
    agent("b", { capacity: { chat: 1 }, load: { chat: 1 } }),
    agent("c", { presence: "offline" }),
  ];

  it("goes to the previous agent when eligible, whatever the strategy ranks", () => {
    const busy = [agent("a", { load: { chat: 2 } }), agent("b")];
    expect(pickAgent(busy, item("t", { previousAgentId: "a" }), { now })).toMatchObject({
      agentId: "a",
      reason: "sticky",
    });
  });

  it("waits while only capacity blocks and the wait has not passed, then routes normally", () => {
    const sticky = item("t", { previousAgentId: "b", createdAt: T0 });
    const waitMs = minutes(3);
    expect(pickAgent(agents, sticky, { now: T0 + waitMs - 1, stickyWaitMs: waitMs })).toMatchObject({
      agentId: null,
      reason: "waiting-for-previous-agent",
      waitUntil: new Date(T0 + waitMs),
    });
    expect(pickAgent(agents, sticky, { now: T0 + waitMs, stickyWaitMs: waitMs })).toMatchObject({
      agentId: "a",
      reason: "strategy",
    });
    // The item's own wait overrides the option.
    expect(pickAgent(agents, { ...sticky, stickyWaitMs: 0 }, { now: T0 }).agentId).toBe("a");
  });

  it("never waits for or routes to an offline previous agent", () => {
    expect(pickAgent(agents, item("t", { previousAgentId: "c" }), { now })).toMatchObject({
      agentId: "a",
      reason: "strategy",
    });
  });

  it("routes normally at once when something other than capacity blocks the previous agent", () => {
    const request = item("t", { previousAgentId: "b", language: "de" });
    const decision = pickAgent([...agents, agent("d", { languages: ["de"] })], request, { now });
    expect(decision).toMatchObject({ agentId: "d", reason: "strategy" });
  });
});

describe("skill relaxation", () => {
  const request = item("t", {
    requiredSkills: [{ name: "refunds", minLevel: 7, relax: { everyMs: minutes(5), step: 2, floor: 3 } }],
  });
  const agents = [agent("junior", { skills: [{ name: "refunds", level: 5 }] })];

  it("lowers the minimum exactly at the step boundary", () => {
    expect(pickAgent(agents, request, { now: T0 + minutes(5) - 1 })).toMatchObject({
      reason: "no-eligible-agent",
      rejections: { junior: "skill" },
    });
    expect(pickAgent(agents, request, { now: T0 + minutes(5) })).toMatchObject({
      agentId: "junior",
      relaxed: true,
    });
  });

  it("drops a requirement exactly at dropAfterMs", () => {
    const drop = item("t", { requiredSkills: [{ name: "refunds", minLevel: 7, dropAfterMs: minutes(10) }] });
    const novices = [agent("n")];
    expect(pickAgent(novices, drop, { now: T0 + minutes(10) - 1 }).agentId).toBeNull();
    expect(pickAgent(novices, drop, { now: T0 + minutes(10) })).toMatchObject({
      agentId: "n",
      relaxed: true,
    });
  });

  it("lists every agent's code when nobody is eligible", () => {
    const decision = pickAgent(
      [agent("a", { presence: "away" }), agent("b", { languages: ["fr"] })],
      item("t", { language: "de" }),
      { now },
    );
    expect(decision).toMatchObject({
      reason: "no-eligible-agent",
      rejections: { a: "presence", b: "language" },
    });
  });
});
