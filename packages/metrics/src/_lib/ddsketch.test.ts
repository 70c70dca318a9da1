import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DDSketch } from "./ddsketch";
import { QuantileStore } from "./quantileStore";

const sample = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e10, noNaN: true })), {
  minLength: 1,
  maxLength: 400,
});

describe("DDSketch", () => {
  test.prop([sample, fc.constantFrom(0.01, 0.02, 0.05), fc.double({ min: 0, max: 1, noNaN: true })])(
    "returns every rank's value within α relative error",
    (values, alpha, q) => {
      const sketch = new DDSketch(alpha);
      for (const v of values) sketch.add(v);
      const sorted = [...values].sort((a, b) => a - b);
      const rank = Math.floor(q * (sorted.length - 1));
      const exact = sorted[rank] as number;
      const approx = sketch.atRank(rank);
      expect(Math.abs(approx - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-9));
    },
  );

  const positive = fc.double({ min: 1e-3, max: 1e300, noNaN: true });
  const alphas = fc.oneof(fc.constantFrom(0.01, 0.5, 1e-6), fc.double({ min: 1e-5, max: 0.9, noNaN: true }));

  test.prop([positive, alphas])("maps one value to a key whose representative is within α", (v, alpha) => {
    const sketch = new DDSketch(alpha);
    const approx = sketch.value(sketch.key(v));
    expect(Math.abs(approx - v)).toBeLessThanOrEqual(alpha * v * (1 + 1e-9));
  });

  test.prop([positive, positive, alphas])("keys never decrease as values grow", (a, b, alpha) => {
    const sketch = new DDSketch(alpha);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(sketch.key(lo)).toBeLessThanOrEqual(sketch.key(hi));
  });

  it("keys agree with the bucket bounds the representatives come from", () => {
    // The lower bound of key k (its representative over 1 + α) belongs to key k − 1; just above it, to k.
    const sketch = new DDSketch(0.01);
    for (const v of [0.001, 0.75, 1, 1.5, 2, 1_000, 86_400_000, 2 ** 40 * 1.999]) {
      const k = sketch.key(v);
      const lower = sketch.value(k) / 1.01;
      expect(sketch.key(lower * (1 + 1e-9))).toBe(k);
      expect(sketch.key(lower * (1 - 1e-9))).toBe(k - 1);
    }
  });

  test.prop([sample, sample])("merges exactly: merged sketch equals the sketch of all values", (a, b) => {
    const one = new DDSketch(0.01);
    for (const v of [...a, ...b]) one.add(v);
    const left = new DDSketch(0.01);
    for (const v of a) left.add(v);
    const right = new DDSketch(0.01);
    for (const v of b) right.add(v);
    left.merge(right);
    expect(left.toJSON()).toEqual(one.toJSON());
    expect(DDSketch.fromJSON(0.01, left.toJSON()).toJSON()).toEqual(one.toJSON());
  });

  test.prop([
    sample,
    sample,
    fc.double({ min: 0, max: 1e12, noNaN: true }),
    fc.double({ min: 0, max: 1e12, noNaN: true }),
  ])("a reserved range changes where counts sit, never what the sketch holds", (values, more, a, b) => {
    const plain = new DDSketch(0.01);
    const reserved = new DDSketch(0.01);
    reserved.reserve(Math.min(a, b), Math.max(a, b)); // any range, right or wrong for the values
    for (const v of [...values, ...more]) {
      plain.add(v);
      reserved.add(v);
    }
    expect(reserved.toJSON()).toEqual(plain.toJSON());
  });

  it("widens its counters past 2¹⁶ − 1 and 2³² − 1 without losing a count", () => {
    const sketch = new DDSketch(0.01);
    sketch.add(5, 65_535);
    sketch.add(5);
    sketch.add(900, 3);
    expect(sketch.toJSON().counts.filter((c) => c > 0)).toEqual([65_536, 3]);
    sketch.add(900, 5_000_000_000);
    expect(sketch.count).toBe(5_000_065_539);
    expect(sketch.toJSON().counts.filter((c) => c > 0)).toEqual([65_536, 5_000_000_003]);
    expect(Math.abs(sketch.atRank(65_535) - 5) / 5).toBeLessThanOrEqual(0.01);
    expect(Math.abs(sketch.atRank(65_536) - 900) / 900).toBeLessThanOrEqual(0.01);
  });

  it("grows both ways and stays small for realistic durations", () => {
    const sketch = new DDSketch(0.01);
    for (let v = 1_000; v < 30 * 86_400_000; v *= 1.001) sketch.add(v);
    sketch.add(5e-4);
    expect(sketch.count).toBeGreaterThan(10_000);
    expect(sketch.atRank(0)).toBe(0);
    expect(sketch.bytes).toBeLessThan(50 * 1024);
  });
});

describe("QuantileStore", () => {
  test.prop([sample, fc.integer({ min: 0, max: 100 })])(
    "is exact below the limit and within α of the linear percentile above it",
    (values, p) => {
      const exact = new QuantileStore({ exactLimit: 1_000, alpha: 0.01 });
      const sketched = new QuantileStore({ exactLimit: 0, alpha: 0.01 });
      for (const v of values) {
        exact.add(v);
        sketched.add(v);
      }
      const sorted = [...values].sort((a, b) => a - b);
      const min = sorted[0] as number;
      const max = sorted.at(-1) as number;
      const h = (sorted.length - 1) * (p / 100);
      const lo = Math.floor(h);
      const truth =
        lo + 1 < sorted.length
          ? (sorted[lo] as number) + (h - lo) * ((sorted[lo + 1] as number) - (sorted[lo] as number))
          : (sorted[lo] as number);
      expect(exact.percentile(p, values.length, min, max)).toBeCloseTo(truth, 6);
      expect(exact.exact).toBe(true);
      expect(sketched.exact).toBe(false);
      const approx = sketched.percentile(p, values.length, min, max);
      expect(Math.abs(approx - truth)).toBeLessThanOrEqual(0.01 * truth * (1 + 1e-9) + 1e-9);
    },
  );
});

test.prop([sample, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 })])(
  "reading several ranks in one pass equals reading them one by one",
  (values, qs) => {
    const sketch = new DDSketch(0.01);
    for (const v of values) sketch.add(v);
    const ranks = qs.map((q) => Math.floor(q * (values.length - 1))).sort((a, b) => a - b);
    expect(sketch.atRanks(ranks)).toEqual(ranks.map((r) => sketch.atRank(r)));
  },
);
