import { checkInput, checkKeys, count, fail } from "./_lib/validate";

/**
 * The five service-level formulas ICMI lists, by what they do with abandoned contacts (T = threshold):
 *
 * 1. `abandonedWithinCountsAsMet`: (answered within T + abandoned within T) / (answered + abandoned)
 * 2. `answeredOnly`: answered within T / answered (ignores abandons entirely)
 * 3. `abandonedCountsAgainst`: answered within T / (answered + abandoned)
 * 4. `ignoreAbandonedWithin` (default): answered within T / (answered + abandoned after T)
 * 5. `shortAbandonedCountsAsMet`: (answered within T + short abandons) / (answered + abandoned)
 *
 * @example
 * ```ts
 * const formula: ServiceLevelFormula = "abandonedCountsAgainst";
 * ```
 */
export type ServiceLevelFormula =
  | "abandonedWithinCountsAsMet"
  | "answeredOnly"
  | "abandonedCountsAgainst"
  | "ignoreAbandonedWithin"
  | "shortAbandonedCountsAsMet";

/**
 * Interval counts that every service-level formula draws from.
 *
 * @example
 * ```ts
 * const counts: ServiceLevelCounts = { answered: 1000, answeredWithin: 860, abandoned: 60, abandonedWithin: 20, shortAbandoned: 10 };
 * ```
 */
export interface ServiceLevelCounts {
  /** Contacts answered. */
  readonly answered: number;
  /** Of those, answered within the threshold. */
  readonly answeredWithin: number;
  /** Contacts abandoned. */
  readonly abandoned: number;
  /** Of those, abandoned within the threshold. */
  readonly abandonedWithin: number;
  /** Of those, abandoned within the short-abandon threshold (only formula 5 uses it); default 0. */
  readonly shortAbandoned?: number;
}

/**
 * Options of {@link serviceLevel}.
 *
 * @example
 * ```ts
 * serviceLevel({ answered: 10, answeredWithin: 8, abandoned: 0, abandonedWithin: 0 }, { formula: "answeredOnly" }).serviceLevel; //=> 0.8
 * ```
 */
export interface ServiceLevelOptions {
  /** Which formula; default `"ignoreAbandonedWithin"` (ICMI formula 4). */
  readonly formula?: ServiceLevelFormula;
}

/**
 * A service level with the counts behind it.
 *
 * @example
 * ```ts
 * const result: ServiceLevelResult = { formula: "answeredOnly", numerator: 860, denominator: 1000, serviceLevel: 0.86 };
 * ```
 */
export interface ServiceLevelResult {
  /** The formula used. */
  readonly formula: ServiceLevelFormula;
  /** Contacts counted as met. */
  readonly numerator: number;
  /** Contacts counted. */
  readonly denominator: number;
  /** `numerator / denominator` (0–1); `null` when nothing is counted. */
  readonly serviceLevel: number | null;
}

const FORMULAS: readonly ServiceLevelFormula[] = [
  "abandonedWithinCountsAsMet",
  "answeredOnly",
  "abandonedCountsAgainst",
  "ignoreAbandonedWithin",
  "shortAbandonedCountsAsMet",
];

/**
 * Service level of an interval under one of ICMI's five formulas, chosen by name.
 *
 * @param counts - answered / abandoned totals and the parts within the threshold
 * @param options - `formula`, default `"ignoreAbandonedWithin"`
 * @returns the service level with its numerator and denominator
 * @throws ValidationError (code `VALIDATION`) for a negative or fractional count, a part larger than its
 *   whole, an unknown formula, or an unknown key in `counts` or `options`
 * @example
 * ```ts
 * const counts = { answered: 1000, answeredWithin: 860, abandoned: 60, abandonedWithin: 20, shortAbandoned: 10 };
 * serviceLevel(counts).serviceLevel; //=> 0.8269… (860 / 1040)
 * serviceLevel(counts, { formula: "abandonedCountsAgainst" }).serviceLevel; //=> 0.8113… (860 / 1060)
 * ```
 */
export function serviceLevel(
  counts: ServiceLevelCounts,
  options: ServiceLevelOptions = {},
): ServiceLevelResult {
  const subject = "service level counts";
  checkInput(subject, counts, [
    "answered",
    "answeredWithin",
    "abandoned",
    "abandonedWithin",
    "shortAbandoned",
  ]);
  checkKeys(subject, "options", options, ["formula"]);
  const answered = count(subject, "answered", counts.answered);
  const answeredWithin = count(subject, "answeredWithin", counts.answeredWithin);
  const abandoned = count(subject, "abandoned", counts.abandoned);
  const abandonedWithin = count(subject, "abandonedWithin", counts.abandonedWithin);
  const shortAbandoned = count(subject, "shortAbandoned", counts.shortAbandoned ?? 0);
  if (answeredWithin > answered) fail(subject, "answeredWithin", "must not exceed answered", "out_of_range");
  if (abandonedWithin > abandoned)
    fail(subject, "abandonedWithin", "must not exceed abandoned", "out_of_range");
  if (shortAbandoned > abandoned)
    fail(subject, "shortAbandoned", "must not exceed abandoned", "out_of_range");
  const formula = options.formula ?? "ignoreAbandonedWithin";
  if (!FORMULAS.includes(formula)) fail(subject, "formula", `must be one of ${FORMULAS.join(", ")}`);
  let numerator: number;
  let denominator: number;
  switch (formula) {
    case "abandonedWithinCountsAsMet":
      numerator = answeredWithin + abandonedWithin;
      denominator = answered + abandoned;
      break;
    case "answeredOnly":
      numerator = answeredWithin;
      denominator = answered;
      break;
    case "abandonedCountsAgainst":
      numerator = answeredWithin;
      denominator = answered + abandoned;
      break;
    case "ignoreAbandonedWithin":
      numerator = answeredWithin;
      denominator = answered + abandoned - abandonedWithin;
      break;
    case "shortAbandonedCountsAsMet":
      numerator = answeredWithin + shortAbandoned;
      denominator = answered + abandoned;
      break;
  }
  return {
    formula,
    numerator,
    denominator,
    serviceLevel: denominator === 0 ? null : numerator / denominator,
  };
}
