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
  const {
    agents,
    classList,
    classChannel,
    classCount,
    classRegion,
    classes,
    hotIdle,
    hotPrimary,
    hotRoom,
    hotStamp,
    isBehind,
    lagCell,
    lagSeen,
    lagging,
    laggingNow,
    parked,
    rankers,
    rowItem,
    slotAgent,
    tCap,
    tLoad,
    tRouted,
    tTotal,
    tUnitCap,
    tUnits,
    tracked,
    bitPool,
    store,
    orders,
    slotId,
    opts,
    leastBusy,
    ordered,
    isMember,
    belongs,
  } = r;
  const fail = (what: string) => {
    throw new Error(`router cache out of sync: ${what}`);
  };
  for (const [c, order] of orders.entries()) {
    const listedInOrder = order.toArray();
    if (listedInOrder.length !== order.size) fail(`order ${c} length`);
    for (let i = 0; i < listedInOrder.length; i++) {
      const s = listedInOrder[i] as number;
      const agent = slotAgent[s] as AgentRec;
      if (order.has[s] !== 1 || agents.get(agent.id) !== agent) fail(`order ${c} lists a stranger`);
      if (order.indexOf(s) !== i) fail(`order ${c} unsorted at ${i}`);
    }
    let listed = 0;
    for (const agent of agents.values()) {
      const s = agent.slot;
      if (order.has[s] === 1) listed++;
      if (!ordered || agent.unsorted) continue;
      const want = parked[s] === 0 && hotRoom[s * CH + c] === 1;
      if ((order.has[s] === 1) !== want) fail(`order ${c} membership of ${agent.id}`);
      if (want && (order.primary[s] !== hotPrimary[s * CH + c] || order.idle[s] !== hotIdle[s]))
        fail(`order ${c} key of ${agent.id}`);
    }
    if (listed !== order.size) fail(`order ${c} size`);
  }
  const regions: [number, number][] = [];
  for (const cls of classes.values()) {
    // Each class queue is a heap within its own region of the shared queue array, with exact positions.
    const start = store.queueStart[cls.num] as number;
    const size = store.queueSize[cls.num] as number;
    if (size > (store.queueCap[cls.num] as number)) fail(`queue size of ${cls.key}`);
    if ((store.queueCap[cls.num] as number) > 0)
      regions.push([start, start + (store.queueCap[cls.num] as number)]);
    for (let i = 0; i < size; i++) {
      const row = store.queueData[start + i] as number;
      if (store.pos[row] !== i) fail(`queue position in ${cls.key}`);
      if (i > 0 && store.before(row, store.queueData[start + queueParent(i)] as number))
        fail(`queue order of ${cls.key}`);
    }
    if (store.headOf[cls.num] !== (size > 0 ? store.queueData[start] : -1)) fail(`queue head of ${cls.key}`);
  }
  regions.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < regions.length; i++)
    if ((regions[i] as [number, number])[0] < (regions[i - 1] as [number, number])[1])
      fail("queue regions overlap");
  let lags = 0;
  const listed = new Set(lagging);
  for (const state of tracked.values()) {
    const row = state.slot;
    if (row >= 0 && (lagCell[row] as number) >= 0 && rowItem[row] === state) {
      // A lagging record (see `lagging`): still reads as queued; its row is in no queue and is listed.
      lags++;
      const agent = slotAgent[Math.floor((lagCell[row] as number) / CH)];
      if (!state.live || state.cls === null || state.cls.items.has(row) || !listed.has(row))
        fail(`lagging record of ${state.id}`);
      if (agent === undefined || agents.get(agent.id) !== agent) fail(`agent of lagging ${state.id}`);
      continue;
    }
    if (state.live && state.cls !== null && !state.cls.items.has(state.slot)) fail(`queue of ${state.id}`);
    if (state.live === (state.agentId !== null)) fail(`queued or assigned: ${state.id}`);
    if (!state.live && (state.slot !== -1 || state.cls !== null)) fail(`row of assigned ${state.id}`);
  }
  if (lags !== laggingNow) fail("count of lagging records");
  if (lagSeen.some((mark) => mark !== 0)) fail("compaction marks left set");
  const bitRegions = new Set<number>();
  for (const rk of rankers.values()) {
    if (!ordered) break;
    if (bitRegions.has(rk.region)) fail(`bit-set region of ranker ${rk.key} shared`);
    bitRegions.add(rk.region);
    let count = 0;
    const words = bitPool.data.subarray(rk.region * bitPool.words, (rk.region + 1) * bitPool.words);
    for (const word of words) for (let w = word; w !== 0; w &= w - 1) count++;
    if (count !== rk.cands.length || rk.cands.some((a) => !bitPool.has(rk.region, a.slot)))
      fail(`bits of ranker ${rk.key}`);
  }
  const viewOf = (row: Row, table: Float64Array, s: number) =>
    row instanceof Float64Array && row.buffer === table.buffer && row.byteOffset === s * CH * 8;
  for (const agent of agents.values()) {
    const s = agent.slot;
    if (slotAgent[s] !== agent || slotId[s] !== agent.id) fail(`slot of ${agent.id}`);
    if (
      !viewOf(agent.load, tLoad, s) ||
      !viewOf(agent.capacity, tCap, s) ||
      !viewOf(agent.routed, tRouted, s)
    )
      fail(`table rows of ${agent.id}`);
    if (tTotal[s] !== agent.totalLoad || tUnits[s] !== agent.usedUnits || tUnitCap[s] !== agent.unitCapacity)
      fail(`totals of ${agent.id}`);
    let total = 0;
    let units = 0;
    for (let c = 0; c < CH; c++) {
      total += agent.load[c] as number;
      units += (agent.load[c] as number) * (opts.units[c] as number);
    }
    // Units may be fractions, summed in another order than the running total.
    if (total !== agent.totalLoad || Math.abs(units - agent.usedUnits) > 1e-9 * Math.max(1, units))
      fail(`totals of ${agent.id} against its load`);
    if (isBehind[s] !== 0) fail(`${agent.id} left behind its table row`);
    if (hotStamp[s] !== agent.stamp) fail(`stamp of ${agent.id}`);
    if (!Object.is(hotIdle[s], agent.lastAssignedAt)) fail(`last assignment of ${agent.id}`);
    for (let c = 0; c < CH; c++) {
      const room = agent.online && hasRoom(agent, c, opts) ? 1 : 0;
      if (hotRoom[s * CH + c] !== room) fail(`room of ${agent.id} on channel ${c}`);
      const primary = leastBusy ? loadPrimary(agent, c, opts) : 0;
      if (!Object.is(hotPrimary[s * CH + c], primary)) fail(`primary of ${agent.id} on channel ${c}`);
    }
    for (const [c, list] of agent.numsOn.entries())
      for (const num of list) {
        const cls = classList[num] as ClassState;
        if (!isMember(cls, agent) || cls.req.channel !== c) fail(`classes of ${agent.id}`);
      }
  }
  for (const cls of classes.values()) {
    const expected = [...agents.values()].filter((agent) => belongs(agent, cls)).sort(byId);
    if (expected.length !== cls.cands.length || expected.some((agent, i) => cls.cands[i] !== agent))
      fail(`candidates of ${cls.key}`);
    for (const agent of cls.cands)
      if (!agent.numsOn[cls.req.channel]?.includes(cls.num)) fail(`classes of ${agent.id}`);
    if (cls.cands !== cls.rk.cands || rankers.get(cls.rk.key) !== cls.rk) fail(`ranker of ${cls.key}`);
    if (
      classCount[cls.num] !== cls.cands.length ||
      classRegion[cls.num] !== cls.rk.region ||
      classChannel[cls.num] !== cls.channel ||
      classList[cls.num] !== cls
    )
      fail(`scan data of ${cls.key}`);
  }
  const users = new Map<Ranker, number>();
  for (const cls of classes.values()) users.set(cls.rk, (users.get(cls.rk) ?? 0) + 1);
  for (const rk of rankers.values()) if (users.get(rk) !== rk.users) fail(`users of ranker ${rk.key}`);
}
