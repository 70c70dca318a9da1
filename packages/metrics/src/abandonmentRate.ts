import { checkInput, checkKeys, count, fail, nonNegative } from "./_lib/validate";

/**
 * Input of {@link abandonmentRate}.
 *
 * @example
 * ```ts
 * const input: AbandonmentInput = { offered: 500, abandonedWaitsMs: [2_000, 45_000, 90_000] };
 * ```
 */
export interface AbandonmentInput {
  /** Contacts offered to the queue (answered + abandoned). */
  readonly offered: number;
  /** How long each abandoned contact waited before hanging up, in ms. */
  readonly abandonedWaitsMs: readonly number[];
}

/**
 * Options of {@link abandonmentRate}.
 *
 * @example
 * ```ts
 * abandonmentRate({ offered: 10, abandonedWaitsMs: [8_000] }, { shortAbandonMs: 10_000 }).rate; //=> 0
 * ```
 */
export interface AbandonmentOptions {
  /** Abandons at or below this wait are "short" (wrong numbers, instant hang-ups) and left out; default 5,000 ms. */
  readonly shortAbandonMs?: number;
}

/**
 * Abandonment of a queue with short abandons left out of both sides.
 *
 * @example
 * ```ts
 * const result: AbandonmentResult = abandonmentRate({ offered: 100, abandonedWaitsMs: [1_000, 60_000] });
 * result.rate; //=> 0.010101010101010102
 * ```
 */
export interface AbandonmentResult {
  /** Contacts offered. */
  readonly offered: number;
  /** All abandons. */
  readonly abandoned: number;
  /** Abandons at or below the short-abandon threshold. */
  readonly shortAbandoned: number;
  /** `(abandoned − short) / (offered − short)`; `null` when nothing is left to count. */
  readonly rate: number | null;
}

/**
 * Abandonment rate with a short-abandon threshold: callers who hang up within a few seconds never had a
 * chance to be answered, so they leave both the numerator and the denominator.
 *
 * @param input - contacts offered and the wait of each abandon in ms
 * @param options - `shortAbandonMs` (default 5,000)
 * @returns counts and the rate
 * @throws ValidationError (code `VALIDATION`) for a negative wait, a fractional count, more abandons than offers,
 *   or an unknown key in `input` or `options`
 * @example
 * ```ts
 * abandonmentRate({ offered: 200, abandonedWaitsMs: [3_000, 4_000, 30_000, 70_000] }).rate; //=> 0.0101… (2 / 198: the two short abandons leave both sides)
 * ```
 */
export function abandonmentRate(
  input: AbandonmentInput,
  options: AbandonmentOptions = {},
): AbandonmentResult {
  const subject = "abandonment input";
  checkInput(subject, input, ["offered", "abandonedWaitsMs"]);
  checkKeys(subject, "options", options, ["shortAbandonMs"]);
  const offered = count(subject, "offered", input.offered);
  if (!Array.isArray(input.abandonedWaitsMs))
    fail(subject, "abandonedWaitsMs", "must be an array of durations");
  const threshold = nonNegative(subject, "shortAbandonMs", options.shortAbandonMs ?? 5_000);
  let short = 0;
  input.abandonedWaitsMs.forEach((wait, i) => {
    if (nonNegative(subject, `abandonedWaitsMs.${i}`, wait) <= threshold) short++;
  });
  const abandoned = input.abandonedWaitsMs.length;
  if (abandoned > offered)
    fail(
      subject,
      "abandonedWaitsMs",
      `has ${abandoned} abandons but only ${offered} offered`,
      "out_of_range",
    );
  const denominator = offered - short;
  return {
    offered,
    abandoned,
    shortAbandoned: short,
    rate: denominator === 0 ? null : (abandoned - short) / denominator,
  };
}
