/**
 * Budgets that bound what one template may cost. Every field is optional in options; missing fields take the
 * value in {@link DEFAULT_TEMPLATE_LIMITS}. When a budget runs out the template fails with a `TemplateError`
 * of code `TEMPLATE_LIMIT_EXCEEDED` whose `limit` names the field.
 *
 * @example
 * ```ts
 * const limits: TemplateLimits = { ...DEFAULT_TEMPLATE_LIMITS, maxOutputSize: 10_000 };
 * ```
 */
export interface TemplateLimits {
  /** Longest template source accepted, in UTF-16 code units. Default 100 000 (a long HTML email is ~30 000). */
  readonly maxTemplateSize: number;
  /** Deepest nesting of block tags (`if`, `for`, `capture`, ...). Default 24. */
  readonly maxNestingDepth: number;
  /** Template nodes executed in one render, loop bodies counted per iteration. Default 100 000. */
  readonly maxRenderSteps: number;
  /** Loop iterations in one render, all loops together. Default 10 000. */
  readonly maxLoopIterations: number;
  /** Largest `(a..b)` range, in items. Default 10 000. */
  readonly maxRangeSize: number;
  /** Longest output, and longest string a filter or capture may build, in UTF-16 code units. Default 1 000 000. */
  readonly maxOutputSize: number;
}

/**
 * The default budgets: generous for any real reply template, and small enough that a hostile one (six nested
 * ten-item loops, `(1..100000000)`, a 1 MB template) fails in milliseconds.
 *
 * @example
 * ```ts
 * DEFAULT_TEMPLATE_LIMITS.maxRangeSize; //=> 10000
 * ```
 */
export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = Object.freeze({
  maxTemplateSize: 100_000,
  maxNestingDepth: 24,
  maxRenderSteps: 100_000,
  maxLoopIterations: 10_000,
  maxRangeSize: 10_000,
  maxOutputSize: 1_000_000,
});
