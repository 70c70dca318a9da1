const known = new Map<string, boolean>();

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
  known.set(timeZone, valid);
  return valid;
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
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
