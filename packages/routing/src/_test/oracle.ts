import { CHANNELS, type Channel, type Presence } from "@supportkit/core";
import { parseRoutingAgent, type RoutingAgent, type RoutingAgentInput } from "../agent";
import { DEFAULT_QUEUE_WEIGHTS, type RoutingOptions } from "../options";
import { pickAgent } from "../pickAgent";
import { parseWorkItem, type WorkItem, type WorkItemInput } from "../workItem";

/**
 * A deliberately naive router: every dispatch sorts the whole queue and asks the pure `pickAgent` about
 * every item against every agent. The differential tests hold `createRouter` to it.
 */
export function createOracle(options: RoutingOptions) {
  const agents = new Map<
    string,
    { agent: RoutingAgent; routed: Partial<Record<Channel, number>>; recent: number[] }
  >();
  const queue = new Map<string, WorkItem>();
  const held = new Map<string, { item: WorkItem; agentId: string }>();
  let cursor: string | null = null;
  const weights = { ...DEFAULT_QUEUE_WEIGHTS.priorityWeights, ...options.priorityWeights };
  const vip = options.vipWeight ?? DEFAULT_QUEUE_WEIGHTS.vipWeight;
  const aging = options.agingPerMinute ?? DEFAULT_QUEUE_WEIGHTS.agingPerMinute;
  const order = (a: WorkItem, b: WorkItem) => {
    const sa = (weights[a.priority] + vip * a.vipTier) * 60_000 - aging * a.createdAt.getTime();
    const sb = (weights[b.priority] + vip * b.vipTier) * 60_000 - aging * b.createdAt.getTime();
    if (sa !== sb) return sb - sa;
    if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() - b.createdAt.getTime();
    return a.id < b.id ? -1 : 1;
  };

  function view(): RoutingAgentInput[] {
    return [...agents.values()].map(({ agent, routed }) => {
      const load: Partial<Record<Channel, number>> = {};
      for (const channel of CHANNELS) {
        const value = (agent.load[channel] ?? 0) + (routed[channel] ?? 0);
        if (value > 0) load[channel] = value;
      }
      return { ...agent, load };
    });
  }

  return {
    upsertAgent(input: RoutingAgentInput) {
      const agent = parseRoutingAgent(input);
      const old = agents.get(agent.id);
      if (old !== undefined && agent.lastAssignedAt === undefined && old.agent.lastAssignedAt !== undefined) {
        agent.lastAssignedAt = old.agent.lastAssignedAt;
      }
      agents.set(agent.id, { agent, routed: old?.routed ?? {}, recent: old?.recent ?? [] });
    },
    removeAgent(agentId: string) {
      agents.delete(agentId);
      for (const [id, rec] of [...held]) {
        if (rec.agentId === agentId) {
          held.delete(id);
          queue.set(id, rec.item);
        }
      }
    },
    setPresence(agentId: string, presence: Presence) {
      const rec = agents.get(agentId);
      if (rec) rec.agent = { ...rec.agent, presence };
    },
    enqueue(input: WorkItemInput) {
      const item = parseWorkItem(input);
      queue.set(item.id, item);
    },
    cancel(itemId: string) {
      queue.delete(itemId);
    },
    release(itemId: string) {
      const rec = held.get(itemId);
      if (!rec) return;
      held.delete(itemId);
      const agent = agents.get(rec.agentId);
      if (agent) agent.routed[rec.item.channel] = (agent.routed[rec.item.channel] ?? 0) - 1;
    },
    dispatch(now: number) {
      const out: { itemId: string; agentId: string; reason: string }[] = [];
      for (const item of [...queue.values()].sort(order)) {
        const recentAssignments = Object.fromEntries([...agents].map(([id, rec]) => [id, rec.recent]));
        const decision = pickAgent(view(), item, {
          ...options,
          now,
          roundRobinCursor: cursor,
          recentAssignments,
        });
        if (decision.agentId === null) continue;
        const rec = agents.get(decision.agentId)!;
        rec.routed[item.channel] = (rec.routed[item.channel] ?? 0) + 1;
        rec.agent = { ...rec.agent, lastAssignedAt: new Date(now) };
        rec.recent.push(now);
        cursor = decision.roundRobinCursor;
        queue.delete(item.id);
        held.set(item.id, { item, agentId: decision.agentId });
        out.push({ itemId: item.id, agentId: decision.agentId, reason: decision.reason });
      }
      return out;
    },
    /** What pickAgent says about a queued item now, given the oracle's state. */
    decide(itemId: string, now: number) {
      const item = queue.get(itemId)!;
      const recentAssignments = Object.fromEntries([...agents].map(([id, rec]) => [id, rec.recent]));
      return pickAgent(view(), item, { ...options, now, roundRobinCursor: cursor, recentAssignments });
    },
    held,
    queue,
    agents,
  };
}
