import { fail, nonNegative } from "./_lib/validate";

/**
 * One handled contact's time, in ms.
 *
 * @example
 * ```ts
 * const contact: HandledContact = { talkMs: 240_000, holdMs: 30_000, wrapUpMs: 60_000 };
 * ```
 */
export interface HandledContact {
  /** Talk (or writing) time. */
  readonly talkMs: number;
  /** Time the customer was on hold; default 0. */
  readonly holdMs?: number;
  /** After-contact work; default 0. */
  readonly wrapUpMs?: number;
}

/**
 * Average handle time and its parts.
 *
 * @example
 * ```ts
 * const result: AverageHandleTimeResult = averageHandleTime([{ talkMs: 100 }]);
 * result.averageMs; //=> 100
 * ```
 */
export interface AverageHandleTimeResult {
  /** Contacts counted. */
  readonly count: number;
  /** Mean of talk + hold + wrap-up, ms; `null` without contacts. */
  readonly averageMs: number | null;
  /** Mean talk time, ms; `null` without contacts. */
  readonly talkMs: number | null;
  /** Mean hold time, ms; `null` without contacts. */
  readonly holdMs: number | null;
  /** Mean wrap-up time, ms; `null` without contacts. */
  readonly wrapUpMs: number | null;
}

/**
 * Average handle time: talk + hold + wrap-up per handled contact (the AHT that {@link erlangC} takes, in ms here).
 *
 * @param contacts - handled contacts with their talk, hold and wrap-up times in ms
 * @returns the count, the mean AHT and the mean of each part
 * @throws ValidationError (code `VALIDATION`) naming the index of a negative or non-finite time
 * @example
 * ```ts
 * averageHandleTime([
 *   { talkMs: 240_000, holdMs: 30_000, wrapUpMs: 60_000 },
 *   { talkMs: 180_000, wrapUpMs: 30_000 },
 * ]).averageMs; //=> 270_000
 * ```
 */
export function averageHandleTime(contacts: readonly HandledContact[]): AverageHandleTimeResult {
  const subject = "handled contacts";
  if (!Array.isArray(contacts)) fail(subject, "", "must be an array");
  let talk = 0;
  let hold = 0;
  let wrap = 0;
  contacts.forEach((c, i) => {
    if (typeof c !== "object" || c === null) fail(subject, `${i}`, "must be an object");
    talk += nonNegative(subject, `${i}.talkMs`, c.talkMs);
    hold += nonNegative(subject, `${i}.holdMs`, c.holdMs ?? 0);
    wrap += nonNegative(subject, `${i}.wrapUpMs`, c.wrapUpMs ?? 0);
  });
  const n = contacts.length;
  if (n === 0) return { count: 0, averageMs: null, talkMs: null, holdMs: null, wrapUpMs: null };
  return {
    count: n,
    averageMs: (talk + hold + wrap) / n,
    talkMs: talk / n,
    holdMs: hold / n,
    wrapUpMs: wrap / n,
  };
}
