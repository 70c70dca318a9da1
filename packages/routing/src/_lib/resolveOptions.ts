import {
  type BusinessClock,
  BusinessClockSchema,
  CHANNELS,
  createParser,
  EventBusSchema,
  InstantSchema,
  PRIORITIES,
  type Priority,
} from "@supportkit/core";
import { z } from "zod";
import type { LoadMeasure, RoutingOptions, RoutingStrategy, ScoreFunction } from "../options";
import { DEFAULT_QUEUE_WEIGHTS } from "../options";

const finite = z.number().refine(Number.isFinite, "must be finite");

/** The routing options every entry point takes (see `RoutingOptions`). */
const routingShape = {
  strategy: z.enum(["round-robin", "least-busy", "longest-idle", "best-skill-match", "custom"]).optional(),
  loadMeasure: z.enum(["utilisation", "spare", "count"]).optional(),
  score: z.custom<ScoreFunction>((value) => typeof value === "function", "expected a function").optional(),
  fairLimit: z
    .strictObject({
      maxAssignments: z.number().int().min(1),
      windowMs: z.number().positive().max(8.64e15),
    })
    .optional(),
  stickyWaitMs: z.number().nonnegative().max(8.64e15).optional(),
  channelUnits: z.partialRecord(z.enum(CHANNELS), z.number().nonnegative().max(1e9)).optional(),
  shifts: z.record(z.string(), BusinessClockSchema).optional(),
  priorityWeights: z.partialRecord(z.enum(PRIORITIES), finite).optional(),
  vipWeight: finite.optional(),
  agingPerMinute: finite.nonnegative().optional(),
};

const aFunction = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === "function",
  "expected a function",
);

const TriageRuleSchema = z.strictObject({
  skill: z.string().min(1).max(256),
  keywords: z.array(z.string().max(1_000)).max(10_000),
  // Any finite level: triage rounds it and keeps it within 1–10 when it adds the skill.
  minLevel: finite.optional(),
  language: z.string().min(1).max(256).optional(),
});

/** What `createRouter` takes besides the routing options. */
const routerShape = {
  events: EventBusSchema.optional(),
  triage: z
    .strictObject({
      rules: z.array(TriageRuleSchema).max(10_000).optional(),
      detectLanguage: aFunction.optional(),
      language: z.string().min(1).max(256).optional(),
      as: z.enum(["required", "preferred"]).optional(),
    })
    .optional(),
};

/** What `pickAgent` takes besides the routing options. */
const pickAgentShape = {
  now: InstantSchema,
  roundRobinCursor: z.string().nullable().optional(),
  recentAssignments: z.record(z.string(), z.array(InstantSchema)).optional(),
};

/** What `checkEligibility` takes besides the routing options. */
const eligibilityShape = {
  now: InstantSchema,
  recentAssignments: z.array(InstantSchema).optional(),
};

function customNeedsScore(
  options: { strategy?: string | undefined; score?: unknown },
  ctx: z.RefinementCtx<unknown>,
): void {
  if (options.strategy === "custom" && options.score === undefined) {
    ctx.addIssue({ code: "custom", path: ["score"], message: "the custom strategy needs a score function" });
  }
}

// Strict: a misspelt option (`stratgy`) is an error naming it, not a silent default.
const parsers = {
  router: createParser(
    z.strictObject({ ...routingShape, ...routerShape }).superRefine(customNeedsScore),
    "router options",
  ),
  pickAgent: createParser(
    z.strictObject({ ...routingShape, ...pickAgentShape }).superRefine(customNeedsScore),
    "pickAgent options",
  ),
  eligibility: createParser(
    z.strictObject({ ...routingShape, ...eligibilityShape }).superRefine(customNeedsScore),
    "checkEligibility options",
  ),
};

/** Which entry point the options were given to: each accepts its own keys besides the routing options. */
export type OptionsOwner = keyof typeof parsers;

/** Options with every default applied; channel-indexed arrays for the hot path. */
export interface ResolvedOptions {
  readonly strategy: RoutingStrategy;
  readonly loadMeasure: LoadMeasure;
  readonly score: ScoreFunction | undefined;
  readonly fairMax: number;
  readonly fairWindowMs: number;
  readonly stickyWaitMs: number;
  readonly units: readonly number[];
  readonly shifts: Readonly<Record<string, BusinessClock>>;
  readonly priorityWeights: Readonly<Record<Priority, number>>;
  readonly vipWeight: number;
  readonly agingPerMinute: number;
}

/**
 * Checks `options` as given to `owner` (unknown keys included) and applies every default. Callers read
 * their own extra keys (`now`, `events`, …) from `options` after this check.
 */
export function resolveOptions(options: RoutingOptions, owner: OptionsOwner): ResolvedOptions {
  parsers[owner](options);
  const units = CHANNELS.map((channel) => options.channelUnits?.[channel] ?? 1);
  return {
    strategy: options.strategy ?? "least-busy",
    loadMeasure: options.loadMeasure ?? "utilisation",
    score: options.score,
    fairMax: options.fairLimit?.maxAssignments ?? Number.POSITIVE_INFINITY,
    fairWindowMs: options.fairLimit?.windowMs ?? 0,
    stickyWaitMs: options.stickyWaitMs ?? 120_000,
    units,
    shifts: options.shifts ?? {},
    priorityWeights: { ...DEFAULT_QUEUE_WEIGHTS.priorityWeights, ...options.priorityWeights },
    vipWeight: options.vipWeight ?? DEFAULT_QUEUE_WEIGHTS.vipWeight,
    agingPerMinute: options.agingPerMinute ?? DEFAULT_QUEUE_WEIGHTS.agingPerMinute,
  };
}
