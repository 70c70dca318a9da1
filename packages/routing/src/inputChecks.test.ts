import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { agent, item, MIN, T0 } from "./_test/fixtures";
import { checkEligibility } from "./eligibility";
import { RoutingError } from "./errors";
import { pickAgent } from "./pickAgent";
import { createRouter } from "./router";
import { parseWorkItem } from "./workItem";

/** The error `fn` throws (the test fails when it throws none). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("options are checked where they are given", () => {
  it.each([
    ["a misspelt option", { stratgy: "round-robin" }, /unknown field "stratgy"/],
    ["an event bus without emit/on", { events: {} }, /events: expected an event bus/],
    ["a shift that is not a BusinessClock", { shifts: { day: {} } }, /shifts\.day: expected a BusinessClock/],
    [
      "a triage rule without a skill",
      { triage: { rules: [{ skill: "", keywords: ["x"] }] } },
      /triage\.rules\.0\.skill/,
    ],
    ["a misspelt triage option", { triage: { lang: "en" } }, /unknown field "lang"/],
    ["custom without score", { strategy: "custom" }, /score: the custom strategy needs a score function/],
  ])("createRouter rejects %s with a ValidationError naming it", (_, options, message) => {
    const error = thrown(() => createRouter(options as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^Invalid router options: /);
    expect(error.message).toMatch(message);
  });

  it("createRouter still takes every documented option", () => {
    const router = createRouter({
      strategy: "longest-idle",
      loadMeasure: "spare",
      stickyWaitMs: MIN,
      fairLimit: { maxAssignments: 3, windowMs: 60 * MIN },
      channelUnits: { chat: 2 },
      priorityWeights: { urgent: 500 },
      vipWeight: 10,
      agingPerMinute: 2,
      triage: {
        as: "preferred",
        language: "en",
        rules: [{ skill: "refund", keywords: ["refund"], minLevel: 2.5 }],
      },
    });
    router.upsertAgent(agent("a1"));
    router.enqueue(item("t1", { text: "refund please" }));
    expect(router.dispatch(T0).assignments.map((a) => a.agentId)).toEqual(["a1"]);
  });

  it("pickAgent and checkEligibility need their options, and only known keys", () => {
    const agents = [agent("a1")];
    expect(thrown(() => pickAgent(agents, item("t1"), undefined as never))).toBeInstanceOf(ValidationError);
    expect(thrown(() => pickAgent(agents, item("t1"), {} as never)).message).toMatch(/now/);
    expect(
      thrown(() => pickAgent(agents, item("t1"), { now: T0, roundRobinCursr: "a1" } as never)).message,
    ).toMatch(/unknown field "roundRobinCursr"/);
    expect(
      thrown(() => checkEligibility(agent("a1"), item("t1"), { now: T0, recent: [] } as never)).message,
    ).toMatch(/^Invalid checkEligibility options: unknown field "recent"/);
    expect(
      pickAgent(agents, item("t1"), { now: T0, roundRobinCursor: null, recentAssignments: {} }).agentId,
    ).toBe("a1");
  });
});

describe("lists with an id twice are refused", () => {
  it("pickAgent: agents must be an array with distinct ids", () => {
    const twice = thrown(() => pickAgent([agent("a1"), agent("a1")], item("t1"), { now: T0 }));
    expect(twice).toBeInstanceOf(RoutingError);
    expect((twice as RoutingError).code).toBe("DUPLICATE_AGENT");
    expect(thrown(() => pickAgent(null as never, item("t1"), { now: T0 }))).toBeInstanceOf(ValidationError);
  });

  it("work items: a skill named twice in required or preferred skills", () => {
    const required = thrown(() =>
      parseWorkItem(
        item("t1", {
          requiredSkills: [
            { name: "refund", minLevel: 2 },
            { name: "refund", minLevel: 8 },
          ],
        }),
      ),
    );
    expect(required).toBeInstanceOf(ValidationError);
    expect(required.message).toMatch(/requiredSkills\.1\.name: skill "refund" is listed twice/);
    expect(thrown(() => parseWorkItem(item("t1", { preferredSkills: ["de", "de"] }))).message).toMatch(
      /preferredSkills\.1: skill "de" is listed twice/,
    );
  });

  it("restore: a snapshot saved before the check, with an item naming a skill twice, still restores", () => {
    const router = createRouter();
    router.upsertAgent(agent("a1", { skills: [{ name: "refund", level: 5 }] }));
    const saved = router.snapshot();
    const twice = {
      ...item("t1"),
      createdAt: new Date(T0).toISOString(),
      requiredSkills: [
        { name: "refund", minLevel: 2 },
        { name: "refund", minLevel: 4 },
      ],
    };
    router.restore({ ...saved, queue: [twice] });
    expect(router.dispatch(T0).assignments.map((a) => a.itemId)).toEqual(["t1"]);
  });

  it("restore: a snapshot listing an agent twice is refused and the router is unchanged", () => {
    const router = createRouter();
    router.upsertAgent(agent("a1"));
    router.enqueue(item("t1"));
    const before = router.snapshot();
    const bad = { ...before, agents: [...before.agents, ...before.agents] };
    const error = thrown(() => router.restore(bad));
    expect((error as RoutingError).code).toBe("DUPLICATE_AGENT");
    expect(router.snapshot()).toEqual(before);
  });
});

describe("other inputs", () => {
  it("setPresence rejects an unknown presence with a ValidationError and changes nothing", () => {
    const router = createRouter();
    router.upsertAgent(agent("a1"));
    const error = thrown(() => router.setPresence("a1", "sleeping" as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/^Invalid presence/);
    expect(router.agents()[0]?.presence).toBe("online");
  });

  it("an item created after the dispatch instant (clock skew) is assigned with a wait of 0, never negative", () => {
    const router = createRouter();
    router.upsertAgent(agent("a1"));
    router.enqueue(item("t1", { createdAt: T0 + 5 * MIN }));
    const [assignment] = router.dispatch(T0).assignments;
    expect(assignment?.agentId).toBe("a1");
    expect(assignment?.waitedMs).toBe(0);
  });
});
