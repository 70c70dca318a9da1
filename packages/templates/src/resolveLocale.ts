import { ValidationError, type ValidationIssue } from "@supportkit/core";
import { CLDR_PARENTS } from "./_lib/cldrParents";

/**
 * Why {@link resolveLocale} chose its locale:
 *
 * - `exact`: a variant has the requested language, script and region
 * - `parent`: a variant matches a CLDR parent of the request (`es-MX` served by `es-419`)
 * - `likely-subtags`: a variant in the likely region of a tag in the chain serves it (`en` served by
 *   `en-US`, `zh-Hant` by `zh-TW`)
 * - `fallback`: nothing in the chain is available; the fallback was used
 * - `invalid-request`: the requested tag is not BCP 47; the fallback was used
 *
 * @example
 * ```ts
 * const reason: LocaleMatchReason = "parent";
 * ```
 */
export type LocaleMatchReason = "exact" | "parent" | "likely-subtags" | "fallback" | "invalid-request";

/**
 * The result of {@link resolveLocale}.
 *
 * @example
 * ```ts
 * const resolution: LocaleResolution = { locale: "zh-TW", chain: ["zh-Hant-HK", "zh-Hant"], reason: "parent" };
 * ```
 */
export interface LocaleResolution {
  /** The available tag chosen, as spelled in `available`, or the fallback. */
  readonly locale: string;
  /** The tags tried, most specific first (`zh-HK` → `["zh-Hant-HK", "zh-Hant"]`). */
  readonly chain: readonly string[];
  /** Why the search stopped where it did. */
  readonly reason: LocaleMatchReason;
}

const keys = new Map<string, string | null>();

/**
 * The comparison key of a tag: language, then the script only when it is not the language's default, then
 * the region (`zh-HK` → `zh-Hant-HK`, `zh-Hans-CN` → `zh-CN`, `en-Latn-IN` → `en-IN`, `iw` → `he`).
 * `null` for a tag that is not BCP 47.
 */
export function localeKey(tag: string): string | null {
  const hit = keys.get(tag);
  if (hit !== undefined) return hit;
  let key: string | null = null;
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0];
    if (canonical !== undefined) {
      const locale = new Intl.Locale(canonical);
      const script = locale.script ?? locale.maximize().script;
      const defaultScript = new Intl.Locale(locale.language).maximize().script;
      key = locale.language;
      if (script !== undefined && script !== defaultScript) key += `-${script}`;
      if (locale.region !== undefined) key += `-${locale.region}`;
    }
  } catch {
    key = null;
  }
  if (keys.size > 2000) keys.clear();
  keys.set(tag, key);
  return key;
}

/** The CLDR parent of a locale key, or `null` for the root. */
function parentOf(key: string): string | null {
  const explicit = CLDR_PARENTS.get(key);
  if (explicit !== undefined) return explicit;
  const parts = key.split("-");
  const last = parts[parts.length - 1] as string;
  if (parts.length === 1) return null;
  // A region (two letters or three digits) is dropped; a non-default script leads to the root.
  if (/^([A-Z]{2}|\d{3})$/.test(last)) return parts.slice(0, -1).join("-");
  return null;
}

/** Every key from `key` up to the root, most specific first. */
export function localeChain(key: string): string[] {
  const chain: string[] = [];
  for (let current: string | null = key; current !== null && chain.length < 8; current = parentOf(current)) {
    chain.push(current);
  }
  return chain;
}

/** Index of the available tags: by their key, and by the base they are the likely region of, as a second choice. */
export interface LocaleIndex {
  readonly exact: ReadonlyMap<string, string>;
  readonly minimized: ReadonlyMap<string, string>;
}

const indexes = new Map<string, LocaleIndex>();

/** Builds (and caches) the index of a list of available tags. */
export function indexLocales(available: readonly string[]): LocaleIndex {
  const cacheKey = available.join("|");
  const hit = indexes.get(cacheKey);
  if (hit !== undefined) return hit;
  const exact = new Map<string, string>();
  const minimized = new Map<string, string>();
  for (const tag of available) {
    const key = localeKey(tag);
    if (key === null) {
      throw new ValidationError("available locales", [
        {
          path: String(available.indexOf(tag)),
          code: "invalid_locale",
          message: `"${tag}" is not a valid BCP 47 locale`,
        },
      ]);
    }
    if (!exact.has(key)) exact.set(key, tag);
    // A variant in the likely region of its language (en-US, de-DE, zh-TW for zh-Hant, zh-CN for zh) also
    // serves requests for the bare language (or language-script), after any exact match.
    const locale = new Intl.Locale(key);
    if (locale.region !== undefined) {
      const base = key.slice(0, key.length - locale.region.length - 1);
      if (new Intl.Locale(base).maximize().region === locale.region && !minimized.has(base))
        minimized.set(base, tag);
    }
  }
  const index = { exact, minimized };
  if (indexes.size > 500) indexes.clear();
  indexes.set(cacheKey, index);
  return index;
}

/** {@link resolveLocale} over a prebuilt index. */
export function resolveWithIndex(
  requested: string | readonly string[],
  index: LocaleIndex,
  fallback: string,
): LocaleResolution {
  const tags = typeof requested === "string" ? [requested] : requested;
  const chain: string[] = [];
  let anyValid = false;
  for (const tag of tags) {
    const key = localeKey(tag);
    if (key === null) continue;
    anyValid = true;
    const steps = localeChain(key);
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as string;
      chain.push(step);
      const exact = index.exact.get(step);
      if (exact !== undefined) return { locale: exact, chain, reason: i === 0 ? "exact" : "parent" };
      const likely = index.minimized.get(step);
      if (likely !== undefined) return { locale: likely, chain, reason: "likely-subtags" };
    }
  }
  return { locale: fallback, chain, reason: anyValid || tags.length === 0 ? "fallback" : "invalid-request" };
}

/**
 * Picks the best available locale for a request the way CLDR does, not by cutting strings: tags are compared
 * by language + script + region (`Intl.Locale#maximize`), then the CLDR parent chain is walked (`es-MX` →
 * `es-419` → `es`, `pt-AO` → `pt-PT` → `pt`, `en-IN` → `en-001` → `en`, `nb` → `no`, `zh-MO` → `zh-Hant-HK` →
 * `zh-Hant`, never the Simplified `zh`). Deprecated codes are canonicalised (`iw` → `he`). A request that is
 * not BCP 47 gets the fallback, with reason `invalid-request`.
 *
 * @param requested - the customer's locale, or several in preference order (Accept-Language)
 * @param available - the locales that have a variant
 * @param fallback - what to use when nothing matches (usually the set's default locale)
 * @returns the locale chosen, the chain of tags tried and the reason
 * @throws ValidationError (code `VALIDATION`) when an available tag or the fallback is not BCP 47, or an argument
 *   has the wrong type (`requested` not a string or array of strings), naming the argument
 * @example
 * ```ts
 * resolveLocale("zh-HK", ["en", "zh-CN"], "en"); //=> { locale: "en", chain: ["zh-Hant-HK", "zh-Hant"], reason: "fallback" }
 * resolveLocale("zh-HK", ["en", "zh-CN", "zh-TW"], "en"); //=> { locale: "zh-TW", chain: ["zh-Hant-HK", "zh-Hant"], reason: "likely-subtags" }
 * resolveLocale("es-MX", ["en", "es"], "en"); //=> { locale: "es", chain: ["es-MX", "es-419", "es"], reason: "parent" }
 * ```
 */
export function resolveLocale(
  requested: string | readonly string[],
  available: readonly string[],
  fallback: string,
): LocaleResolution {
  // Customers' tags may be anything (they get the fallback); the types of the arguments are the caller's bug.
  const issues: ValidationIssue[] = [];
  if (typeof requested !== "string")
    checkStrings(requested, "requested", "a locale or an array of locales", issues);
  checkStrings(available, "available", "an array of locales", issues);
  if (typeof fallback !== "string")
    issues.push({ path: "fallback", code: "invalid_type", message: "expected a locale string" });
  if (issues.length > 0) throw new ValidationError("resolveLocale arguments", issues);
  if (localeKey(fallback) === null) {
    throw new ValidationError("fallback locale", [
      { path: "", code: "invalid_locale", message: `"${fallback}" is not a valid BCP 47 locale` },
    ]);
  }
  return resolveWithIndex(requested, indexLocales(available), fallback);
}

function checkStrings(value: unknown, path: string, expected: string, issues: ValidationIssue[]): void {
  if (!Array.isArray(value)) {
    issues.push({ path, code: "invalid_type", message: `expected ${expected}` });
    return;
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "string")
      issues.push({ path: `${path}.${i}`, code: "invalid_type", message: "expected a locale string" });
  }
}
