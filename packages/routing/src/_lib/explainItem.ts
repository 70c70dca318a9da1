// What a dispatch would do with one work item and why: every agent's rejection code or rank. Read-only over
// the router's agents; the router and `explainCandidates` call it, never the dispatch path.
import type { CandidateExplanation, DecisionReason } from "../decision";
import type { RejectionCode } from "../eligibility";
import type { WorkItem } from "../workItem";
import { rankEligible } from "./rank";
import { byId } from "./records";
import type { ResolvedOptions } from "./resolveOptions";
import { type AgentState, compileRequirements, rejection } from "./state";

/** An item's outlook at one instant: the decision and every agent's part in it. */
export interface ItemOutlook {
  readonly reason: DecisionReason;
  readonly agentId: string | null;
  readonly waitUntil: Date | null;
  /** Eligible agents best first, then rejected agents by id. */
  readonly candidates: readonly CandidateExplanation[];
}

/** Why a queued item waits, as `router.queue()` reports it. */
export interface QueuedOutlook {
  readonly reason: DecisionReason;
  readonly waitUntil: Date | null;
  /** For `no-eligible-agent`: each agent's rejection code. */
  readonly rejections: Readonly<Record<string, RejectionCode>> | null;
}

/** Rejections per requirement class, shared by the items of one `queue()` listing. */
export type OutlookCache = Map<string, Readonly<Record<string, RejectionCode>> | null>;

/**
 * What a dispatch at `now` would do with `item`, checking every agent in `agents` (by id) in the fixed
 * order of eligibility checks, then ranking the eligible ones by the strategy.
 */
export function explainItem(
  agents: ReadonlyMap<string, AgentState>,
  item: WorkItem,
  now: number,
  opts: ResolvedOptions,
  cursor: string | null,
): ItemOutlook {
  const nowDate = new Date(now);
  const req = compileRequirements(item, now);
  const all = [...agents.values()].sort(byId);
  const eligible: AgentState[] = [];
  const rejected: CandidateExplanation[] = [];
  for (const agent of all) {
    const code = rejection(agent, req, now, nowDate, opts);
    if (code === null) eligible.push(agent);
    else rejected.push({ agentId: agent.id, eligible: false, code });
  }
  const ranked = rankEligible(eligible, req, item, opts, cursor).map(
    ({ agent, key }, index): CandidateExplanation => ({
      agentId: agent.id,
      eligible: true,
      rank: index + 1,
      key,
    }),
  );
  const candidates = [...ranked, ...rejected];
  let reason: DecisionReason = ranked.length > 0 ? "strategy" : "no-eligible-agent";
  let agentId = ranked[0]?.agentId ?? null;
  let waitUntil: Date | null = null;
  if (item.previousAgentId !== undefined) {
    const previous = agents.get(item.previousAgentId);
    if (previous !== undefined) {
      const code = rejection(previous, req, now, nowDate, opts);
      const until = item.createdAt.getTime() + (item.stickyWaitMs ?? opts.stickyWaitMs);
      if (code === null) {
        reason = "sticky";
        agentId = previous.id;
      } else if (code === "capacity" && now < until) {
        reason = "waiting-for-previous-agent";
        agentId = null;
        waitUntil = new Date(until);
      }
    }
  }
  return { reason, agentId, waitUntil, candidates };
}

/**
 * {@link explainItem} reduced to why the item waits. Items without a previous agent share the answer
 * with every item of their requirement class, through `cache`: a listing of a long queue then checks
 * every agent once per class rather than once per item.
 */
export function whyQueued(
  agents: ReadonlyMap<string, AgentState>,
  item: WorkItem,
  now: number,
  opts: ResolvedOptions,
  cursor: string | null,
  cache: OutlookCache,
): QueuedOutlook {
  const req = compileRequirements(item, now);
  if (item.previousAgentId === undefined && cache.has(req.key)) {
    const rejections = cache.get(req.key) ?? null;
    return { reason: rejections === null ? "strategy" : "no-eligible-agent", waitUntil: null, rejections };
  }
  const result = explainItem(agents, item, now, opts, cursor);
  let rejections: Record<string, RejectionCode> | null = null;
  if (result.reason === "no-eligible-agent") {
    rejections = {};
    for (const row of result.candidates) if (!row.eligible) rejections[row.agentId] = row.code;
  }
  if (item.previousAgentId === undefined) cache.set(req.key, rejections);
  return { reason: result.reason, waitUntil: result.waitUntil, rejections };
}
