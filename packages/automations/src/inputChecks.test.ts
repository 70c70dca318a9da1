// Untrusted rules and bad arguments fail as a ValidationError that names the path, the option or the argument:
// never a RangeError from the stack, a TypeError deep inside, a silently ignored option or a rule that fires on
// every ticket by accident.
import { replay, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { created, echoRenderer, weekdayClock } from "./_test/helpers";
import {
  advanceWorkflow,
  automationStateToJSON,
  availableActions,
  type Condition,
  ConditionSchema,
  createAutomationState,
  defineWorkflow,
  dryRun,
  explain,
  MAX_CONDITION_DEPTH,
  nextMatchAt,
  overdueSteps,
  parseRule,
  parseRules,
  type Rule,
  replayWorkflow,
  returnWorkflow,
  runAutomations,
  runTriggers,
  startWorkflow,
  stepDueAt,
} from "./index";

const leaf: Condition = { field: "status", op: "is", value: "new" };
const actions = [{ type: "add_tags" as const, tags: ["t"] }];

function nestNot(levels: number): Condition {
  let condition: Condition = leaf;
  for (let i = 0; i < levels; i++) condition = { not: condition };
  return condition;
}

function nestAll(levels: number): Condition {
  let condition: Condition = leaf;
  for (let i = 0; i < levels; i++) condition = { all: [leaf, condition] };
  return condition;
}

// Runs `call` and returns the ValidationError it throws (failing the test for anything else, RangeError included).
function validationError(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError, but nothing was thrown");
}

const ticket = () => replay([created()]);
const event = () => created();
const now = "2026-03-02T12:00:00Z";

describe("condition nesting depth", () => {
  it("accepts MAX_CONDITION_DEPTH (32) nested groups", () => {
    expect(MAX_CONDITION_DEPTH).toBe(32);
    expect(() => parseRule({ id: "x", when: nestNot(32), actions })).not.toThrow();
    expect(() => parseRule({ id: "x", when: nestAll(32), actions })).not.toThrow();
  });

  it.each([
    ["not", nestNot, 33],
    ["not", nestNot, 1_000],
    ["not", nestNot, 100_000],
    ["all", nestAll, 33],
    ["all", nestAll, 1_000],
  ] as const)("rejects %s nested %i deep with a ValidationError naming the path", (_, nest, levels) => {
    const error = validationError(() => parseRules([{ id: "x", when: nest(levels), actions }]));
    expect(error.message).toMatch(/deeper than 32 levels/);
    const path = error.issues[0]?.path ?? "";
    expect(path.startsWith("0.when.")).toBe(true);
    // The path leads to the 33rd group.
    expect(path.split(".").filter((part) => part === "not" || part === "all")).toHaveLength(32);
  });

  it("rejects nesting in any and a cycle (possible in objects, not JSON) the same way", () => {
    let any: Condition = leaf;
    for (let i = 0; i < 40; i++) any = { any: [any] };
    expect(ConditionSchema.safeParse(any).success).toBe(false);
    const cycle: { not: unknown } = { not: null };
    cycle.not = cycle;
    expect(validationError(() => parseRule({ id: "x", when: cycle, actions })).message).toMatch(/deeper/);
  });

  it("rejects a too-deep workflow guard", () => {
    let guard: Condition = { field: "data.amount", op: "gt", value: 0 };
    for (let i = 0; i < 1_000; i++) guard = { not: guard };
    const definition = {
      id: "w",
      initial: "a",
      steps: [
        { id: "a", owner: { role: "service" } },
        { id: "b", owner: { role: "service" }, final: true },
      ],
      transitions: [{ from: "a", action: "go", to: "b", guard }],
    };
    expect(validationError(() => defineWorkflow(definition)).message).toMatch(/transitions\.0\.guard\.not/);
  });

  it("a hand-built rule that skipped parsing cannot overflow the stack when run or explained", () => {
    const rule = { id: "deep", name: "", enabled: true, when: nestNot(100_000), actions } as Rule;
    expect(validationError(() => runTriggers([rule], undefined, event())).message).toMatch(/0\.when\.not/);
    expect(validationError(() => runAutomations([rule], [ticket()], now)).message).toMatch(/deeper/);
    expect(validationError(() => explain(rule, ticket(), undefined, { now })).message).toMatch(/deeper/);
    expect(validationError(() => nextMatchAt(rule, ticket(), now)).message).toMatch(/deeper/);
  });

  it("runs and explains the deepest rule that parses", () => {
    const rule = parseRule({ id: "deep", when: nestAll(32), actions });
    expect(runTriggers([rule], undefined, event()).fired).toEqual(["deep"]);
    expect(explain(rule, undefined, event()).matched).toBe(true);
  });
});

describe("empty all / any groups", () => {
  it("rejects an empty all (it would fire on every ticket) naming the path", () => {
    const error = validationError(() => parseRules([{ id: "x", when: { all: [] }, actions }]));
    expect(error.issues[0]?.path).toBe("0.when.all");
    expect(error.message).toMatch(/empty "all" would match every ticket/);
  });

  it("rejects an empty any (it would never fire), nested too", () => {
    const error = validationError(() =>
      parseRule({ id: "x", when: { all: [leaf, { not: { any: [] } }] }, actions }),
    );
    expect(error.issues[0]?.path).toBe("when.all.1.not.any");
  });
});

describe("a clock that is not a BusinessClock", () => {
  const business = parseRule({
    id: "b",
    when: { field: "created_at", op: "hours_since_gte", value: 1, business: true },
    actions,
  });

  it.each([
    ["runAutomations", () => runAutomations([business], [ticket()], now, { clock: {} as never })],
    ["runTriggers", () => runTriggers([business], undefined, event(), { clock: {} as never })],
    ["dryRun", () => dryRun([business], undefined, event(), { clock: { add() {} } as never })],
    ["explain", () => explain(business, ticket(), undefined, { now, clock: "utc" as never })],
    ["nextMatchAt", () => nextMatchAt(business, ticket(), now, { clock: {} as never })],
    ["stepDueAt", () => stepDueAt(returnWorkflow, started(), { clock: {} as never })],
    ["overdueSteps", () => overdueSteps(returnWorkflow, [started()], now, { clock: null as never })],
  ])("%s names the clock option instead of a TypeError on first use", (_, call) => {
    const error = validationError(call);
    expect(error.issues[0]?.path).toBe("clock");
    expect(error.message).toMatch(/expected a BusinessClock \(add, between, isOpen, nextOpen\)/);
  });

  it("still runs with a real clock", () => {
    expect(runAutomations([business], [ticket()], now, { clock: weekdayClock }).fired).toHaveLength(1);
  });
});

function started() {
  return startWorkflow(returnWorkflow, {
    id: "rma-1",
    at: "2026-03-02T09:00:00Z",
    actor: { role: "customer" },
  }).instance;
}

describe("unknown option keys", () => {
  const rules = parseRules([{ id: "r", when: leaf, actions }]);

  it.each([
    ["runTriggers", () => runTriggers(rules, undefined, event(), { clok: weekdayClock } as never), "clok"],
    [
      "runAutomations",
      () => runAutomations(rules, [ticket()], now, { sate: createAutomationState() } as never),
      "sate",
    ],
    ["dryRun", () => dryRun(rules, undefined, event(), { rendrer: echoRenderer } as never), "rendrer"],
    ["explain", () => explain(rules[0] as Rule, ticket(), undefined, { at: now } as never), "at"],
    ["nextMatchAt", () => nextMatchAt(rules[0] as Rule, ticket(), now, { clocks: [] } as never), "clocks"],
    [
      "startWorkflow",
      () =>
        startWorkflow(returnWorkflow, { id: "i", at: now, actor: { role: "customer" } }, {
          render: echoRenderer,
        } as never),
      "render",
    ],
    [
      "stepDueAt",
      () => stepDueAt(returnWorkflow, started(), { calendar: weekdayClock } as never),
      "calendar",
    ],
    [
      "overdueSteps",
      () => overdueSteps(returnWorkflow, [], now, { clock: weekdayClock, x: 1 } as never),
      "x",
    ],
  ])("%s rejects a misspelt key, naming it", (_, call, key) => {
    const error = validationError(call);
    expect(error.issues[0]?.code).toBe("unrecognized_keys");
    expect(error.message).toContain(`unknown field "${key}"`);
  });

  it("rejects a state that is the JSON form, and a renderer that is not a function", () => {
    const json = automationStateToJSON(createAutomationState());
    expect(validationError(() => runAutomations(rules, [], now, { state: json as never })).message).toMatch(
      /state: expected an AutomationState/,
    );
    expect(
      validationError(() => runTriggers(rules, undefined, event(), { renderer: "x" as never })).message,
    ).toMatch(/renderer/);
  });

  it("keeps accepting every documented key", () => {
    expect(() =>
      runAutomations(rules, [ticket()], now, {
        state: createAutomationState(),
        clock: weekdayClock,
        renderer: echoRenderer,
      }),
    ).not.toThrow();
    expect(() =>
      explain(rules[0] as Rule, ticket(), undefined, { now, clock: weekdayClock, renderer: echoRenderer }),
    ).not.toThrow();
    expect(() =>
      runTriggers(rules, undefined, event(), { clock: weekdayClock, renderer: echoRenderer }),
    ).not.toThrow();
    // dryRun takes explain's options, `now` included; an unknown key is named as dryRun's.
    expect(dryRun(rules, undefined, event(), { now, clock: weekdayClock }).explanations).toHaveLength(1);
    expect(() => dryRun(rules, undefined, event(), { nw: now } as never)).toThrow(
      /^Invalid dryRun options: unknown field "nw"/,
    );
  });
});

describe("null, undefined or garbage as an argument", () => {
  const rule = parseRule({ id: "r", when: leaf, actions });

  it.each([
    [
      "runTriggers(null)",
      () => runTriggers(null as never, undefined, event()),
      /runTriggers arguments: rules: must be an array/,
    ],
    [
      "runTriggers(rules, garbage ticket)",
      () => runTriggers([rule], "t1" as never, event()),
      /ticket: must be a ticket/,
    ],
    [
      "runTriggers(rules, undefined, null)",
      () => runTriggers([rule], undefined, null as never),
      /event: must be a ticket event/,
    ],
    [
      "runTriggers([null])",
      () => runTriggers([null] as never, undefined, event()),
      /rules: 0: must be a rule/,
    ],
    [
      "runAutomations(undefined)",
      () => runAutomations(undefined as never, [], now),
      /rules: must be an array/,
    ],
    [
      "runAutomations(rules, null)",
      () => runAutomations([rule], null as never, now),
      /tickets: must be an array/,
    ],
    [
      "runAutomations(rules, [null])",
      () => runAutomations([rule], [null] as never, now),
      /tickets\.0: must be a ticket/,
    ],
    ["dryRun(null)", () => dryRun(null as never, undefined, event()), /dryRun arguments: rules/],
    ["explain(null)", () => explain(null as never, ticket()), /explain arguments: rule: must be a rule/],
    ["nextMatchAt(null)", () => nextMatchAt(null as never, ticket(), now), /nextMatchAt arguments: rule/],
    ["nextMatchAt(rule, null)", () => nextMatchAt(rule, null as never, now), /ticket: must be a ticket/],
    [
      "automationStateToJSON(null)",
      () => automationStateToJSON(null as never),
      /state: must be an AutomationState/,
    ],
    [
      "startWorkflow(null)",
      () => startWorkflow(null as never, { id: "i", at: now, actor: { role: "c" } }),
      /definition/,
    ],
    ["startWorkflow(def, null)", () => startWorkflow(returnWorkflow, null as never), /input: must be/],
    [
      "availableActions(def, null)",
      () => availableActions(returnWorkflow, null as never),
      /instance: must be/,
    ],
    [
      "advanceWorkflow(undefined)",
      () =>
        advanceWorkflow(undefined as never, started(), {
          action: "approve",
          actor: { role: "service" },
          at: now,
        }),
      /definition/,
    ],
    [
      "advanceWorkflow(def, instance, null)",
      () => advanceWorkflow(returnWorkflow, started(), null as never),
      /input: must be/,
    ],
    [
      "replayWorkflow(def, id, null)",
      () => replayWorkflow(returnWorkflow, { id: "i" }, null as never),
      /history: must be an array/,
    ],
    ["stepDueAt(def, null)", () => stepDueAt(returnWorkflow, null as never), /instance: must be/],
    [
      "overdueSteps(def, null)",
      () => overdueSteps(returnWorkflow, null as never, now),
      /instances: must be an array/,
    ],
  ])("%s is a ValidationError naming the argument", (_, call, message) => {
    expect(validationError(call).message).toMatch(message);
  });
});
