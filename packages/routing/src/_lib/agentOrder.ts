import { grown } from "./typed";

/**
 * The agents available on one channel, sorted by their ranking key: primary ascending, then last
 * assignment ascending (longest idle first), then id. Used by the strategies whose key does not depend on
 * the work item (least-busy, longest-idle): one order per channel serves every requirement class, and a
 * class's best agent is its first member in the order. An assignment then re-positions one agent in one
 * sorted array, instead of leaving a stale entry in the ranking heap of every class the agent serves.
 *
 * Agents are router slots (see `router.ts`). The key an agent was sorted by is kept per slot, so it can be
 * found again (binary search) after its live key changed. `rank` is shared between the orders: agent id
 * order as numbers, so comparisons never touch a string.
 */
export class AgentOrder {
  size = 0;
  list = new Int32Array(64);
  /** Per slot: 1 while listed. */
  has = new Uint8Array(64);
  primary = new Float64Array(64);
  idle = new Float64Array(64);

  constructor(private readonly rank: { values: Float64Array }) {}

  /** Makes room for slots below `slots`. */
  ensure(slots: number): void {
    if (slots <= this.has.length) return;
    let size = this.has.length;
    while (size < slots) size *= 2;
    this.has = grown(this.has, size);
    this.primary = grown(this.primary, size);
    this.idle = grown(this.idle, size);
  }

  /** Whether slot `a` (with the key it is listed by) ranks before a slot with key (primary, idle, rank). */
  private before(a: number, primary: number, idle: number, rank: number): boolean {
    const pa = this.primary[a] as number;
    if (pa !== primary) return pa < primary;
    const ia = this.idle[a] as number;
    if (ia !== idle) return ia < idle;
    return (this.rank.values[a] as number) < rank;
  }

  /** First position whose entry does not rank before the key. */
  private lowerBound(primary: number, idle: number, rank: number): number {
    let lo = 0;
    let hi = this.size;
    const list = this.list;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(list[mid] as number, primary, idle, rank)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of listed slot `s`. */
  indexOf(s: number): number {
    return this.lowerBound(this.primary[s] as number, this.idle[s] as number, this.rank.values[s] as number);
  }

  insert(s: number, primary: number, idle: number): void {
    if (this.size === this.list.length) this.list = grown(this.list, this.list.length * 2);
    const at = this.lowerBound(primary, idle, this.rank.values[s] as number);
    this.list.copyWithin(at + 1, at, this.size);
    this.list[at] = s;
    this.size++;
    this.has[s] = 1;
    this.primary[s] = primary;
    this.idle[s] = idle;
  }

  remove(s: number): void {
    const at = this.indexOf(s);
    this.list.copyWithin(at, at + 1, this.size);
    this.size--;
    this.has[s] = 0;
  }

  /** Re-positions listed slot `s` under a new key (one shift of the entries between the two places). */
  move(s: number, primary: number, idle: number): void {
    if (this.primary[s] === primary && this.idle[s] === idle) return;
    const from = this.indexOf(s);
    const rank = this.rank.values[s] as number;
    const list = this.list;
    if (this.before(s, primary, idle, rank)) {
      // The key got worse: the entries after `from` that rank before the new key move up by one.
      let lo = from + 1;
      let hi = this.size;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(list[mid] as number, primary, idle, rank)) lo = mid + 1;
        else hi = mid;
      }
      list.copyWithin(from, from + 1, lo);
      list[lo - 1] = s;
    } else {
      let lo = 0;
      let hi = from;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(list[mid] as number, primary, idle, rank)) lo = mid + 1;
        else hi = mid;
      }
      list.copyWithin(lo + 1, lo, from);
      list[lo] = s;
    }
    this.primary[s] = primary;
    this.idle[s] = idle;
  }

  /** Empties the order. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.has[this.list[i] as number] = 0;
    this.size = 0;
  }

  /** Lists the given slots, whose keys were written with {@link write}, sorted (O(n log n)). */
  fill(slots: readonly number[]): void {
    this.clear();
    if (this.list.length < slots.length) this.list = new Int32Array(2 * slots.length);
    const rank = this.rank.values;
    const sorted = [...slots].sort((a, b) => {
      const pa = this.primary[a] as number;
      const pb = this.primary[b] as number;
      if (pa !== pb) return pa < pb ? -1 : 1;
      const ia = this.idle[a] as number;
      const ib = this.idle[b] as number;
      if (ia !== ib) return ia < ib ? -1 : 1;
      return (rank[a] as number) - (rank[b] as number);
    });
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i] as number;
      this.list[i] = s;
      this.has[s] = 1;
    }
    this.size = sorted.length;
  }

  /** Records a slot's key before {@link fill}. */
  write(s: number, primary: number, idle: number): void {
    this.primary[s] = primary;
    this.idle[s] = idle;
  }
}
