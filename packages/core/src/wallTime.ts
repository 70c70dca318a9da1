/**
 * Wall-clock time in an IANA zone and back, with one rule for times a DST change skips or repeats. sla's
 * calendars and templates' `date` filter both read local times; they share this so they cannot disagree.
 *
 * Local wall times are "wall milliseconds": the epoch milliseconds the wall time would have in UTC
 * (`Date.UTC(y, m - 1, d, h, mi)`), so date arithmetic on them is plain integer arithmetic.
 *
 * Offsets come from `timeZoneOffset` (Intl) and are cached per zone and UTC day, with a bisection to the
 * second on a day whose two ends differ. Assumption (true of every zone in the tz database since 1970): a
 * zone changes its offset at most once within one UTC day.
 */
import { ValidationError } from "./errors";
import { isValidTimeZone, timeZoneOffset } from "./timeZone";

const DAY_MS = 86_400_000;
const MAX_EPOCH_MS = 8.64e15;
/** Days remembered per zone before its cache starts over (about 270 years of days). */
const DAYS_PER_ZONE = 100_000;
const ZONES = 1024;

interface Zone {
  readonly name: string;
  /** UTC day number → offset (ms, local minus UTC) at that day's 00:00 UTC. */
  readonly dayOffsets: Map<number, number>;
  /** UTC day number → instant of the offset change inside that day (for days whose ends differ). */
  readonly transitions: Map<number, number>;
}

const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    if (zones.size >= ZONES) zones.clear();
    zone = { name: timeZone, dayOffsets: new Map(), transitions: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/**
 * Intl's offset. Within a day of either end of the Date range a wall time may not be representable, and
 * Intl has no offset there: the offset two days further in stands for it.
 */
function rawOffset(zone: Zone, utc: number): number {
  const offset = timeZoneOffset(zone.name, Math.max(-MAX_EPOCH_MS, Math.min(MAX_EPOCH_MS, utc)));
  if (!Number.isNaN(offset)) return offset;
  return timeZoneOffset(
    zone.name,
    Math.max(-MAX_EPOCH_MS + 2 * DAY_MS, Math.min(MAX_EPOCH_MS - 2 * DAY_MS, utc)),
  );
}

function inRange(result: number, field: string): number {
  if (Math.abs(result) > MAX_EPOCH_MS) {
    throw new ValidationError("wall time input", [
      { path: field, code: "too_big", message: "converts to a time outside the Date range" },
    ]);
  }
  return result;
}

function dayOffset(zone: Zone, dayNumber: number): number {
  let offset = zone.dayOffsets.get(dayNumber);
  if (offset === undefined) {
    offset = rawOffset(zone, dayNumber * DAY_MS);
    if (zone.dayOffsets.size >= DAYS_PER_ZONE) {
      zone.dayOffsets.clear();
      zone.transitions.clear();
    }
    zone.dayOffsets.set(dayNumber, offset);
  }
  return offset;
}

/** The zone's offset at an instant (local minus UTC, ms), cached. Inputs are checked by the callers. */
function offsetAt(zone: Zone, utc: number): number {
  const dayNumber = Math.floor(utc / DAY_MS);
  const before = dayOffset(zone, dayNumber);
  const after = dayOffset(zone, dayNumber + 1);
  if (before === after) return before;
  let change = zone.transitions.get(dayNumber);
  if (change === undefined) {
    // Bisect to the second: the first instant of the day whose offset is `after`.
    let lo = dayNumber * DAY_MS; // offset here is `before`
    let hi = lo + DAY_MS; // offset here is `after`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (rawOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    change = hi;
    zone.transitions.set(dayNumber, change);
  }
  return utc < change ? before : after;
}

function checkedZone(timeZone: string, value: number, field: string): Zone {
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > MAX_EPOCH_MS) {
    throw new ValidationError("wall time input", [
      {
        path: field,
        code: "invalid_type",
        message: "must be a finite number of milliseconds within the Date range",
      },
    ]);
  }
  const zone = zones.get(timeZone);
  if (zone !== undefined) return zone;
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) {
    throw new ValidationError("wall time input", [
      { path: "timeZone", code: "invalid_value", message: `unknown IANA time zone "${String(timeZone)}"` },
    ]);
  }
  return zoneOf(timeZone);
}

/**
 * The local wall-clock time of an instant in an IANA zone, as wall milliseconds: the epoch milliseconds
 * that wall time would have in UTC. Read its parts with `getUTC*` on `new Date(result)`.
 *
 * @param timeZone - an IANA zone name
 * @param epochMs - the instant, epoch milliseconds
 * @returns the local wall time, as wall milliseconds
 * @throws ValidationError (code `VALIDATION`) naming `timeZone` for an unknown zone, or `epochMs` when it is
 *   not a finite number within the Date range or its wall time is outside it
 * @example
 * ```ts
 * new Date(instantToWallTime("Asia/Shanghai", Date.UTC(2026, 0, 1))).toISOString(); //=> "2026-01-01T08:00:00.000Z"
 * ```
 */
export function instantToWallTime(timeZone: string, epochMs: number): number {
  const zone = checkedZone(timeZone, epochMs, "epochMs");
  return inRange(epochMs + offsetAt(zone, epochMs), "epochMs");
}

/**
 * The instant of a local wall-clock time in an IANA zone, resolved as RFC 5545 and Temporal's
 * `"compatible"` disambiguation: a wall time that occurs twice (the clocks fall back) is its first
 * occurrence; one that does not exist (they spring forward) moves forward by the length of the gap, so
 * 02:30 on New York's spring-forward Sunday is 03:30 EDT.
 *
 * @param timeZone - an IANA zone name
 * @param wallMs - the local wall time as wall milliseconds (`Date.UTC` of its fields)
 * @returns the instant, epoch milliseconds
 * @throws ValidationError (code `VALIDATION`) naming `timeZone` for an unknown zone, or `wallMs` when it is
 *   not a finite number within the Date range or its instant is outside it
 * @example
 * ```ts
 * new Date(wallTimeToInstant("America/New_York", Date.UTC(2026, 2, 8, 2, 30))).toISOString(); //=> "2026-03-08T07:30:00.000Z"
 * new Date(wallTimeToInstant("America/New_York", Date.UTC(2026, 10, 1, 1, 30))).toISOString(); //=> "2026-11-01T05:30:00.000Z"
 * ```
 */
export function wallTimeToInstant(timeZone: string, wallMs: number): number {
  const zone = checkedZone(timeZone, wallMs, "wallMs");
  const before = offsetAt(zone, wallMs - DAY_MS);
  const after = offsetAt(zone, wallMs + DAY_MS);
  const early = wallMs - before;
  if (before === after) return inRange(early, "wallMs");
  const late = wallMs - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return inRange(Math.min(early, late), "wallMs");
  if (lateValid && !earlyValid) return inRange(late, "wallMs");
  // Valid with the earlier offset, or in the gap: read with the offset in force before the change, which
  // lands past the gap by exactly how far into the gap the wall time was.
  return inRange(early, "wallMs");
}
