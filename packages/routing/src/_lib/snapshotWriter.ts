// The router's state as a snapshot: JSON-safe rows, in a fixed order so equal states give equal snapshots.
import { RoutingError } from "../errors";
import type { RouterSnapshot, SnapshotAgent, SnapshotItem } from "../snapshot";
import type { WorkItem } from "../workItem";
import { type AgentRec, byId, type ItemState } from "./records";
import type { ResolvedOptions } from "./resolveOptions";

/** A snapshot shift is a name: the agent's own, or the `shifts` option's name for its clock. */
function shiftName(agent: AgentRec, opts: ResolvedOptions): string | undefined {
  const shift = agent.agent.shift;
  if (shift === undefined || typeof shift === "string") return shift;
  for (const [name, clock] of Object.entries(opts.shifts)) if (clock === shift) return name;
  throw new RoutingError(
    "UNSERIALISABLE_SHIFT",
    `Agent "${agent.id}" has a shift clock that the router's shifts option does not name; snapshots need names`,
  );
}

function itemJson(item: WorkItem): SnapshotItem {
  return { ...item, createdAt: item.createdAt.toISOString() };
}

/**
 * The snapshot of a router holding `agents`, the `queued` items (in queue order) and the `held`
 * (assigned) items, with its round-robin `cursor` and the last instant it saw (`lastNow`, -Infinity for
 * none). Agents and assignments are listed by id.
 */
export function snapshotOf(
  agents: Iterable<AgentRec>,
  queued: readonly ItemState[],
  held: readonly ItemState[],
  cursor: string | null,
  lastNow: number,
  opts: ResolvedOptions,
): RouterSnapshot {
  const agentRows = [...agents].sort(byId).map((agent): SnapshotAgent => {
    const { lastAssignedAt: _ignored, shift: _shift, ...rest } = agent.agent;
    const shift = shiftName(agent, opts);
    return {
      agent: {
        ...rest,
        ...(shift === undefined ? {} : { shift }),
        ...(Number.isFinite(agent.lastAssignedAt)
          ? { lastAssignedAt: new Date(agent.lastAssignedAt).toISOString() }
          : {}),
      },
      recent: agent.recent.map((t) => new Date(t).toISOString()),
    };
  });
  return {
    version: 1,
    at: Number.isFinite(lastNow) ? new Date(lastNow).toISOString() : null,
    roundRobinCursor: cursor,
    agents: agentRows,
    queue: queued.map((state) => itemJson(state.item)),
    assignments: [...held].sort(byId).map((state) => ({
      item: itemJson(state.item),
      agentId: state.agentId as string,
      at: new Date(state.assignedAt).toISOString(),
    })),
  };
}
