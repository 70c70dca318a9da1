import type { BusinessClock, Channel, Priority } from "@supportkit/core";
import type { RoutingAgent } from "./agent";
import type { WorkItem } from "./workItem";

/**
 * How the router chooses among eligible agents.
 *
 * - `round-robin`: the next eligible agent after the rotation cursor, in agent-id order
 * - `least-busy`: the lowest load by {@link LoadMeasure}
 * - `longest-idle`: the agent whose last assignment is oldest (never assigned first)
 * - `best-skill-match`: the highest sum of levels over the item's required and preferred skills
 * - `custom`: the highest value of the `score` option
 *
 * Ties always go to the longest-idle agent, then the smallest agent id.
 *
 * @example
 * ```ts
 * const strategy: RoutingStrategy = "least-busy";
 * ```
 */
export type RoutingStrategy = "round-robin" | "least-busy" | "longest-idle" | "best-skill-match" | "custom";

/**
 * Every routing strategy.
 *
 * @example
 * ```ts
 * ROUTING_STRATEGIES.includes("round-robin"); //=> true
 * ```
 */
export const ROUTING_STRATEGIES: readonly RoutingStrategy[] = Object.freeze([
  "round-robin",
  "least-busy",
  "longest-idle",
  "best-skill-match",
  "custom",
]);

/**
 * How `least-busy` measures load: `utilisation` = load ÷ capacity on the item's channel (lower wins),
 * `spare` = capacity − load on the item's channel (higher wins), `count` = conversations held on all
 * channels (lower wins).
 *
 * @example
 * ```ts
 * const measure: LoadMeasure = "spare";
 * ```
 */
export type LoadMeasure = "utilisation" | "spare" | "count";

/**
 * A read-only view of an agent for custom scoring: the agent plus its current load per channel.
 *
 * @example
 * ```ts
 * const score: ScoreFunction = (view: AgentView) => view.agent.skills.length - (view.load.chat ?? 0);
 * ```
 */
export interface AgentView {
  /** The agent as last upserted (its `load` is what was given, not including routed work). */
  readonly agent: RoutingAgent;
  /** Conversations held now per channel, including work the router assigned. */
  readonly load: Readonly<Partial<Record<Channel, number>>>;
  /** Last assignment instant, `null` when never assigned. */
  readonly lastAssignedAt: Date | null;
}

/**
 * A custom ranking: higher scores win; ties go to the longest-idle agent, then the smallest id. Must be
 * pure and deterministic.
 *
 * @param view - the candidate agent and its load
 * @param item - the work item being routed
 * @returns a finite number, higher is better
 * @example
 * ```ts
 * const preferSeniors: ScoreFunction = (view) => view.agent.skills.reduce((sum, s) => sum + s.level, 0);
 * ```
 */
export type ScoreFunction = (view: AgentView, item: WorkItem) => number;

/**
 * Weights of the queue score: `priorityWeights[priority] + vipWeight × vipTier + agingPerMinute ×
 * minutes waited`. Because every item ages at the same rate, the queue order never changes with time.
 *
 * @example
 * ```ts
 * const weights: QueueWeights = { priorityWeights: { urgent: 480 }, vipWeight: 120, agingPerMinute: 1 };
 * ```
 */
export interface QueueWeights {
  /** Score per priority. Defaults: low 0, normal 60, high 120, urgent 240 (i.e. "minutes of waiting"). */
  readonly priorityWeights?: Partial<Record<Priority, number>>;
  /** Score per VIP tier. Default 60. */
  readonly vipWeight?: number;
  /** Score added per minute waited. Default 1. */
  readonly agingPerMinute?: number;
}

/**
 * An optional cap of assignments per agent per sliding window.
 *
 * @example
 * ```ts
 * const fair: FairLimit = { maxAssignments: 5, windowMs: minutes(10) };
 * ```
 */
export interface FairLimit {
  /** Most assignments one agent may receive within any window. */
  readonly maxAssignments: number;
  /** Window length, ms: assignments at instants `t` with `now − windowMs < t ≤ now` count. */
  readonly windowMs: number;
}

/**
 * Options shared by {@link pickAgent} and {@link createRouter}.
 *
 * @example
 * ```ts
 * const options: RoutingOptions = { strategy: "least-busy", loadMeasure: "spare", stickyWaitMs: minutes(3) };
 * ```
 */
export interface RoutingOptions extends QueueWeights {
  /** Ranking strategy. Default `least-busy`. */
  readonly strategy?: RoutingStrategy;
  /** Load measure of `least-busy`. Default `utilisation`. */
  readonly loadMeasure?: LoadMeasure;
  /** Scoring function of the `custom` strategy (required for it). */
  readonly score?: ScoreFunction;
  /** Cap of assignments per agent per window. Default none. */
  readonly fairLimit?: FairLimit;
  /** How long an item may wait for its busy previous agent, ms. Default 2 minutes. */
  readonly stickyWaitMs?: number;
  /** Capacity units one item costs per channel (with an agent's `unitCapacity`). Default 1 each. */
  readonly channelUnits?: Partial<Record<Channel, number>>;
  /** Named shift clocks agents may refer to by name (`shift: "emea-day"`). */
  readonly shifts?: Readonly<Record<string, BusinessClock>>;
}

/**
 * The queue weights used when options leave them out.
 *
 * @example
 * ```ts
 * DEFAULT_QUEUE_WEIGHTS.priorityWeights.urgent; //=> 240
 * ```
 */
export const DEFAULT_QUEUE_WEIGHTS: {
  readonly priorityWeights: Readonly<Record<Priority, number>>;
  readonly vipWeight: number;
  readonly agingPerMinute: number;
} = Object.freeze({
  priorityWeights: Object.freeze({ low: 0, normal: 60, high: 120, urgent: 240 }),
  vipWeight: 60,
  agingPerMinute: 1,
});
