import type { RankingKey } from "../decision";
import type { WorkItem } from "../workItem";
import type { ResolvedOptions } from "./resolveOptions";
import { type AgentState, primaryOf, type Requirements, rankLess } from "./state";

export interface Ranked {
  readonly agent: AgentState;
  readonly key: RankingKey;
}

/** Sorts eligible agents best first, with each one's ranking key. */
export function rankEligible(
  eligible: readonly AgentState[],
  req: Requirements,
  item: WorkItem,
  options: ResolvedOptions,
  cursor: string | null,
): Ranked[] {
  if (options.strategy === "round-robin") {
    const byId = [...eligible].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const start = cursor === null ? 0 : byId.findIndex((agent) => agent.id > cursor);
    const first = Math.max(start, 0);
    const rotated = [...byId.slice(first), ...byId.slice(0, first)];
    return rotated.map((agent, index) => ({ agent, key: keyOf(agent, index, options) }));
  }
  const scored = eligible.map((agent) => ({ agent, ...primaryOf(agent, req, item, options) }));
  scored.sort((a, b) =>
    rankLess(a.primary, a.agent.lastAssignedAt, a.agent.id, b.primary, b.agent.lastAssignedAt, b.agent.id)
      ? -1
      : 1,
  );
  return scored.map(({ agent, value }) => ({ agent, key: keyOf(agent, value, options) }));
}

export function keyOf(
  agent: AgentState,
  value: number,
  options: ResolvedOptions,
  lastAssignedAt = Number.isFinite(agent.lastAssignedAt) ? new Date(agent.lastAssignedAt) : null,
): RankingKey {
  return {
    strategy: options.strategy,
    value,
    lastAssignedAt,
    agentId: agent.id,
  };
}
