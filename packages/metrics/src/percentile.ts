import { percentileOfSorted } from "./_lib/quantile";
import { select } from "./_lib/select";
import { fail, inRange } from "./_lib/validate";
import { MetricsError } from "./errors";

/**
 * How a percentile picks or interpolates between observed values.
 *
 * - `linear` (default): interpolates between the two closest ranks at `(n − 1) · p / 100`; equals numpy's
 *   default `percentile`, Excel `PERCENTILE.INC` and Postgres `percentile_cont`
 * - `nearest-rank`: the smallest observed value whose cumulative share reaches `p`; equals Postgres
 *   `percentile_disc` and the textbook nearest-rank method
 *
 * @example
 * ```ts
 * const method: PercentileMethod = "nearest-rank";
 * ```
 */
export type PercentileMethod = "linear" | "nearest-rank";

/**
 * Options of {@link percentile} and {@link percentiles}.
 *
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 50, { method: "nearest-rank" }); //=> 2
 * ```
 */
export interface PercentileOptions {
  /** Interpolation method; default `"linear"`. */
  readonly method?: PercentileMethod;
}

const SUBJECT = "percentile input";

function copyOf(values: readonly number[]): Float64Array {
  if (!Array.isArray(values)) fail(SUBJECT, "values", "must be an array of numbers");
  if (values.length === 0) throw new MetricsError("EMPTY_INPUT", "Cannot take a percentile of no values");
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) fail(SUBJECT, `values.${i}`, "must be a finite number");
    copy[i] = v;
  }
  return copy;
}

// The ranks a percentile reads (both neighbours for linear interpolation).
function ranksOf(n: number, p: number, method: PercentileMethod): number[] {
  if (method === "nearest-rank") {
    const rank = Math.ceil((p / 100) * n);
    return [rank <= 1 ? 0 : rank - 1];
  }
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  return lo === h || lo + 1 >= n ? [lo] : [lo, lo + 1];
}

// Places the needed ranks with quickselect (O(n) instead of a full sort), then reads them as from a sorted array.
function placed(values: readonly number[], ps: readonly number[], method: PercentileMethod): Float64Array {
  const a = copyOf(values);
  const ranks: number[] = [];
  for (const p of ps) for (const r of ranksOf(a.length, p, method)) if (!ranks.includes(r)) ranks.push(r);
  ranks.sort((x, y) => x - y);
  if (ranks.length > Math.log2(a.length + 1)) {
    a.sort();
    return a;
  }
  let from = 0;
  for (const k of ranks) {
    if (k === from && k > 0) {
      // The next rank right after a placed one is the minimum of the rest: one scan, no partitioning.
      let m = k;
      for (let i = k + 1; i < a.length; i++) if ((a[i] as number) < (a[m] as number)) m = i;
      const t = a[k] as number;
      a[k] = a[m] as number;
      a[m] = t;
    } else {
      select(a, k, from, a.length - 1);
    }
    from = k + 1;
  }
  return a;
}

function methodOf(options: PercentileOptions): PercentileMethod {
  const method = options.method ?? "linear";
  if (method !== "linear" && method !== "nearest-rank") {
    fail(SUBJECT, "method", `must be "linear" or "nearest-rank" (got ${String(method)})`);
  }
  return method;
}

/**
 * The `p`-th percentile (0–100) of a list of numbers. The input is not changed.
 *
 * @param values - the sample, in any order (finite numbers, at least one)
 * @param p - which percentile, from 0 (minimum) to 100 (maximum); 50 is the median
 * @param options - `method`: `"linear"` (default, numpy / Excel `PERCENTILE.INC`) or `"nearest-rank"`
 * @returns the percentile
 * @throws ValidationError (code `VALIDATION`) when a value is not finite or `p` is outside 0–100
 * @throws MetricsError (code `EMPTY_INPUT`) when `values` is empty
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 25); //=> 1.75
 * percentile([1, 2, 3, 4], 25, { method: "nearest-rank" }); //=> 1
 * ```
 */
export function percentile(values: readonly number[], p: number, options: PercentileOptions = {}): number {
  inRange(SUBJECT, "p", p, 0, 100);
  const method = methodOf(options);
  return percentileOfSorted(placed(values, [p], method), p, method);
}

/**
 * Several percentiles of one sample, sorting it once.
 *
 * @param values - the sample, in any order (finite numbers, at least one)
 * @param ps - the percentiles wanted, each 0–100
 * @param options - `method` as in {@link percentile}
 * @returns one value per entry of `ps`, in the same order
 * @throws ValidationError (code `VALIDATION`) when a value is not finite or a `p` is outside 0–100
 * @throws MetricsError (code `EMPTY_INPUT`) when `values` is empty
 * @example
 * ```ts
 * percentiles([7, 15, 36, 39, 40, 41], [50, 90]); //=> [37.5, 40.5]
 * ```
 */
export function percentiles(
  values: readonly number[],
  ps: readonly number[],
  options: PercentileOptions = {},
): number[] {
  ps.forEach((p, i) => {
    inRange(SUBJECT, `ps.${i}`, p, 0, 100);
  });
  const method = methodOf(options);
  const sorted = placed(values, ps, method);
  return ps.map((p) => percentileOfSorted(sorted, p, method));
}
