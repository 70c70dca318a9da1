// Cached Intl objects. Building an Intl formatter costs tens to hundreds of microseconds (an uncached time
// zone ~200 µs); formatting with a built one costs about a microsecond. Caches are keyed by their options and
// bounded, so a stream of distinct hostile locales cannot grow memory without end.
import { instantToWallTime, wallTimeToInstant } from "@supportkit/core";

const MAX_ENTRIES = 512;

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = build();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

const currencyFormats = new Map<string, Map<string, Intl.NumberFormat | null>>();

/**
 * A cached currency formatter for `locale`, or `null` when Intl does not know the currency. Two map lookups
 * by plain keys, no string building: `money` runs once per line item.
 */
let lastLocale = "";
let lastCurrency = "";
let lastDisplay = "";
let lastFormat: Intl.NumberFormat | null = null;

export function currencyFormat(locale: string, currency: string, display: string): Intl.NumberFormat | null {
  // Line items repeat the same currency: remember the last formatter before touching the maps.
  if (currency === lastCurrency && locale === lastLocale && display === lastDisplay) return lastFormat;
  const nf = lookupCurrencyFormat(locale, currency.toUpperCase(), display);
  lastLocale = locale;
  lastCurrency = currency;
  lastDisplay = display;
  lastFormat = nf;
  return nf;
}

function lookupCurrencyFormat(locale: string, currency: string, display: string): Intl.NumberFormat | null {
  let byLocale = currencyFormats.get(locale);
  if (byLocale === undefined) {
    if (currencyFormats.size >= MAX_ENTRIES) currencyFormats.clear();
    byLocale = new Map();
    currencyFormats.set(locale, byLocale);
  }
  const key = display === "symbol" ? currency : `${currency}|${display}`;
  let nf = byLocale.get(key);
  if (nf === undefined) {
    try {
      nf = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        currencyDisplay: display as Intl.NumberFormatOptions["currencyDisplay"],
      });
    } catch {
      nf = null;
    }
    if (byLocale.size >= MAX_ENTRIES) byLocale.clear();
    byLocale.set(key, nf);
  }
  return nf;
}

/** A cached `Intl.NumberFormat`; throws RangeError for a bad currency or locale (callers handle it). */
export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions,
  key: string,
): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${key}`, () => new Intl.NumberFormat(locale, options));
}

/** A cached `Intl.DateTimeFormat`. */
export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  key: string,
): Intl.DateTimeFormat {
  return cached(dateFormats, `${locale}|${key}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A cached `Intl.PluralRules`. */
export function plurals(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  return cached(pluralRules, `${locale}|${type}`, () => new Intl.PluralRules(locale, { type }));
}

/** A cached `Intl.ListFormat`. */
export function listFormat(
  locale: string,
  type: "conjunction" | "disjunction" | "unit",
  style: "long" | "short" | "narrow",
): Intl.ListFormat {
  return cached(
    listFormats,
    `${locale}|${type}|${style}`,
    () => new Intl.ListFormat(locale, { type, style }),
  );
}

/** A cached `Intl.RelativeTimeFormat`. */
export function relativeFormat(locale: string, numeric: "always" | "auto"): Intl.RelativeTimeFormat {
  return cached(
    relativeFormats,
    `${locale}|${numeric}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric }),
  );
}

/** Wall-clock fields of an instant in a time zone. */
export interface WallTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number; // 0 = Sunday
  /** Minutes east of UTC (`+60` for Berlin in winter); fractional where the offset had seconds. */
  readonly offsetMinutes: number;
}

/**
 * The zone's offset at an instant (local minus UTC, ms), exact to the second, from core's cached
 * `instantToWallTime`: the same source `zonedToEpoch` reads through, so a local time printed back shows what
 * was written, also in eras whose offsets had seconds (New York's -4:56:02 before 1883). Within two days of
 * either end of the Date range, where a wall time may not be representable, the offset is taken as 0.
 */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (Math.abs(epochMs) > MAX_EPOCH_MS - 2 * 86_400_000) return 0;
  return instantToWallTime(timeZone, epochMs) - epochMs;
}

/** The wall-clock time of `epochMs` in `timeZone`. */
export function wallTime(epochMs: number, timeZone: string): WallTime {
  const offsetMs = zoneOffsetMs(epochMs, timeZone);
  const offsetMinutes = offsetMs / 60_000;
  const d = new Date(epochMs + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
  };
}

/** Month and weekday names of one locale. */
export interface CalendarNames {
  readonly monthLong: readonly string[];
  readonly monthShort: readonly string[];
  /** Sunday first. */
  readonly weekdayLong: readonly string[];
  readonly weekdayShort: readonly string[];
}

const nameTables = new Map<string, CalendarNames>();

/**
 * Month and weekday names of a locale, built once per locale: a table lookup instead of an Intl call per
 * date. Months use the stand-alone form Intl gives for `{ month }` alone, as liquidjs does.
 */
export function calendarNames(locale: string): CalendarNames {
  return cached(nameTables, locale, () => {
    const table = (field: "month" | "weekday", width: "long" | "short"): readonly string[] => {
      const dtf = new Intl.DateTimeFormat(locale, { [field]: width, timeZone: "UTC" });
      // 2023-01-01 was a Sunday: days 1..7 give Sunday..Saturday, the 15th of each month gives the months.
      return field === "month"
        ? Array.from({ length: 12 }, (_, m) => dtf.format(Date.UTC(2023, m, 15)))
        : Array.from({ length: 7 }, (_, d) => dtf.format(Date.UTC(2023, 0, 1 + d)));
    };
    return {
      monthLong: table("month", "long"),
      monthShort: table("month", "short"),
      weekdayLong: table("weekday", "long"),
      weekdayShort: table("weekday", "short"),
    };
  });
}

/** `Date.UTC` for every year: Date.UTC maps years 0–99 to 1900–1999. */
export function utcEpoch(
  year: number,
  month0: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  if (year >= 100) return Date.UTC(year, month0, day, hour, minute, second, millisecond);
  const d = new Date(0);
  d.setUTCFullYear(year, month0, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime();
}

/** Largest distance from the epoch a Date can hold, in milliseconds. */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * The UTC instant whose wall-clock time in `timeZone` is the given fields (NaN outside the Date range), by
 * core's `wallTimeToInstant`, the rule sla uses too: a time that occurs twice (fall back) takes its first
 * occurrence; one that does not exist (spring forward) moves forward by the length of the gap, so `02:30` on
 * New York's spring-forward Sunday is `03:30 EDT`.
 */
export function zonedToEpoch(
  fields: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    millisecond: number;
  },
  timeZone: string,
): number {
  const wall = utcEpoch(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  if (!Number.isFinite(wall) || Math.abs(wall) > MAX_EPOCH_MS - 86_400_000) return Number.NaN;
  return wallTimeToInstant(timeZone, wall);
}

const knownCurrencies = new Map<string, boolean>();
let currencyNames: Intl.DisplayNames | null | undefined;

/**
 * Whether `code` is an ISO 4217 currency code (current or historic, any letter case). `Intl.NumberFormat`
 * formats any three letters (`"EUT"` prints as `EUT 1.00`), so the check asks CLDR's currency names instead,
 * where the runtime has `Intl.DisplayNames`; without it, three ASCII letters pass.
 */
export function isKnownCurrency(code: string): boolean {
  const hit = knownCurrencies.get(code);
  if (hit !== undefined) return hit;
  let known = /^[A-Za-z]{3}$/.test(code);
  if (known) {
    if (currencyNames === undefined) {
      currencyNames =
        typeof Intl.DisplayNames === "function"
          ? new Intl.DisplayNames("en", { type: "currency", fallback: "none" })
          : null;
    }
    if (currencyNames !== null) known = currencyNames.of(code.toUpperCase()) !== undefined;
  }
  if (knownCurrencies.size >= MAX_ENTRIES) knownCurrencies.clear();
  knownCurrencies.set(code, known);
  return known;
}
