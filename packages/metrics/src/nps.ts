import { zFor } from "./_lib/normal";
import { histogramOf, levelOf } from "./_lib/scores";
import { checkKeys } from "./_lib/validate";
import type { ConfidenceInterval } from "./csat";

/**
 * Options of {@link nps}.
 *
 * @example
 * ```ts
 * nps([10, 0], { confidenceLevel: 0.9 }).score; //=> 0
 * ```
 */
export interface NpsOptions {
  /** Level of `confidence`; default `0.95`. */
  readonly confidenceLevel?: number;
}

/**
 * Net Promoter Score from 0–10 answers.
 *
 * @example
 * ```ts
 * const result: NpsResult = nps([10, 9, 7, 3]);
 * result.score; //=> 25
 * ```
 */
export interface NpsResult {
  /** Number of answers. */
  readonly count: number;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** `100 · (promoters − detractors) / count`, unrounded, −100..100; `null` without answers. */
  readonly score: number | null;
  /** Normal interval of `score` from the multinomial variance, clamped to −100..100; `null` without answers. */
  readonly confidence: ConfidenceInterval | null;
  /** Count of each answer, index 0–10. */
  readonly histogram: readonly number[];
}

// Shared with the accumulator, which keeps histograms rather than lists.
export function npsFromHistogram(hist: readonly number[], level: number): NpsResult {
  let n = 0;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let s = 0; s <= 10; s++) {
    const c = hist[s] ?? 0;
    n += c;
    if (s >= 9) promoters += c;
    else if (s >= 7) passives += c;
    else detractors += c;
  }
  if (n === 0) {
    return {
      count: 0,
      promoters,
      passives,
      detractors,
      score: null,
      confidence: null,
      histogram: fill(hist),
    };
  }
  const pp = promoters / n;
  const pd = detractors / n;
  const score = 100 * (pp - pd);
  // Var of (1 for promoter, −1 for detractor, 0 otherwise) per answer = pp + pd − (pp − pd)².
  const half = 100 * zFor(level) * Math.sqrt(Math.max(0, pp + pd - (pp - pd) ** 2) / n);
  return {
    count: n,
    promoters,
    passives,
    detractors,
    score,
    confidence: { level, low: Math.max(-100, score - half), high: Math.min(100, score + half) },
    histogram: fill(hist),
  };
}

function fill(hist: readonly number[]): number[] {
  return Array.from({ length: 11 }, (_, s) => hist[s] ?? 0);
}

/**
 * Net Promoter Score: the share of promoters (9–10) minus the share of detractors (0–6), times 100,
 * unrounded (−100..100), with counts and a confidence interval. An answer that is not a whole number from
 * 0 to 10 is an error, never averaged in.
 *
 * @param scores - answers, each a whole number 0–10
 * @param options - `confidenceLevel` (default 0.95)
 * @returns counts, score and interval
 * @throws ValidationError (code `VALIDATION`) when `scores` is not an array, naming the index of a bad answer,
 *   or for a bad or unknown option
 * @example
 * ```ts
 * nps([10, 9, 9, 8, 6, 3]).score; //=> 16.666666666666668
 * nps([]).score; //=> null
 * ```
 */
export function nps(scores: readonly number[], options: NpsOptions = {}): NpsResult {
  checkKeys("NPS answers", "options", options, ["confidenceLevel"]);
  const hist = histogramOf("NPS answers", scores, 0, 10);
  return npsFromHistogram(hist, levelOf("NPS answers", options.confidenceLevel));
}
