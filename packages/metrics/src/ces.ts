import { histogramOf, levelOf, meanInterval } from "./_lib/scores";
import { checkKeys } from "./_lib/validate";
import type { ConfidenceInterval } from "./csat";

/**
 * Options of {@link ces}.
 *
 * @example
 * ```ts
 * ces([7, 5], { confidenceLevel: 0.99 }).mean; //=> 6
 * ```
 */
export interface CesOptions {
  /** Level of `confidence`; default `0.95`. */
  readonly confidenceLevel?: number;
}

/**
 * Customer Effort Score from 1–7 answers ("the company made it easy to handle my issue", 7 = strongly agree).
 *
 * @example
 * ```ts
 * const result: CesResult = ces([7, 5, 2]);
 * result.agreeing; //=> 2
 * ```
 */
export interface CesResult {
  /** Number of answers. */
  readonly count: number;
  /** Mean answer (1–7); `null` without answers. */
  readonly mean: number | null;
  /** Answers of 5, 6 or 7 (agreeing that it was easy). */
  readonly agreeing: number;
  /** `agreeing / count` (0–1); `null` without answers. */
  readonly agreeShare: number | null;
  /** Normal interval of `mean` (sample standard deviation), clamped to 1–7; `null` below two answers. */
  readonly confidence: ConfidenceInterval | null;
  /** Count of each answer, index 1–7 (index 0 is always 0). */
  readonly histogram: readonly number[];
}

// Shared with the accumulator, which keeps histograms rather than lists.
export function cesFromHistogram(hist: readonly number[], level: number): CesResult {
  let n = 0;
  let sum = 0;
  const histogram = Array.from({ length: 8 }, (_, s) => (s === 0 ? 0 : (hist[s] ?? 0)));
  for (let s = 1; s <= 7; s++) {
    n += histogram[s] as number;
    sum += (histogram[s] as number) * s;
  }
  const agreeing = (histogram[5] as number) + (histogram[6] as number) + (histogram[7] as number);
  return {
    count: n,
    mean: n === 0 ? null : sum / n,
    agreeing,
    agreeShare: n === 0 ? null : agreeing / n,
    confidence: meanInterval(histogram, level, 1, 7),
    histogram,
  };
}

/**
 * Customer Effort Score on the 1–7 agreement scale: the mean and the share agreeing (5–7), with count
 * and a confidence interval of the mean. An answer that is not a whole number from 1 to 7 is an error,
 * never averaged in.
 *
 * @param scores - answers, each a whole number 1–7
 * @param options - `confidenceLevel` (default 0.95)
 * @returns count, mean, agreeing share and interval
 * @throws ValidationError (code `VALIDATION`) when `scores` is not an array, naming the index of a bad answer,
 *   or for a bad or unknown option
 * @example
 * ```ts
 * const result = ces([7, 6, 5, 3]);
 * result.mean; //=> 5.25
 * result.agreeShare; //=> 0.75
 * ```
 */
export function ces(scores: readonly number[], options: CesOptions = {}): CesResult {
  checkKeys("CES answers", "options", options, ["confidenceLevel"]);
  const hist = histogramOf("CES answers", scores, 1, 7);
  return cesFromHistogram(hist, levelOf("CES answers", options.confidenceLevel));
}
