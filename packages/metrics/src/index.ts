/**
 * `@supportkit/metrics`: see the package README for what it holds.
 *
 * @packageDocumentation
 */

/**
 * The package name, so a build of this package can be told apart.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; //=> "@supportkit/metrics"
 * ```
 */
export const PACKAGE_NAME = "@supportkit/metrics";
