import type { SketchJSON } from "../accumulator";

// A DDSketch (Masson, Rim & Lee, VLDB 2019) for non-negative values: logarithmic buckets with relative
// accuracy α, so every quantile it returns is within α·value of the exact rank-value, and two sketches
// with the same α merge exactly by adding bucket counts. Counts live in one dense typed array spanning
// the lowest to the highest key seen; values below MIN_VALUE share a zero bucket.

export const MIN_VALUE = 1e-3;
const INITIAL = 128;

export class DDSketch {
  readonly alpha: number;
  private readonly logGamma: number;
  private readonly gamma: number;
  zero = 0;
  count = 0;
  private offset = 0; // key of counts[0]
  private lo = 0; // lowest used slot (inclusive)
  private hi = -1; // highest used slot (inclusive); hi < lo when empty
  // 32-bit counts keep realistic sketches at a few KB; a count past 2³² − 1 switches to 64-bit floats.
  private counts: Uint32Array | Float64Array = new Uint32Array(INITIAL);

  constructor(alpha: number) {
    this.alpha = alpha;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  key(value: number): number {
    return Math.ceil(Math.log(value) / this.logGamma);
  }

  /** Representative value of a key: γ^(k−1)·(1 + α), within α of anything in (γ^(k−1), γ^k]. */
  value(key: number): number {
    return Math.exp((key - 1) * this.logGamma) * (1 + this.alpha);
  }

  add(value: number, times = 1): void {
    this.count += times;
    if (value < MIN_VALUE) {
      this.zero += times;
      return;
    }
    this.addKey(this.key(value), times);
  }

  private addKey(key: number, times: number): void {
    if (this.hi < this.lo) {
      this.offset = key - (this.counts.length >> 1);
      this.lo = this.hi = key - this.offset;
    }
    let slot = key - this.offset;
    if (slot < 0 || slot >= this.counts.length) {
      this.grow(key);
      slot = key - this.offset;
    }
    const next = (this.counts[slot] as number) + times;
    if (next > 4_294_967_295 && this.counts instanceof Uint32Array)
      this.counts = Float64Array.from(this.counts);
    this.counts[slot] = next;
    if (slot < this.lo) this.lo = slot;
    if (slot > this.hi) this.hi = slot;
  }

  private grow(key: number): void {
    const minKey = Math.min(key, this.lo + this.offset);
    const maxKey = Math.max(key, this.hi + this.offset);
    const span = maxKey - minKey + 1;
    // Half the span again as room on the side that grew: key ranges grow rarely once the extremes are seen.
    const size = span + Math.max(32, span >> 1);
    const next = this.counts instanceof Uint32Array ? new Uint32Array(size) : new Float64Array(size);
    const room = size - span;
    const newOffset = key < this.lo + this.offset ? minKey - room : minKey;
    next.set(this.counts.subarray(this.lo, this.hi + 1), this.lo + this.offset - newOffset);
    this.lo = this.lo + this.offset - newOffset;
    this.hi = this.hi + this.offset - newOffset;
    this.offset = newOffset;
    this.counts = next;
  }

  merge(other: DDSketch): void {
    this.count += other.count;
    this.zero += other.zero;
    for (let s = other.lo; s <= other.hi; s++) {
      const c = other.counts[s] as number;
      if (c !== 0) this.addKey(s + other.offset, c);
    }
  }

  /** The value at 0-based rank `rank` (0 ≤ rank < count) of the sorted sample, approximately. */
  atRank(rank: number): number {
    if (rank < this.zero) return 0;
    let seen = this.zero;
    for (let s = this.lo; s <= this.hi; s++) {
      seen += this.counts[s] as number;
      if (seen > rank) return this.value(s + this.offset);
    }
    return this.value(this.hi + this.offset);
  }

  /** Values at several ascending 0-based ranks in one pass over the buckets. */
  atRanks(ranks: readonly number[]): number[] {
    const out: number[] = [];
    let i = 0;
    while (i < ranks.length && (ranks[i] as number) < this.zero) {
      out.push(0);
      i++;
    }
    let seen = this.zero;
    const counts = this.counts;
    for (let s = this.lo; s <= this.hi && i < ranks.length; s++) {
      seen += counts[s] as number;
      if (seen > (ranks[i] as number)) {
        const v = this.value(s + this.offset);
        while (i < ranks.length && seen > (ranks[i] as number)) {
          out.push(v);
          i++;
        }
      }
    }
    while (i < ranks.length) {
      out.push(this.value(this.hi + this.offset));
      i++;
    }
    return out;
  }

  /** Bytes held by the bucket array (what the sketch costs in memory, besides a few numbers). */
  get bytes(): number {
    return this.counts.byteLength + 64;
  }

  toJSON(): SketchJSON {
    const counts: number[] = [];
    for (let s = this.lo; s <= this.hi; s++) counts.push(this.counts[s] as number);
    return { zero: this.zero, minKey: this.hi < this.lo ? 0 : this.lo + this.offset, counts };
  }

  static fromJSON(alpha: number, json: SketchJSON): DDSketch {
    const sketch = new DDSketch(alpha);
    sketch.zero = json.zero;
    sketch.count = json.zero;
    json.counts.forEach((c, i) => {
      if (c !== 0) {
        sketch.addKey(json.minKey + i, c);
        sketch.count += c;
      }
    });
    return sketch;
  }
}
