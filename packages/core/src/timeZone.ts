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
