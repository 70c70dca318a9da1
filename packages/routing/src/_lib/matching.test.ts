import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { maxMatching } from "./matching";

/** Exhaustive maximum for tiny graphs: the oracle. */
function bruteForce(adjacency: number[][], capacity: number[]): number {
  let best = 0;
  const used = capacity.map(() => 0);
  const go = (i: number, size: number) => {
    if (size + (adjacency.length - i) <= best) return;
    if (i === adjacency.length) {
      best = Math.max(best, size);
      return;
    }
    for (const right of adjacency[i] ?? []) {
      if ((used[right] as number) < (capacity[right] as number)) {
        used[right] = (used[right] as number) + 1;
        go(i + 1, size + 1);
        used[right] = (used[right] as number) - 1;
      }
    }
    go(i + 1, size);
  };
  go(0, 0);
  return best;
}

describe("maxMatching", () => {
  it("re-routes earlier matches to fit a scarce right vertex", () => {
    // Left 0 could use 0 or 1; left 1 only 0. Greedy would give 0 → 0 and leave 1 out.
    expect(maxMatching([[0, 1], [0]], [1, 1])).toEqual([1, 0]);
  });

  it("follows long augmenting paths", () => {
    const n = 2_000;
    const adjacency = Array.from({ length: n }, (_, i) => (i === n - 1 ? [0] : [i, i + 1]));
    const match = maxMatching(adjacency, Array(n).fill(1));
    expect(match.filter((m) => m >= 0)).toHaveLength(n);
  });
});

const graph = fc
  .record({ left: fc.integer({ min: 0, max: 7 }), right: fc.integer({ min: 1, max: 5 }) })
  .chain(({ left, right }) =>
    fc.record({
      adjacency: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: right - 1 }), { maxLength: right }), {
        minLength: left,
        maxLength: left,
      }),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: right, maxLength: right }),
    }),
  );

test.prop([graph])(
  "finds a maximum matching that respects capacities and edges",
  ({ adjacency, capacity }) => {
    const match = maxMatching(adjacency, capacity);
    const load = capacity.map(() => 0);
    match.forEach((right, left) => {
      if (right < 0) return;
      expect(adjacency[left]).toContain(right);
      load[right] = (load[right] as number) + 1;
    });
    load.forEach((value, right) => {
      expect(value).toBeLessThanOrEqual(capacity[right] as number);
    });
    expect(match.filter((m) => m >= 0)).toHaveLength(bruteForce(adjacency, capacity));
  },
);
