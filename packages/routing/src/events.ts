import type { Presence } from "@supportkit/core";
import type { RankingKey } from "./decision";
import type { WorkItem } from "./workItem";

/**
 * One assignment made by `dispatch`, with the reasons a support lead asks for.
 *
 * @example
 * ```ts
 * const assignment: Assignment = {
 *   itemId: "t1", agentId: "a1", at: new Date(0), reason: "strategy", mode: "greedy",
 *   key: { strategy: "least-busy", value: 0, lastAssignedAt: null, agentId: "a1" },
 *   relaxed: false, waitedMs: 0, queueScore: 60,
 * };
 * ```
 */
export interface Assignment {
  readonly itemId: string;
  readonly agentId: string;
  /**
   * The dispatch instant. One Date is shared by every assignment of a dispatch and is read-only: its
   * setters throw `RoutingError` `READ_ONLY_INSTANT` (copy with `new Date(at)` to change one).
   */
  readonly at: Date;
  /** `sticky` (previous agent) or `strategy` (best ranked). */
  readonly reason: "sticky" | "strategy";
  /** `greedy` (queue order) or `matching` (batch drain that maximises assignments). */
  readonly mode: "greedy" | "matching";
  /** The chosen agent's ranking key; `null` for sticky assignments. */
  readonly key: RankingKey | null;
  /** Whether a relaxed (lowered or dropped) skill requirement let this agent in. */
  readonly relaxed: boolean;
  /**
   * Time the item waited in the queue, ms: from its `createdAt` to the dispatch instant, and 0 when
   * `createdAt` is later (clocks of different services disagree; the item is assigned all the same).
   */
  readonly waitedMs: number;
  /** The item's queue score at the dispatch instant. */
  readonly queueScore: number;
}

/**
 * The events a router emits, by type. Subscribe with `router.events.on(type, handler)`, or pass your own
 * bus (for example one that also carries ticket events) as the `events` option.
 *
 * @example
 * ```ts
 * router.events.on("routing.assigned", (assignment) => console.log(assignment.itemId, assignment.agentId));
 * ```
 */
export type RoutingEventMap = {
  /** An agent was added or replaced. */
  "routing.agent.upserted": { readonly agentId: string };
  /** An agent was removed; its assigned items went back to the queue. */
  "routing.agent.removed": { readonly agentId: string; readonly requeued: readonly string[] };
  /** An agent's presence changed. */
  "routing.agent.presence": { readonly agentId: string; readonly from: Presence; readonly to: Presence };
  /** A work item entered the queue. */
  "routing.enqueued": { readonly itemId: string; readonly item: WorkItem };
  /** A work item was assigned. */
  "routing.assigned": Assignment;
  /** A work item started waiting for its busy previous agent. */
  "routing.waiting": {
    readonly itemId: string;
    readonly reason: "waiting-for-previous-agent";
    readonly previousAgentId: string;
    readonly until: Date;
  };
  /** An assigned item was released (its conversation ended or moved away); the agent has room again. */
  "routing.released": { readonly itemId: string; readonly agentId: string };
  /** A queued item was withdrawn. */
  "routing.cancelled": { readonly itemId: string };
  /** An assigned item went back to the queue because its agent was removed. */
  "routing.requeued": { readonly itemId: string; readonly fromAgentId: string };
  /** The router's state was replaced by `restore`. */
  "routing.restored": { readonly agents: number; readonly queued: number; readonly assigned: number };
};
