import type { BusinessCalendarConfig } from "../calendarConfig";

/**
 * A brute-force model of a calendar, written independently of the package's index and tz module: it resolves
 * wall times with date-fns-tz offsets by scanning, lists every open interval in a window, and answers
 * questions by stepping minute by minute. Slow on purpose; only for tests on minute grids with boundaries on
 * quarter hours.
 */
export interface Oracle {
  readonly intervals: readonly (readonly [number, number])[];
  isOpen(t: number): boolean;
  between(a: number, b: number): number;
  /** The result, or `undefined` when it lies past `limit`. */
  add(t: number, ms: number, limit: readonly [number, number]): number | undefined;
  /** The result, or `undefined` when it lies past `limit`. */
  nextOpen(t: number, limit: number): number | undefined;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Offset from Intl's `longOffset` zone name ("GMT+05:30"), a different path from the package's field
 * arithmetic. (date-fns-tz's `getTimezoneOffset` is not used: it reports America/Santiago's April 2026
 * change three hours early.)
 */
function offset(zone: string, t: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    formats.set(zone, format);
  }
  const name = format.formatToParts(t).find((part) => part.type === "timeZoneName")!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT" alone is UTC
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * 3_600_000 + Number(match[3]) * 60_000);
}

/** Compatible resolution by scanning quarter hours: first occurrence, or shifted forward past a gap. */
export function resolveWall(zone: string, wall: number): number {
  for (let t = wall - 15 * 3_600_000; t <= wall + 15 * 3_600_000; t += 15 * MINUTE) {
    const w = t + offset(zone, t);
    if (w === wall) return t;
    if (w > wall) {
      // The wall clock jumped over `wall`: read it with the offset in force just before the jump.
      return wall - offset(zone, t - MINUTE);
    }
  }
  throw new Error("unresolvable wall time");
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
}

/** Builds the oracle for local days `fromDay`..`toDay` (day numbers since 1970-01-01). */
export function buildOracle(config: BusinessCalendarConfig, fromDay: number, toDay: number): Oracle {
  const zone = config.timeZone;
  const raw: [number, number][] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const iso = new Date(day * DAY).toISOString().slice(0, 10);
    const holiday = config.holidays?.find((h) => h.date === iso);
    const workday = config.workdays?.find((w) => w.date === iso);
    const weekday = DAYS[new Date(day * DAY).getUTCDay()]!;
    const hours = holiday
      ? (holiday.hours ?? [])
      : workday
        ? (workday.hours ?? config.weekly[workday.like ?? "mon"] ?? [])
        : (config.weekly[weekday] ?? []);
    for (const [open, close] of hours) {
      const o = minutesOf(open);
      let c = minutesOf(close);
      if (c <= o) c += 1440;
      const s = resolveWall(zone, day * DAY + o * MINUTE);
      const e = resolveWall(zone, day * DAY + c * MINUTE);
      if (e > s) raw.push([s, e]);
    }
  }
  const intervals = raw;
  const isOpen = (t: number) => intervals.some(([s, e]) => s <= t && t < e);
  return {
    intervals,
    isOpen,
    between(a, b) {
      let sum = 0;
      const sign = a <= b ? 1 : -1;
      const [x, y] = a <= b ? [a, b] : [b, a];
      for (let t = x; t < y; t += MINUTE) if (isOpen(t)) sum += MINUTE;
      return sum === 0 ? 0 : sign * sum;
    },
    add(t, ms, [min, max]) {
      if (ms === 0) return this.nextOpen(t, max);
      let left = Math.abs(ms);
      if (ms > 0) {
        for (let x = t; x < max; x += MINUTE) {
          if (isOpen(x)) left -= MINUTE;
          if (left === 0) return x + MINUTE;
        }
        return undefined;
      }
      for (let x = t - MINUTE; x >= min; x -= MINUTE) {
        if (isOpen(x)) left -= MINUTE;
        if (left === 0) return x;
      }
      return undefined;
    },
    nextOpen(t, max) {
      for (let x = t; x < max; x += MINUTE) if (isOpen(x)) return x;
      return undefined;
    },
  };
}
