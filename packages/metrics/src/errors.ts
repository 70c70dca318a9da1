import { SupportKitError } from "@supportkit/core";

/**
 * Stable codes of {@link MetricsError}.
 *
 * - `EMPTY_INPUT`: a statistic was asked of no values (a percentile of an empty list)
 * - `TARGET_UNREACHABLE`: no staffing level up to the search bound meets the targets
 * - `ACCUMULATOR_MISMATCH`: two accumulators with different options were merged
 *
 * @example
 * ```ts
 * const code: MetricsErrorCode = "EMPTY_INPUT";
 * ```
 */
export type MetricsErrorCode = "EMPTY_INPUT" | "TARGET_UNREACHABLE" | "ACCUMULATOR_MISMATCH";

/**
 * A metric cannot be computed from otherwise valid input. Match on `code`, not on the message.
 *
 * @example
 * ```ts
 * try {
 *   percentile([], 50);
 * } catch (error) {
 *   if (error instanceof MetricsError) error.code; //=> "EMPTY_INPUT"
 * }
 * ```
 */
export class MetricsError extends SupportKitError {
  static override readonly brand: string = "@supportkit/metrics:MetricsError";

  /** Which rule the input broke. */
  declare readonly code: MetricsErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   */
  constructor(code: MetricsErrorCode, message: string) {
    super(code, message);
    this.name = "MetricsError";
  }
}
