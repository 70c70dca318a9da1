import type { SketchJSON } from "../accumulator";

// A DDSketch (Masson, Rim & Lee, VLDB 2019) for non-negative values: buckets of relative width 2α, so every
// quantile it returns is within α·value of the exact rank-value, and two sketches with the same α merge
// exactly by adding bucket counts. Counts live in one dense typed array spanning the lowest to the highest
// key seen; values below MIN_VALUE share a zero bucket.
//
// Keys come from the cubically interpolated logarithm of DDSketch's reference implementations rather than
// Math.log: a double v = 2^e·(1 + s) maps to L(v) = e + P(s), with P(s) = (6/35)s³ − (3/5)s² + (10/7)s
// rising from 0 to 1 over each octave, read from the value's bits. L grows at least 10/7 times as fast as
// ln v, so buckets of width 1/m in L with m = 7 / (10·ln γ), γ = (1 + α) / (1 − α), span at most a factor
// γ: the accuracy guarantee holds with about 1 % more buckets than exact logarithms, for a few
// multiplications instead of a logarithm on every add.

export const MIN_VALUE = 1e-3;
const INITIAL = 128;
const A = 6 / 35;
const B = -3 / 5;
const C = 10 / 7;
/** A double and its two 32-bit words, to read a value's exponent and mantissa. */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;
const TWO_TO_MINUS_52 = 2 ** -52;

/** L(v) = e + P(s) for a positive normal double v = 2^e·(1 + s). */
function cubicLog2(value: number): number {
  BITS[0] = value;
  const high = WORDS[HIGH] as number;
  const exponent = (high >>> 20) - 1023;
  const s = ((high & 0xfffff) * 4_294_967_296 + (WORDS[LOW] as number)) * TWO_TO_MINUS_52;
  return ((A * s + B) * s + C) * s + exponent;
}

/** The v with L(v) = y: the octave from the integer part, then P(s) = fraction solved by Newton's method. */
function cubicExp2(y: number): number {
  const exponent = Math.floor(y);
  const fraction = y - exponent;
  // P is increasing with P' between 0.74 and 1.43. Starting from s = f·(0.7 + 0.3f), which matches P⁻¹ at
  // both ends and in slope at 0, Newton's method reaches the double's precision in three steps.
  let s = fraction * (0.7 + 0.3 * fraction);
  for (let i = 0; i < 3; i++) {
    const p = ((A * s + B) * s + C) * s - fraction;
    s -= p / ((3 * A * s + 2 * B) * s + C);
  }
  return 2 ** exponent * (1 + Math.min(1, Math.max(0, s)));
}

export class DDSketch {
  readonly alpha: number;
  /** Buckets per unit of L (see above), a hair above the minimum so rounding never widens a bucket past γ. */
  private readonly multiplier: number;
  zero = 0;
  count = 0;
  private offset = 0; // key of counts[0]
  private lo = 0; // lowest used slot (inclusive)
  private hi = -1; // highest used slot (inclusive); hi < lo when empty
  // 16-bit counts keep realistic sketches at a few KB; a count past 2¹⁶ − 1 switches them to 32 bits, and
  // past 2³² − 1 to 64-bit floats.
  private counts: Uint16Array | Uint32Array | Float64Array = new Uint16Array(INITIAL);

  constructor(alpha: number) {
    this.alpha = alpha;
    this.multiplier = (7 / (10 * Math.log((1 + alpha) / (1 - alpha)))) * (1 + 1e-12);
  }

  /** Key k holds the values with L(v) in ((k − 1)/m, k/m]. */
  key(value: number): number {
    return Math.ceil(cubicLog2(value) * this.multiplier) + 0; // + 0: key 0, never −0
  }

  /** Representative value of a key: its lower bound times (1 + α), within α of anything in the bucket. */
  value(key: number): number {
    return cubicExp2((key - 1) / this.multiplier) * (1 + this.alpha);
  }

  add(value: number, times = 1): void {
    this.count += times;
    if (value < MIN_VALUE) {
      this.zero += times;
      return;
    }
    this.addKey(this.key(value), times);
  }

  /**
   * Sizes an empty sketch for values in [min, max], with room either side, so that adding them allocates
   * once instead of regrowing step by step (an exact store turning into a sketch knows its range).
   */
  reserve(min: number, max: number): void {
    if (this.hi >= this.lo || !(max >= MIN_VALUE)) return;
    const low = this.key(Math.max(min, MIN_VALUE));
    const span = this.key(max) - low + 1;
    // A quarter of the span as room, half on each side: later values rarely go far past the first ones.
    const room = Math.max(16, span >> 2);
    if (span + room > this.counts.length) this.counts = new Uint16Array(span + room);
    this.offset = low - (room >> 1);
  }

  private addKey(key: number, times: number): void {
    if (this.hi < this.lo) {
      // Empty: keep the placement when the key fits (see `reserve`), else centre the array on it.
      const slot = key - this.offset;
      if (slot < 0 || slot >= this.counts.length) this.offset = key - (this.counts.length >> 1);
      this.lo = this.hi = key - this.offset;
    }
    let slot = key - this.offset;
    if (slot < 0 || slot >= this.counts.length) {
      this.grow(key);
      slot = key - this.offset;
    }
    const next = (this.counts[slot] as number) + times;
    if (next > 65_535) this.widen(next);
    this.counts[slot] = next;
    if (slot < this.lo) this.lo = slot;
    if (slot > this.hi) this.hi = slot;
  }

  /** Switches the counts to a wider type when `count` does not fit the current one. */
  private widen(count: number): void {
    const counts = this.counts;
    if (counts instanceof Float64Array) return;
    if (count > 4_294_967_295) this.counts = Float64Array.from(counts);
    else if (counts instanceof Uint16Array) this.counts = Uint32Array.from(counts);
  }

  private grow(key: number): void {
    const minKey = Math.min(key, this.lo + this.offset);
    const maxKey = Math.max(key, this.hi + this.offset);
    const span = maxKey - minKey + 1;
    // Half the span again as room on the side that grew: key ranges grow rarely once the extremes are seen.
    const size = span + Math.max(32, span >> 1);
    const next = new (this.counts.constructor as new (length: number) => typeof this.counts)(size);
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
