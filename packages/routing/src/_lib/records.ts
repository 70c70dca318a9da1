// The router's internal records of agents, items, requirement classes and rankers (see `router.ts`).

import { CHANNELS } from "@supportkit/core";
import type { WorkItem } from "../workItem";
import type { ItemQueue } from "./itemQueue";
import type { Pool } from "./pool";
import type { AgentState, Requirements, Row } from "./state";

export interface AgentRec extends AgentState {
  /** Bumped on every change that alters the agent's ranking or eligibility (see `bump`). */
  stamp: number;
  /** Row of the agent in the router's hot table; fixed while the agent exists. */
  slot: number;
  /** Unique for the router's lifetime (never reused), to name candidate lists in ranker keys. */
  serial: number;
  /** Routed load per channel (base load excluded). */
  routed: Row;
  /**
   * The numbers of the classes the agent is a candidate of, per channel index (unordered; arrays, as
   * adding is the hot operation). Per channel, because a release wakes only the released channel's
   * classes; numbers, so that finding the ones with work reads no class object (see `wakeRefreshed`).
   */
  numsOn: number[][];
  /** Channels (bit per channel index) on which the agent was refreshed since the last dispatch pass. */
  wakeOn: number;
  /** Pending wake-up epoch (shift start, fair window); Infinity when none. */
  wakeAt: number;
  /** Listed in `unsorted`: its places in the channel orders are re-checked before the next use. */
  unsorted: boolean;
}

export interface ItemState {
  readonly item: WorkItem;
  /** Row of the item's queue-order key in the router's item store; -1 once it left the queue. */
  slot: number;
  readonly id: string;
  readonly created: number;
  /** Static queue order value: score × 60 000 minus aging × created (exact for integer weights). */
  readonly base: number;
  /** Priority weight plus VIP weight. */
  readonly weight: number;
  /**
   * Whether its requirements were relaxed when last placed. The rest of its requirements are its class's
   * (`cls.req`): sharing them keeps one compiled copy per class rather than one per queued item.
   */
  relaxed: boolean;
  cls: ClassState | null;
  timerAt: number;
  /** End of the sticky wait; -Infinity exactly when the item has no previous agent. */
  readonly stickyUntil: number;
  waiting: boolean;
  /** Queued (in a class queue or pending placement). */
  live: boolean;
  /** While assigned: the agent holding it, its channel index and when it was assigned. */
  agentId: string | null;
  channel: number;
  assignedAt: number;
}

export interface ClassState {
  readonly key: string;
  /** Index in `classList`, the class's number in the dispatch pass. */
  readonly num: number;
  readonly req: Requirements;
  /** `req.channel`, kept on the class itself: the assignment path then reads no requirements object. */
  readonly channel: number;
  readonly items: ItemQueue;
  /** Agents passing the static checks with capacity on the channel, by id; always `rk.cands`. */
  cands: AgentRec[];
  /** The ranking state, shared with every class that has the same candidates and ranking. */
  rk: Ranker;
  /** Agents refreshed since the class was last examined (for a cheap "still blocked" check). */
  woken: AgentRec[];
  /** Something other than an agent refresh happened (new item, relaxation, upsert): examine fully. */
  wakeAll: boolean;
  dirty: boolean;
}

/**
 * The ranking state of one candidate list on one channel (and, for best-skill-match, one set of ranking
 * skills). Classes with identical candidates rank identically, so they share it: an assignment then
 * leaves one stale heap entry per distinct candidate list instead of one per class (in the benchmark,
 * minimum levels 1–3 select the same agents). `cands` is never changed in place; a membership change
 * moves the class to another ranker.
 */
export interface Ranker {
  readonly key: string;
  /** The requirements of the class that created it (channel and ranking skills are what count). */
  readonly req: Requirements;
  /** By id. */
  readonly cands: AgentRec[];
  /** `cands` as a bit set over router slots: its region in the router's `BitPool` (-1 for strategies without channel orders). */
  readonly region: number;
  /** The slots of `cands`, in the same order (for the channel orders; empty for other strategies). */
  readonly slots: Int32Array;
  /** Ranking heap over `cands` for the key strategies. */
  pool: Pool | null;
  /** Agents whose rank may have improved since the last visit; re-keyed when the heap is next used. */
  improved: AgentRec[];
  /** Set when `improved` overflowed: the pool is rebuilt on the next visit instead. */
  poolStale: boolean;
  /** The `refresh` call that last listed an agent in `improved` (one entry per refresh). */
  mark: number;
  /** Classes using it; dropped from the router's map at zero. */
  users: number;
}

export interface Timer {
  readonly at: number;
  readonly item: ItemState | null;
  readonly agent: AgentRec | null;
}

/** Orders records by id, as every listing the router returns is. */
export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Queue order of two item records: score, then creation time, then id. */
export function itemBefore(a: ItemState, b: ItemState): boolean {
  if (a.base !== b.base) return a.base > b.base;
  if (a.created !== b.created) return a.created < b.created;
  return a.id < b.id;
}

/** A new agent record around compiled `state`: nothing routed yet, in no class, in slot `slot`. */
export function agentRecord(state: AgentState, slot: number, serial: number): AgentRec {
  return {
    ...state,
    stamp: 0,
    slot,
    serial,
    routed: CHANNELS.map(() => 0),
    numsOn: CHANNELS.map(() => []),
    wakeOn: 0,
    wakeAt: Number.POSITIVE_INFINITY,
    unsorted: false,
  };
}
