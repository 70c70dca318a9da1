import type { PercentileStoreJSON as StoreJSON } from "../accumulator";
import type { BufferPool } from "./bufferPool";
import { DDSketch } from "./ddsketch";

export interface StoreOptions {
  readonly exactLimit: number;
  readonly alpha: number;
  /** Where the exact-value buffers come from (shared by one accumulator's stores); else each is allocated. */
  readonly pool?: BufferPool;
}

const FIRST_CAPACITY = 8;
const EMPTY = new Uint32Array(0);

// Values kept exactly while the group is small, then in a DDSketch. Whether it is exact depends only on how
// many values it holds, never on the order they came in, so any split and merge order ends the same.
// The exact values live in a typed array that grows eightfold up to `exactLimit`: it is sorted in place when
// read, never needs more than `exactLimit` slots, and (unlike a growing JS array) leaves no garbage to
// promote; in an accumulator the buffers come from its pool (see BufferPool). Durations are whole
// milliseconds, so the array holds unsigned 32-bit integers (half the bytes to write, keep and sort) until a
// value that is not one arrives, and doubles from then on: every value comes back exactly either way.
export class QuantileStore {
  private buf: Uint32Array | Float64Array = EMPTY;
  private wide = false;
  private length = 0;
  private sorted = true;
  sketch: DDSketch | null = null;

  constructor(readonly options: StoreOptions) {}

  get exact(): boolean {
    return this.sketch === null;
  }

  add(value: number): void {
    if (this.sketch !== null) {
      this.sketch.add(value);
      return;
    }
    if (this.length === this.buf.length) {
      if (this.length >= this.options.exactLimit) {
        this.toSketch().add(value);
        return;
      }
      this.resize(
        Math.min(this.options.exactLimit, Math.max(FIRST_CAPACITY, 8 * this.buf.length)),
        this.wide,
      );
    }
    // −0 is not stored as an integer: it would come back as 0.
    if (!this.wide && (value >>> 0 !== value || (value === 0 && 1 / value < 0)))
      this.resize(this.buf.length, true);
    this.buf[this.length++] = value;
    this.sorted = false;
  }

  /** Moves the values to a new buffer of `size` slots, of doubles when `wide`. */
  private resize(size: number, wide: boolean): void {
    const pool = this.options.pool;
    let next: Uint32Array | Float64Array;
    if (pool === undefined) next = wide ? new Float64Array(size) : new Uint32Array(size);
    else next = wide ? pool.doubles(size) : pool.uint32s(size);
    next.set(this.buf.subarray(0, this.length));
    pool?.give(this.buf);
    this.buf = next;
    this.wide = wide;
  }

  private toSketch(): DDSketch {
    const sketch = new DDSketch(this.options.alpha);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.length; i++) {
      const v = this.buf[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    sketch.reserve(min, max);
    for (let i = 0; i < this.length; i++) sketch.add(this.buf[i] as number);
    this.sketch = sketch;
    this.options.pool?.give(this.buf);
    this.buf = EMPTY;
    this.wide = false;
    this.length = 0;
    return sketch;
  }

  merge(other: QuantileStore): void {
    if (other.sketch === null) {
      for (let i = 0; i < other.length; i++) this.add(other.buf[i] as number);
      return;
    }
    (this.sketch ?? this.toSketch()).merge(other.sketch);
  }

  private values(): Uint32Array | Float64Array {
    const values = this.buf.subarray(0, this.length);
    if (!this.sorted) {
      values.sort(); // a typed-array sort is numeric and in place
      this.sorted = true;
    }
    return values;
  }

  /** Percentile p (0–100) by linear interpolation between ranks; sketch values are clamped to [min, max]. */
  percentile(p: number, count: number, min: number, max: number): number {
    const h = (count - 1) * (p / 100);
    const lo = Math.floor(h);
    const t = h - lo;
    if (this.sketch === null) {
      const sorted = this.values();
      const a = sorted[lo] as number;
      return t === 0 || lo + 1 >= sorted.length ? a : a + t * ((sorted[lo + 1] as number) - a);
    }
    const sketch = this.sketch;
    const a = Math.min(max, Math.max(min, sketch.atRank(lo)));
    if (t === 0 || lo + 1 >= count) return a;
    return a + t * (Math.min(max, Math.max(min, sketch.atRank(lo + 1))) - a);
  }

  /** Several percentiles (ascending p) at once: one pass over the sketch. */
  percentiles(ps: readonly number[], count: number, min: number, max: number): number[] {
    if (this.sketch === null) return ps.map((p) => this.percentile(p, count, min, max));
    const ranks: number[] = [];
    for (const p of ps) {
      const lo = Math.floor((count - 1) * (p / 100));
      ranks.push(lo, Math.min(count - 1, lo + 1));
    }
    const values = this.sketch.atRanks(ranks).map((v) => Math.min(max, Math.max(min, v)));
    return ps.map((p, i) => {
      const h = (count - 1) * (p / 100);
      const t = h - Math.floor(h);
      const a = values[2 * i] as number;
      return t === 0 ? a : a + t * ((values[2 * i + 1] as number) - a);
    });
  }

  /** Bytes held: the exact buffer's capacity (at most `exactLimit` values, 4 or 8 bytes each) or the sketch. */
  get bytes(): number {
    return this.sketch === null ? this.buf.byteLength : this.sketch.bytes;
  }

  toJSON(): StoreJSON {
    if (this.sketch === null) return { values: Array.from(this.values()) };
    return { sketch: this.sketch.toJSON() };
  }

  static fromJSON(options: StoreOptions, json: StoreJSON): QuantileStore {
    const store = new QuantileStore(options);
    if ("values" in json) {
      for (const v of json.values) store.add(v);
    } else {
      store.sketch = DDSketch.fromJSON(options.alpha, json.sketch);
    }
    return store;
  }
}
