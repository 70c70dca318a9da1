import { fc, test } from "@fast-check/vitest";
import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { MetricsError } from "./errors";
import { percentile, percentiles } from "./percentile";

// Expected values computed with numpy 2.4 (`np.percentile(a, p)` and `method="inverted_cdf"`), which equal
// Excel PERCENTILE.INC and Postgres percentile_cont / percentile_disc.
const cases: { values: number[]; ps: number[]; linear: number[]; nearest: number[] }[] = [
  {
    values: [1, 2, 3, 4],
    ps: [0, 25, 50, 75, 100],
    linear: [1, 1.75, 2.5, 3.25, 4],
    nearest: [1, 1, 2, 3, 4],
  },
  { values: [7, 15, 36, 39, 40, 41], ps: [10, 50, 90], linear: [11, 37.5, 40.5], nearest: [7, 36, 41] },
  { values: [15, 20, 35, 40, 50], ps: [5, 30, 40, 95], linear: [16, 23, 29, 48], nearest: [15, 20, 20, 50] },
  {
    values: [3.5, -1, 2, 2, 10, 0.25, 7],
    ps: [1, 33.3, 66.6, 99],
    linear: [-0.925, 1.9964999999999997, 3.4939999999999993, 9.819999999999999],
    nearest: [-1, 2, 3.5, 10],
  },
  { values: [42], ps: [0, 50, 100], linear: [42, 42, 42], nearest: [42, 42, 42] },
];

describe("percentile", () => {
  for (const c of cases) {
    it(`matches numpy linear and nearest-rank on [${c.values.join(", ")}]`, () => {
      c.ps.forEach((p, i) => {
        expect(percentile(c.values, p)).toBeCloseTo(c.linear[i] as number, 12);
        expect(percentile(c.values, p, { method: "nearest-rank" })).toBe(c.nearest[i]);
      });
      expect(percentiles(c.values, c.ps)).toEqual(c.ps.map((p) => percentile(c.values, p)));
    });
  }

  it("matches Excel PERCENTILE.INC({1..10}, 0.9) = 9.1", () => {
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBeCloseTo(9.1, 12);
  });

  it("does not change its input", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("rejects empty input, non-finite values and p outside 0–100", () => {
    expect(() => percentile([], 50)).toThrow(MetricsError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/values\.1: must be a finite number/);
    expect(() => percentile([1], 101)).toThrow(ValidationError);
    expect(() => percentile([1], -1)).toThrow(/p: must be at least 0/);
    expect(() => percentile([1], 50, { method: "median" as never })).toThrow(ValidationError);
  });
});

describe("percentile laws", () => {
  test.prop([
    fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
    fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
  ])("selection gives the same values as sorting the whole sample", (values, ps) => {
    const sorted = [...values].sort((a, b) => a - b);
    const expected = ps.map((p) => {
      const h = (sorted.length - 1) * (p / 100);
      const lo = Math.floor(h);
      const a = sorted[lo] as number;
      return lo + 1 < sorted.length ? a + (h - lo) * ((sorted[lo + 1] as number) - a) : a;
    });
    const got = percentiles(values, ps);
    got.forEach((v, i) => {
      expect(Math.abs(v - (expected[i] as number))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v)));
    });
    const nearest = percentiles(values, ps, { method: "nearest-rank" });
    nearest.forEach((v, i) => {
      const rank = Math.ceil(((ps[i] as number) / 100) * sorted.length);
      expect(v).toBe(sorted[rank <= 1 ? 0 : rank - 1]);
    });
  });
});

describe("percentile on large samples (bucketed selection)", () => {
  // Samples past the size where percentiles bucket the values instead of running quickselect on them.
  const kinds = ["lognormal", "signed", "duplicates", "narrow", "zeros"] as const;
  test.prop(
    [
      // A Lehmer generator's seed lies in 1..m − 1 with m = 2³¹ − 1 (a seed of m would stay 0 for ever).
      fc.integer({ min: 1, max: 2 ** 31 - 2 }),
      fc.constantFrom(...kinds),
      fc.integer({ min: 16_384, max: 20_000 }),
    ],
    {
      numRuns: 25,
    },
  )("equal a full sort", (seed, kind, n) => {
    let state = seed;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    const values = Array.from({ length: n }, (_, i) => {
      const u = random();
      switch (kind) {
        case "lognormal":
          return Math.round(
            1_800_000 * Math.exp(1.5 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())),
          );
        case "signed":
          return (u - 0.5) * 10 ** Math.floor(random() * 12);
        case "duplicates":
          return Math.floor(u * 5);
        case "narrow":
          return 1 + i * 1e-13; // one bucket: falls back to quickselect
        default:
          return u < 0.3 ? -0 : u < 0.6 ? 0 : u - 0.6; // "zeros"
      }
    });
    const sorted = Float64Array.from(values).sort();
    const ps = [0, 50, 90, 95, 99.9, 100];
    const linear = ps.map((p) => {
      const h = (n - 1) * (p / 100);
      const lo = Math.floor(h);
      const a = sorted[lo] as number;
      return lo + 1 < n && h !== lo ? a + (h - lo) * ((sorted[lo + 1] as number) - a) : a;
    });
    const nearest = ps.map((p) => {
      const rank = Math.ceil((p / 100) * n);
      return sorted[rank <= 1 ? 0 : rank - 1] as number;
    });
    // == rather than Object.is: -0 and +0 are the same percentile.
    expect(percentiles(values, ps).every((v, i) => v === linear[i])).toBe(true);
    expect(percentiles(values, ps, { method: "nearest-rank" }).every((v, i) => v === nearest[i])).toBe(true);
    expect(percentile(values, 50) === linear[1]).toBe(true);
  });

  it("names the first bad value of a large sample", () => {
    const values = Array.from({ length: 20_000 }, (_, i) => i);
    values[17_001] = Number.NaN;
    expect(() => percentile(values, 50)).toThrow(/values\.17001/);
  });
});
