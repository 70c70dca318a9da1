/**
 * Whether an agent's language tag covers a work item's language: equal, or a prefix of it that ends at a
 * subtag boundary, compared case-insensitively. `es` covers `es-MX` and `zh-Hant` covers `zh-Hant-HK`,
 * but `zh-Hans` does not cover `zh-Hant` and `e` does not cover `es`.
 *
 * @param agentTag - a BCP 47 tag the agent writes
 * @param itemTag - the BCP 47 tag of the work item's language
 * @returns `true` when the agent can answer in the item's language
 * @example
 * ```ts
 * languageMatches("es", "es-MX"); //=> true
 * languageMatches("ZH-hant", "zh-Hant-HK"); //=> true
 * languageMatches("es-MX", "es"); //=> false
 * ```
 */
export function languageMatches(agentTag: string, itemTag: string): boolean {
  return matchesNormalised(agentTag.toLowerCase(), itemTag.toLowerCase());
}

/** Both tags already lower-cased; shared with the router's hot path. */
export function matchesNormalised(agent: string, item: string): boolean {
  if (agent.length === 0) return false;
  if (agent.length === item.length) return agent === item;
  // A prefix only counts when the item's next character starts a new subtag.
  return agent.length < item.length && item.charCodeAt(agent.length) === 45 /* - */ && item.startsWith(agent);
}
