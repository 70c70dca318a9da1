import { type BusinessClock, type InstantInput, toDate } from "@supportkit/core";
import {
  parseClockOptions,
  parseWorkflowOptions,
  requireArray,
  requireDefinition,
  requireInstance,
  requireObject,
} from "./_lib/args";
import { compileCondition } from "./_lib/compile";
import type { EvaluationContext } from "./_lib/read";
import type { AutomationCommand, ReplyRenderer } from "./commands";
import { AutomationError } from "./errors";
import type {
  WorkflowActor,
  WorkflowAuditEntry,
  WorkflowDefinition,
  WorkflowInstance,
} from "./workflowSchema";

/**
 * What starting a workflow needs.
 *
 * @example
 * ```ts
 * const start: StartWorkflowInput = { id: "rma-1042", at: now, actor: { role: "customer", id: "c-7" }, locale: "de-DE", data: { order_number: "1042" } };
 * ```
 */
export interface StartWorkflowInput {
  /** Id of the new instance. */
  id: string;
  at: InstantInput;
  actor: WorkflowActor;
  /** The customer's BCP 47 locale, for their notifications. */
  locale?: string;
  ticketId?: string;
  data?: Record<string, string | number | boolean | null>;
}

/**
 * One action on a workflow instance.
 *
 * @example
 * ```ts
 * const step: WorkflowActionInput = { action: "approve", actor: { role: "service", id: "mia" }, at: now };
 * ```
 */
export interface WorkflowActionInput {
  action: string;
  actor: WorkflowActor;
  at: InstantInput;
  /** Data the action adds or changes (e.g. `refund_amount`). */
  data?: Record<string, string | number | boolean | null>;
}

/**
 * The instance after a start or an action, and the notifications to send.
 *
 * @example
 * ```ts
 * const { instance, commands } = advanceWorkflow(returnWorkflow, instance, step);
 * ```
 */
export interface WorkflowResult {
  readonly instance: WorkflowInstance;
  /** `notify` commands, rendered when a renderer was given. */
  readonly commands: readonly AutomationCommand[];
}

/**
 * Options for workflow operations. Unknown keys are rejected (a `ValidationError` naming the key).
 *
 * @example
 * ```ts
 * const options: WorkflowOptions = { renderer };
 * ```
 */
export interface WorkflowOptions {
  /** Renders notifications in the instance's locale; without it, commands carry template ids only. */
  renderer?: ReplyRenderer;
}

/**
 * Starts an instance of a workflow at its initial step and returns the start notifications.
 *
 * @param definition - from `defineWorkflow` (or the shipped `returnWorkflow`)
 * @param input - id, instant, actor, locale, data
 * @param options - renderer for notifications
 * @returns the new instance and its notifications
 * @throws ValidationError (code `VALIDATION`) when `definition` or `input` is not one, or `options` has an unknown
 *   key or a `renderer` that is not a function
 * @example
 * ```ts
 * const { instance } = startWorkflow(returnWorkflow, { id: "rma-1", at: "2026-03-02T09:00:00Z", actor: { role: "customer" } });
 * instance.step; //=> "service_review"
 * ```
 */
export function startWorkflow(
  definition: WorkflowDefinition,
  input: StartWorkflowInput,
  options: WorkflowOptions = {},
): WorkflowResult {
  requireDefinition("startWorkflow", definition);
  requireObject("startWorkflow", "input", input, "an object with id, at and actor");
  const parsedOptions = parseWorkflowOptions(options);
  const at = toDate(input.at, "at");
  const data = { ...input.data };
  const entry: WorkflowAuditEntry = {
    at,
    actor: input.actor,
    action: "start",
    from: null,
    to: definition.initial,
  };
  if (input.data) entry.data = { ...input.data };
  const instance: WorkflowInstance = {
    id: input.id,
    workflowId: definition.id,
    workflowVersion: definition.version,
    step: definition.initial,
    data,
    startedAt: at,
    stepStartedAt: at,
    history: [entry],
  };
  if (input.locale !== undefined) instance.locale = input.locale;
  if (input.ticketId !== undefined) instance.ticketId = input.ticketId;
  if (stepOf(definition, definition.initial).final) instance.completedAt = at;
  return { instance, commands: notifications(definition, instance, definition.onStart, parsedOptions) };
}

/**
 * The actions the instance's current step allows, with the roles that may take each.
 *
 * @param definition - the workflow
 * @param instance - the instance
 * @returns `[{ action, to, roles }]`, empty at a final step
 * @throws ValidationError (code `VALIDATION`) when `definition` or `instance` is not one
 * @example
 * ```ts
 * availableActions(returnWorkflow, instance).map((a) => a.action); //=> ["approve", "reject", "ask_for_photos"]
 * ```
 */
export function availableActions(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
): { action: string; to: string; roles: readonly string[] }[] {
  requireDefinition("availableActions", definition);
  requireInstance("availableActions", "instance", instance);
  const owner = stepOf(definition, instance.step).owner.role;
  return definition.transitions
    .filter((transition) => fromList(transition.from).includes(instance.step))
    .map((transition) => ({
      action: transition.action,
      to: transition.to,
      roles: transition.roles ?? [owner],
    }));
}

/**
 * Takes an action on a workflow instance: checks that the step allows it, that the actor's role may take it
 * and that its guard holds, then moves the instance, appends to its audit log and returns the notifications.
 * The input instance is not changed.
 *
 * @param definition - the workflow the instance runs
 * @param instance - the instance
 * @param input - action, actor, instant and data
 * @param options - renderer for notifications
 * @returns the next instance and its notifications
 * @throws AutomationError with code `WORKFLOW_MISMATCH` (another workflow), `WORKFLOW_FINISHED`,
 *   `WORKFLOW_OUT_OF_ORDER` (earlier than the last entry), `WORKFLOW_INVALID_TRANSITION` (details list the
 *   allowed actions), `WORKFLOW_FORBIDDEN` (role), `WORKFLOW_GUARD_FAILED`
 * @throws ValidationError (code `VALIDATION`) when `definition`, `instance` or `input` is not one, or `options` has
 *   an unknown key or a `renderer` that is not a function
 * @example
 * ```ts
 * const next = advanceWorkflow(returnWorkflow, instance, { action: "approve", actor: { role: "service" }, at: now });
 * next.instance.step; //=> "awaiting_parcel"
 * ```
 */
export function advanceWorkflow(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  input: WorkflowActionInput,
  options: WorkflowOptions = {},
): WorkflowResult {
  requireDefinition("advanceWorkflow", definition);
  requireInstance("advanceWorkflow", "instance", instance);
  requireObject("advanceWorkflow", "input", input, "an object with action, actor and at");
  const parsedOptions = parseWorkflowOptions(options);
  if (instance.workflowId !== definition.id) {
    throw new AutomationError(
      "WORKFLOW_MISMATCH",
      `Instance ${instance.id} runs workflow "${instance.workflowId}", not "${definition.id}"`,
    );
  }
  const at = toDate(input.at, "at");
  const step = stepOf(definition, instance.step);
  if (step.final || instance.completedAt) {
    throw new AutomationError(
      "WORKFLOW_FINISHED",
      `Instance ${instance.id} is finished (step "${instance.step}")`,
    );
  }
  const last = instance.history[instance.history.length - 1] as WorkflowAuditEntry;
  if (at.getTime() < last.at.getTime()) {
    throw new AutomationError(
      "WORKFLOW_OUT_OF_ORDER",
      `Action "${input.action}" at ${at.toISOString()} is earlier than the last entry at ${last.at.toISOString()}`,
    );
  }
  const transition = definition.transitions.find(
    (candidate) => candidate.action === input.action && fromList(candidate.from).includes(instance.step),
  );
  if (!transition) {
    const allowed = availableActions(definition, instance).map((option) => option.action);
    throw new AutomationError(
      "WORKFLOW_INVALID_TRANSITION",
      `Step "${instance.step}" of ${definition.id} has no action "${input.action}"; allowed: ${allowed.join(", ") || "none"}`,
      { step: instance.step, action: input.action, allowed },
    );
  }
  const roles = transition.roles ?? [step.owner.role];
  if (!roles.includes(input.actor.role)) {
    throw new AutomationError(
      "WORKFLOW_FORBIDDEN",
      `Role "${input.actor.role}" may not "${input.action}" at step "${instance.step}"; allowed roles: ${roles.join(", ")}`,
      { roles },
    );
  }
  const data = { ...instance.data, ...input.data };
  if (transition.guard) {
    const guard = compileCondition(transition.guard, "guard");
    const context = {
      ticket: undefined,
      before: undefined,
      event: undefined,
      now: at.getTime(),
      clock: undefined,
      data,
    };
    const explanation = guard.explain(context as unknown as EvaluationContext);
    if (!explanation.result) {
      throw new AutomationError(
        "WORKFLOW_GUARD_FAILED",
        `The guard of "${input.action}" at step "${instance.step}" does not hold for the instance's data`,
        { explanation },
      );
    }
  }
  const entry: WorkflowAuditEntry = {
    at,
    actor: input.actor,
    action: input.action,
    from: instance.step,
    to: transition.to,
  };
  if (input.data) entry.data = { ...input.data };
  const next: WorkflowInstance = {
    ...instance,
    step: transition.to,
    data,
    stepStartedAt: at,
    history: [...instance.history, entry],
  };
  if (stepOf(definition, transition.to).final) next.completedAt = at;
  return { instance: next, commands: notifications(definition, next, transition.notify, parsedOptions) };
}

/**
 * Rebuilds an instance from its audit log, exactly as the live one (the log is the source of truth).
 *
 * @param definition - the workflow
 * @param identity - the instance's `id` and, when it had them, `locale` and `ticketId`
 * @param history - the audit log, first entry `start`
 * @returns the instance
 * @throws AutomationError (any workflow code) when the log breaks the definition
 * @throws ValidationError (code `VALIDATION`) when `definition` is not one, `identity` not an object or `history`
 *   not an array
 * @example
 * ```ts
 * replayWorkflow(returnWorkflow, { id: live.id, locale: live.locale }, live.history); // deep-equals live
 * ```
 */
export function replayWorkflow(
  definition: WorkflowDefinition,
  identity: { id: string; locale?: string; ticketId?: string },
  history: readonly WorkflowAuditEntry[],
): WorkflowInstance {
  requireDefinition("replayWorkflow", definition);
  requireObject("replayWorkflow", "identity", identity, "an object with the instance's id");
  requireArray("replayWorkflow", "history", history, "audit entries");
  const [first, ...rest] = history;
  if (first?.action !== "start") {
    throw new AutomationError("WORKFLOW_INVALID_TRANSITION", "An audit log starts with a start entry");
  }
  const start: StartWorkflowInput = { id: identity.id, at: first.at, actor: first.actor };
  if (identity.locale !== undefined) start.locale = identity.locale;
  if (identity.ticketId !== undefined) start.ticketId = identity.ticketId;
  if (first.data) start.data = first.data;
  let instance = startWorkflow(definition, start).instance;
  for (const entry of rest) {
    const action: WorkflowActionInput = { action: entry.action, actor: entry.actor, at: entry.at };
    if (entry.data) action.data = entry.data;
    instance = advanceWorkflow(definition, instance, action).instance;
  }
  return instance;
}

/**
 * When the instance's current step is due under its SLA, or `null` when the step has none or the instance
 * is finished.
 *
 * @param definition - the workflow
 * @param instance - the instance
 * @param options - `clock` for steps whose SLA counts business hours
 * @returns the due instant or `null`
 * @throws AutomationError (code `CLOCK_MISSING`) for a business-hours SLA without a clock
 * @throws ValidationError (code `VALIDATION`) when `definition` or `instance` is not one, or `options` has an
 *   unknown key or a `clock` that is not a BusinessClock
 * @example
 * ```ts
 * stepDueAt(returnWorkflow, instance, { clock })?.toISOString(); //=> "2026-03-03T09:00:00.000Z"
 * ```
 */
export function stepDueAt(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  options: { clock?: BusinessClock } = {},
): Date | null {
  requireDefinition("stepDueAt", definition);
  requireInstance("stepDueAt", "instance", instance);
  return dueAtOf(definition, instance, parseClockOptions("stepDueAt", options).clock);
}

function dueAtOf(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  clock: BusinessClock | undefined,
): Date | null {
  const step = stepOf(definition, instance.step);
  if (!step.sla || instance.completedAt) return null;
  const ms = step.sla.hours * 3_600_000;
  if (!step.sla.business) return new Date(instance.stepStartedAt.getTime() + ms);
  if (!clock) {
    throw new AutomationError(
      "CLOCK_MISSING",
      `Step "${step.id}" of ${definition.id} has an SLA in business hours, but no clock was given`,
    );
  }
  return clock.add(instance.stepStartedAt, ms);
}

/**
 * An instance whose current step is past its SLA.
 *
 * @example
 * ```ts
 * const overdue: OverdueStep = { instanceId: "rma-1", workflowId: "return", step: "refund", owner: { role: "finance" }, dueAt, overdueMs: 3_600_000 };
 * ```
 */
export interface OverdueStep {
  readonly instanceId: string;
  readonly workflowId: string;
  readonly step: string;
  readonly owner: { readonly role: string; readonly group?: string | undefined };
  readonly dueAt: Date;
  /** Calendar milliseconds past due. */
  readonly overdueMs: number;
}

/**
 * The instances whose current step is overdue at `now`, most overdue first.
 *
 * @param definition - the workflow
 * @param instances - instances of it
 * @param now - the instant to check at
 * @param options - `clock` for business-hours SLAs
 * @returns the overdue steps with owner and due time
 * @throws AutomationError (code `CLOCK_MISSING`) for business-hours SLAs without a clock
 * @throws ValidationError (code `VALIDATION`) when `definition` is not one, `instances` is not an array of them,
 *   or `options` has an unknown key or a `clock` that is not a BusinessClock
 * @example
 * ```ts
 * overdueSteps(returnWorkflow, instances, now, { clock }).map((o) => o.owner.role); //=> ["finance"]
 * ```
 */
export function overdueSteps(
  definition: WorkflowDefinition,
  instances: readonly WorkflowInstance[],
  now: InstantInput,
  options: { clock?: BusinessClock } = {},
): OverdueStep[] {
  requireDefinition("overdueSteps", definition);
  requireArray("overdueSteps", "instances", instances, "workflow instances");
  instances.forEach((instance, index) => {
    requireInstance("overdueSteps", `instances.${index}`, instance);
  });
  const { clock } = parseClockOptions("overdueSteps", options);
  const nowMs = toDate(now, "now").getTime();
  const overdue: OverdueStep[] = [];
  for (const instance of instances) {
    if (instance.workflowId !== definition.id) continue;
    const dueAt = dueAtOf(definition, instance, clock);
    if (dueAt && dueAt.getTime() < nowMs) {
      overdue.push({
        instanceId: instance.id,
        workflowId: definition.id,
        step: instance.step,
        owner: stepOf(definition, instance.step).owner,
        dueAt,
        overdueMs: nowMs - dueAt.getTime(),
      });
    }
  }
  return overdue.sort((a, b) => b.overdueMs - a.overdueMs || (a.instanceId < b.instanceId ? -1 : 1));
}

function stepOf(definition: WorkflowDefinition, id: string): WorkflowDefinition["steps"][number] {
  const step = definition.steps.find((candidate) => candidate.id === id);
  if (!step) throw new AutomationError("WORKFLOW_MISMATCH", `Workflow ${definition.id} has no step "${id}"`);
  return step;
}

function fromList(from: string | readonly string[]): readonly string[] {
  return typeof from === "string" ? [from] : from;
}

function notifications(
  definition: WorkflowDefinition,
  instance: WorkflowInstance,
  notify: WorkflowDefinition["onStart"],
  options: ReturnType<typeof parseWorkflowOptions>,
): AutomationCommand[] {
  return notify.map(({ audience, template }) => {
    const data: Record<string, unknown> = { ...instance.data, step: instance.step, instance_id: instance.id };
    const locale = audience === "customer" ? instance.locale : undefined;
    const rendered = options.renderer?.({ template, locale, channel: "email", ticket: undefined, data });
    return {
      type: "notify",
      workflowId: definition.id,
      instanceId: instance.id,
      audience,
      template,
      locale: rendered?.locale ?? locale,
      subject: rendered?.subject,
      body: rendered?.body,
      data,
    };
  });
}
