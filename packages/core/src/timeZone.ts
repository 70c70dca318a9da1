import { ValidationError } from "./errors";

// Answers are cached: validating through Intl costs about a microsecond, and parsers ask per record.
// The caches are emptied when they fill, so hostile input cannot grow them without bound.
const CACHE_LIMIT = 1024;
const known = new Map<string, boolean>();
const knownLocales = new Map<string, boolean>();

function remember(cache: Map<string, boolean>, key: string, value: boolean): boolean {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Whether a string names an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`).
 * Bare offsets such as `+08:00` are not accepted: they are not zones and hide DST.
 *
 * @param timeZone - the candidate name
 * @returns `true` for a known IANA zone
 * @example
 * ```ts
 * isValidTimeZone("Europe/Berlin"); //=> true
 * isValidTimeZone("Mars/Olympus"); //=> false
 * ```
 */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  let valid = false;
  // Newer runtimes accept bare offsets ("+08:00"); they are not IANA names and hide DST, so refuse them.
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
  }
  return remember(known, timeZone, valid);
}

/**
 * Whether a string is a well-formed BCP 47 language tag (`zh-Hant-HK`, `pt-BR`).
 *
 * @param tag - the candidate tag
 * @returns `true` when `Intl` accepts it
 * @example
 * ```ts
 * isValidLocale("zh-Hant-HK"); //=> true
 * isValidLocale("not a locale"); //=> false
 * ```
 */
export function isValidLocale(tag: string): boolean {
  const cached = knownLocales.get(tag);
  if (cached !== undefined) return cached;
  let valid: boolean;
  try {
    valid = Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    valid = false;
  }
  return remember(knownLocales, tag, valid);
}

// One formatter per zone, reused: building an Intl.DateTimeFormat costs far more than formatting with it.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (format === undefined) {
    if (!isValidTimeZone(timeZone)) {
      throw new ValidationError("time zone offset input", [
        { path: "timeZone", code: "invalid_value", message: `unknown IANA time zone "${String(timeZone)}"` },
      ]);
    }
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    if (offsetFormats.size >= CACHE_LIMIT) offsetFormats.clear();
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The offset of an IANA time zone at an instant: local wall-clock time minus UTC, in milliseconds
 * (`+3_600_000` for Berlin in winter), read from `Intl` to the second. It is the primitive the packages
 * build their zone arithmetic and caches on; each call formats once, so cache per day or quarter hour
 * when asking often. Years before 1 CE and years 0–99 come out right (no two-digit-year mapping).
 *
 * @param timeZone - an IANA zone name
 * @param epochMs - the instant, epoch milliseconds
 * @returns the offset in ms; `NaN` only where the local wall time falls outside the `Date` range
 * @throws ValidationError (code `VALIDATION`) naming `timeZone` for an unknown zone, or `epochMs` when it
 *   is not a finite number
 * @example
 * ```ts
 * timeZoneOffset("Europe/Berlin", Date.UTC(2026, 0, 15)); //=> 3_600_000
 * timeZoneOffset("Europe/Berlin", Date.UTC(2026, 6, 15)); //=> 7_200_000
 * timeZoneOffset("America/Santiago", Date.UTC(2026, 6, 15)); //=> -14_400_000
 * ```
 */
export function timeZoneOffset(timeZone: string, epochMs: number): number {
  if (typeof epochMs !== "number" || !Number.isFinite(epochMs)) {
    throw new ValidationError("time zone offset input", [
      { path: "epochMs", code: "invalid_type", message: "must be a finite number of epoch milliseconds" },
    ]);
  }
  const at = Math.floor(epochMs / 1000) * 1000; // offsets are whole seconds
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of offsetFormat(timeZone).formatToParts(at)) {
    switch (part.type) {
      case "era":
        bc = part.value.startsWith("B");
        break;
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value) % 24; // some runtimes print midnight as 24 even with h23
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - at;
}
