import { instantToWallTime, wallTimeToInstant } from "@supportkit/core";
import { CalendarHorizonError } from "../errors";
import { DAY_MS, dayNumberOfDate } from "./tz";

/**
 * Lazily built index of a calendar's open intervals as UTC instants. Time is cut into fixed UTC chunks of
 * {@link CHUNK_DAYS} days; each chunk holds its merged, clipped open intervals and the cumulative business
 * time at each interval's end. Chunks form one contiguous run whose `base` values are cumulative business
 * time from an arbitrary origin, so any query is a chunk lookup plus two binary searches, whatever the
 * duration. A query far (over ~5 years) from the run starts a fresh run, bounding memory by use.
 */

export const CHUNK_DAYS = 7;
const CHUNK_MS = CHUNK_DAYS * DAY_MS;
/** A query this many chunks away from the cached run drops the run instead of bridging the gap. */
const BRIDGE_CHUNKS = 260;
/** No single operation builds more chunks than this (about 100 years). */
const MAX_SPAN_CHUNKS = Math.ceil((100 * 366) / CHUNK_DAYS);
const MAX_INSTANT = 8.64e15;
/** Room kept at either end of the Date range: two days cover the 3 h slack, a wall day and any offset. */
const EDGE_MS = 2 * 86_400_000;
const MINUTE = 60_000;

/** Minute pairs `[open, close)` of one day, close already past midnight when it wraps. */
export type DayPlan = readonly number[];

export interface CompiledCalendar {
  readonly timeZone: string;
  /** Sunday-first, as `getUTCDay`. */
  readonly weekly: readonly DayPlan[];
  /** Day number → plan replacing the weekly one (holidays, short days, workdays). */
  readonly dated: ReadonlyMap<number, DayPlan>;
  readonly horizonDays: number;
}

interface Chunk {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Business ms from the chunk start to the end of interval `i`. */
  readonly cumEnd: Float64Array;
  readonly total: number;
  /** Business ms from the run origin to the chunk start. */
  base: number;
}

/** Compiles `["HH:MM","HH:MM"]` pairs into minute pairs; a close not after the open runs into the next day. */
export function compileDay(intervals: readonly (readonly [string, string])[]): DayPlan {
  const plan: number[] = [];
  for (const [open, close] of intervals) {
    const start = toMinutes(open);
    let end = toMinutes(close);
    if (end <= start) end += 1440;
    plan.push(start, end);
  }
  return plan;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export { dayNumberOfDate };

const EMPTY = new Float64Array(0);

export class BusinessTimeIndex {
  private readonly cal: CompiledCalendar;
  private chunks: Chunk[] = [];
  /** Chunk number of `chunks[0]`. */
  private lo = 0;
  private readonly horizonChunks: number;
  /**
   * Whether a closed stretch could exceed the horizon. When it cannot (the usual case: weekly hours and
   * holidays that never close more than a few weeks in a row) no check is needed on cached chunks; when it
   * can, `add` re-checks the chunks it skips over so its answer does not depend on what is cached.
   */
  private readonly mayStall: boolean;

  constructor(cal: CompiledCalendar) {
    this.cal = cal;
    this.horizonChunks = Math.ceil(cal.horizonDays / CHUNK_DAYS) + 1;
    this.mayStall = longestClosureBound(cal) >= cal.horizonDays;
  }

  /** Throws when chunks strictly between `from` and `to` (indexes) hold a closed run longer than the horizon. */
  private checkSkipped(from: number, to: number): void {
    if (!this.mayStall) return;
    let empty = 0;
    for (let i = from + 1; i < to; i++) {
      empty = this.chunks[i]!.total === 0 ? empty + 1 : 0;
      if (empty > this.horizonChunks) this.noTime("no business time");
    }
  }

  /** Open intervals of chunk `k`, merged and clipped to the chunk. */
  private build(k: number): Chunk {
    const from = k * CHUNK_MS;
    const to = from + CHUNK_MS;
    // The chunk's wall days, with their slack and zone offsets, must stay representable: Intl throws a
    // RangeError on an instant past ±8.64e15 ms. The last days at either end are out of reach instead.
    if (from < -MAX_INSTANT + EDGE_MS || to > MAX_INSTANT - EDGE_MS) {
      throw new CalendarHorizonError("business-time search left the range of representable dates");
    }
    const { timeZone, weekly, dated } = this.cal;
    // Slack of 3 h covers a fall-back that moves the wall clock across midnight.
    const firstDay = Math.floor((instantToWallTime(timeZone, from) - 3 * 3_600_000) / DAY_MS) - 1;
    const lastDay = Math.floor((instantToWallTime(timeZone, to) + 3 * 3_600_000) / DAY_MS);
    const raw: number[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      const plan = dated.get(day) ?? weekly[(((day + 4) % 7) + 7) % 7]!;
      const wallDay = day * DAY_MS;
      for (let p = 0; p < plan.length; p += 2) {
        const start = wallTimeToInstant(timeZone, wallDay + plan[p]! * MINUTE);
        const end = wallTimeToInstant(timeZone, wallDay + plan[p + 1]! * MINUTE);
        const s = Math.max(start, from);
        const e = Math.min(end, to);
        if (e > s) raw.push(s, e);
      }
    }
    if (raw.length === 0) return { starts: EMPTY, ends: EMPTY, cumEnd: EMPTY, total: 0, base: 0 };
    // Sort pairs by start, then merge overlapping or touching intervals.
    const order: number[] = [];
    for (let i = 0; i < raw.length; i += 2) order.push(i);
    order.sort((a, b) => raw[a]! - raw[b]!);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const i of order) {
      const s = raw[i]!;
      const e = raw[i + 1]!;
      const last = ends.length - 1;
      if (last >= 0 && s <= ends[last]!) {
        if (e > ends[last]!) ends[last] = e;
      } else {
        starts.push(s);
        ends.push(e);
      }
    }
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      total += ends[i]! - starts[i]!;
      cumEnd[i] = total;
    }
    return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumEnd, total, base: 0 };
  }

  private get hi(): number {
    return this.lo + this.chunks.length - 1;
  }

  private extendUp(): Chunk {
    const last = this.chunks[this.chunks.length - 1]!;
    const chunk = this.build(this.lo + this.chunks.length);
    chunk.base = last.base + last.total;
    this.chunks.push(chunk);
    return chunk;
  }

  private extendDown(): Chunk {
    const first = this.chunks[0]!;
    const chunk = this.build(this.lo - 1);
    chunk.base = first.base - chunk.total;
    this.chunks.unshift(chunk);
    this.lo -= 1;
    return chunk;
  }

  /** Index (into `chunks`) of chunk `k`, building what is missing; `evict` allows starting a new run. */
  private ensure(k: number, evict: boolean): number {
    if (this.chunks.length === 0 || (evict && (k < this.lo - BRIDGE_CHUNKS || k > this.hi + BRIDGE_CHUNKS))) {
      this.chunks = [this.build(k)];
      this.lo = k;
      return 0;
    }
    if (Math.max(this.lo - k, k - this.hi) > MAX_SPAN_CHUNKS) this.tooFar();
    while (k > this.hi) this.extendUp();
    while (k < this.lo) this.extendDown();
    return k - this.lo;
  }

  private tooFar(): never {
    throw new CalendarHorizonError("a business-time operation may span at most 100 years");
  }

  private noTime(what: string): never {
    throw new CalendarHorizonError(
      `${what} within the search horizon of ${this.cal.horizonDays} days (searchHorizonDays)`,
    );
  }

  /** Business ms from the run origin to `t`; `t`'s chunk must be in the run. */
  private cumulative(index: number, t: number): number {
    const chunk = this.chunks[index]!;
    const i = lastStartAtOrBefore(chunk.starts, t);
    if (i < 0) return chunk.base;
    const before = i === 0 ? 0 : chunk.cumEnd[i - 1]!;
    const end = chunk.ends[i]!;
    return chunk.base + before + (t < end ? t - chunk.starts[i]! : end - chunk.starts[i]!);
  }

  isOpen(t: number): boolean {
    const index = this.ensure(Math.floor(t / CHUNK_MS), true); // may replace `this.chunks`
    const chunk = this.chunks[index]!;
    const i = lastStartAtOrBefore(chunk.starts, t);
    return i >= 0 && t < chunk.ends[i]!;
  }

  nextOpen(t: number): number {
    let index = this.ensure(Math.floor(t / CHUNK_MS), true);
    let chunk = this.chunks[index]!;
    const i = lastStartAtOrBefore(chunk.starts, t);
    if (i >= 0 && t < chunk.ends[i]!) return t;
    if (i + 1 < chunk.starts.length) return chunk.starts[i + 1]!;
    const startIndex = index;
    let empty = 0;
    for (;;) {
      index += 1;
      chunk = index < this.chunks.length ? this.chunks[index]! : this.extendUp();
      if (chunk.starts.length > 0) return chunk.starts[0]!;
      if (++empty > this.horizonChunks || index - startIndex > MAX_SPAN_CHUNKS) this.noTime("no opening");
    }
  }

  nextClose(t: number): number {
    const open = this.nextOpen(t);
    let index = Math.floor(open / CHUNK_MS) - this.lo;
    let chunk = this.chunks[index]!;
    let end = chunk.ends[lastStartAtOrBefore(chunk.starts, open)]!;
    let spans = 0;
    // An interval cut at a chunk edge continues when the next chunk opens at that same instant.
    while (end === (this.lo + index + 1) * CHUNK_MS) {
      index += 1;
      chunk = index < this.chunks.length ? this.chunks[index]! : this.extendUp();
      if (chunk.starts.length === 0 || chunk.starts[0] !== end) break;
      end = chunk.ends[0]!;
      if (++spans > this.horizonChunks) this.noTime("no closing");
    }
    return end;
  }

  between(a: number, b: number): number {
    const ka = Math.floor(a / CHUNK_MS);
    const kb = Math.floor(b / CHUNK_MS);
    this.ensure(ka, true);
    this.ensure(kb, false);
    return this.cumulative(kb - this.lo, b) - this.cumulative(ka - this.lo, a);
  }

  add(t: number, ms: number): number {
    if (ms === 0) return this.nextOpen(t);
    const kt = Math.floor(t / CHUNK_MS);
    let index = this.ensure(kt, true);
    const goal = this.cumulative(index, t) + ms;
    if (ms > 0) {
      // First chunk whose cumulative end reaches the goal.
      let last = this.chunks[this.chunks.length - 1]!;
      let empty = 0;
      while (last.base + last.total < goal) {
        last = this.extendUp();
        empty = last.total === 0 ? empty + 1 : 0;
        if (empty > this.horizonChunks) this.noTime("no business time");
        if (this.chunks.length - index > MAX_SPAN_CHUNKS) this.tooFar();
      }
      let lo = index;
      let hi = this.chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = this.chunks[mid]!;
        if (c.base + c.total >= goal) hi = mid;
        else lo = mid + 1;
      }
      this.checkSkipped(index, lo);
      const chunk = this.chunks[lo]!;
      const rest = goal - chunk.base;
      const i = firstAtLeast(chunk.cumEnd, rest);
      return chunk.ends[i]! - (chunk.cumEnd[i]! - rest);
    }
    // Going back: last chunk at or before t whose base is at or below the goal.
    let empty = 0;
    while (this.chunks[0]!.base > goal) {
      const first = this.extendDown();
      index += 1;
      empty = first.total === 0 ? empty + 1 : 0;
      if (empty > this.horizonChunks) this.noTime("no business time");
      if (index > MAX_SPAN_CHUNKS) this.tooFar();
    }
    let lo = 0;
    let hi = index;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid]!.base <= goal) lo = mid;
      else hi = mid - 1;
    }
    this.checkSkipped(lo, index);
    const chunk = this.chunks[lo]!;
    const rest = goal - chunk.base;
    const i = firstAbove(chunk.cumEnd, rest);
    return chunk.starts[i]! + rest - (i === 0 ? 0 : chunk.cumEnd[i - 1]!);
  }
}

/**
 * An upper bound, in days, on the longest closed stretch of a calendar with weekly hours: a week without
 * dated exceptions opens at least once (give or take a DST-emptied interval), so only runs of closed dates
 * no more than a week apart can stretch it. Infinite when there are no weekly hours.
 */
function longestClosureBound(cal: CompiledCalendar): number {
  if (cal.weekly.every((plan) => plan.length === 0)) return Number.POSITIVE_INFINITY;
  const closed = [...cal.dated].filter(([, plan]) => plan.length === 0).map(([day]) => day);
  closed.sort((a, b) => a - b);
  let longest = 0;
  let first = Number.NaN;
  let previous = Number.NaN;
  for (const day of closed) {
    if (!(day - previous <= 7)) first = day;
    previous = day;
    longest = Math.max(longest, day - first + 1);
  }
  return longest + 14;
}

/** Index of the last element `<= t`, or -1. */
function lastStartAtOrBefore(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first element `>= value` (the array's last element is known to be). */
function firstAtLeast(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element `> value` (the array's last element is known to be). */
function firstAbove(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
