import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fromTemplate, itemArb } from "./_test/arbitraries";
import { agent, item, MIN, T0 } from "./_test/fixtures";
import { createRouter } from "./router";

describe("batch mode (dispatch with mode: matching)", () => {
  const setup = () => {
    const router = createRouter();
    // The specialist sorts first, so greedy hands it the first (payments) item.
    router.upsertAgent(
      agent("a-specialist", {
        capacity: { chat: 1 },
        skills: [
          { name: "payments", level: 5 },
          { name: "refunds", level: 5 },
        ],
      }),
    );
    router.upsertAgent(
      agent("b-generalist", { capacity: { chat: 1 }, skills: [{ name: "payments", level: 5 }] }),
    );
    router.enqueue(item("pay", { createdAt: T0, requiredSkills: [{ name: "payments" }] }));
    router.enqueue(item("refund", { createdAt: T0 + 1, requiredSkills: [{ name: "refunds" }] }));
    return router;
  };

  it("greedy (the default) can use up a scarce specialist", () => {
    expect(
      setup()
        .dispatch(T0 + MIN)
        .assignments.map((a) => `${a.itemId}>${a.agentId}`),
    ).toEqual(["pay>a-specialist"]);
  });

  it("matching maximises assignments so the specialist keeps the work only it can take", () => {
    const result = setup().dispatch(T0 + MIN, { mode: "matching" });
    expect(result.assignments.map((a) => `${a.itemId}>${a.agentId}:${a.mode}`)).toEqual([
      "pay>b-generalist:matching",
      "refund>a-specialist:matching",
    ]);
  });

  it("prefers earlier items when not everything fits", () => {
    const router = createRouter();
    router.upsertAgent(agent("a", { capacity: { chat: 1 } }));
    router.enqueue(item("late", { createdAt: T0 + 5 }));
    router.enqueue(item("early", { createdAt: T0 }));
    expect(router.dispatch(T0 + MIN, { mode: "matching" }).assignments.map((a) => a.itemId)).toEqual([
      "early",
    ]);
  });
});

test.prop(
  [
    fc.array(itemArb, { minLength: 1, maxLength: 14 }),
    fc.array(
      fc.record({
        skills: fc.subarray(["refunds", "payments", "returns"]),
        level: fc.integer({ min: 1, max: 10 }),
        chat: fc.integer({ min: 0, max: 2 }),
        email: fc.integer({ min: 0, max: 2 }),
        languages: fc.subarray(["en", "de", "es"]),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  ],
  { numRuns: 150 },
)("matching never assigns fewer items than greedy and never breaks a constraint", (templates, specs) => {
  const build = () => {
    const router = createRouter({ stickyWaitMs: 0 });
    specs.forEach((spec, i) => {
      router.upsertAgent(
        agent(`a${i + 1}`, {
          skills: spec.skills.map((name) => ({ name, level: spec.level })),
          capacity: { chat: spec.chat, email: spec.email },
          languages: spec.languages,
          groups: ["g1"],
        }),
      );
    });
    templates.forEach((template, i) => {
      router.enqueue(fromTemplate(template, `t${i}`, T0));
    });
    return router;
  };
  const greedy = build();
  const greedyCount = greedy.dispatch(T0 + 2 * MIN).assignments.length;
  const batch = build();
  const made = batch.dispatch(T0 + 2 * MIN, { mode: "matching" }).assignments;
  expect(made.length).toBeGreaterThanOrEqual(greedyCount);
  // Every assignment was to an agent the explanation ranks eligible at that instant, before it was made.
  const replay = build();
  for (const assignment of made) {
    const why = replay.explain(assignment.itemId, T0 + 2 * MIN);
    expect(why.candidates.find((c) => c.agentId === assignment.agentId)?.eligible).toBe(true);
  }
  // Afterwards the result is still work-conserving.
  for (const row of batch.queue(T0 + 2 * MIN)) expect(row.reason).not.toBe("ready");
});
