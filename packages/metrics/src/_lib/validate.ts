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
