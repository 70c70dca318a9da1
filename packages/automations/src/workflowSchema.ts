import { createParser, InstantSchema } from "@supportkit/core";
import { z } from "zod";
import { safeRecord } from "./_lib/safeRecord";
import { type Condition, ConditionSchema } from "./conditions";

const name = z
  .string()
  .regex(/^[A-Za-z0-9_\-.]{1,128}$/, "expected a plain name (letters, digits, _ - .)")
  .refine((value) => !["__proto__", "constructor", "prototype"].includes(value), "is not allowed as a name");
const scalar = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be finite"),
  z.boolean(),
  z.null(),
]);
const instant = InstantSchema;

/**
 * Schema of who acts in a workflow: a role (`customer`, `service`, `warehouse`, `finance`, …) and optionally an id.
 *
 * @example
 * ```ts
 * WorkflowActorSchema.parse({ role: "warehouse", id: "wh-berlin-3" }).role; //=> "warehouse"
 * ```
 */
export const WorkflowActorSchema = z.strictObject({ role: name, id: z.string().min(1).max(256).optional() });

/**
 * Who acts in a workflow.
 *
 * @example
 * ```ts
 * const actor: WorkflowActor = { role: "finance", id: "fin-1" };
 * ```
 */
export type WorkflowActor = z.output<typeof WorkflowActorSchema>;

const NotificationSchema = z.strictObject({
  /** `customer`, or a role whose members are told (e.g. `warehouse`). */
  audience: name,
  /** Template id handed to the renderer. */
  template: z.string().min(1).max(256),
});

const StepSchema = z.strictObject({
  id: name,
  name: z.string().max(256).optional(),
  /** The role (and optionally group) that must act next while the instance is at this step. */
  owner: z.strictObject({ role: name, group: z.string().min(1).max(256).optional() }),
  /** Time allowed at this step before it is overdue; in business hours of the clock given, or calendar hours. */
  sla: z
    .strictObject({ hours: z.number().positive().max(100_000), business: z.boolean().default(false) })
    .optional(),
  /** A final step ends the instance and has no transitions out. */
  final: z.boolean().default(false),
});

const TransitionSchema = z.strictObject({
  from: z.union([name, z.array(name).min(1)]),
  action: name,
  to: name,
  /** Roles allowed to take this action; default: the owner role of the step it leaves. */
  roles: z.array(name).min(1).optional(),
  /** A condition on `data.<name>` fields (after merging the action's data) that must hold. */
  guard: ConditionSchema.optional(),
  notify: z.array(NotificationSchema).max(20).default([]),
});

/**
 * Schema of a workflow definition: a state machine of steps with owners and SLAs, and transitions with
 * allowed roles, guards and notifications. Checked for consistency: unknown steps, duplicate actions, steps
 * that cannot be reached, transitions out of final steps.
 *
 * @example
 * ```ts
 * WorkflowDefinitionSchema.parse(returnWorkflow).initial; //=> "service_review"
 * ```
 */
export const WorkflowDefinitionSchema = z
  .strictObject({
    id: name,
    name: z.string().max(256).default(""),
    version: z.number().int().positive().default(1),
    initial: name,
    steps: z.array(StepSchema).min(1).max(200),
    transitions: z.array(TransitionSchema).max(1_000),
    /** Notifications sent when an instance starts. */
    onStart: z.array(NotificationSchema).max(20).default([]),
  })
  .superRefine((definition, ctx) => {
    const steps = new Map<string, { final: boolean }>();
    definition.steps.forEach((step, index) => {
      if (steps.has(step.id))
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "id"],
          message: `step "${step.id}" is defined twice`,
        });
      steps.set(step.id, step);
    });
    if (!steps.has(definition.initial)) {
      ctx.addIssue({ code: "custom", path: ["initial"], message: `no step "${definition.initial}"` });
    }
    const seen = new Set<string>();
    const reachable = new Set([definition.initial]);
    definition.transitions.forEach((transition, index) => {
      const froms = Array.isArray(transition.from) ? transition.from : [transition.from];
      for (const from of froms) {
        const step = steps.get(from);
        if (!step)
          ctx.addIssue({
            code: "custom",
            path: ["transitions", index, "from"],
            message: `no step "${from}"`,
          });
        else if (step.final) {
          ctx.addIssue({
            code: "custom",
            path: ["transitions", index, "from"],
            message: `step "${from}" is final`,
          });
        }
        const key = `${from}\u0000${transition.action}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: ["transitions", index, "action"],
            message: `action "${transition.action}" leaves step "${from}" twice`,
          });
        }
        seen.add(key);
      }
      if (!steps.has(transition.to)) {
        ctx.addIssue({
          code: "custom",
          path: ["transitions", index, "to"],
          message: `no step "${transition.to}"`,
        });
      }
      if (transition.guard && !guardReadsOnlyData(transition.guard)) {
        ctx.addIssue({
          code: "custom",
          path: ["transitions", index, "guard"],
          message: "a guard may only read data.<name> fields",
        });
      }
    });
    // Steps nobody can reach are a definition mistake, not a runtime surprise.
    let grew = true;
    while (grew) {
      grew = false;
      for (const transition of definition.transitions) {
        const froms = Array.isArray(transition.from) ? transition.from : [transition.from];
        if (froms.some((from) => reachable.has(from)) && !reachable.has(transition.to)) {
          reachable.add(transition.to);
          grew = true;
        }
      }
    }
    definition.steps.forEach((step, index) => {
      if (!reachable.has(step.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["steps", index, "id"],
          message: `step "${step.id}" cannot be reached`,
        });
      }
    });
  });

function guardReadsOnlyData(condition: Condition): boolean {
  if ("all" in condition) return condition.all.every(guardReadsOnlyData);
  if ("any" in condition) return condition.any.every(guardReadsOnlyData);
  if ("not" in condition) return guardReadsOnlyData(condition.not);
  return (
    condition.field.startsWith("data.") &&
    !condition.op.startsWith("changed") &&
    condition.op !== "not_changed"
  );
}

/**
 * A workflow definition, as parsed by {@link WorkflowDefinitionSchema}.
 *
 * @example
 * ```ts
 * const definition: WorkflowDefinition = defineWorkflow(json);
 * ```
 */
export type WorkflowDefinition = z.output<typeof WorkflowDefinitionSchema>;

/**
 * A workflow definition as an author writes it (defaults may be left out).
 *
 * @example
 * ```ts
 * const input: WorkflowDefinitionInput = { id: "exchange", initial: "open", steps: [{ id: "open", owner: { role: "service" }, final: true }], transitions: [] };
 * ```
 */
export type WorkflowDefinitionInput = z.input<typeof WorkflowDefinitionSchema>;

/**
 * Validates a workflow definition.
 *
 * @param input - the definition as data (untrusted)
 * @returns the definition with defaults filled in
 * @throws ValidationError (code `VALIDATION`) naming each problem (`transitions.3.to: no step "refnd"`)
 * @example
 * ```ts
 * const exchange = defineWorkflow({ id: "exchange", initial: "review", steps: [...], transitions: [...] });
 * ```
 */
export const defineWorkflow: (input: unknown) => WorkflowDefinition = createParser(
  WorkflowDefinitionSchema,
  "workflow definition",
);

/**
 * Schema of one audit entry: who took which action when, and the step it moved from and to.
 *
 * @example
 * ```ts
 * WorkflowAuditEntrySchema.parse({ at: "2026-03-02T10:00:00Z", actor: { role: "service" }, action: "approve", from: "service_review", to: "awaiting_parcel" }).action; //=> "approve"
 * ```
 */
export const WorkflowAuditEntrySchema = z.strictObject({
  at: instant,
  actor: WorkflowActorSchema,
  /** `start` for the first entry. */
  action: name,
  from: name.nullable(),
  to: name,
  /** Data the action added or changed. */
  data: safeRecord(name, scalar).optional(),
});

/**
 * One line of a workflow instance's audit log.
 *
 * @example
 * ```ts
 * const entry: WorkflowAuditEntry = instance.history[0];
 * ```
 */
export type WorkflowAuditEntry = z.output<typeof WorkflowAuditEntrySchema>;

/**
 * Schema of a workflow instance (its JSON snapshot).
 *
 * @example
 * ```ts
 * WorkflowInstanceSchema.parse(JSON.parse(saved)).step; //=> "awaiting_parcel"
 * ```
 */
export const WorkflowInstanceSchema = z.strictObject({
  id: z.string().min(1).max(256),
  workflowId: name,
  workflowVersion: z.number().int().positive(),
  step: name,
  /** The customer's locale, for their notifications. */
  locale: z.string().min(1).max(64).optional(),
  ticketId: z.string().min(1).max(256).optional(),
  data: safeRecord(name, scalar),
  startedAt: instant,
  stepStartedAt: instant,
  completedAt: instant.optional(),
  history: z.array(WorkflowAuditEntrySchema).min(1),
});

/**
 * A running (or finished) workflow: where it is, its data and its audit log. Plain data: `JSON.stringify`
 * is its snapshot and {@link restoreWorkflowInstance} brings it back.
 *
 * @example
 * ```ts
 * const saved = JSON.stringify(instance);
 * ```
 */
export type WorkflowInstance = z.output<typeof WorkflowInstanceSchema>;

/**
 * Restores a workflow instance from its JSON snapshot.
 *
 * @param input - the parsed JSON (untrusted)
 * @returns the instance, with instants as `Date`
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * restoreWorkflowInstance(JSON.parse(JSON.stringify(instance))); // deep-equals instance
 * ```
 */
export const restoreWorkflowInstance: (input: unknown) => WorkflowInstance = createParser(
  WorkflowInstanceSchema,
  "workflow instance",
);
