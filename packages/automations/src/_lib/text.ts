// Rules often test the same message against many keywords: remember the last few normalisations.
const cache = new Map<string, string>();
const CACHE_SIZE = 64;

/** NFKC + lower case: full-width `ＲＥＦＵＮＤ` and `refund` compare equal, as customers type both. */
export function normalizeText(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const normalized = text.normalize("NFKC").toLowerCase();
  if (text.length <= 10_000) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(text, normalized);
  }
  return normalized;
}
