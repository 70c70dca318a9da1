import type { PercentileMethod } from "../percentile";

/** Percentile `p` (0–100) of an ascending, non-empty array. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number, method: PercentileMethod): number {
  const n = sorted.length;
  if (method === "nearest-rank") {
    // Postgres percentile_disc: the first value whose cumulative share reaches p.
    const rank = Math.ceil((p / 100) * n);
    return sorted[rank <= 1 ? 0 : rank - 1] as number;
  }
  // numpy "linear" / Excel PERCENTILE.INC / Postgres percentile_cont: interpolate at h = (n - 1)·p.
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  const t = h - lo;
  return t === 0 ? a : a + t * (b - a);
}
