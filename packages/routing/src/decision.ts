import type { RejectionCode } from "./eligibility";
import type { RoutingStrategy } from "./options";

/**
 * Why an eligible agent ranks where it does. `value` is the strategy's measure: utilisation (0–1,
 * lower wins), spare capacity (higher wins), load count (lower wins), skill-level sum (higher wins),
 * custom score (higher wins), rotation position after the cursor (lower wins) or 0 for longest-idle.
 * Ties go to the earliest `lastAssignedAt` (never assigned first), then the smallest agent id.
 *
 * @example
 * ```ts
 * const key: RankingKey = { strategy: "least-busy", value: 0.25, lastAssignedAt: null, agentId: "a1" };
 * ```
 */
export interface RankingKey {
  readonly strategy: RoutingStrategy;
  readonly value: number;
  /** In a dispatch result a read-only Date, shared with `at` when the agent was assigned at that instant. */
  readonly lastAssignedAt: Date | null;
  readonly agentId: string;
}

/**
 * One agent in an explanation: eligible with its rank (1 = would get the item) and key, or rejected
 * with the first failing check.
 *
 * @example
 * ```ts
 * const row: CandidateExplanation = { agentId: "a2", eligible: false, code: "language" };
 * ```
 */
export type CandidateExplanation =
  | { readonly agentId: string; readonly eligible: true; readonly rank: number; readonly key: RankingKey }
  | { readonly agentId: string; readonly eligible: false; readonly code: RejectionCode };

/**
 * What happened to an item in one routing decision.
 *
 * - `sticky`: assigned to its previous agent
 * - `strategy`: assigned to the best agent by the strategy
 * - `waiting-for-previous-agent`: the previous agent is only blocked by capacity and the sticky wait has not passed
 * - `no-eligible-agent`: nobody can take it now
 *
 * @example
 * ```ts
 * const reason: DecisionReason = "waiting-for-previous-agent";
 * ```
 */
export type DecisionReason = "sticky" | "strategy" | "waiting-for-previous-agent" | "no-eligible-agent";

/**
 * The result of {@link pickAgent}.
 *
 * @example
 * ```ts
 * const decision: RoutingDecision = {
 *   agentId: "a1", reason: "strategy", key: { strategy: "longest-idle", value: 0, lastAssignedAt: null, agentId: "a1" },
 *   relaxed: false, waitUntil: null, rejections: null, roundRobinCursor: null,
 * };
 * ```
 */
export interface RoutingDecision {
  /** The chosen agent, `null` when the item waits. */
  readonly agentId: string | null;
  readonly reason: DecisionReason;
  /** Ranking key of the chosen agent (null for sticky and waiting decisions). */
  readonly key: RankingKey | null;
  /** Whether the item's skill requirements were relaxed at this instant. */
  readonly relaxed: boolean;
  /** For `waiting-for-previous-agent`: when the sticky wait ends. */
  readonly waitUntil: Date | null;
  /** For `no-eligible-agent`: every agent's rejection code by agent id. */
  readonly rejections: Readonly<Record<string, RejectionCode>> | null;
  /** For round-robin: the cursor after this decision (the chosen agent's id), else the one passed in. */
  readonly roundRobinCursor: string | null;
}
