import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { valuesAtRanks } from "./bucketRanks";

// The oracle: a full numeric sort (typed-array sort orders -0 before +0, as the buckets do).
function atRanks(values: readonly number[], ranks: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ranks.map((r) => sorted[r] as number);
}

function bounds(values: readonly number[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE),
);

describe("valuesAtRanks", () => {
  test.prop([
    fc.array(finite, { minLength: 1, maxLength: 400 }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  ])("finds the sorted sample's values at the ranks, or declines", (values, picks) => {
    const ranks = [...new Set(picks.map((p) => p % values.length))].sort((a, b) => a - b);
    const [min, max] = bounds(values);
    const found = valuesAtRanks(Float64Array.from(values), ranks, min, max);
    if (found === null) return;
    expect(found).toEqual(atRanks(values, ranks));
  });

  it("gives a zero at a wanted rank the sign the sorted sample has there", () => {
    // -0 and +0 share a bucket here, and selection alone does not tell them apart (found by the property).
    const tiny = 2.99022522280925e-308;
    const values = [-3.0187490121419603e-304, 0, tiny, -3.0714493394371297e-68, tiny, -0, tiny, tiny];
    const [min, max] = bounds(values);
    expect(valuesAtRanks(Float64Array.from(values), [3], min, max)).toEqual(atRanks(values, [3]));
    expect(valuesAtRanks(Float64Array.from(values), [2], min, max)).toEqual(atRanks(values, [2]));
  });

  it("splits a skewed sample (lognormal durations) without declining", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = Array.from({ length: 20_000 }, () =>
      Math.round(
        1_800_000 * Math.exp(1.5 * Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random())),
      ),
    );
    const ranks = [9_999, 10_000, 17_999, 18_000, 18_999, 19_000];
    const [min, max] = bounds(values);
    expect(valuesAtRanks(Float64Array.from(values), ranks, min, max)).toEqual(atRanks(values, ranks));
  });

  it("declines when one bucket holds most values (they differ only past the high 32 bits)", () => {
    const values = Array.from({ length: 5_000 }, (_, i) => 1 + i * 1e-12);
    const [min, max] = bounds(values);
    expect(valuesAtRanks(Float64Array.from(values), [2_499, 2_500], min, max)).toBeNull();
  });
});
