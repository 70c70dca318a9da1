import {
  CHANNELS,
  createEventBus,
  createParser,
  type EventBus,
  type InstantInput,
  type Presence,
  PresenceSchema,
  type Ticket,
  toDate,
} from "@supportkit/core";
import { AgentIndex } from "./_lib/agentIndex";
import { AgentOrder } from "./_lib/agentOrder";
import { auditRouter, type RouterInternals } from "./_lib/audit";
import { BitPool } from "./_lib/bitPool";
import { explainItem, type OutlookCache, whyQueued } from "./_lib/explainItem";
import { Heap } from "./_lib/heap";
import { ItemQueue, ItemStore, PassHeap, queuePopHead } from "./_lib/itemQueue";
import { maxMatching } from "./_lib/matching";
import { Pool } from "./_lib/pool";
import { keyOf, rankEligible } from "./_lib/rank";
import { ReadOnlyDate } from "./_lib/readOnlyDate";
import {
  type AgentRec,
  agentRecord,
  byId,
  type ClassState,
  type ItemState,
  itemBefore,
  type Ranker,
  type Timer,
} from "./_lib/records";
import { type ResolvedOptions, resolveOptions } from "./_lib/resolveOptions";
import { snapshotOf } from "./_lib/snapshotWriter";
import {
  addLoad,
  CHANNEL_INDEX,
  compileAgent,
  compileRequirements,
  dynamicRejection,
  fairCount,
  fairReopensAt,
  loadPrimary,
  primaryOf,
  primaryValue,
  type Requirements,
  rankLess,
  recomputeLoad,
  rejection,
  staticRejection,
} from "./_lib/state";
import { grown } from "./_lib/typed";
import { parseRoutingAgent, type RoutingAgent, type RoutingAgentInput } from "./agent";
import type { RankingKey } from "./decision";
import type { RejectionCode } from "./eligibility";
import { RoutingError } from "./errors";
import type { Assignment, RoutingEventMap } from "./events";
import { effectiveRequirements } from "./relaxation";
import type {
  CandidateExplanations,
  DispatchOptions,
  DispatchResult,
  QueuedItem,
  Router,
  RouterOptions,
} from "./routerTypes";
import { parseRouterSnapshot, type RouterSnapshot } from "./snapshot";
import { applyTriage } from "./triage";
import { parseWorkItem, type WorkItem, type WorkItemInput, workItemFromTicket } from "./workItem";

const NO_SLOTS = new Int32Array(0);
const ALL_CHANNELS = (1 << CHANNELS.length) - 1;

const parsePresence = createParser(PresenceSchema, "presence");

function isTicket(value: unknown): value is Ticket {
  return typeof value === "object" && value !== null && "requester" in value && "status" in value;
}

/**
 * Creates a router: it holds agents and a priority queue of work items, assigns work with
 * `dispatch(now)`, explains every decision, and emits each change on a core event bus.
 *
 * Queue order is the score `priorityWeights[priority] + vipWeight × vipTier + agingPerMinute × minutes
 * waited`, then creation time, then id. Dispatch is work-conserving: an item nobody can take never blocks
 * the ones behind it, and after `dispatch(now)` no queued item has an eligible agent with room (except items
 * waiting for their previous agent). Items are filed by requirement class on `enqueue`, and agents are
 * ranked in per-channel orders (least-busy, longest-idle) or per-class heaps (best-skill-match), so a
 * decision does not scan every agent.
 *
 * @param options - strategy, load measure, weights, fair limit, sticky wait, shifts, triage, event bus
 * @returns a new, empty router
 * @throws ValidationError (code `VALIDATION`) when an option is invalid (e.g. `custom` without `score`)
 * @example
 * ```ts
 * const router = createRouter({ strategy: "least-busy" });
 * router.upsertAgent({ id: "a1", name: "Mia", languages: ["de"], capacity: { email: 2 }, presence: "online" });
 * router.enqueue({ id: "t1", channel: "email", language: "de-AT", createdAt: "2026-03-02T08:00:00Z" });
 * router.dispatch("2026-03-02T08:01:00Z").assignments[0]?.agentId; //=> "a1"
 * ```
 */
export function createRouter<Events extends RoutingEventMap = RoutingEventMap>(
  options: RouterOptions<Events> = {},
): Router<Events> {
  return createTunedRouter(options, DEFAULT_SCAN_LIMIT);
}

/**
 * Classes with at most this many candidates scan them instead of using the ranking structure; -1 lets
 * the channel-order strategies choose per class (see `bestInOrder`). Measured for best-skill-match: the
 * heap wins even for small classes, because agents found full are parked out of it instead of re-checked.
 */
const DEFAULT_SCAN_LIMIT = -1;

/**
 * {@link createRouter} with the scan threshold exposed, so tests can drive both paths (0: always the
 * order or heap; 64: scan every small class). With `audit`, every state-changing call ends with a check
 * of the internal caches (hot table, slot tables, channel orders, class memberships) against a
 * recomputation from the agents, throwing on any difference. Internal.
 */
export function createTunedRouter<Events extends RoutingEventMap = RoutingEventMap>(
  options: RouterOptions<Events>,
  scanLimit: number,
  audit = false,
): Router<Events> {
  const opts: ResolvedOptions = resolveOptions(options, "router");
  const bus: EventBus<Events> = options.events ?? createEventBus<Events>();
  // Every routing event type is a key of Events, so emitting through the narrower view is sound.
  const events = bus as unknown as EventBus<RoutingEventMap>;
  const triage = options.triage;
  // least-busy and longest-idle rank agents by a key that does not depend on the item: they use the
  // channel orders. best-skill-match's key depends on the class's skills: it keeps a heap per ranker.
  const ordered = opts.strategy === "least-busy" || opts.strategy === "longest-idle";
  const usesPool = opts.strategy === "best-skill-match";
  /** Whether assignments by the strategy can take `assignBySlot` (per agent: no capacity units). */
  const bySlot =
    ordered &&
    opts.fairMax === Number.POSITIVE_INFINITY &&
    !(opts.strategy === "least-busy" && opts.loadMeasure === "count");

  let agents = new Map<string, AgentRec>();
  /**
   * Every queued or assigned item by id, in one map: an assignment then changes the item's record in
   * place instead of moving it between two maps (two hash updates per assignment on the hot path).
   */
  let tracked = new Map<string, ItemState>();
  let queuedCount = 0;
  let classes = new Map<string, ClassState>();
  /** Classes by number (`ClassState.num`). */
  let classList: ClassState[] = [];
  // What the dispatch pass reads of a class on every assignment, in tables by class number: reaching the
  // class object (and from it the candidates' bit set) cost a cache miss per step. The class's channel, its
  // number of candidates, its ranker's bit-set region, and the pass that last examined it.
  let classChannel = new Uint8Array(64);
  let classCount = new Int32Array(64);
  let classRegion = new Int32Array(64);
  let classSeen = new Int32Array(64);
  const bitPool = new BitPool();
  /** Queue-order keys of the queued items, and each row's item. */
  const store = new ItemStore();
  let rowItem: ItemState[] = [];
  /** Rankers by key: channel, ranking skills (best-skill-match), candidate serials. */
  let rankers = new Map<string, Ranker>();
  let refreshNo = 0;
  let nextSerial = 0;
  let pending: ItemState[] = [];
  let dirty: ClassState[] = [];
  let timers = new Heap<Timer>((a, b) => a.at < b.at);
  let cursor: string | null = null;
  let lastNow = Number.NEGATIVE_INFINITY;
  const agentIndex = new AgentIndex();

  // The hot table: per agent slot, a copy of what ranking reads (stamp, room per channel, least-busy
  // primary per channel, last assignment) in flat typed arrays. Agent objects are scattered in memory;
  // the heaps meet a stale entry about once per class an agent serves and the channel orders compare
  // keys on every move, so reading these rows instead of the objects avoids a cache miss each.
  // Invariant: a row equals its agent's state whenever `hotStamp[slot] === agent.stamp`, and every change
  // to those fields is followed by `bump` (or, on the assignment path, by writing the row directly).
  const CH = CHANNELS.length;
  const leastBusy = opts.strategy === "least-busy";
  const keepPrimary = opts.strategy === "best-skill-match";
  let hotStamp = new Float64Array(0);
  let hotIdle = new Float64Array(0);
  let hotRoom = new Uint8Array(0);
  let hotPrimary = new Float64Array(0);
  /** 1 when the agent has a shift, so its eligibility needs more than the room flag. */
  let hotShift = new Uint8Array(0);
  let freeSlots: number[] = [];
  let nextSlot = 0;
  /** The agent in each slot. */
  let slotAgent: AgentRec[] = [];
  // The numbers an assignment reads and writes, in flat tables by slot (per channel for the `t*` rows):
  // an agent's `load`, `capacity` and `routed` are views into them (see `bindRows`), and `touch` copies
  // its scalar fields in. The assignment path then updates these tables only (the agent object catches
  // up later, see `behind`): agent objects are scattered in memory, the tables stay in cache.
  let tLoad = new Float64Array(0);
  let tCap = new Float64Array(0);
  let tRouted = new Float64Array(0);
  let tTotal = new Float64Array(0);
  let tUnits = new Float64Array(0);
  let tUnitCap = new Float64Array(0);
  const slotId: string[] = [];
  // Agents whose objects lag their table rows in `totalLoad`, `usedUnits`, `stamp` and `lastAssignedAt`:
  // `assignBySlot` writes only the tables, and `catchUp` copies the rows back once per agent before
  // anything reads those fields (every public call, and each slower path of a dispatch). A drain then
  // writes each agent object once instead of once per assignment: those stores were a cache miss each.
  let behind: number[] = [];
  let isBehind = new Uint8Array(0);
  // The same for item records, but settled lazily: `assignBySlot` reads an item's id, weight and relaxed flag
  // from its store row and neither reads nor writes the record, nor frees the row (reaching the record
  // through `rowItem` was a cache miss on the critical path of every assignment). The row stays the item's,
  // with `lagCell` (its agent's table cell, slot · CH + channel, -1 when not lagging) and `lagAt` (when it
  // was assigned), until the record is next needed: a lookup by id (`release`, `cancel`, `assigneeOf`)
  // settles that one record (`settleItem`), where the lookup misses the cache anyway; a call that walks
  // every record (a snapshot, the queue, removing an agent) settles them all first (`settleItems`).
  // Writing each record back at the end of the dispatch instead cost about a tenth of a drain.
  // `lagging` lists the rows. A row settled by itself stays listed, with `lagCell` -1, until a sweep or a
  // compaction (`trimLagging`, once at most half of the entries still lag); a row reused and assigned again
  // meanwhile is listed twice, and the compaction drops the copy (`lagSeen`). The assignment path only
  // appends: a check for an entry already there was one more read at a scattered place per item.
  let lagging: number[] = [];
  let lagCell = new Int32Array(64).fill(-1);
  let lagAt = new Float64Array(64);
  let lagSeen = new Uint8Array(64);
  let laggingNow = 0;
  // The instant of the running dispatch as a read-only Date, shared by every assignment it makes and by
  // each ranking key whose agent was last assigned at that instant (see `ReadOnlyDate`).
  let dispatchAt: Date = new ReadOnlyDate(0);
  let dispatchMs = 0;

  function catchUp(): void {
    const list = behind;
    behind = [];
    for (let i = 0; i < list.length; i++) {
      const s = list[i] as number;
      isBehind[s] = 0;
      const agent = slotAgent[s] as AgentRec;
      agent.totalLoad = tTotal[s] as number;
      agent.usedUnits = tUnits[s] as number;
      agent.stamp = hotStamp[s] as number;
      agent.lastAssignedAt = hotIdle[s] as number;
    }
  }

  /** Settles every lagging item record (see `lagging`). */
  function settleItems(): void {
    if (lagging.length === 0) return;
    const rows = lagging;
    lagging = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      if ((lagCell[row] as number) >= 0) settleRow(row);
    }
  }

  /** Drops the entries of `lagging` settled one by one, and copies, once they are at least half of it. */
  function trimLagging(): void {
    if (lagging.length < 1024 || lagging.length < 2 * laggingNow) return;
    const kept: number[] = [];
    for (const row of lagging) {
      if ((lagCell[row] as number) < 0 || lagSeen[row] === 1) continue;
      lagSeen[row] = 1;
      kept.push(row);
    }
    for (const row of kept) lagSeen[row] = 0;
    lagging = kept;
    if (audit && (kept.length !== laggingNow || new Set(kept).size !== kept.length))
      throw new Error("router cache out of sync: compacted list of lagging rows");
  }

  /** Settles `state`'s record if it lags (see `lagging`), and returns it. */
  function settleItem(state: ItemState): ItemState {
    const row = state.slot;
    if (row >= 0 && (lagCell[row] as number) >= 0 && rowItem[row] === state) settleRow(row);
    return state;
  }

  /** Marks the lagging record of `row` assigned and frees the row. */
  function settleRow(row: number): void {
    const state = rowItem[row] as ItemState;
    const cell = lagCell[row] as number;
    lagCell[row] = -1;
    laggingNow--;
    rowItem[row] = undefined as unknown as ItemState;
    store.release(row);
    state.slot = -1;
    state.live = false;
    state.cls = null;
    // The slot is still this agent's: removing an agent settles every record first.
    state.agentId = slotId[Math.floor(cell / CH)] as string;
    state.channel = cell % CH;
    state.assignedAt = lagAt[row] as number;
  }

  /** The record of a tracked item by id, settled (see `lagging`). */
  function trackedItem(itemId: string): ItemState | undefined {
    const state = tracked.get(itemId);
    return state === undefined ? undefined : settleItem(state);
  }

  // The channel orders (see AgentOrder): per channel, the agents with room there, not parked, by key.
  // Invariant: an agent not marked `unsorted` is listed in order c exactly when `hotRoom` says it has
  // room on c and `parked` is 0, under its current key (hotPrimary, hotIdle).
  const rank = { values: new Float64Array(0) };
  /** Set when agents were added: `rank` is recomputed (ids sorted) before the orders are next used. */
  let rankStale = false;
  const orders: AgentOrder[] = CHANNELS.map(() => new AgentOrder(rank));
  /** Per slot: 1 when a shift or fair-limit check failed; out of every order until a refresh. */
  let parked = new Uint8Array(0);
  /** Agents whose places in the orders are re-checked before the orders are next used. */
  let unsorted: AgentRec[] = [];
  /** Agents refreshed since the last pass, their channels in `wakeOn` (channel-order strategies). */
  let refreshed: AgentRec[] = [];

  function allocSlot(): number {
    const reused = freeSlots.pop();
    if (reused !== undefined) return reused;
    if (nextSlot >= hotStamp.length) {
      const size = Math.max(64, hotStamp.length * 2);
      hotStamp = grown(hotStamp, size);
      hotIdle = grown(hotIdle, size);
      hotRoom = grown(hotRoom, size * CH);
      hotPrimary = grown(hotPrimary, size * CH);
      hotShift = grown(hotShift, size);
      parked = grown(parked, size);
      rank.values = grown(rank.values, size);
      tLoad = grown(tLoad, size * CH);
      tCap = grown(tCap, size * CH);
      tRouted = grown(tRouted, size * CH);
      tTotal = grown(tTotal, size);
      tUnits = grown(tUnits, size);
      tUnitCap = grown(tUnitCap, size);
      isBehind = grown(isBehind, size);
      for (const order of orders) order.ensure(size);
      bitPool.resize(size);
      // The views of the bound agents still point into the old tables.
      for (const agent of agents.values()) if (agent.slot >= 0 && agent.slot < nextSlot) bindRows(agent);
    }
    return nextSlot++;
  }

  /** Moves an agent's per-channel rows into the tables and makes them views of its table rows. */
  function bindRows(agent: AgentRec): void {
    const from = agent.slot * CH;
    const load = tLoad.subarray(from, from + CH);
    const capacity = tCap.subarray(from, from + CH);
    const routed = tRouted.subarray(from, from + CH);
    for (let c = 0; c < CH; c++) {
      load[c] = agent.load[c] as number;
      capacity[c] = agent.capacity[c] as number;
      routed[c] = agent.routed[c] as number;
    }
    agent.load = load;
    agent.capacity = capacity;
    agent.routed = routed;
  }

  /** Copies an agent's ranking and room state into its hot-table row. */
  function touch(agent: AgentRec): void {
    const s = agent.slot;
    slotAgent[s] = agent;
    slotId[s] = agent.id;
    tTotal[s] = agent.totalLoad;
    tUnits[s] = agent.usedUnits;
    tUnitCap[s] = agent.unitCapacity;
    hotStamp[s] = agent.stamp;
    hotIdle[s] = agent.lastAssignedAt;
    hotShift[s] = agent.shift === undefined ? 0 : 1;
    for (let c = 0; c < CH; c++) {
      hotRoom[s * CH + c] =
        agent.online &&
        (agent.load[c] as number) < (agent.capacity[c] as number) &&
        agent.usedUnits + (opts.units[c] as number) <= agent.unitCapacity
          ? 1
          : 0;
      hotPrimary[s * CH + c] = leastBusy ? loadPrimary(agent, c, opts) : 0;
    }
  }

  /** Marks a change of the agent's ranking or eligibility: new stamp, fresh hot-table row. */
  function bump(agent: AgentRec): void {
    agent.stamp++;
    touch(agent);
    if (ordered && !agent.unsorted) {
      agent.unsorted = true;
      unsorted.push(agent);
    }
  }

  // ---- channel orders (least-busy, longest-idle) ------------------------------------------------

  /** Puts a (live) agent in exactly the orders where it belongs, under its current key. */
  function reposition(agent: AgentRec): void {
    repositionSlot(agent.slot);
  }

  function repositionSlot(s: number): void {
    const idle = hotIdle[s] as number;
    const out = parked[s] === 1;
    for (let c = 0; c < CH; c++) {
      const order = orders[c] as AgentOrder;
      const want = !out && hotRoom[s * CH + c] === 1;
      if (order.has[s] === 1) {
        if (want) order.move(s, hotPrimary[s * CH + c] as number, idle);
        else order.remove(s);
      } else if (want) order.insert(s, hotPrimary[s * CH + c] as number, idle);
    }
  }

  /** Takes an agent out of every order (it left, or is about to leave, the router). */
  function unlist(agent: AgentRec): void {
    for (const order of orders) if (order.has[agent.slot] === 1) order.remove(agent.slot);
  }

  /** Empties the orders and unparks every agent; the agents are listed again from scratch. */
  function resetOrders(): void {
    for (const order of orders) order.clear();
    parked.fill(0);
    rankStale = true;
    unsorted = [];
    for (const agent of agents.values()) {
      agent.unsorted = ordered;
      if (ordered) unsorted.push(agent);
    }
  }

  /** Brings the orders up to date: id ranks, then the agents marked `unsorted`. */
  function syncOrders(): void {
    if (rankStale) {
      // Ranks only ever change together with an id's neighbours, so listed agents keep their order.
      const live = [...agents.values()].sort(byId);
      for (let i = 0; i < live.length; i++) rank.values[(live[i] as AgentRec).slot] = i;
      rankStale = false;
    }
    if (unsorted.length === 0) return;
    const list = unsorted;
    unsorted = [];
    if (list.length * 4 > agents.size) {
      // Many changes (a restore, the first dispatch): sorting everything is cheaper than one by one.
      for (const agent of list) agent.unsorted = false;
      for (let c = 0; c < CH; c++) {
        const order = orders[c] as AgentOrder;
        const members: number[] = [];
        for (const agent of agents.values()) {
          const s = agent.slot;
          if (parked[s] === 1 || hotRoom[s * CH + c] === 0) continue;
          order.write(s, hotPrimary[s * CH + c] as number, hotIdle[s] as number);
          members.push(s);
        }
        order.fill(members);
      }
      return;
    }
    for (const agent of list) {
      agent.unsorted = false;
      if (agents.get(agent.id) === agent) reposition(agent);
    }
  }

  /**
   * The best agent of `cls` by the channel order: its first member there that passes the checks the
   * order does not cover (shift, fair limit). A small class scans its own candidates instead, when that is
   * cheaper than walking past the non-members of a long order.
   */
  function bestInOrder(cls: ClassState, now: number, nowDate: Date): AgentRec | null {
    const s = bestSlotInOrder(cls.num, now, nowDate);
    return s < 0 ? null : (slotAgent[s] as AgentRec);
  }

  /** {@link bestInOrder} as a slot, -1 for none. */
  function bestSlotInOrder(num: number, now: number, nowDate: Date): number {
    if (unsorted.length > 0 || rankStale) syncOrders();
    const channel = classChannel[num] as number;
    const order = orders[channel] as AgentOrder;
    const n = classCount[num] as number;
    const byCands = scanLimit < 0 ? n * n * 3 <= order.size : n <= scanLimit;
    const slow = opts.fairMax !== Number.POSITIVE_INFINITY;
    for (;;) {
      let best = -1;
      if (byCands) {
        const cands = (classList[num] as ClassState).rk.slots;
        const has = order.has;
        for (let i = 0; i < cands.length; i++) {
          const s = cands[i] as number;
          if (has[s] !== 1) continue;
          if (best >= 0) {
            // Candidates are by id, so on a tie of primary and idle the earlier one stays best.
            const p = order.primary[s] as number;
            const bp = order.primary[best] as number;
            if (p > bp || (p === bp && (order.idle[s] as number) >= (order.idle[best] as number))) continue;
          }
          best = s;
        }
      } else {
        best = order.firstOf(bitPool.data, (classRegion[num] as number) * bitPool.words);
      }
      if (best < 0) return -1;
      if (!slow && hotShift[best] === 0) return best;
      if (behind.length > 0) catchUp();
      const agent = slotAgent[best] as AgentRec;
      const code = dynamicRejection(agent, channel, now, nowDate, opts);
      if (code === null) return best;
      // Shift closed or fair limit reached: out of every order until a refresh or a timer wakes it.
      parked[best] = 1;
      unlist(agent);
      scheduleAgentWake(agent, code, now, nowDate);
    }
  }

  // ---- agents -------------------------------------------------------------------------------------

  /**
   * Something that can improve an agent's rank or eligibility happened (release, online, upsert, a timer).
   * The agent's classes are marked for the next dispatch; their heaps re-key it lazily on the next visit,
   * so a release costs O(1) per class rather than a heap update in every class.
   */
  function refresh(agent: AgentRec, only = -1): void {
    parked[agent.slot] = 0;
    bump(agent);
    if (ordered) {
      // Deferred to the next dispatch pass, which wakes only the classes that can matter (`wakeRefreshed`).
      if (agent.wakeOn === 0) refreshed.push(agent);
      agent.wakeOn |= only < 0 ? ALL_CHANNELS : 1 << only;
      return;
    }
    const mark = ++refreshNo;
    // `only`: the change can matter only to the classes of that channel (see `release`).
    const first = Math.max(only, 0);
    const end = only < 0 ? CH : only + 1;
    for (let c = first; c < end; c++) {
      for (const num of agent.numsOn[c] as number[]) wake(agent, classList[num] as ClassState, mark);
    }
  }

  /**
   * Wakes the classes of the agents refreshed since the last pass (channel-order strategies). Old work (in
   * classes with no new item) can only go to a refreshed agent: anyone else with room would have taken it
   * already. So at most K such items are assigned on a channel, K the refreshed agents' free room there,
   * and an agent's class can only be served if its head is among the agent's K first heads: otherwise K
   * earlier heads, each of which the agent could take, use up that room first. Only those classes are woken.
   * A head waiting for its previous agent takes no room, so then all of the agent's classes are woken.
   */
  function wakeRefreshed(): void {
    if (refreshed.length === 0) return;
    if (behind.length > 0) catchUp();
    if (unsorted.length > 0 || rankStale) syncOrders();
    const list = refreshed;
    refreshed = [];
    const headOf = store.headOf;
    if (list.length * 4 > agents.size) {
      // Many agents at once (a restore, the morning start): waking every class with work is cheaper.
      for (const agent of list) agent.wakeOn = 0;
      for (const cls of classList) if ((headOf[cls.num] as number) >= 0) markDirty(cls);
      return;
    }
    const room = new Float64Array(CH);
    for (const agent of list) {
      if (agents.get(agent.id) !== agent) continue;
      const s = agent.slot;
      for (let c = 0; c < CH; c++) {
        if ((agent.wakeOn & (1 << c)) !== 0 && (orders[c] as AgentOrder).has[s] === 1)
          room[c] = (room[c] as number) + (tCap[s * CH + c] as number) - (tLoad[s * CH + c] as number);
      }
    }
    const byHead = (a: number, b: number) =>
      store.before(headOf[a] as number, headOf[b] as number) ? -1 : 1;
    for (const agent of list) {
      const mask = agent.wakeOn;
      agent.wakeOn = 0;
      if (agents.get(agent.id) !== agent) continue;
      const s = agent.slot;
      for (let c = 0; c < CH; c++) {
        if ((mask & (1 << c)) === 0 || (orders[c] as AgentOrder).has[s] !== 1) continue;
        const busy: number[] = [];
        let waiting = false;
        for (const num of agent.numsOn[c] as number[]) {
          const head = headOf[num] as number;
          if (head < 0) continue;
          busy.push(num);
          if (store.sticky[head] !== Number.NEGATIVE_INFINITY) waiting = true;
        }
        const k = room[c] as number;
        if (!waiting && busy.length > k) {
          if (k <= 4) {
            // The usual case (a release frees one place): pick the first heads by selection.
            for (let i = 0; i < k; i++) {
              let best = i;
              for (let j = i + 1; j < busy.length; j++)
                if (store.before(headOf[busy[j] as number] as number, headOf[busy[best] as number] as number))
                  best = j;
              const t = busy[i] as number;
              busy[i] = busy[best] as number;
              busy[best] = t;
            }
          } else busy.sort(byHead);
          busy.length = k;
        }
        for (const num of busy) {
          const cls = classList[num] as ClassState;
          if (!cls.wakeAll) {
            if (cls.woken.length >= cls.cands.length) {
              cls.wakeAll = true;
              cls.woken.length = 0;
            } else cls.woken.push(agent);
          }
          markDirty(cls, false);
        }
      }
    }
  }

  /** Marks a class of a refreshed agent for the next dispatch (see `refresh`). */
  function wake(agent: AgentRec, cls: ClassState, mark: number): void {
    const idle = cls.items.size === 0;
    if (!idle && !cls.wakeAll) {
      if (cls.woken.length >= cls.cands.length) {
        cls.wakeAll = true;
        cls.woken.length = 0;
      } else {
        cls.woken.push(agent);
      }
    }
    const rk = usesPool ? cls.rk : null;
    if (rk !== null && rk.pool !== null && !rk.poolStale && rk.mark !== mark) {
      rk.mark = mark;
      if (rk.improved.length >= rk.cands.length) {
        rk.poolStale = true;
        rk.improved.length = 0;
      } else {
        rk.improved.push(agent);
      }
    }
    // A class where nothing waits needs no visit: placing an item there marks it.
    if (!idle) markDirty(cls, false);
  }

  /** Applies pending improvements to a ranker's heap before it is used. */
  function settle(rk: Ranker): void {
    if (rk.poolStale) {
      rebuildPool(rk);
      return;
    }
    if (rk.improved.length === 0) return;
    const pool = rk.pool as Pool;
    const channel = rk.req.channel;
    for (const agent of rk.improved) {
      const index = indexIn(rk, agent);
      if (rk.cands[index] !== agent) continue; // left the class since
      const s = agent.slot;
      const primary = leastBusy
        ? (hotPrimary[s * CH + channel] as number)
        : keepPrimary
          ? primaryValue(agent, rk.req, opts)
          : 0;
      pool.set(index, primary, hotIdle[s] as number, hotStamp[s] as number);
    }
    rk.improved.length = 0;
  }

  /** Whether `agent` is a candidate of `cls` (binary search in its id-sorted candidates). */
  function isMember(cls: ClassState, agent: AgentRec): boolean {
    return cls.cands[indexIn(cls, agent)] === agent;
  }

  function indexIn(list: { readonly cands: readonly AgentRec[] }, agent: AgentRec): number {
    const cands = list.cands;
    let lo = 0;
    let hi = cands.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cands[mid] as AgentRec).id < agent.id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Scratch list of heap members for {@link rebuildPool}. */
  let scratch = new Int32Array(64);

  /** Builds a ranker's heap from scratch, in O(candidates). */
  function rebuildPool(cls: Ranker): void {
    if (!usesPool) return;
    if (cls.cands.length <= scanLimit) {
      // A short candidate list is cheaper to scan than to keep ordered.
      cls.pool = null;
      cls.improved.length = 0;
      cls.poolStale = false;
      return;
    }
    const n = cls.cands.length;
    const pool = cls.pool !== null && cls.pool.heap.length >= n ? cls.pool : new Pool(n);
    // Agents away or without room are left out (parked) at once: a refresh puts them back. Read from the
    // hot table, which is in sync here: every state change is followed by `touch` or `bump` before any
    // heap is rebuilt.
    const channel = cls.req.channel;
    if (scratch.length < n) scratch = new Int32Array(2 * n);
    const members = scratch;
    let count = 0;
    for (let index = 0; index < n; index++) {
      const agent = cls.cands[index] as AgentRec;
      const s = agent.slot;
      pool.slot[index] = s;
      if (hotRoom[s * CH + channel] === 0) continue;
      const primary = leastBusy
        ? (hotPrimary[s * CH + channel] as number)
        : keepPrimary
          ? primaryValue(agent, cls.req, opts)
          : 0;
      pool.write(index, primary, hotIdle[s] as number, hotStamp[s] as number);
      members[count++] = index;
    }
    pool.heapify(members, count);
    cls.pool = pool;
    cls.improved.length = 0;
    cls.poolStale = false;
  }

  function markDirty(cls: ClassState, all = true): void {
    if (all) cls.wakeAll = true;
    if (!cls.dirty) {
      cls.dirty = true;
      dirty.push(cls);
    }
  }

  function belongs(agent: AgentRec, cls: ClassState): boolean {
    return (agent.capacity[cls.req.channel] as number) > 0 && staticRejection(agent, cls.req) === null;
  }

  function join(agent: AgentRec, cls: ClassState): void {
    const next = cls.cands.slice();
    next.splice(indexIn(cls, agent), 0, agent);
    detach(cls);
    attach(cls, next);
    (agent.numsOn[cls.req.channel] as number[]).push(cls.num);
  }

  function leave(agent: AgentRec, cls: ClassState): void {
    const next = cls.cands.filter((other) => other !== agent);
    const list = agent.numsOn[cls.req.channel] as number[];
    const at = list.indexOf(cls.num);
    if (at >= 0) list.splice(at, 1);
    detach(cls);
    attach(cls, next);
  }

  /** Gives `cls` the ranker of `cands` (id-sorted). */
  function attach(cls: ClassState, cands: AgentRec[]): void {
    const rk = rankerFor(cls.req, cands);
    cls.rk = rk;
    cls.cands = rk.cands;
    classRegion[cls.num] = rk.region;
    classCount[cls.num] = rk.cands.length;
  }

  /** The ranker of `cands` (id-sorted) for requirements `req`, created and built when new; counts a user. */
  function rankerFor(req: Requirements, cands: AgentRec[]): Ranker {
    let prefix = `${req.channel}|`;
    if (keepPrimary) {
      const ranked = [...req.rankSkills].sort();
      for (const name of ranked) prefix += `${JSON.stringify(name)},`;
    }
    // Keyed by a hash of the candidates' serials; a hit is compared element by element, and a collision
    // falls back to the full list of serials, so two rankers never mix different candidates.
    let h1 = 0x811c9dc5;
    let h2 = cands.length;
    for (const agent of cands) {
      h1 = Math.imul(h1 ^ agent.serial, 0x01000193);
      h2 = Math.imul(h2 ^ (h2 >>> 15), 0x2c1b3c6d) + agent.serial;
    }
    let key = `${prefix}|#${cands.length}:${h1}:${h2 | 0}`;
    const hit = rankers.get(key);
    if (hit !== undefined && !sameAgents(hit.cands, cands)) {
      key = `${prefix}|=`;
      for (const agent of cands) key += `${agent.serial},`;
    }
    let rk = rankers.get(key);
    if (rk === undefined) {
      let region = -1;
      let slots = NO_SLOTS;
      if (ordered) {
        slots = Int32Array.from(cands, (agent) => agent.slot);
        region = bitPool.alloc();
        for (const agent of cands) bitPool.add(region, agent.slot);
      }
      rk = { key, req, cands, region, slots, pool: null, improved: [], poolStale: false, mark: -1, users: 0 };
      rankers.set(key, rk);
      rebuildPool(rk);
    }
    rk.users++;
    return rk;
  }

  function sameAgents(a: readonly AgentRec[], b: readonly AgentRec[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function detach(cls: ClassState): void {
    const rk = cls.rk;
    if (--rk.users > 0) return;
    if (rankers.get(rk.key) === rk) rankers.delete(rk.key);
    if (rk.region >= 0) bitPool.release(rk.region);
  }

  function scheduleAgentWake(agent: AgentRec, code: RejectionCode, now: number, nowDate: Date): void {
    let at = Number.POSITIVE_INFINITY;
    if (code === "shift" && agent.shift !== undefined) {
      at = Math.max(agent.shift.nextOpen(nowDate).getTime(), now + 1);
    } else if (code === "fair-limit") {
      at = fairReopensAt(agent, now, opts);
    }
    if (!Number.isFinite(at)) return;
    if (agent.wakeAt > now && agent.wakeAt <= at) return;
    agent.wakeAt = at;
    timers.push({ at, item: null, agent });
  }

  function upsertAgent(input: RoutingAgentInput): RoutingAgent {
    const parsed = parseRoutingAgent(input);
    const fresh = compileAgent(parsed, opts);
    let agent = agents.get(parsed.id);
    if (agent === undefined) {
      agent = agentRecord(fresh, allocSlot(), nextSerial++);
      agents.set(agent.id, agent);
      rankStale = true;
      touch(agent);
    } else {
      agentIndex.update(agent, false);
      for (const num of agent.numsOn.flat()) leave(agent, classList[num] as ClassState);
      const keepIdle = parsed.lastAssignedAt === undefined ? agent.lastAssignedAt : fresh.lastAssignedAt;
      Object.assign(agent, fresh, { lastAssignedAt: keepIdle, recent: agent.recent });
    }
    agent.load = agent.baseLoad.map((base, c) => base + (agent.routed[c] as number));
    recomputeLoad(agent, opts);
    bindRows(agent);
    touch(agent); // the heaps rebuilt by `join` below read the hot table
    agent.wakeAt = Number.POSITIVE_INFINITY;
    agentIndex.update(agent, true);
    for (const cls of classes.values()) if (belongs(agent, cls)) join(agent, cls);
    refresh(agent);
    events.emit("routing.agent.upserted", { agentId: agent.id });
    return agentOut(agent);
  }

  function agentOut(agent: AgentRec): RoutingAgent {
    const out: RoutingAgent = { ...agent.agent };
    if (Number.isFinite(agent.lastAssignedAt)) out.lastAssignedAt = new Date(agent.lastAssignedAt);
    else delete out.lastAssignedAt;
    return out;
  }

  function requireAgent(agentId: string): AgentRec {
    const agent = agents.get(agentId);
    if (agent === undefined) throw new RoutingError("UNKNOWN_AGENT", `No agent "${agentId}" in this router`);
    return agent;
  }

  function removeAgent(agentId: string): string[] {
    const agent = requireAgent(agentId);
    for (const num of agent.numsOn.flat()) leave(agent, classList[num] as ClassState);
    agentIndex.update(agent, false);
    agents.delete(agentId);
    unlist(agent);
    parked[agent.slot] = 0;
    bump(agent);
    freeSlots.push(agent.slot);
    // A scan rather than a per-agent set: removing an agent is rare, and assignment is the hot path.
    const requeued: string[] = [];
    settleItems();
    for (const [itemId, rec] of tracked) if (rec.agentId === agentId) requeued.push(itemId);
    requeued.sort();
    for (const itemId of requeued) {
      const rec = tracked.get(itemId) as ItemState;
      addItem(rec.item);
      events.emit("routing.requeued", { itemId, fromAgentId: agentId });
    }
    events.emit("routing.agent.removed", { agentId, requeued });
    return requeued;
  }

  function setPresence(agentId: string, presence: Presence): void {
    const agent = requireAgent(agentId);
    const to = parsePresence(presence);
    const from = agent.agent.presence;
    agent.agent = { ...agent.agent, presence: to };
    agent.online = to === "online";
    if (agent.online) refresh(agent);
    else bump(agent);
    events.emit("routing.agent.presence", { agentId, from, to });
  }

  // ---- items --------------------------------------------------------------------------------------

  /**
   * Starts tracking a queued item. It is placed in its requirement class at once (at the router's last
   * instant, or its creation when later), so that a dispatch only assigns; relaxation steps that are due
   * by the dispatch instant fire from the timer heap then. `defer` leaves it for the next dispatch to
   * place (used while a restore rebuilds the classes).
   */
  function addItem(item: WorkItem, defer = false): ItemState {
    const created = item.createdAt.getTime();
    const weight = opts.priorityWeights[item.priority] + opts.vipWeight * item.vipTier;
    const base = weight * 60_000 - opts.agingPerMinute * created;
    const stickyUntil =
      item.previousAgentId === undefined
        ? Number.NEGATIVE_INFINITY
        : created + (item.stickyWaitMs ?? opts.stickyWaitMs);
    const slot = store.alloc(item.id, base, created, weight, stickyUntil);
    const state: ItemState = {
      item,
      slot,
      id: item.id,
      created,
      base,
      weight,
      relaxed: false,
      cls: null,
      timerAt: Number.POSITIVE_INFINITY,
      stickyUntil,
      waiting: false,
      live: true,
      agentId: null,
      channel: -1,
      assignedAt: 0,
    };
    rowItem[slot] = state;
    tracked.set(item.id, state);
    queuedCount++;
    if (defer) pending.push(state);
    else place(state, Math.max(lastNow, created));
    return state;
  }

  function enqueue(input: WorkItemInput): WorkItem {
    let item = parseWorkItem(input);
    if (tracked.has(item.id)) {
      throw new RoutingError("DUPLICATE_ITEM", `Work item "${item.id}" is already queued or assigned`);
    }
    if (triage !== undefined) item = applyTriage(item, triage, triage.as ?? "required");
    addItem(item);
    events.emit("routing.enqueued", { itemId: item.id, item });
    return item;
  }

  function cancel(itemId: string): WorkItem {
    const state = trackedItem(itemId);
    if (state === undefined || !state.live)
      throw new RoutingError("UNKNOWN_ITEM", `No queued work item "${itemId}"`);
    unlinkItem(state);
    events.emit("routing.cancelled", { itemId });
    return state.item;
  }

  function unlinkItem(state: ItemState): void {
    tracked.delete(state.id);
    queuedCount--;
    state.live = false;
    if (state.cls !== null) state.cls.items.remove(state.slot);
    else pending = pending.filter((other) => other !== state);
    state.cls = null;
    freeRow(state);
  }

  /** Queued items in queue order. */
  function queuedStates(): ItemState[] {
    settleItems();
    const out: ItemState[] = [];
    for (const state of tracked.values()) if (state.live) out.push(state);
    return out.sort((a, b) => (itemBefore(a, b) ? -1 : 1));
  }

  /** The record of an item restored as assigned (it holds no queue row). */
  function heldState(item: WorkItem, agentId: string, channel: number, at: number): ItemState {
    return {
      item,
      slot: -1,
      id: item.id,
      created: item.createdAt.getTime(),
      base: 0,
      weight: 0,
      relaxed: false,
      cls: null,
      timerAt: Number.POSITIVE_INFINITY,
      stickyUntil: Number.NEGATIVE_INFINITY,
      waiting: false,
      live: false,
      agentId,
      channel,
      assignedAt: at,
    };
  }

  /** The item left the queue for good: its row is reused. */
  function freeRow(state: ItemState): void {
    store.release(state.slot);
    if (rowItem[state.slot] === state) rowItem[state.slot] = undefined as unknown as ItemState;
    state.slot = -1;
  }

  function release(itemId: string): { itemId: string; agentId: string } {
    const rec = trackedItem(itemId);
    if (rec === undefined || rec.agentId === null)
      throw new RoutingError("UNKNOWN_ITEM", `No assigned work item "${itemId}"`);
    tracked.delete(itemId);
    const agent = agents.get(rec.agentId);
    if (agent !== undefined) {
      agent.routed[rec.channel] = (agent.routed[rec.channel] as number) - 1;
      addLoad(agent, rec.channel, -1, opts);
      // Freed room and a better rank exist only on the released channel, unless capacity units are
      // shared across channels, or the ranking (the `count` measure, a custom score) reads every channel.
      // Elsewhere the agent's heap entries just turn stale with an unchanged key, which is harmless.
      const narrow =
        agent.unitCapacity === Number.POSITIVE_INFINITY &&
        opts.strategy !== "custom" &&
        !(leastBusy && opts.loadMeasure === "count");
      refresh(agent, narrow ? rec.channel : -1);
    }
    events.emit("routing.released", { itemId, agentId: rec.agentId });
    return { itemId, agentId: rec.agentId };
  }

  // ---- classes and placement ----------------------------------------------------------------------

  function classFor(req: Requirements): ClassState {
    let cls = classes.get(req.key);
    if (cls !== undefined) return cls;
    const rk = rankerFor(req, agentIndex.membersOf(req, agents));
    const num = classList.length;
    if (num >= classSeen.length) {
      classChannel = grown(classChannel, 2 * classSeen.length);
      classCount = grown(classCount, 2 * classSeen.length);
      classRegion = grown(classRegion, 2 * classSeen.length);
      classSeen = grown(classSeen, 2 * classSeen.length);
    }
    classChannel[num] = req.channel;
    classCount[num] = rk.cands.length;
    classRegion[num] = rk.region;
    classSeen[num] = -1;
    cls = {
      key: req.key,
      num,
      req,
      channel: req.channel,
      items: new ItemQueue(store, num),
      cands: rk.cands,
      rk,
      woken: [],
      wakeAll: true,
      dirty: false,
    };
    classes.set(req.key, cls);
    classList.push(cls);
    for (const agent of cls.cands) (agent.numsOn[req.channel] as number[]).push(cls.num);
    return cls;
  }

  function place(state: ItemState, now: number): void {
    const req = compileRequirements(state.item, now);
    state.relaxed = req.relaxed;
    store.relaxed[state.slot] = req.relaxed ? 1 : 0;
    const cls = classFor(req);
    if (state.cls !== cls) {
      if (state.cls !== null) state.cls.items.remove(state.slot);
      state.cls = cls;
      cls.items.push(state.slot);
    }
    markDirty(cls);
    const sticky = state.stickyUntil > now ? state.stickyUntil : Number.POSITIVE_INFINITY;
    const at = Math.min(req.nextChange, sticky);
    state.timerAt = at;
    if (Number.isFinite(at)) timers.push({ at, item: state, agent: null });
  }

  function timerValid(timer: Timer): boolean {
    if (timer.item !== null) return settleItem(timer.item).live && timer.item.timerAt === timer.at;
    const agent = timer.agent as AgentRec;
    return agents.get(agent.id) === agent && agent.wakeAt === timer.at;
  }

  function runTimers(now: number): void {
    for (;;) {
      const timer = timers.peek();
      if (timer === undefined || timer.at > now) break;
      timers.pop();
      if (!timerValid(timer)) continue;
      if (timer.item !== null) {
        if (timer.item.cls !== null) place(timer.item, now);
      } else {
        const agent = timer.agent as AgentRec;
        agent.wakeAt = Number.POSITIVE_INFINITY;
        refresh(agent);
      }
    }
  }

  function nextWakeAt(): Date | null {
    for (;;) {
      const timer = timers.peek();
      if (timer === undefined) return null;
      if (timerValid(timer)) return new Date(timer.at);
      timers.pop();
    }
  }

  /** Rebuilds every index from the agents and items (after restore, or when time goes backwards). */
  function rebuild(now: number): void {
    classes = new Map();
    classList = [];
    // The classes are numbered afresh, so their queue regions are too: space left by the old ones is reused.
    store.clearQueues();
    rankers = new Map();
    bitPool.clear();
    dirty = [];
    timers = new Heap<Timer>((a, b) => a.at < b.at);
    refreshed = [];
    resetOrders(); // parked agents lose their wake-up timers with the heap: unpark them all
    for (const agent of agents.values()) {
      for (const list of agent.numsOn) list.length = 0;
      agent.wakeOn = 0;
      agent.wakeAt = Number.POSITIVE_INFINITY;
      bump(agent);
    }
    const all = queuedStates();
    pending = [];
    for (const state of all) {
      state.cls = null;
      store.pos[state.slot] = -1;
      state.timerAt = Number.POSITIVE_INFINITY;
      place(state, now);
    }
  }

  // ---- choosing an agent --------------------------------------------------------------------------

  function bestOf(cls: ClassState, item: ItemState, now: number, nowDate: Date): AgentRec | null {
    if (ordered) return bestInOrder(cls, now, nowDate);
    const channel = cls.req.channel;
    const rk = cls.rk;
    if (rk.pool !== null) {
      if (rk.poolStale || rk.improved.length > 0) settle(rk);
      const pool = rk.pool;
      const cands = rk.cands;
      const slotOf = pool.slot;
      while (pool.size > 0) {
        const top = pool.heap[0] as number;
        const s = slotOf[top] as number;
        const stamp = hotStamp[s] as number;
        if (pool.stamp[top] !== stamp) {
          // Stale key: the agent was assigned elsewhere (or went away) since. Decided from the hot table.
          if (hotRoom[s * CH + channel] === 0) {
            // Away or no room: parked until a release or presence change refreshes it.
            pool.removeTop();
            continue;
          }
          // best-skill-match's primary only changes on upsert, which rebuilds the heap.
          const primary = leastBusy
            ? (hotPrimary[s * CH + channel] as number)
            : keepPrimary
              ? (pool.primary[top] as number)
              : 0;
          pool.rekeyTop(primary, hotIdle[s] as number, stamp);
          continue;
        }
        const agent = cands[top] as AgentRec;
        const code = dynamicRejection(agent, channel, now, nowDate, opts);
        if (code === null) return agent;
        // Parked until something can make it eligible again (refresh) or a timer wakes it.
        pool.removeTop();
        scheduleAgentWake(agent, code, now, nowDate);
      }
      return null;
    }
    const cands = cls.cands;
    const n = cands.length;
    if (opts.strategy === "round-robin") {
      let start = 0;
      if (cursor !== null) {
        const after = cursor;
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((cands[mid] as AgentRec).id <= after) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      }
      for (let k = 0; k < n; k++) {
        const agent = cands[(start + k) % n] as AgentRec;
        const code = dynamicRejection(agent, channel, now, nowDate, opts);
        if (code === null) return agent;
        scheduleAgentWake(agent, code, now, nowDate);
      }
      return null;
    }
    // custom, or a class small enough to scan: rank every available candidate
    let best: AgentRec | null = null;
    let bestPrimary = 0;
    const custom = opts.strategy === "custom";
    for (const agent of cands) {
      const code = dynamicRejection(agent, channel, now, nowDate, opts);
      if (code !== null) {
        scheduleAgentWake(agent, code, now, nowDate);
        continue;
      }
      const primary = custom
        ? primaryOf(agent, cls.req, item.item, opts).primary
        : primaryValue(agent, cls.req, opts);
      if (
        best === null ||
        rankLess(primary, agent.lastAssignedAt, agent.id, bestPrimary, best.lastAssignedAt, best.id)
      ) {
        best = agent;
        bestPrimary = primary;
      }
    }
    return best;
  }

  /** The human-facing value of a key strategy's primary (higher-is-better measures are stored negated). */
  function displayValue(primary: number): number {
    const flip =
      opts.strategy === "best-skill-match" ||
      (opts.strategy === "least-busy" && opts.loadMeasure === "spare");
    return flip ? -primary : primary;
  }

  function scoreAt(state: { readonly item: WorkItem; readonly created: number }, now: number): number {
    const weight = opts.priorityWeights[state.item.priority] + opts.vipWeight * state.item.vipTier;
    return weight + (opts.agingPerMinute * (now - state.created)) / 60_000;
  }

  function assign(
    state: ItemState,
    agent: AgentRec,
    reason: "sticky" | "strategy",
    mode: "greedy" | "matching",
    now: number,
  ): Assignment {
    if (behind.length > 0) catchUp();
    const cls = state.cls as ClassState;
    const req = cls.req;
    let key = null;
    const s = agent.slot;
    const channel = req.channel;
    if (reason === "strategy") {
      const value =
        opts.strategy === "round-robin" || opts.strategy === "longest-idle"
          ? 0
          : opts.strategy === "custom"
            ? primaryOf(agent, req, state.item, opts).value
            : displayValue(
                leastBusy ? (hotPrimary[s * CH + channel] as number) : primaryValue(agent, req, opts),
              );
      key = keyOf(agent, value, opts, instantAt(agent.lastAssignedAt));
    }
    dequeue(state);
    agent.routed[channel] = (agent.routed[channel] as number) + 1;
    addLoad(agent, channel, 1, opts);
    const improved = now < agent.lastAssignedAt;
    agent.lastAssignedAt = now;
    if (opts.fairMax !== Number.POSITIVE_INFINITY) {
      const from = now - opts.fairWindowMs;
      const recent = agent.recent.filter((t) => t > from);
      let index = recent.length;
      while (index > 0 && (recent[index - 1] as number) > now) index--;
      recent.splice(index, 0, now);
      agent.recent = recent;
    }
    if (ordered) {
      // The new key is known here: re-position at once rather than through the `unsorted` list.
      agent.stamp++;
      touch(agent);
      repositionSlot(s);
    } else bump(agent);
    if (improved) refresh(agent);
    if (reason === "strategy" && opts.strategy === "round-robin") cursor = agent.id;
    state.agentId = agent.id;
    state.channel = channel;
    state.assignedAt = now;
    return announce(state.id, state.created, state.weight, state.relaxed, agent.id, reason, mode, key, now);
  }

  /**
   * {@link assign} by the strategy for the channel-order strategies, when nothing but capacity on one
   * channel limits the agent (no capacity units, no fair limit, not the `count` measure): the same
   * changes, made through the slot tables only: the agent object catches up later (see `catchUp`). `row` is
   * the head of class `num`.
   */
  function assignBySlot(
    num: number,
    row: number,
    s: number,
    mode: "greedy" | "matching",
    now: number,
  ): Assignment {
    const channel = classChannel[num] as number;
    const itemId = store.ids[row] as string;
    const created = store.created[row] as number;
    const weight = store.weight[row] as number;
    const relaxed = store.relaxed[row] === 1;
    const cell = s * CH + channel;
    const agentId = slotId[s] as string;
    const idle = hotIdle[s] as number;
    const key: RankingKey = {
      strategy: opts.strategy,
      value: leastBusy ? displayValue(hotPrimary[cell] as number) : 0,
      lastAssignedAt: instantAt(idle),
      agentId,
    };
    queuePopHead(store, num); // `row` is the class's head
    queuedCount--;
    if (row >= lagCell.length) {
      const size = Math.max(2 * lagCell.length, row + 1);
      const cells = grown(lagCell, size);
      cells.fill(-1, lagCell.length);
      lagCell = cells;
      lagAt = grown(lagAt, size);
      lagSeen = grown(lagSeen, size);
    }
    lagCell[row] = cell;
    lagAt[row] = now;
    laggingNow++;
    lagging.push(row);
    const load = (tLoad[cell] as number) + 1;
    const capacity = tCap[cell] as number;
    tLoad[cell] = load;
    tRouted[cell] = (tRouted[cell] as number) + 1;
    const total = (tTotal[s] as number) + 1;
    tTotal[s] = total;
    const units = (tUnits[s] as number) + (opts.units[channel] as number);
    tUnits[s] = units;
    const stamp = (hotStamp[s] as number) + 1;
    hotStamp[s] = stamp;
    hotIdle[s] = now;
    hotRoom[cell] = load < capacity ? 1 : 0; // online: it was listed
    if (leastBusy) hotPrimary[cell] = opts.loadMeasure === "utilisation" ? load / capacity : load - capacity;
    if (isBehind[s] === 0) {
      isBehind[s] = 1;
      behind.push(s);
    }
    repositionSlot(s);
    if (now < idle) {
      // Time went back: the agent ranks better than before.
      catchUp();
      refresh(slotAgent[s] as AgentRec);
    }
    return announce(itemId, created, weight, relaxed, agentId, "strategy", mode, key, now);
  }

  /** Takes an item being assigned out of the queue. */
  function dequeue(state: ItemState): void {
    (state.cls as ClassState).items.remove(state.slot);
    freeRow(state);
    queuedCount--;
    state.live = false;
    state.cls = null;
  }

  /** A dispatch result's Date for `time` (null when never): the shared one when it is the dispatch instant. */
  function instantAt(time: number): Date | null {
    if (time === dispatchMs) return dispatchAt;
    return Number.isFinite(time) ? new ReadOnlyDate(time) : null;
  }

  /** Builds an assignment from the item's fields (passed in, not read from its record) and emits it. */
  function announce(
    itemId: string,
    created: number,
    weight: number,
    relaxed: boolean,
    agentId: string,
    reason: "sticky" | "strategy",
    mode: "greedy" | "matching",
    key: RankingKey | null,
    now: number,
  ): Assignment {
    const assignment: Assignment = {
      itemId,
      agentId,
      at: dispatchAt,
      reason,
      mode,
      key,
      relaxed,
      waitedMs: now > created ? now - created : 0,
      // scoreAt's formula, from the item's weight (its work item is not read again).
      queueScore: weight + (opts.agingPerMinute * (now - created)) / 60_000,
    };
    events.emit("routing.assigned", assignment);
    return assignment;
  }

  /** Sticky check: the previous agent when eligible, "wait" while only its capacity blocks, else null. */
  function stickyOutcome(state: ItemState, now: number, nowDate: Date): AgentRec | "wait" | null {
    if (state.stickyUntil === Number.NEGATIVE_INFINITY) return null; // no previous agent (see addItem)
    if (behind.length > 0) catchUp();
    const previousId = state.item.previousAgentId as string;
    const previous = agents.get(previousId);
    if (previous === undefined) return null;
    const code = rejection(previous, (state.cls as ClassState).req, now, nowDate, opts);
    if (code === null) return previous;
    if (code === "capacity" && now < state.stickyUntil) return "wait";
    return null;
  }

  // ---- dispatch -----------------------------------------------------------------------------------

  let passNo = 0;

  function hasRoomNow(agent: AgentRec, cls: ClassState): boolean {
    const channel = cls.channel;
    if (ordered) {
      // Listed in the channel order means online, with room and not parked; the bit set is membership.
      // Both are slot tables, so the check reads no agent object.
      if (unsorted.length > 0 || rankStale) syncOrders();
      const s = agent.slot;
      return (orders[channel] as AgentOrder).has[s] === 1 && bitPool.has(classRegion[cls.num] as number, s);
    }
    return (
      agent.online &&
      isMember(cls, agent) &&
      (agent.load[channel] as number) < (agent.capacity[channel] as number) &&
      agent.usedUnits + (opts.units[channel] as number) <= agent.unitCapacity
    );
  }

  function prepare(now: number): void {
    if (now < lastNow) rebuild(now);
    lastNow = now;
    runTimers(now);
    const fresh = pending;
    pending = [];
    for (const state of fresh) if (state.live) place(state, now);
  }

  /** The dispatch pass heap, kept between dispatches so its arrays are allocated once. */
  const pass = new PassHeap(store);

  function greedy(now: number, nowDate: Date, out: Assignment[], mode: "greedy" | "matching"): void {
    // Classes by their head item. A class's head only changes while it is the top, so the top is
    // re-sifted in place rather than popped and pushed back.
    if (ordered) wakeRefreshed();
    pass.clear();
    for (const cls of dirty) {
      cls.dirty = false;
      const head = cls.items.peek();
      if (head >= 0) pass.push(cls.num, head);
    }
    dirty = [];
    const skipped: ItemState[] = [];
    passNo++;
    try {
      servePass(now, nowDate, out, mode, skipped);
    } finally {
      // Also when an event handler threw: items set aside for a sticky wait go back to their queues.
      for (const state of skipped) (state.cls as ClassState).items.push(state.slot);
      catchUp();
    }
  }

  /** Serves the pass heap's classes until every one is empty or blocked (see {@link greedy}). */
  function servePass(
    now: number,
    nowDate: Date,
    out: Assignment[],
    mode: "greedy" | "matching",
    skipped: ItemState[],
  ): void {
    for (;;) {
      const num = pass.peek();
      if (num < 0) break;
      if (classSeen[num] !== passNo) {
        // First look in this pass. When only agents were refreshed since the class was last found
        // blocked, and none of them has room on its channel now, it is still blocked: skip it cheaply.
        classSeen[num] = passNo;
        const cls = classList[num] as ClassState;
        const skip = !cls.wakeAll && !cls.woken.some((agent) => hasRoomNow(agent, cls));
        cls.wakeAll = false;
        cls.woken.length = 0; // on a skip they are all full again; a later refresh re-adds them
        if (skip) {
          pass.pop();
          continue;
        }
      }
      const headRow = store.headOf[num] as number;
      if (headRow < 0) {
        pass.pop();
        continue;
      }
      // Most items have no previous agent: the store says so without reading the item record, which the
      // common path (by slot) never reads.
      const sticky =
        store.sticky[headRow] === Number.NEGATIVE_INFINITY
          ? null
          : stickyOutcome(rowItem[headRow] as ItemState, now, nowDate);
      if (sticky === "wait") {
        const head = rowItem[headRow] as ItemState;
        (classList[num] as ClassState).items.remove(headRow);
        skipped.push(head);
        if (!head.waiting) {
          head.waiting = true;
          events.emit("routing.waiting", {
            itemId: head.id,
            reason: "waiting-for-previous-agent",
            previousAgentId: head.item.previousAgentId as string,
            until: new Date(head.stickyUntil),
          });
        }
      } else if (sticky !== null) {
        out.push(assign(rowItem[headRow] as ItemState, sticky, "sticky", mode, now));
      } else if (bySlot) {
        const s = bestSlotInOrder(num, now, nowDate);
        if (s < 0) {
          pass.pop(); // blocked: nothing in this class can be assigned in this pass
          continue;
        }
        out.push(
          tUnitCap[s] === Number.POSITIVE_INFINITY
            ? assignBySlot(num, headRow, s, mode, now)
            : assign(rowItem[headRow] as ItemState, slotAgent[s] as AgentRec, "strategy", mode, now),
        );
      } else {
        const head = rowItem[headRow] as ItemState;
        const agent = bestOf(classList[num] as ClassState, head, now, nowDate);
        if (agent === null) {
          pass.pop(); // blocked: nothing in this class can be assigned in this pass
          continue;
        }
        out.push(assign(head, agent, "strategy", mode, now));
      }
      const next = store.headOf[num] as number;
      if (next >= 0) pass.replaceTopHead(next);
      else pass.pop();
    }
  }

  /** How many more items `agent` can take on `channel` now (capacity, units and fair limit). */
  function slots(agent: AgentRec, channel: number, now: number): number {
    let free = (agent.capacity[channel] as number) - (agent.load[channel] as number);
    const unit = opts.units[channel] as number;
    if (Number.isFinite(agent.unitCapacity) && unit > 0) {
      free = Math.min(free, Math.floor((agent.unitCapacity - agent.usedUnits) / unit));
    }
    if (opts.fairMax !== Number.POSITIVE_INFINITY)
      free = Math.min(free, opts.fairMax - fairCount(agent, now, opts));
    return Math.max(0, free);
  }

  /**
   * Batch drain: a maximum matching of queued items to free capacity, earlier items first, each item's
   * agents in ranking order. Capacity units and fair limits shared across channels are checked again when
   * the matching is applied, and a greedy pass follows, so no constraint is ever broken.
   */
  function matchingPass(now: number, nowDate: Date, out: Assignment[]): void {
    const queued = queuedStates().filter((state) => state.cls !== null);
    const nodes: { agent: AgentRec; channel: number }[] = [];
    const capacity: number[] = [];
    const nodeIds = new Map<AgentRec, Map<number, number>>();
    const nodeFor = (agent: AgentRec, channel: number): number => {
      let byChannel = nodeIds.get(agent);
      if (byChannel === undefined) {
        byChannel = new Map();
        nodeIds.set(agent, byChannel);
      }
      let id = byChannel.get(channel);
      if (id === undefined) {
        id = nodes.length;
        nodes.push({ agent, channel });
        capacity.push(slots(agent, channel, now));
        byChannel.set(channel, id);
      }
      return id;
    };
    const classChoices = new Map<ClassState, number[]>();
    const stickyOf: (AgentRec | "wait" | null)[] = [];
    const adjacency = queued.map((state, index) => {
      const cls = state.cls as ClassState;
      const sticky = stickyOutcome(state, now, nowDate);
      stickyOf[index] = sticky;
      if (sticky === "wait") return [];
      let choices = classChoices.get(cls);
      if (choices === undefined) {
        const available = cls.cands.filter(
          (agent) => dynamicRejection(agent, cls.req.channel, now, nowDate, opts) === null,
        );
        choices = rankEligible(available, cls.req, state.item, opts, cursor).map(({ agent }) =>
          nodeFor(agent as AgentRec, cls.req.channel),
        );
        classChoices.set(cls, choices);
      }
      if (sticky === null) return choices;
      const first = nodeFor(sticky, cls.req.channel);
      return [first, ...choices.filter((node) => node !== first)];
    });
    const match = maxMatching(adjacency, capacity);
    queued.forEach((state, index) => {
      const node = nodes[match[index] as number];
      if (node === undefined) return;
      // Event handlers run between these assignments and may have changed anything since the matching:
      // cancelled, released or re-queued items, removed agents, presence and capacity. So every pair is
      // checked in full again; one that fails is left to the greedy pass that follows.
      const cls = state.cls;
      if (!state.live || cls === null || agents.get(node.agent.id) !== node.agent) return;
      if (behind.length > 0) catchUp();
      if (rejection(node.agent, cls.req, now, nowDate, opts) !== null) return;
      const reason = stickyOf[index] === node.agent ? "sticky" : "strategy";
      out.push(assign(state, node.agent, reason, "matching", now));
    });
  }

  /** Set while `dispatch` runs: event handlers it calls may not dispatch or restore. */
  let dispatching = false;

  function refuseDuringDispatch(call: string): void {
    if (dispatching) {
      throw new RoutingError(
        "DISPATCH_IN_PROGRESS",
        `${call}() was called from an event handler while a dispatch is running; call it after dispatch() returns`,
      );
    }
  }

  function dispatch(nowInput: InstantInput, dispatchOptions: DispatchOptions = {}): DispatchResult {
    refuseDuringDispatch("dispatch");
    const nowDate = toDate(nowInput, "now");
    const now = nowDate.getTime();
    trimLagging();
    // Shift clocks and other user code get an ordinary Date; only the results share the read-only one.
    dispatchAt = new ReadOnlyDate(now);
    dispatchMs = now;
    dispatching = true;
    try {
      prepare(now);
      const out: Assignment[] = [];
      if (ordered) syncOrders();
      if (dispatchOptions.mode === "matching") {
        matchingPass(now, nowDate, out);
        for (const cls of classes.values()) markDirty(cls);
      }
      greedy(now, nowDate, out, "greedy");
      return { at: dispatchAt, assignments: out, queued: queuedCount, nextWakeAt: nextWakeAt() };
    } catch (error) {
      // An event handler threw. The assignments made so far stand (each was complete before its event);
      // every class is looked at again by the next dispatch, so none is left waiting with agents free.
      for (const cls of classes.values()) markDirty(cls);
      throw error;
    } finally {
      dispatching = false;
    }
  }

  // ---- explanations -------------------------------------------------------------------------------

  function explain(ticket: string | WorkItemInput | Ticket, nowInput?: InstantInput): CandidateExplanations {
    let item: WorkItem;
    if (typeof ticket === "string") {
      const found = trackedItem(ticket)?.item;
      if (found === undefined)
        throw new RoutingError("UNKNOWN_ITEM", `No queued or assigned work item "${ticket}"`);
      item = found;
    } else if (isTicket(ticket)) {
      item = workItemFromTicket(ticket);
    } else {
      item = parseWorkItem(ticket);
    }
    const now = instantOr(nowInput, item);
    const state = { item, created: item.createdAt.getTime() } as ItemState;
    return {
      itemId: item.id,
      at: new Date(now),
      requirements: effectiveRequirements(item, now),
      queueScore: scoreAt(state, now),
      ...explainItem(agents, item, now, opts, cursor),
    };
  }

  function instantOr(nowInput: InstantInput | undefined, item?: WorkItem): number {
    if (nowInput !== undefined) return toDate(nowInput, "now").getTime();
    if (Number.isFinite(lastNow)) return lastNow;
    return item?.createdAt.getTime() ?? 0;
  }

  function queue(nowInput?: InstantInput): QueuedItem[] {
    const now = instantOr(nowInput);
    const rows = queuedStates();
    const cache: OutlookCache = new Map();
    return rows.map((state): QueuedItem => {
      const explained = whyQueued(agents, state.item, now, opts, cursor, cache);
      return {
        item: state.item,
        queueScore: scoreAt(state, now),
        reason:
          explained.reason === "waiting-for-previous-agent" || explained.reason === "no-eligible-agent"
            ? explained.reason
            : "ready",
        waitUntil: explained.waitUntil,
        rejections: explained.reason === "no-eligible-agent" ? explained.rejections : null,
      };
    });
  }

  // ---- snapshot -----------------------------------------------------------------------------------

  function snapshot(): RouterSnapshot {
    const held = [...tracked.values()].filter((rec) => rec.agentId !== null);
    return snapshotOf(agents.values(), queuedStates(), held, cursor, lastNow, opts);
  }

  function restore(input: unknown): void {
    refuseDuringDispatch("restore");
    const data = parseRouterSnapshot(input);
    const nextAgents = new Map<string, AgentRec>();
    for (const row of data.agents) {
      const state = compileAgent(row.agent, opts);
      if (nextAgents.has(state.id)) {
        throw new RoutingError("DUPLICATE_AGENT", `Snapshot lists agent "${state.id}" twice`);
      }
      state.recent = row.recent.map((at) => at.getTime());
      nextAgents.set(state.id, agentRecord(state, -1, nextSerial++));
    }
    const nextAssigned = new Map<string, ItemState>();
    for (const row of data.assignments) {
      const agent = nextAgents.get(row.agentId);
      if (agent === undefined) {
        throw new RoutingError(
          "UNKNOWN_AGENT",
          `Snapshot assigns "${row.item.id}" to unknown agent "${row.agentId}"`,
        );
      }
      const channel = CHANNEL_INDEX.get(row.item.channel) as number;
      agent.routed[channel] = (agent.routed[channel] as number) + 1;
      nextAssigned.set(row.item.id, heldState(row.item, row.agentId, channel, row.at.getTime()));
    }
    for (const agent of nextAgents.values()) {
      agent.load = agent.baseLoad.map((base, c) => base + (agent.routed[c] as number));
      recomputeLoad(agent, opts);
    }
    // Checked before any state changes, so a rejected snapshot leaves the router (and its hot table) intact.
    const seen = new Set<string>();
    for (const item of data.queue) {
      if (seen.has(item.id) || nextAssigned.has(item.id)) {
        throw new RoutingError("DUPLICATE_ITEM", `Snapshot lists work item "${item.id}" twice`);
      }
      seen.add(item.id);
    }
    agents = nextAgents;
    freeSlots = [];
    nextSlot = 0;
    for (const order of orders) order.clear();
    slotAgent = [];
    for (const agent of agents.values()) {
      agent.slot = allocSlot();
      bindRows(agent);
      touch(agent);
    }
    resetOrders();
    tracked = nextAssigned;
    queuedCount = 0;
    agentIndex.clear();
    for (const agent of agents.values()) agentIndex.update(agent, true);
    store.clear();
    rowItem = [];
    pending = [];
    refreshed = [];
    for (const item of data.queue) {
      if (tracked.has(item.id)) {
        throw new RoutingError("DUPLICATE_ITEM", `Snapshot lists work item "${item.id}" twice`);
      }
      addItem(item, true);
    }
    cursor = data.roundRobinCursor;
    lastNow = data.at === null ? Number.NEGATIVE_INFINITY : data.at.getTime();
    classes = new Map();
    classList = [];
    rankers = new Map();
    bitPool.clear();
    dirty = [];
    timers = new Heap<Timer>((a, b) => a.at < b.at);
    if (Number.isFinite(lastNow)) rebuild(lastNow);
    events.emit("routing.restored", {
      agents: agents.size,
      queued: queuedCount,
      assigned: tracked.size - queuedCount,
    });
  }

  // What the audit reads (see `auditRouter`), taken afresh at each check: growing a table replaces it.
  const internals = (): RouterInternals => ({
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
  });

  // Every public call starts with the agent objects current (see `catchUp`): event handlers run during a
  // dispatch and may call back in. The calls that look items up by id settle only those records (see
  // `lagging`); the others settle every record first.
  const current =
    <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) =>
    (...args: A) => {
      if (behind.length > 0) catchUp();
      return fn(...args);
    };
  const settled =
    <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) =>
    (...args: A) => {
      if (behind.length > 0) catchUp();
      settleItems();
      return fn(...args);
    };
  const audited = <A extends unknown[], R>(
    fn: (...args: A) => R,
    wrap: typeof settled = settled,
  ): ((...args: A) => R) => {
    const run = wrap(fn);
    if (!audit) return run;
    return (...args: A) => {
      const result = run(...args);
      auditRouter(internals());
      return result;
    };
  };

  return {
    events: bus,
    upsertAgent: audited(upsertAgent),
    removeAgent: audited(removeAgent),
    setPresence: audited(setPresence),
    enqueue: current(enqueue),
    cancel: current(cancel),
    release: audited(release, current),
    dispatch: audited(dispatch, current),
    nextWakeAt: settled(nextWakeAt),
    queue: settled(queue),
    assigneeOf: current((itemId: string) => trackedItem(itemId)?.agentId ?? null),
    agents: settled(() => [...agents.values()].sort(byId).map(agentOut)),
    explain: current(explain),
    snapshot: settled(snapshot),
    restore: audited(restore),
  };
}
