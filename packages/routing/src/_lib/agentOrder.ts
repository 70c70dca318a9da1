import { grown } from "./typed";

/**
 * The agents available on one channel, sorted by their ranking key: primary ascending, then last
 * assignment ascending (longest idle first), then id. Used by the strategies whose key does not depend on
 * the work item (least-busy, longest-idle): one order per channel serves every requirement class, and a
 * class's best agent is its first member in the order. An assignment then re-positions one agent in one
 * sorted sequence, instead of leaving a stale entry in the ranking heap of every class the agent serves.
 *
 * Agents are router slots (see `router.ts`). The key an agent was sorted by is kept per slot, so it can be
 * found again (binary search) after its live key changed. `rank` is shared between the orders: agent id
 * order as numbers, so comparisons never touch a string.
 *
 * The sequence is cut into blocks of at most `blockSize` slots (an unrolled list). In a flat array a move
 * shifts every entry between the agent's old and new place, and in a drain, where most agents share a load,
 * that was thousands of entries per assignment; here a move shifts within at most two blocks. Blocks split
 * when full and merge with their successor when the two fit in half a block.
 */
export class AgentOrder {
  size = 0;
  /** Per slot: 1 while listed. */
  has = new Uint8Array(64);
  primary = new Float64Array(64);
  idle = new Float64Array(64);
  /** Block `b` holds its slots, in order, at `data[b · blockSize …]`; `len[b]` of them. */
  private data: Int32Array;
  private len = new Int32Array(4);
  /** Block numbers in sequence order; `blocks` of them. */
  private seq = new Int32Array(4);
  private blocks = 0;
  private made = 0;
  private readonly spare: number[] = [];

  constructor(
    private readonly rank: { values: Float64Array },
    private readonly blockSize = 64,
  ) {
    this.data = new Int32Array(4 * blockSize);
  }

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

  /** Sequence index of the block a key belongs in: the first whose last slot does not rank before it. */
  private blockFor(primary: number, idle: number, rank: number): number {
    const B = this.blockSize;
    let lo = 0;
    let hi = this.blocks - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.seq[mid] as number;
      if (this.before(this.data[b * B + (this.len[b] as number) - 1] as number, primary, idle, rank))
        lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position in block `b` whose slot does not rank before the key. */
  private lowerIn(b: number, primary: number, idle: number, rank: number): number {
    const base = b * this.blockSize;
    let lo = 0;
    let hi = this.len[b] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(this.data[base + mid] as number, primary, idle, rank)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of listed slot `s` in the whole order. */
  indexOf(s: number): number {
    const primary = this.primary[s] as number;
    const idle = this.idle[s] as number;
    const rank = this.rank.values[s] as number;
    const i = this.blockFor(primary, idle, rank);
    let before = 0;
    for (let k = 0; k < i; k++) before += this.len[this.seq[k] as number] as number;
    return before + this.lowerIn(this.seq[i] as number, primary, idle, rank);
  }

  /** The listed slots in order. */
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.blocks; i++) {
      const b = this.seq[i] as number;
      for (let k = 0; k < (this.len[b] as number); k++) out.push(this.data[b * this.blockSize + k] as number);
    }
    return out;
  }

  /** The first listed slot whose bit is set in the bit set over slots at `bits[at …]`, or -1. */
  firstOf(bits: Int32Array, at: number): number {
    const data = this.data;
    const B = this.blockSize;
    for (let i = 0; i < this.blocks; i++) {
      const b = this.seq[i] as number;
      const end = b * B + (this.len[b] as number);
      for (let k = b * B; k < end; k++) {
        const s = data[k] as number;
        if (((bits[at + (s >>> 5)] as number) & (1 << (s & 31))) !== 0) return s;
      }
    }
    return -1;
  }

  insert(s: number, primary: number, idle: number): void {
    const B = this.blockSize;
    const rank = this.rank.values[s] as number;
    if (this.blocks === 0) this.addBlock(0);
    let i = this.blockFor(primary, idle, rank);
    let b = this.seq[i] as number;
    if (this.len[b] === B) {
      // Full: the upper half goes to a new block after it.
      const c = this.addBlock(i + 1);
      const half = B >> 1;
      this.data.copyWithin(c * B, b * B + half, b * B + B);
      this.len[c] = B - half;
      this.len[b] = half;
      if (this.before(this.data[b * B + half - 1] as number, primary, idle, rank)) {
        i++;
        b = c;
      }
    }
    const at = this.lowerIn(b, primary, idle, rank);
    const base = b * B;
    const n = this.len[b] as number;
    this.data.copyWithin(base + at + 1, base + at, base + n);
    this.data[base + at] = s;
    this.len[b] = n + 1;
    this.size++;
    this.has[s] = 1;
    this.primary[s] = primary;
    this.idle[s] = idle;
  }

  remove(s: number): void {
    const B = this.blockSize;
    const primary = this.primary[s] as number;
    const idle = this.idle[s] as number;
    const rank = this.rank.values[s] as number;
    const i = this.blockFor(primary, idle, rank);
    const b = this.seq[i] as number;
    const at = this.lowerIn(b, primary, idle, rank);
    const base = b * B;
    const n = (this.len[b] as number) - 1;
    this.data.copyWithin(base + at, base + at + 1, base + n + 1);
    this.len[b] = n;
    this.size--;
    this.has[s] = 0;
    if (n === 0) {
      this.dropBlock(i);
      return;
    }
    // Keep blocks at least a quarter full on average: fold the next block in when both fit in half of one.
    if (i + 1 < this.blocks) {
      const next = this.seq[i + 1] as number;
      const m = this.len[next] as number;
      if (n + m <= B >> 1) {
        this.data.copyWithin(base + n, next * B, next * B + m);
        this.len[b] = n + m;
        this.dropBlock(i + 1);
      }
    }
  }

  /** Re-positions listed slot `s` under a new key. */
  move(s: number, primary: number, idle: number): void {
    if (this.primary[s] === primary && this.idle[s] === idle) return;
    this.remove(s);
    this.insert(s, primary, idle);
  }

  /** Empties the order. */
  clear(): void {
    for (let i = 0; i < this.blocks; i++) {
      const b = this.seq[i] as number;
      for (let k = 0; k < (this.len[b] as number); k++)
        this.has[this.data[b * this.blockSize + k] as number] = 0;
    }
    this.size = 0;
    this.blocks = 0;
    this.made = 0;
    this.spare.length = 0;
  }

  /** Lists the given slots, whose keys were written with {@link write}, sorted (O(n log n)). */
  fill(slots: readonly number[]): void {
    this.clear();
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
    // Blocks three-quarters full: room for moves in without splitting at once.
    const per = Math.max(1, (3 * this.blockSize) >> 2);
    for (let from = 0; from < sorted.length; from += per) {
      const b = this.addBlock(this.blocks);
      const n = Math.min(per, sorted.length - from);
      for (let k = 0; k < n; k++) {
        const s = sorted[from + k] as number;
        this.data[b * this.blockSize + k] = s;
        this.has[s] = 1;
      }
      this.len[b] = n;
    }
    this.size = sorted.length;
  }

  /** Records a slot's key before {@link fill}. */
  write(s: number, primary: number, idle: number): void {
    this.primary[s] = primary;
    this.idle[s] = idle;
  }

  /** A new empty block at sequence index `i`. */
  private addBlock(i: number): number {
    let b = this.spare.pop();
    if (b === undefined) {
      b = this.made++;
      if (b >= this.len.length) {
        this.len = grown(this.len, 2 * this.len.length);
        this.data = grown(this.data, this.len.length * this.blockSize);
      }
    }
    if (this.blocks === this.seq.length) this.seq = grown(this.seq, 2 * this.seq.length);
    this.seq.copyWithin(i + 1, i, this.blocks);
    this.seq[i] = b;
    this.blocks++;
    this.len[b] = 0;
    return b;
  }

  private dropBlock(i: number): void {
    this.spare.push(this.seq[i] as number);
    this.seq.copyWithin(i, i + 1, this.blocks);
    this.blocks--;
  }
}
