/**
 * Milliseconds in the given number of seconds. supportkit durations are always milliseconds.
 *
 * @param value - number of seconds (may be fractional or negative)
 * @returns the duration in milliseconds
 * @example
 * ```ts
 * seconds(90); //=> 90_000
 * ```
 */
export function seconds(value: number): number {
  return value * 1_000;
}

/**
 * Milliseconds in the given number of minutes.
 *
 * @param value - number of minutes (may be fractional or negative)
 * @returns the duration in milliseconds
 * @example
 * ```ts
 * minutes(15); //=> 900_000
 * ```
 */
export function minutes(value: number): number {
  return value * 60_000;
}

/**
 * Milliseconds in the given number of hours.
 *
 * @param value - number of hours (may be fractional or negative)
 * @returns the duration in milliseconds
 * @example
 * ```ts
 * hours(8); //=> 28_800_000
 * ```
 */
export function hours(value: number): number {
  return value * 3_600_000;
}
