import { type BusinessClock, ValidationError } from "@supportkit/core";
import { BusinessTimeIndex, type CompiledCalendar, compileDay, type DayPlan } from "./_lib/businessTimeIndex";
import { dayNumberOfDate } from "./_lib/tz";
import { type BusinessCalendarConfig, parseBusinessCalendarConfig, WEEKDAY_KEYS } from "./calendarConfig";

const DEFAULT_HORIZON_DAYS = 1_830;

/**
 * A business calendar: opening hours in one IANA time zone with holidays, short days and extra working
 * days. It implements core's `BusinessClock`, so routing and metrics can take it directly. Each calendar
 * keeps its own lazily built cache of open intervals; there is no global state.
 *
 * Semantics: intervals are half-open `[open, close)`; durations are milliseconds; wall-clock hours are
 * local time on every date (a 09:00–17:00 day on a DST date is still 09:00–17:00 local).
 *
 * @example
 * ```ts
 * const cal: BusinessCalendar = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * cal.isOpen(new Date("2026-03-02T08:00:00Z")); //=> true
 * ```
 */
export interface BusinessCalendar extends BusinessClock {
  /** The IANA time zone of the opening hours. */
  readonly timeZone: string;
  /** The validated configuration the calendar was built from. */
  readonly config: Readonly<BusinessCalendarConfig>;
  /** The instant reached after `ms` of business time from `start` (negative `ms` goes back); see {@link addBusinessTime}. */
  add(start: Date, ms: number): Date;
  /** Business milliseconds from `a` to `b`, negative when `b` is before `a`; see {@link businessTimeBetween}. */
  between(a: Date, b: Date): number;
  /** Whether `at` is inside an opening interval (false at a close); see {@link isOpen}. */
  isOpen(at: Date): boolean;
  /** `at` when open, otherwise the next opening; see {@link nextOpen}. */
  nextOpen(at: Date): Date;
  /** The end of the open stretch at or after `at`; see {@link nextClose}. */
  nextClose(at: Date): Date;
}

/**
 * Creates a business calendar from a config (validated here; untrusted input is fine).
 *
 * Holidays close their date (or, with `hours`, make it a short day); `workdays` open a date that is
 * normally closed (China's make-up working days). Both replace the intervals that start on their date,
 * so the tail of an overnight shift that started the evening before still counts. Searches give up after
 * `searchHorizonDays` (default 1,830) of closed time with a `CalendarHorizonError`.
 *
 * @param config - time zone, weekly hours, holidays, extra working days
 * @returns the calendar
 * @throws ValidationError (code `VALIDATION`) naming the field: unknown time zone, malformed `HH:MM`,
 *   a date that does not exist, a date listed twice, or a calendar that is never open
 * @example
 * ```ts
 * const cal = createBusinessCalendar({
 *   timeZone: "America/New_York",
 *   weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] },
 *   holidays: [{ date: "2026-01-19", name: "MLK Day" }],
 * });
 * // Friday 16:30 EST plus 1 business hour: 30 minutes on Friday, Monday is a holiday, 30 minutes on Tuesday.
 * cal.add(new Date("2026-01-16T21:30:00Z"), 3_600_000).toISOString(); //=> "2026-01-20T14:30:00.000Z"
 * ```
 */
export function createBusinessCalendar(config: BusinessCalendarConfig): BusinessCalendar {
  const parsed = parseBusinessCalendarConfig(config);
  const weekly: DayPlan[] = WEEKDAY_KEYS.map((day) => compileDay(parsed.weekly[day] ?? []));
  const dated = new Map<number, DayPlan>();
  for (const holiday of parsed.holidays ?? []) {
    dated.set(dayNumberOfDate(holiday.date)!, compileDay(holiday.hours ?? []));
  }
  for (const workday of parsed.workdays ?? []) {
    const hours = workday.hours ?? parsed.weekly[workday.like ?? "mon"] ?? [];
    dated.set(dayNumberOfDate(workday.date)!, compileDay(hours));
  }
  const compiled: CompiledCalendar = {
    timeZone: parsed.timeZone,
    weekly,
    dated,
    horizonDays: parsed.searchHorizonDays ?? DEFAULT_HORIZON_DAYS,
  };
  const index = new BusinessTimeIndex(compiled);
  return Object.freeze({
    timeZone: parsed.timeZone,
    config: parsed,
    add: (start: Date, ms: number) => {
      if (!Number.isInteger(ms)) invalid("ms", "expected a whole number of milliseconds", ms);
      return new Date(index.add(epoch(start, "start"), ms));
    },
    between: (a: Date, b: Date) => {
      const from = epoch(a, "a");
      const to = epoch(b, "b");
      return from <= to ? index.between(from, to) : 0 - index.between(to, from);
    },
    isOpen: (at: Date) => index.isOpen(epoch(at, "at")),
    nextOpen: (at: Date) => new Date(index.nextOpen(epoch(at, "at"))),
    nextClose: (at: Date) => new Date(index.nextClose(epoch(at, "at"))),
  });
}

function epoch(value: Date, field: string): number {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(time)) invalid(field, "expected a valid Date", value);
  return time;
}

function invalid(field: string, message: string, value: unknown): never {
  throw new ValidationError(field, [
    { path: "", code: "invalid_argument", message: `${message}, got ${String(value)}` },
  ]);
}
