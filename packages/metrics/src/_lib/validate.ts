import { ValidationError } from "@supportkit/core";

// Cheap checks for hot numeric entry points; the messages read like core's zod-based ones.
export function fail(subject: string, path: string, message: string, code = "invalid_value"): never {
  throw new ValidationError(subject, [{ path, code, message }]);
}

export function finite(subject: string, path: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(subject, path, "must be a finite number");
  return value;
}

export function inRange(
  subject: string,
  path: string,
  value: unknown,
  min: number,
  max: number,
  { minExclusive = false, maxExclusive = false } = {},
): number {
  const n = finite(subject, path, value);
  if (n < min || (minExclusive && n === min) || n > max || (maxExclusive && n === max)) {
    const lo = minExclusive ? `greater than ${min}` : `at least ${min}`;
    const hi = maxExclusive ? `less than ${max}` : `at most ${max}`;
    fail(subject, path, `must be ${lo} and ${hi} (got ${n})`, "out_of_range");
  }
  return n;
}

export function positive(subject: string, path: string, value: unknown): number {
  const n = finite(subject, path, value);
  if (n <= 0) fail(subject, path, `must be greater than 0 (got ${n})`, "out_of_range");
  return n;
}

export function nonNegative(subject: string, path: string, value: unknown): number {
  const n = finite(subject, path, value);
  if (n < 0) fail(subject, path, `must not be negative (got ${n})`, "out_of_range");
  return n;
}

export function count(subject: string, path: string, value: unknown): number {
  const n = nonNegative(subject, path, value);
  if (!Number.isInteger(n)) fail(subject, path, `must be a whole number (got ${n})`, "not_integer");
  return n;
}

/**
 * Rejects an options object that is not a plain object or holds a key the function does not define: a typo
 * (`methd`, `groupby`) would otherwise be ignored and the call would quietly use the default. The message
 * reads like core's zod `strictObject` errors (`unknown field "methd"`), so every package says it alike.
 * `undefined` passes: options are optional.
 */
export function checkKeys(subject: string, path: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(subject, path, "must be an object", "invalid_type");
  }
  // A loop over own keys with no array built: this runs on every call of the small numeric functions.
  let known = true;
  for (const key in value) {
    if (Object.hasOwn(value, key) && !allowed.includes(key)) {
      known = false;
      break;
    }
  }
  if (known) return;
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  const names = unknown.map((key) => `"${key}"`).join(", ");
  fail(subject, path, `unknown field${unknown.length > 1 ? "s" : ""} ${names}`, "unrecognized_keys");
}

/** Throws unless `value` is an array, naming the argument: a `for` over `null` is a TypeError deep inside. */
export function checkArray(subject: string, path: string, value: unknown, what: string): void {
  if (!Array.isArray(value)) fail(subject, path, `must be an array of ${what}`, "invalid_type");
}

/** {@link checkKeys} for a required input object: `undefined` fails too. */
export function checkInput(subject: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) fail(subject, "", "must be an object", "invalid_type");
  checkKeys(subject, "", value, allowed);
}
