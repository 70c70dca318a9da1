// The router's public contract: its interface, options and results (the engine is in `router.ts`).
import type { EventBus, InstantInput, Presence, Ticket } from "@supportkit/core";
import type { RoutingAgent, RoutingAgentInput } from "./agent";
import type { CandidateExplanation, DecisionReason } from "./decision";
import type { RejectionCode } from "./eligibility";
import type { Assignment, RoutingEventMap } from "./events";
import type { RoutingOptions } from "./options";
import type { EffectiveRequirements } from "./relaxation";
import type { RouterSnapshot } from "./snapshot";
import type { TriageOptions } from "./triage";
import type { WorkItem, WorkItemInput } from "./workItem";

/**
 * Options of {@link createRouter}: the routing options plus the event bus and triage. `Events` is the
 * bus's event map: {@link RoutingEventMap} or a wider one (e.g. `TicketEventMap & RoutingEventMap`).
 *
 * @example
 * ```ts
 * const options: RouterOptions = { strategy: "longest-idle", stickyWaitMs: minutes(3), triage: { as: "preferred" } };
 * ```
 */
export interface RouterOptions<Events extends RoutingEventMap = RoutingEventMap> extends RoutingOptions {
  /** Bus to emit routing events on (it may carry other events too). Default: a new bus, as `router.events`. */
  readonly events?: EventBus<Events>;
  /**
   * Triage applied on `enqueue` to items with `text`: matched skills are added (as required skills with the
   * rule's minimum level, or as preferred skills with `as: "preferred"`), and a detected language fills a
   * missing `language`. Default: no triage.
   */
  readonly triage?: TriageOptions & { readonly as?: "required" | "preferred" };
}

/**
 * Options of one `dispatch` call.
 *
 * @example
 * ```ts
 * const morning: DispatchOptions = { mode: "matching" };
 * router.dispatch("2026-03-02T08:00:00Z", morning);
 * ```
 */
export interface DispatchOptions {
  /**
   * `greedy` (default): items in queue order, each to its best-ranked agent. `matching`: first assign as
   * many items as possible (maximum bipartite matching over free capacity), preferring earlier items, so a
   * scarce specialist is not used up on work others could take; then greedy for the rest.
   */
  readonly mode?: "greedy" | "matching";
}

/**
 * What one `dispatch` did.
 *
 * @example
 * ```ts
 * const result: DispatchResult = router.dispatch("2026-03-02T09:00:00Z");
 * result.assignments.length; //=> 3
 * ```
 */
export interface DispatchResult {
  /** The dispatch instant: the same read-only Date as every assignment's `at` (see {@link Assignment}). */
  readonly at: Date;
  /** Assignments made, in the order they were made. */
  readonly assignments: readonly Assignment[];
  /** Items still queued afterwards. */
  readonly queued: number;
  /** Next instant a time-based change (relaxation, sticky wait end, shift start, fair window) is due, or `null`. */
  readonly nextWakeAt: Date | null;
}

/**
 * A queued item and why it is waiting, as listed by `router.queue()`.
 *
 * @example
 * ```ts
 * const row: QueuedItem = router.queue()[0]!;
 * row.reason; //=> "no-eligible-agent"
 * ```
 */
export interface QueuedItem {
  readonly item: WorkItem;
  /** Queue score at the router's last instant. */
  readonly queueScore: number;
  /**
   * `waiting-for-previous-agent`, `no-eligible-agent`, or `ready` when an agent could take it now (the
   * next `dispatch` assigns it).
   */
  readonly reason: "waiting-for-previous-agent" | "no-eligible-agent" | "ready";
  /** For `waiting-for-previous-agent`: when the sticky wait ends. */
  readonly waitUntil: Date | null;
  /** For `no-eligible-agent`: each agent's rejection code. */
  readonly rejections: Readonly<Record<string, RejectionCode>> | null;
}

/**
 * A full explanation of where a work item would go and why: every agent's rejection code or rank.
 *
 * @example
 * ```ts
 * const explanation: CandidateExplanations = explainCandidates(router, "t1");
 * explanation.candidates[0]; //=> { agentId: "a2", eligible: true, rank: 1, key: { ... } }
 * ```
 */
export interface CandidateExplanations {
  readonly itemId: string;
  /** The instant the explanation holds for. */
  readonly at: Date;
  /** What a dispatch at `at` would do with the item. */
  readonly reason: DecisionReason;
  /** The agent a dispatch at `at` would pick, when any. */
  readonly agentId: string | null;
  /** The item's skill requirements at `at` (after relaxation). */
  readonly requirements: EffectiveRequirements;
  /** The item's queue score at `at`. */
  readonly queueScore: number;
  /** For `waiting-for-previous-agent`: when the sticky wait ends. */
  readonly waitUntil: Date | null;
  /** Eligible agents best first (rank 1 gets the item), then rejected agents by id. */
  readonly candidates: readonly CandidateExplanation[];
}

/**
 * A stateful router: agents, a priority queue of work items and their assignments. Every change is emitted
 * on `events`; `snapshot()` and `restore()` round-trip the state exactly.
 *
 * @example
 * ```ts
 * const router: Router = createRouter({ strategy: "round-robin" });
 * ```
 */
export interface Router<Events extends RoutingEventMap = RoutingEventMap> {
  /** The bus every change is emitted on. */
  readonly events: EventBus<Events>;
  /** Adds or replaces an agent; routed load, last assignment and fair-limit history carry over. */
  upsertAgent(agent: RoutingAgentInput): RoutingAgent;
  /** Removes an agent; the items assigned to it go back to the queue. Returns their ids. */
  removeAgent(agentId: string): string[];
  /** Changes an agent's presence. Only online agents get work. */
  setPresence(agentId: string, presence: Presence): void;
  /** Adds a work item to the queue (triage applied when configured). */
  enqueue(item: WorkItemInput): WorkItem;
  /** Withdraws a queued (not yet assigned) item. */
  cancel(itemId: string): WorkItem;
  /** Ends an assignment: the agent gets its capacity back. */
  release(itemId: string): { itemId: string; agentId: string };
  /**
   * Assigns queued work at `now`; work-conserving and idempotent. Event handlers run during it and may read
   * the router or change it (release, enqueue, …); a handler's error stops the dispatch and propagates, the
   * assignments made before it stand, and the next dispatch serves every class again.
   *
   * @throws RoutingError (code `DISPATCH_IN_PROGRESS`) when called from a handler during a dispatch
   */
  dispatch(now: InstantInput, options?: DispatchOptions): DispatchResult;
  /** The next instant a time-based re-evaluation is due, or `null`. */
  nextWakeAt(): Date | null;
  /** Queued items in queue order with why each waits, evaluated at `now` (default: the last instant seen). */
  queue(now?: InstantInput): QueuedItem[];
  /** The agent holding an item, or `null` when it is queued or unknown. */
  assigneeOf(itemId: string): string | null;
  /** Every agent, by id. */
  agents(): RoutingAgent[];
  /** Explains where an item (queued or assigned id, work item or core ticket) would go at `now`. */
  explain(ticket: string | WorkItemInput | Ticket, now?: InstantInput): CandidateExplanations;
  /** The whole state as JSON-safe data. */
  snapshot(): RouterSnapshot;
  /**
   * Replaces the whole state with a snapshot's. A rejected snapshot leaves the router unchanged.
   *
   * @throws ValidationError (code `VALIDATION`) when the snapshot does not match `RouterSnapshotSchema`
   * @throws RoutingError (codes `DUPLICATE_AGENT`, `DUPLICATE_ITEM`, `UNKNOWN_AGENT`) when it lists an agent
   * or item twice, or assigns an item to an agent it does not list
   * @throws RoutingError (code `DISPATCH_IN_PROGRESS`) when called from a handler during a dispatch
   */
  restore(snapshot: unknown): void;
}
