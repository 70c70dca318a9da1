import { BUCKET_MIN, valuesAtRanks } from "./_lib/bucketRanks";
import { percentileOfSorted } from "./_lib/quantile";
import { select } from "./_lib/select";
import { checkArray, checkKeys, fail, inRange } from "./_lib/validate";
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

// A plain-array copy: slicing a validated array is a block copy, several times cheaper than filling a
// typed array element by element. One array kind for every size also keeps the selection monomorphic:
// mixing typed arrays in made it about a third slower for everyone.
function copyOf(values: readonly number[]): number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Number.isFinite is false for anything but a finite number, strings and null included.
    if (!Number.isFinite(v)) fail(SUBJECT, `values.${i}`, "must be a finite number");
  }
  return values.slice();
}

// One copy buffer reused by every call up to SCRATCH_MAX values (512 KB): allocating a typed array costs
// as much as bucketing a few thousand values. Nothing is kept in it between calls.
const SCRATCH_MAX = 65_536;
let scratch = new Float64Array(0);

function scratchOf(n: number): Float64Array {
  if (n > SCRATCH_MAX) return new Float64Array(n);
  if (scratch.length < n) scratch = new Float64Array(Math.min(SCRATCH_MAX, Math.max(n, 2 * scratch.length)));
  return scratch.subarray(0, n);
}

// Adds the ranks a percentile reads (both neighbours for linear interpolation) to `ranks`.
function addRanks(ranks: number[], n: number, p: number, method: PercentileMethod): void {
  if (method === "nearest-rank") {
    const rank = Math.ceil((p / 100) * n);
    ranks.push(rank <= 1 ? 0 : rank - 1);
    return;
  }
  const h = (n - 1) * (p / 100);
  const first = Math.floor(h);
  ranks.push(first);
  if (first !== h && first + 1 < n) ranks.push(first + 1);
}

// Up to this many ranks, they are sorted by insertion (cheaper than calling a comparator) and placed by
// selection; more than this, and more than log2(n + 1), a full native sort of the sample is cheaper.
const FEW_RANKS = 16;

// Sorts ranks ascending and drops repeats, in place.
function sortDistinct(ranks: number[]): void {
  if (ranks.length > FEW_RANKS) ranks.sort((x, y) => x - y);
  else {
    for (let i = 1; i < ranks.length; i++) {
      const rank = ranks[i] as number;
      let j = i;
      while (j > 0 && (ranks[j - 1] as number) > rank) {
        ranks[j] = ranks[j - 1] as number;
        j--;
      }
      ranks[j] = rank;
    }
  }
  let kept = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (kept === 0 || ranks[kept - 1] !== ranks[i]) ranks[kept++] = ranks[i] as number;
  }
  if (kept < ranks.length) ranks.length = kept;
}

// The sample with the ranks the percentiles read in place (other positions in any order), or sorted.
function placed(
  values: readonly number[],
  ps: readonly number[],
  method: PercentileMethod,
): ArrayLike<number> {
  if (!Array.isArray(values)) fail(SUBJECT, "values", "must be an array of numbers");
  const n = values.length;
  if (n === 0) throw new MetricsError("EMPTY_INPUT", "Cannot take a percentile of no values");
  const ranks: number[] = [];
  for (let i = 0; i < ps.length; i++) addRanks(ranks, n, ps[i] as number, method);
  sortDistinct(ranks);
  if (ranks.length > FEW_RANKS && ranks.length > Math.log2(n + 1))
    return Float64Array.from(copyOf(values)).sort();
  let checked: Float64Array | null = null;
  if (n >= BUCKET_MIN) {
    const copy = scratchOf(n);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) fail(SUBJECT, `values.${i}`, "must be a finite number");
      const x = v as number;
      copy[i] = x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const found = valuesAtRanks(copy, ranks, min, max);
    if (found !== null) {
      // The copy is done with: it carries the found values at their ranks, which is all that is read.
      for (let r = 0; r < ranks.length; r++) copy[ranks[r] as number] = found[r] as number;
      return copy;
    }
    checked = copy;
  }
  // Quickselect places the ranks in O(n) instead of a full sort (on the checked copy when there is one).
  const a = checked === null ? copyOf(values) : Array.from(checked);
  placeRanks(a, ranks, 0, ranks.length - 1, 0, a.length - 1);
  return a;
}

// Places ranks[i..j] within a[left..right]: the middle rank first over the whole range, then each half of
// the ranks within its own side only, so later selections run on ever smaller ranges (both ends bounded).
// The recursion depth is log2 of the number of ranks, which is at most log2(n + 1).
function placeRanks(a: number[], ranks: number[], i: number, j: number, left: number, right: number): void {
  if (i > j) return;
  const mid = (i + j) >> 1;
  const k = ranks[mid] as number;
  if (i === j && (k === left || k === right)) {
    // The smallest (or largest) of the range, as for the upper neighbour of a linear percentile's rank
    // once the rank below it is placed: one scan, no partitioning.
    let m = k;
    if (k === left) {
      for (let x = left + 1; x <= right; x++) if ((a[x] as number) < (a[m] as number)) m = x;
    } else {
      for (let x = left; x < right; x++) if ((a[x] as number) > (a[m] as number)) m = x;
    }
    const t = a[k] as number;
    a[k] = a[m] as number;
    a[m] = t;
    return;
  }
  select(a, k, left, right);
  placeRanks(a, ranks, i, mid - 1, left, k - 1);
  placeRanks(a, ranks, mid + 1, j, k + 1, right);
}

function methodOf(options: PercentileOptions): PercentileMethod {
  checkKeys(SUBJECT, "options", options, ["method"]);
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
 * @throws ValidationError (code `VALIDATION`) when `values` is not an array, a value is not finite, `p` is outside
 *   0–100, or `options` has an unknown key or method
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
 * @throws ValidationError (code `VALIDATION`) when `values` or `ps` is not an array, a value is not finite, a `p`
 *   is outside 0–100, or `options` has an unknown key or method
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
  checkArray(SUBJECT, "ps", ps, "percentiles from 0 to 100");
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    // The path string is only built for the error.
    if (typeof p !== "number" || !(p >= 0 && p <= 100)) inRange(SUBJECT, `ps.${i}`, p, 0, 100);
  }
  const method = methodOf(options);
  const sorted = placed(values, ps, method);
  const out: number[] = [];
  for (let i = 0; i < ps.length; i++) out.push(percentileOfSorted(sorted, ps[i] as number, method));
  return out;
}
