import {
  type BusinessClock,
  BusinessClockSchema,
  CHANNELS,
  createParser,
  PRIORITIES,
  type Priority,
} from "@supportkit/core";
import { z } from "zod";
import type { LoadMeasure, RoutingOptions, RoutingStrategy, ScoreFunction } from "../options";
import { DEFAULT_QUEUE_WEIGHTS } from "../options";

const finite = z.number().refine(Number.isFinite, "must be finite");

const OptionsSchema = z
  .object({
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
  })
  .loose()
  .superRefine((options, ctx) => {
    if (options.strategy === "custom" && options.score === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["score"],
        message: "the custom strategy needs a score function",
      });
    }
  });

const parseOptions = createParser(OptionsSchema, "routing options");

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

export function resolveOptions(options: RoutingOptions = {}): ResolvedOptions {
  parseOptions(options);
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
