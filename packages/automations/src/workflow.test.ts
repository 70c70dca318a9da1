import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { echoRenderer, weekdayClock } from "./_test/helpers";
import { AutomationError } from "./errors";
import { RETURN_WORKFLOW_MESSAGES, returnWorkflow } from "./returnWorkflow";
import {
  advanceWorkflow,
  availableActions,
  overdueSteps,
  replayWorkflow,
  startWorkflow,
  stepDueAt,
  type WorkflowActionInput,
} from "./workflow";
import { defineWorkflow, restoreWorkflowInstance, type WorkflowInstance } from "./workflowSchema";

const customer = { role: "customer", id: "c-7" };
const service = { role: "service", id: "mia" };
const warehouse = { role: "warehouse", id: "wh-1" };
const finance = { role: "finance", id: "fin-1" };

function start(): WorkflowInstance {
  return startWorkflow(returnWorkflow, {
    id: "rma-1042",
    at: "2026-03-02T09:00:00Z",
    actor: customer,
    locale: "de-DE",
    ticketId: "t-1042",
    data: { order_number: "1042", currency: "EUR" },
  }).instance;
}

function run(instance: WorkflowInstance, ...steps: WorkflowActionInput[]): WorkflowInstance {
  return steps.reduce((current, step) => advanceWorkflow(returnWorkflow, current, step).instance, instance);
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AutomationError ? error.code : "untyped";
  }
  return undefined;
};

describe("the return workflow", () => {
  it("goes request → review → parcel → inspection → refund → done, telling the customer each step", () => {
    const started = startWorkflow(
      returnWorkflow,
      {
        id: "rma-1",
        at: "2026-03-02T09:00:00Z",
        actor: customer,
        locale: "de-DE",
        data: { order_number: "1042" },
      },
      { renderer: echoRenderer },
    );
    expect(started.instance.step).toBe("service_review");
    expect(
      started.commands.map((command) => command.type === "notify" && [command.audience, command.template]),
    ).toEqual([
      ["customer", "rma.requested"],
      ["service", "rma.review_due"],
    ]);
    expect(started.commands[0]).toMatchObject({
      locale: "de-DE",
      body: expect.stringContaining("rma.requested|de-DE"),
    });

    const steps: [WorkflowActionInput, string, string][] = [
      [{ action: "approve", actor: service, at: "2026-03-02T11:00:00Z" }, "awaiting_parcel", "rma.approved"],
      [
        { action: "parcel_received", actor: warehouse, at: "2026-03-06T10:00:00Z" },
        "warehouse_inspection",
        "rma.parcel_received",
      ],
      [
        { action: "inspection_passed", actor: warehouse, at: "2026-03-06T15:00:00Z" },
        "refund",
        "rma.refund_due",
      ],
      [
        { action: "refunded", actor: finance, at: "2026-03-09T10:00:00Z", data: { refund_amount: 59.9 } },
        "done",
        "rma.refunded",
      ],
    ];
    let instance = started.instance;
    for (const [input, step, template] of steps) {
      const next = advanceWorkflow(returnWorkflow, instance, input);
      expect(next.instance.step).toBe(step);
      expect(next.commands.map((command) => command.type === "notify" && command.template)).toEqual([
        template,
      ]);
      instance = next.instance;
    }
    expect(instance.completedAt).toEqual(new Date("2026-03-09T10:00:00Z"));
    expect(instance.data).toEqual({ order_number: "1042", refund_amount: 59.9 });
    expect(
      instance.history.map((entry) => `${entry.actor.role}:${entry.action}:${entry.from ?? "-"}→${entry.to}`),
    ).toEqual([
      "customer:start:-→service_review",
      "service:approve:service_review→awaiting_parcel",
      "warehouse:parcel_received:awaiting_parcel→warehouse_inspection",
      "warehouse:inspection_passed:warehouse_inspection→refund",
      "finance:refunded:refund→done",
    ]);
  });

  it("asks for photos, goes back to review, and can reject", () => {
    const instance = run(
      start(),
      { action: "ask_for_photos", actor: service, at: "2026-03-02T10:00:00Z" },
      { action: "photos_received", actor: customer, at: "2026-03-03T08:00:00Z" },
      { action: "reject", actor: service, at: "2026-03-03T09:30:00Z" },
    );
    expect(instance.step).toBe("rejected");
    expect(instance.completedAt).toBeInstanceOf(Date);
    expect(
      codeOf(() => run(instance, { action: "approve", actor: service, at: "2026-03-04T00:00:00Z" })),
    ).toBe("WORKFLOW_FINISHED");
  });

  it("rejects a failed inspection and a customer withdrawal", () => {
    const failed = run(
      start(),
      { action: "approve", actor: service, at: "2026-03-02T10:00:00Z" },
      { action: "parcel_received", actor: warehouse, at: "2026-03-05T10:00:00Z" },
      { action: "inspection_failed", actor: warehouse, at: "2026-03-05T12:00:00Z" },
    );
    expect(failed.step).toBe("rejected");
    const withdrawn = run(
      start(),
      { action: "approve", actor: service, at: "2026-03-02T10:00:00Z" },
      { action: "withdraw", actor: customer, at: "2026-03-03T10:00:00Z" },
    );
    expect(withdrawn.step).toBe("cancelled");
  });

  it("refuses what the definition does not allow, with typed errors", () => {
    const instance = start();
    try {
      run(instance, { action: "refunded", actor: finance, at: "2026-03-02T10:00:00Z" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AutomationError);
      expect((error as AutomationError).code).toBe("WORKFLOW_INVALID_TRANSITION");
      expect((error as AutomationError).details.allowed).toEqual(["approve", "reject", "ask_for_photos"]);
      expect((error as Error).message).toBe(
        'Step "service_review" of return has no action "refunded"; allowed: approve, reject, ask_for_photos',
      );
    }
    expect(
      codeOf(() => run(instance, { action: "approve", actor: warehouse, at: "2026-03-02T10:00:00Z" })),
    ).toBe("WORKFLOW_FORBIDDEN");
    expect(
      codeOf(() => run(instance, { action: "approve", actor: service, at: "2026-03-01T10:00:00Z" })),
    ).toBe("WORKFLOW_OUT_OF_ORDER");
    const atRefund = run(
      instance,
      { action: "approve", actor: service, at: "2026-03-02T10:00:00Z" },
      { action: "parcel_received", actor: warehouse, at: "2026-03-05T10:00:00Z" },
      { action: "inspection_passed", actor: warehouse, at: "2026-03-05T12:00:00Z" },
    );
    expect(
      codeOf(() => run(atRefund, { action: "refunded", actor: finance, at: "2026-03-06T10:00:00Z" })),
    ).toBe("WORKFLOW_GUARD_FAILED");
    expect(
      codeOf(() =>
        run(atRefund, {
          action: "refunded",
          actor: finance,
          at: "2026-03-06T10:00:00Z",
          data: { refund_amount: 0 },
        }),
      ),
    ).toBe("WORKFLOW_GUARD_FAILED");
    const other = defineWorkflow({
      id: "other",
      initial: "a",
      steps: [{ id: "a", owner: { role: "x" }, final: true }],
      transitions: [],
    });
    expect(
      codeOf(() =>
        advanceWorkflow(other, instance, { action: "approve", actor: service, at: "2026-03-02T10:00:00Z" }),
      ),
    ).toBe("WORKFLOW_MISMATCH");
    expect(availableActions(returnWorkflow, atRefund)).toEqual([
      { action: "refunded", to: "done", roles: ["finance"] },
    ]);
  });

  it("reports overdue steps in business and calendar time", () => {
    // service_review: 24 business hours from Mon 2 March 09:00 (Mon–Fri 09–17 UTC) end at the close on Wed 4 March
    const review = start();
    expect(stepDueAt(returnWorkflow, review, { clock: weekdayClock })).toEqual(
      new Date("2026-03-04T17:00:00Z"),
    );
    expect(() => stepDueAt(returnWorkflow, review)).toThrow(/no clock was given/);
    const parcel = run(start(), { action: "approve", actor: service, at: "2026-03-02T10:00:00Z" });
    expect(stepDueAt(returnWorkflow, parcel)).toEqual(new Date("2026-03-16T10:00:00Z"));
    const overdue = overdueSteps(returnWorkflow, [review, parcel], "2026-03-17T10:00:00Z", {
      clock: weekdayClock,
    });
    expect(overdue.map((item) => [item.step, item.owner.role, item.overdueMs])).toEqual([
      ["service_review", "service", 12 * 86_400_000 + 17 * 3_600_000],
      ["awaiting_parcel", "customer", 86_400_000],
    ]);
    expect(overdueSteps(returnWorkflow, [review], "2026-03-04T17:00:00Z", { clock: weekdayClock })).toEqual(
      [],
    );
    const done = run(
      parcel,
      { action: "parcel_received", actor: warehouse, at: "2026-03-05T10:00:00Z" },
      { action: "inspection_passed", actor: warehouse, at: "2026-03-05T12:00:00Z" },
      { action: "refunded", actor: finance, at: "2026-03-06T10:00:00Z", data: { refund_amount: 10 } },
    );
    expect(stepDueAt(returnWorkflow, done)).toBeNull();
  });

  it("snapshots to JSON, restores exactly, and replays from its audit log", () => {
    const live = run(
      start(),
      { action: "ask_for_photos", actor: service, at: "2026-03-02T10:00:00Z" },
      { action: "photos_received", actor: customer, at: "2026-03-03T08:00:00Z", data: { photos: 3 } },
    );
    expect(restoreWorkflowInstance(JSON.parse(JSON.stringify(live)))).toEqual(live);
    expect(
      replayWorkflow(returnWorkflow, { id: live.id, locale: "de-DE", ticketId: "t-1042" }, live.history),
    ).toEqual(live);
    expect(() =>
      restoreWorkflowInstance({
        ...JSON.parse(JSON.stringify(live)),
        data: JSON.parse('{"__proto__":{"x":1}}'),
      }),
    ).toThrow(ValidationError);
  });

  it("ships customer texts for every customer-facing notification", () => {
    const customerTemplates = returnWorkflow.transitions
      .flatMap((transition) => transition.notify)
      .concat(returnWorkflow.onStart)
      .filter((notification) => notification.audience === "customer")
      .map((notification) => notification.template);
    for (const template of customerTemplates) {
      expect(Object.keys(RETURN_WORKFLOW_MESSAGES[template] ?? {}).sort(), template).toEqual([
        "de",
        "en",
        "es",
        "ja",
        "zh-Hans",
        "zh-Hant",
      ]);
    }
  });
});

describe("defineWorkflow", () => {
  it("names every inconsistency", () => {
    try {
      defineWorkflow({
        id: "broken",
        initial: "start",
        steps: [
          { id: "a", owner: { role: "service" } },
          { id: "a", owner: { role: "service" } },
          { id: "end", owner: { role: "service" }, final: true },
          { id: "island", owner: { role: "service" } },
        ],
        transitions: [
          { from: "a", action: "go", to: "nowhere" },
          { from: "a", action: "go", to: "end" },
          { from: "end", action: "again", to: "a" },
          { from: "a", action: "check", to: "end", guard: { field: "status", op: "is", value: "open" } },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
        'steps.1.id: step "a" is defined twice',
        'initial: no step "start"',
        'transitions.0.to: no step "nowhere"',
        'transitions.1.action: action "go" leaves step "a" twice',
        'transitions.2.from: step "end" is final',
        "transitions.3.guard: a guard may only read data.<name> fields",
        'steps.0.id: step "a" cannot be reached',
        'steps.1.id: step "a" cannot be reached',
        'steps.2.id: step "end" cannot be reached',
        'steps.3.id: step "island" cannot be reached',
      ]);
    }
  });
});
