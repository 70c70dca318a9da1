/**
 * The one place in sla that knows how wall-clock time maps to instants in an IANA zone. Offsets come from
 * core's `timeZoneOffset` (Intl, one cached formatter per zone) and are cached per UTC day, so a
 * zone costs one `formatToParts` call per day it is asked about plus a bisection per DST transition.
 *
 * Local wall times are handled as "wall milliseconds": the epoch milliseconds the wall time would have in
 * UTC (`Date.UTC(y, m - 1, d, h, mi)`), so date arithmetic on them is plain integer arithmetic.
 *
 * Assumption (true of every zone in the current tz database since 1970): a zone changes its offset at most
 * once within any one UTC day.
 */

import { timeZoneOffset } from "@supportkit/core";

export const DAY_MS = 86_400_000;

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
    zone = { name: timeZone, dayOffsets: new Map(), transitions: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Offset straight from Intl (core's `timeZoneOffset`), to the second. */
function rawOffset(zone: Zone, utc: number): number {
  return timeZoneOffset(zone.name, utc);
}

function dayOffset(zone: Zone, dayNumber: number): number {
  let offset = zone.dayOffsets.get(dayNumber);
  if (offset === undefined) {
    offset = rawOffset(zone, dayNumber * DAY_MS);
    zone.dayOffsets.set(dayNumber, offset);
  }
  return offset;
}

/**
 * The zone's offset at an instant: local wall milliseconds minus UTC milliseconds.
 *
 * @param timeZone - a valid IANA zone (validated by the caller)
 * @param utc - epoch milliseconds
 */
export function offsetAt(timeZone: string, utc: number): number {
  const zone = zoneOf(timeZone);
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

/**
 * The instant of a local wall time, resolved as RFC 5545 / Temporal `"compatible"`: a wall time that
 * occurs twice (fall back) takes its first occurrence; one that does not exist (spring forward) moves
 * forward by the length of the gap.
 *
 * @param timeZone - a valid IANA zone
 * @param wall - local wall milliseconds
 * @returns epoch milliseconds
 */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: read with the offset in force before it, which lands past the gap by its length.
  return early;
}

/**
 * The local wall milliseconds of an instant.
 *
 * @param timeZone - a valid IANA zone
 * @param utc - epoch milliseconds
 */
export function instantToWall(timeZone: string, utc: number): number {
  return utc + offsetAt(timeZone, utc);
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or `undefined` when the date does not exist. */
export function dayNumberOfDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return time / DAY_MS;
}
