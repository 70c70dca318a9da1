import {
  type BusinessClock,
  type Channel,
  ChannelSchema,
  createParser,
  PRIORITIES,
  type Priority,
  PrioritySchema,
} from "@supportkit/core";
import { z } from "zod";

/**
 * The SLA metrics, as Zendesk defines them. Whether a metric pauses or restarts is a property of the metric:
 *
 * - `firstReply`: ticket creation → first public agent reply. Never pauses.
 * - `nextReply`: oldest unanswered public customer message (after the first reply) → next public agent reply. Never pauses.
 * - `periodicUpdate`: each public agent reply → the next one. Never pauses.
 * - `pausableUpdate`: like `periodicUpdate`, paused while the ticket is `pending`.
 * - `requesterWait`: creation (or reopen) → solved, paused while `pending`.
 * - `agentWork`: creation (or reopen) → solved, paused while `pending` or `on_hold`.
 * - `totalResolution`: creation (or reopen) → solved. Never pauses.
 *
 * Internal notes never count as replies; only `agent` authors reply (not bots). Solving or closing a ticket
 * ends every running cycle as achieved; a reopen starts new `requesterWait`, `agentWork` and
 * `totalResolution` cycles.
 *
 * @example
 * ```ts
 * SLA_METRICS.includes("nextReply"); //=> true
 * ```
 */
export const SLA_METRICS = [
  "firstReply",
  "nextReply",
  "periodicUpdate",
  "pausableUpdate",
  "requesterWait",
  "agentWork",
  "totalResolution",
] as const;

/**
 * One of {@link SLA_METRICS}.
 *
 * @example
 * ```ts
 * const metric: SlaMetric = "firstReply";
 * ```
 */
export type SlaMetric = (typeof SLA_METRICS)[number];

/**
 * One target: how long a metric may run, in business time (measured with the policy's calendar) or
 * calendar time.
 *
 * @example
 * ```ts
 * const target: SlaTarget = { ms: hours(4), clock: "business" };
 * ```
 */
export interface SlaTarget {
  /** Allowed duration in milliseconds (positive). */
  readonly ms: number;
  /** `"business"` counts only the calendar's open hours; `"calendar"` counts all time. */
  readonly clock: "business" | "calendar";
}

/**
 * Conditions a ticket must meet for a policy to apply; every given condition must hold, an absent one
 * always holds.
 *
 * @example
 * ```ts
 * const vipEmail: SlaConditions = { tier: ["vip"], channel: ["email"], tags: { none: ["spam"] } };
 * ```
 */
export interface SlaConditions {
  /** The ticket's priority is one of these. */
  readonly priority?: readonly Priority[];
  /** The ticket arrived on one of these channels. */
  readonly channel?: readonly Channel[];
  /** The requester's `tier` is one of these. */
  readonly tier?: readonly string[];
  /** Tag tests: the ticket has `all` of these, at least one of `any`, and `none` of these. */
  readonly tags?: {
    readonly all?: readonly string[];
    readonly any?: readonly string[];
    readonly none?: readonly string[];
  };
  /** The ticket's `groupId` is one of these. */
  readonly group?: readonly string[];
}

/**
 * A target as a caller may write it: milliseconds of business time, or `{ ms, clock }`.
 *
 * @example
 * ```ts
 * const inBusinessTime: SlaTargetInput = hours(8);
 * const inCalendarTime: SlaTargetInput = { ms: hours(24), clock: "calendar" };
 * ```
 */
export type SlaTargetInput = number | { readonly ms: number; readonly clock?: "business" | "calendar" };

/**
 * What {@link defineSlaPolicy} takes.
 *
 * @example
 * ```ts
 * const input: SlaPolicyInput = {
 *   id: "vip", conditions: { tier: ["vip"] }, calendar,
 *   targets: { firstReply: { urgent: minutes(30), normal: hours(2) } },
 * };
 * ```
 */
export interface SlaPolicyInput {
  /** Stable identifier, reported by `selectPolicy` and `evaluateSla`. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** When the policy applies; absent means always. */
  readonly conditions?: SlaConditions;
  /** Targets per metric and priority; a missing entry means no target for that metric at that priority. */
  readonly targets: { readonly [M in SlaMetric]?: { readonly [P in Priority]?: SlaTargetInput } };
  /** The business clock business-time targets use (an `@supportkit/sla` calendar or any core `BusinessClock`). */
  readonly calendar?: BusinessClock;
}

/**
 * A validated SLA policy, as {@link defineSlaPolicy} returns it.
 *
 * @example
 * ```ts
 * const policy: SlaPolicy = defineSlaPolicy({ id: "default", targets: { totalResolution: { normal: { ms: hours(72), clock: "calendar" } } } });
 * policy.targets.totalResolution?.normal?.clock; //=> "calendar"
 * ```
 */
export interface SlaPolicy {
  /** Stable identifier. */
  readonly id: string;
  /** Name for people. */
  readonly name?: string;
  /** When the policy applies (`{}`: always). */
  readonly conditions: SlaConditions;
  /** Targets per metric and priority, normalised to `{ ms, clock }`. */
  readonly targets: { readonly [M in SlaMetric]?: { readonly [P in Priority]?: SlaTarget } };
  /** The clock business-time targets are measured with. */
  readonly calendar?: BusinessClock;
}

const tagList = z.array(z.string().min(1).max(256)).max(1_000);
const targetSchema = z.union([
  z.number().int("must be a whole number of milliseconds").positive(),
  z.strictObject({
    ms: z.number().int("must be a whole number of milliseconds").positive(),
    clock: z.enum(["business", "calendar"]).optional(),
  }),
]);
const perPriority = z.strictObject(
  Object.fromEntries(PRIORITIES.map((p) => [p, targetSchema.optional()])) as Record<
    Priority,
    z.ZodOptional<typeof targetSchema>
  >,
);

const policySchema = z
  .strictObject({
    id: z.string().min(1).max(256),
    name: z.string().max(512).optional(),
    conditions: z
      .strictObject({
        priority: z.array(PrioritySchema).optional(),
        channel: z.array(ChannelSchema).optional(),
        tier: z.array(z.string().min(1).max(64)).optional(),
        tags: z
          .strictObject({ all: tagList.optional(), any: tagList.optional(), none: tagList.optional() })
          .optional(),
        group: z.array(z.string().min(1).max(256)).optional(),
      })
      .optional(),
    targets: z.strictObject(
      Object.fromEntries(SLA_METRICS.map((m) => [m, perPriority.optional()])) as Record<
        SlaMetric,
        z.ZodOptional<typeof perPriority>
      >,
    ),
    calendar: z
      .custom<BusinessClock>(
        (value) =>
          typeof value === "object" &&
          value !== null &&
          ["add", "between", "isOpen", "nextOpen"].every(
            (method) => typeof (value as Record<string, unknown>)[method] === "function",
          ),
        "expected a BusinessClock (e.g. a calendar from createBusinessCalendar)",
      )
      .optional(),
  })
  .superRefine((policy, ctx) => {
    for (const metric of SLA_METRICS) {
      for (const priority of PRIORITIES) {
        const target = policy.targets[metric]?.[priority];
        if (target === undefined || policy.calendar !== undefined) continue;
        if (typeof target === "number" || (target.clock ?? "business") === "business") {
          ctx.addIssue({
            code: "custom",
            path: ["targets", metric, priority],
            message: 'a business-time target needs the policy\'s `calendar` (or use clock: "calendar")',
          });
        }
      }
    }
  });

const parsePolicy = createParser(policySchema, "SLA policy");

/**
 * Defines an SLA policy: conditions for when it applies and targets per metric and priority, each in
 * business or calendar time. Validated here.
 *
 * @param input - the policy (see {@link SlaPolicyInput})
 * @returns the policy, targets normalised to `{ ms, clock }`
 * @throws ValidationError (code `VALIDATION`) naming the field, e.g. a non-positive target or a business-time
 *   target without a calendar
 * @example
 * ```ts
 * const calendar = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * const policy = defineSlaPolicy({
 *   id: "standard", calendar,
 *   targets: { firstReply: { urgent: hours(1), normal: hours(8) }, totalResolution: { normal: { ms: hours(120), clock: "calendar" } } },
 * });
 * policy.targets.firstReply?.urgent; //=> { ms: 3_600_000, clock: "business" }
 * ```
 */
export function defineSlaPolicy(input: SlaPolicyInput): SlaPolicy {
  const parsed = parsePolicy(input);
  const targets: { [M in SlaMetric]?: { [P in Priority]?: SlaTarget } } = {};
  for (const metric of SLA_METRICS) {
    const byPriority = parsed.targets[metric];
    if (byPriority === undefined) continue;
    const out: { [P in Priority]?: SlaTarget } = {};
    for (const priority of PRIORITIES) {
      const target = byPriority[priority];
      if (target === undefined) continue;
      out[priority] = Object.freeze(
        typeof target === "number"
          ? { ms: target, clock: "business" }
          : { ms: target.ms, clock: target.clock ?? "business" },
      );
    }
    targets[metric] = Object.freeze(out);
  }
  // zod leaves absent keys out, so the optional-`undefined` in its output type never materialises.
  const conditions = (parsed.conditions ?? {}) as SlaConditions;
  const policy: { -readonly [K in keyof SlaPolicy]: SlaPolicy[K] } = { id: parsed.id, conditions, targets };
  if (parsed.name !== undefined) policy.name = parsed.name;
  if (parsed.calendar !== undefined) policy.calendar = parsed.calendar;
  return Object.freeze(policy);
}
