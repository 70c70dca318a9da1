// The percentile store as it was before exact values moved to a Float64Array; oracle for tests only.

import { DDSketch } from "../../_lib/ddsketch";
import type { PercentileStoreJSON as StoreJSON } from "../../accumulator";

export interface StoreOptions {
  readonly exactLimit: number;
  readonly alpha: number;
}

// Values kept exactly (a plain array: on-heap, cheap to grow, unlike thousands of small typed arrays)
// while the group is small, then in a DDSketch. Whether
// it is exact depends only on how many values it holds, never on the order they came in, so any split and
// merge order ends the same.
export class QuantileStore {
  private buf: number[] = [];
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
    this.buf.push(value);
    this.sorted = false;
    if (this.buf.length > this.options.exactLimit) this.toSketch();
  }

  private toSketch(): void {
    const sketch = new DDSketch(this.options.alpha);
    for (const v of this.buf) sketch.add(v);
    this.sketch = sketch;
    this.buf = [];
  }

  merge(other: QuantileStore): void {
    if (other.sketch === null) {
      for (const v of other.buf) this.add(v);
      return;
    }
    if (this.sketch === null) this.toSketch();
    (this.sketch as DDSketch).merge(other.sketch);
  }

  private values(): number[] {
    if (!this.sorted) {
      this.buf = Array.from(Float64Array.from(this.buf).sort()); // a typed-array sort is numeric and fast
      this.sorted = true;
    }
    return this.buf;
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

  get bytes(): number {
    return this.sketch === null ? this.buf.length * 8 : this.sketch.bytes;
  }

  toJSON(): StoreJSON {
    if (this.sketch === null) return { values: [...this.values()] };
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
