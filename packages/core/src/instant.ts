import { ValidationError } from "./errors";

/**
 * An instant as users pass it in: a `Date`, epoch milliseconds, or an ISO 8601 string with a UTC
 * offset (`2026-03-08T09:00:00Z`, `2026-03-08T09:00:00+08:00`).
 *
 * @example
 * ```ts
 * const at: InstantInput = "2026-03-08T09:00:00-05:00";
 * ```
 */
export type InstantInput = Date | number | string;

// An ISO string must carry its offset: a bare local time would silently take the host's zone.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads an instant without throwing: the epoch milliseconds, or `undefined` when it is not a real instant.
 *
 * @param value - a `Date`, epoch milliseconds or an ISO 8601 string with offset
 * @returns epoch milliseconds, or `undefined` for anything else
 * @example
 * ```ts
 * instantToEpoch("2026-01-01T00:00:00Z"); //=> 1767225600000
 * instantToEpoch("yesterday"); //=> undefined
 * ```
 */
export function instantToEpoch(value: unknown): number | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? time : undefined;
  }
  if (typeof value === "number")
    return Number.isFinite(value) && Math.abs(value) <= 8.64e15 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  // Date.parse rolls 2026-02-30 over into March; a date that does not exist is an error here.
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

/**
 * Turns an instant a user passed in into a `Date`, or throws a `ValidationError` naming the field.
 *
 * @param value - a `Date`, epoch milliseconds or an ISO 8601 string with offset
 * @param field - the argument or field name used in the error message
 * @returns a new `Date`
 * @throws ValidationError (code `VALIDATION`) when the value is not a real instant
 * @example
 * ```ts
 * toDate("2026-03-08T09:00:00Z", "start").toISOString(); //=> "2026-03-08T09:00:00.000Z"
 * toDate("2026-02-30T09:00:00Z", "start"); // throws: Invalid start: expected an instant ...
 * ```
 */
export function toDate(value: InstantInput, field = "instant"): Date {
  const time = instantToEpoch(value);
  if (time === undefined) {
    throw new ValidationError(field, [
      {
        path: "",
        code: "invalid_instant",
        message: `expected an instant (Date, epoch ms or ISO 8601 string with offset), got ${describe(value)}`,
      },
    ]);
  }
  return new Date(time);
}

function describe(value: unknown): string {
  if (value instanceof Date) return "an invalid Date";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? "null" : typeof value === "number" ? String(value) : typeof value;
}
