import { histogramOf, levelOf, wilson } from "./_lib/scores";
import { checkKeys, count, fail } from "./_lib/validate";

/**
 * A two-sided confidence interval.
 *
 * @example
 * ```ts
 * const ci: ConfidenceInterval = { level: 0.95, low: 0.71, high: 0.93 };
 * ```
 */
export interface ConfidenceInterval {
  /** Confidence level, e.g. `0.95`. */
  readonly level: number;
  /** Lower bound, in the unit of the score it belongs to. */
  readonly low: number;
  /** Upper bound. */
  readonly high: number;
}

/**
 * Options of {@link csat}.
 *
 * @example
 * ```ts
 * csat([5, 4], { offered: 4, confidenceLevel: 0.9 }).responseRate; //=> 0.5
 * ```
 */
export interface CsatOptions {
  /** Number of surveys sent; gives `responseRate`. Must be at least the number of scores. */
  readonly offered?: number;
  /** Level of `confidence`; default `0.95`. */
  readonly confidenceLevel?: number;
}

/**
 * Customer satisfaction from 1–5 ratings.
 *
 * @example
 * ```ts
 * const result: CsatResult = csat([5, 4, 2]);
 * result.share; //=> 0.6666666666666666
 * ```
 */
export interface CsatResult {
  /** Number of ratings. */
  readonly count: number;
  /** Ratings of 4 or 5 (top-2-box). */
  readonly satisfied: number;
  /** `satisfied / count` (0–1); `null` without ratings. This is the CSAT score most help desks show. */
  readonly share: number | null;
  /** Mean rating (1–5); `null` without ratings. */
  readonly mean: number | null;
  /** `count / offered` when `offered` was given, otherwise `null`. */
  readonly responseRate: number | null;
  /** Wilson interval of `share`; `null` without ratings. */
  readonly confidence: ConfidenceInterval | null;
  /** Count of each score, index 1–5 (index 0 is always 0). */
  readonly histogram: readonly number[];
}

const SUBJECT = "CSAT scores";

// Shared with the accumulator, which keeps histograms rather than lists.
export function csatFromHistogram(
  hist: readonly number[],
  offered: number | undefined,
  level: number,
): CsatResult {
  let n = 0;
  let sum = 0;
  for (let s = 1; s <= 5; s++) {
    n += hist[s] ?? 0;
    sum += (hist[s] ?? 0) * s;
  }
  const satisfied = (hist[4] ?? 0) + (hist[5] ?? 0);
  return {
    count: n,
    satisfied,
    share: n === 0 ? null : satisfied / n,
    mean: n === 0 ? null : sum / n,
    responseRate: offered === undefined ? null : offered === 0 ? null : n / offered,
    confidence: wilson(satisfied, n, level),
    histogram: [0, hist[1] ?? 0, hist[2] ?? 0, hist[3] ?? 0, hist[4] ?? 0, hist[5] ?? 0],
  };
}

/**
 * CSAT from 1–5 ratings: the top-2-box share (ratings of 4 or 5), the mean, the response rate when the
 * number of surveys sent is known, and a Wilson confidence interval of the share. A rating that is not a
 * whole number from 1 to 5 is an error, never averaged in.
 *
 * @param scores - ratings, each a whole number 1–5
 * @param options - `offered` (surveys sent) and `confidenceLevel` (default 0.95)
 * @returns counts, share, mean, response rate and interval
 * @throws ValidationError (code `VALIDATION`) when `scores` is not an array, naming the index of a bad score,
 *   or for a bad or unknown option
 * @example
 * ```ts
 * const result = csat([5, 5, 4, 3, 1], { offered: 10 });
 * result.share; //=> 0.6
 * result.mean; //=> 3.6
 * result.responseRate; //=> 0.5
 * ```
 */
export function csat(scores: readonly number[], options: CsatOptions = {}): CsatResult {
  checkKeys(SUBJECT, "options", options, ["offered", "confidenceLevel"]);
  const hist = histogramOf(SUBJECT, scores, 1, 5);
  const level = levelOf(SUBJECT, options.confidenceLevel);
  let offered: number | undefined;
  if (options.offered !== undefined) {
    offered = count(SUBJECT, "offered", options.offered);
    if (offered < scores.length) {
      fail(
        SUBJECT,
        "offered",
        `must be at least the number of scores (${scores.length}), got ${offered}`,
        "out_of_range",
      );
    }
  }
  return csatFromHistogram(hist, offered, level);
}
