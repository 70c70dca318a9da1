// The router's audit (`createTunedRouter(…, audit = true)`, used by the tests): after every state-changing
// call, each cache the dispatch path reads is checked against a recomputation from the agents and items.
import { CHANNELS } from "@supportkit/core";
import type { AgentOrder } from "./agentOrder";
import type { BitPool } from "./bitPool";
import { type ItemStore, queueParent } from "./itemQueue";
import { type AgentRec, byId, type ClassState, type ItemState, type Ranker } from "./records";
import type { ResolvedOptions } from "./resolveOptions";
import { hasRoom, loadPrimary, type Row } from "./state";

const CH = CHANNELS.length;

/** The router state the audit reads: its tables, orders, classes and records, and two membership tests. */
export interface RouterInternals {
  readonly agents: ReadonlyMap<string, AgentRec>;
  readonly classList: readonly ClassState[];
  readonly classChannel: Uint8Array;
  readonly classCount: Int32Array;
  readonly classRegion: Int32Array;
  readonly classes: ReadonlyMap<string, ClassState>;
  readonly hotIdle: Float64Array;
  readonly hotPrimary: Float64Array;
  readonly hotRoom: Uint8Array;
  readonly hotStamp: Float64Array;
  readonly isBehind: Uint8Array;
  readonly lagCell: Int32Array;
  readonly lagSeen: Uint8Array;
  readonly lagging: readonly number[];
  readonly laggingNow: number;
  readonly parked: Uint8Array;
  readonly rankers: ReadonlyMap<string, Ranker>;
  readonly rowItem: readonly ItemState[];
  readonly slotAgent: readonly AgentRec[];
  readonly tCap: Float64Array;
  readonly tLoad: Float64Array;
  readonly tRouted: Float64Array;
  readonly tTotal: Float64Array;
  readonly tUnitCap: Float64Array;
  readonly tUnits: Float64Array;
  readonly tracked: ReadonlyMap<string, ItemState>;
  readonly bitPool: BitPool;
  readonly store: ItemStore;
  readonly orders: readonly AgentOrder[];
  readonly slotId: readonly string[];
  readonly opts: ResolvedOptions;
  readonly leastBusy: boolean;
  readonly ordered: boolean;
  readonly isMember: (cls: ClassState, agent: AgentRec) => boolean;
  readonly belongs: (agent: AgentRec, cls: ClassState) => boolean;
}

/**
 * Checks the hot table, the slot tables, the channel orders, the class queues, the lagging item records,
 * each class's candidates and its ranker against their definitions; throws on the first difference.
 */
export function auditRouter(r: RouterInternals): void {
  const fail = (what: string) => {
    throw new Error(`router cache out of sync: ${what}`);
  };
  for (const [c, order] of r.orders.entries()) {
    const listedInOrder = order.toArray();
    if (listedInOrder.length !== order.size) fail(`order ${c} length`);
    for (let i = 0; i < listedInOrder.length; i++) {
      const s = listedInOrder[i] as number;
      const agent = r.slotAgent[s] as AgentRec;
      if (order.has[s] !== 1 || r.agents.get(agent.id) !== agent) fail(`order ${c} lists a stranger`);
      if (order.indexOf(s) !== i) fail(`order ${c} unsorted at ${i}`);
    }
    let listed = 0;
    for (const agent of r.agents.values()) {
      const s = agent.slot;
      if (order.has[s] === 1) listed++;
      if (!r.ordered || agent.unsorted) continue;
      const want = r.parked[s] === 0 && r.hotRoom[s * CH + c] === 1;
      if ((order.has[s] === 1) !== want) fail(`order ${c} membership of ${agent.id}`);
      if (want && (order.primary[s] !== r.hotPrimary[s * CH + c] || order.idle[s] !== r.hotIdle[s]))
        fail(`order ${c} key of ${agent.id}`);
    }
    if (listed !== order.size) fail(`order ${c} size`);
  }
  const regions: [number, number][] = [];
  for (const cls of r.classes.values()) {
    // Each class queue is a heap within its own region of the shared queue array, with exact positions.
    const start = r.store.queueStart[cls.num] as number;
    const size = r.store.queueSize[cls.num] as number;
    if (size > (r.store.queueCap[cls.num] as number)) fail(`queue size of ${cls.key}`);
    if ((r.store.queueCap[cls.num] as number) > 0)
      regions.push([start, start + (r.store.queueCap[cls.num] as number)]);
    for (let i = 0; i < size; i++) {
      const row = r.store.queueData[start + i] as number;
      if (r.store.pos[row] !== i) fail(`queue position in ${cls.key}`);
      if (i > 0 && r.store.before(row, r.store.queueData[start + queueParent(i)] as number))
        fail(`queue order of ${cls.key}`);
    }
    if (r.store.headOf[cls.num] !== (size > 0 ? r.store.queueData[start] : -1))
      fail(`queue head of ${cls.key}`);
  }
  regions.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < regions.length; i++)
    if ((regions[i] as [number, number])[0] < (regions[i - 1] as [number, number])[1])
      fail("queue regions overlap");
  let lags = 0;
  const listed = new Set(r.lagging);
  for (const state of r.tracked.values()) {
    const row = state.slot;
    if (row >= 0 && (r.lagCell[row] as number) >= 0 && r.rowItem[row] === state) {
      // A lagging record (see `lagging` in router.ts): still reads as queued; its row is in no queue and is listed.
      lags++;
      const agent = r.slotAgent[Math.floor((r.lagCell[row] as number) / CH)];
      if (!state.live || state.cls === null || state.cls.items.has(row) || !listed.has(row))
        fail(`lagging record of ${state.id}`);
      if (agent === undefined || r.agents.get(agent.id) !== agent) fail(`agent of lagging ${state.id}`);
      continue;
    }
    if (state.live && state.cls !== null && !state.cls.items.has(state.slot)) fail(`queue of ${state.id}`);
    if (state.live === (state.agentId !== null)) fail(`queued or assigned: ${state.id}`);
    if (!state.live && (state.slot !== -1 || state.cls !== null)) fail(`row of assigned ${state.id}`);
  }
  if (lags !== r.laggingNow) fail("count of lagging records");
  if (r.lagSeen.some((mark) => mark !== 0)) fail("compaction marks left set");
  const bitRegions = new Set<number>();
  for (const rk of r.rankers.values()) {
    if (!r.ordered) break;
    if (bitRegions.has(rk.region)) fail(`bit-set region of ranker ${rk.key} shared`);
    bitRegions.add(rk.region);
    let count = 0;
    const words = r.bitPool.data.subarray(rk.region * r.bitPool.words, (rk.region + 1) * r.bitPool.words);
    for (const word of words) for (let w = word; w !== 0; w &= w - 1) count++;
    if (count !== rk.cands.length || rk.cands.some((a) => !r.bitPool.has(rk.region, a.slot)))
      fail(`bits of ranker ${rk.key}`);
  }
  const viewOf = (row: Row, table: Float64Array, s: number) =>
    row instanceof Float64Array && row.buffer === table.buffer && row.byteOffset === s * CH * 8;
  for (const agent of r.agents.values()) {
    const s = agent.slot;
    if (r.slotAgent[s] !== agent || r.slotId[s] !== agent.id) fail(`slot of ${agent.id}`);
    if (
      !viewOf(agent.load, r.tLoad, s) ||
      !viewOf(agent.capacity, r.tCap, s) ||
      !viewOf(agent.routed, r.tRouted, s)
    )
      fail(`table rows of ${agent.id}`);
    if (
      r.tTotal[s] !== agent.totalLoad ||
      r.tUnits[s] !== agent.usedUnits ||
      r.tUnitCap[s] !== agent.unitCapacity
    )
      fail(`totals of ${agent.id}`);
    let total = 0;
    let units = 0;
    for (let c = 0; c < CH; c++) {
      total += agent.load[c] as number;
      units += (agent.load[c] as number) * (r.opts.units[c] as number);
    }
    // Units may be fractions, summed in another order than the running total.
    if (total !== agent.totalLoad || Math.abs(units - agent.usedUnits) > 1e-9 * Math.max(1, units))
      fail(`totals of ${agent.id} against its load`);
    if (r.isBehind[s] !== 0) fail(`${agent.id} left behind its table row`);
    if (r.hotStamp[s] !== agent.stamp) fail(`stamp of ${agent.id}`);
    if (!Object.is(r.hotIdle[s], agent.lastAssignedAt)) fail(`last assignment of ${agent.id}`);
    for (let c = 0; c < CH; c++) {
      const room = agent.online && hasRoom(agent, c, r.opts) ? 1 : 0;
      if (r.hotRoom[s * CH + c] !== room) fail(`room of ${agent.id} on channel ${c}`);
      const primary = r.leastBusy ? loadPrimary(agent, c, r.opts) : 0;
      if (!Object.is(r.hotPrimary[s * CH + c], primary)) fail(`primary of ${agent.id} on channel ${c}`);
    }
    for (const [c, list] of agent.numsOn.entries())
      for (const num of list) {
        const cls = r.classList[num] as ClassState;
        if (!r.isMember(cls, agent) || cls.req.channel !== c) fail(`classes of ${agent.id}`);
      }
  }
  for (const cls of r.classes.values()) {
    const expected = [...r.agents.values()].filter((agent) => r.belongs(agent, cls)).sort(byId);
    if (expected.length !== cls.cands.length || expected.some((agent, i) => cls.cands[i] !== agent))
      fail(`candidates of ${cls.key}`);
    for (const agent of cls.cands)
      if (!agent.numsOn[cls.req.channel]?.includes(cls.num)) fail(`classes of ${agent.id}`);
    if (cls.cands !== cls.rk.cands || r.rankers.get(cls.rk.key) !== cls.rk) fail(`ranker of ${cls.key}`);
    if (
      r.classCount[cls.num] !== cls.cands.length ||
      r.classRegion[cls.num] !== cls.rk.region ||
      r.classChannel[cls.num] !== cls.channel ||
      r.classList[cls.num] !== cls
    )
      fail(`scan data of ${cls.key}`);
  }
  const users = new Map<Ranker, number>();
  for (const cls of r.classes.values()) users.set(cls.rk, (users.get(cls.rk) ?? 0) + 1);
  for (const rk of r.rankers.values()) if (users.get(rk) !== rk.users) fail(`users of ranker ${rk.key}`);
}
