import { isValidLocale } from "@supportkit/core";
import { languageMatches } from "./language";
import { DEFAULT_TRIAGE_RULES, type TriageRule } from "./triageRules";
import type { WorkItem } from "./workItem";

/**
 * Guesses the language of a text (plug in any detector: cld3, franc, a service's result).
 *
 * @param text - the ticket text
 * @returns a BCP 47 tag, or `undefined` when unsure
 * @example
 * ```ts
 * const detect: LanguageDetector = (text) => (/[\u3040-\u30ff]/.test(text) ? "ja" : undefined);
 * ```
 */
export type LanguageDetector = (text: string) => string | undefined;

/**
 * Options of {@link triage}.
 *
 * @example
 * ```ts
 * const options: TriageOptions = { rules: TRIAGE_RULES.de, detectLanguage: (text) => (/[äöüß]/.test(text) ? "de" : undefined) };
 * ```
 */
export interface TriageOptions {
  /** Rules in priority order. Default {@link DEFAULT_TRIAGE_RULES} (every built-in language). */
  readonly rules?: readonly TriageRule[];
  /** Detector used when `language` is not given. Default none. */
  readonly detectLanguage?: LanguageDetector;
  /** The text's language when already known; skips detection. */
  readonly language?: string;
}

/**
 * One matched rule.
 *
 * @example
 * ```ts
 * const match: TriageMatch = { skill: "refund", keyword: "refund", minLevel: 1, rule: 0 };
 * ```
 */
export interface TriageMatch {
  readonly skill: string;
  /** The keyword that matched first (as written in the rule). */
  readonly keyword: string;
  readonly minLevel: number;
  /** Index of the rule in the rule list. */
  readonly rule: number;
}

/**
 * What triage found in a text.
 *
 * @example
 * ```ts
 * const result: TriageResult = { skills: [], language: "de" };
 * ```
 */
export interface TriageResult {
  /** Matched skills in rule order, each once. */
  readonly skills: readonly TriageMatch[];
  /** The known or detected language, if any. */
  readonly language: string | undefined;
}

const NO_BOUNDARY =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Compiled {
  readonly keywords: readonly { readonly raw: string; readonly text: string; readonly boundary: boolean }[];
}
const compiledRules = new WeakMap<TriageRule, Compiled>();

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function compile(rule: TriageRule): Compiled {
  let compiled = compiledRules.get(rule);
  if (compiled === undefined) {
    compiled = {
      keywords: rule.keywords
        .map((raw) => ({ raw, text: normalise(raw) }))
        .filter((keyword) => keyword.text.length > 0)
        .map((keyword) => ({ ...keyword, boundary: !NO_BOUNDARY.test(keyword.text) })),
    };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

function occurs(text: string, keyword: string, boundary: boolean): boolean {
  let from = 0;
  for (;;) {
    const index = text.indexOf(keyword, from);
    if (index < 0) return false;
    if (!boundary || index === 0 || !WORD_CHAR.test(text.charAt(index - 1))) return true;
    from = index + 1;
  }
}

/**
 * Maps a ticket's text to the skills it needs with keyword rules. Text and keywords are NFKC-normalised
 * and lower-cased, so full-width `ＲＥＦＵＮＤ` matches `refund` and half-width katakana match full-width
 * ones. Rule order is kept in the result. With a known or detected language, rules written for another
 * language are skipped; without one, every rule applies.
 *
 * @param text - subject and message text
 * @param options - rules, a language detector or a known language
 * @returns the matched skills in rule order and the language
 * @example
 * ```ts
 * triage("ＲＥＦＵＮＤ please, the mug arrived broken").skills.map((m) => m.skill); //=> ["refund", "damaged-item"]
 * triage("商品が破損していたので返金してください").skills.map((m) => m.skill); //=> ["refund", "damaged-item"]
 * ```
 */
export function triage(text: string, options: TriageOptions = {}): TriageResult {
  const rules = options.rules ?? DEFAULT_TRIAGE_RULES;
  const language = options.language ?? options.detectLanguage?.(text);
  const normalised = normalise(text);
  const skills: TriageMatch[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.skill)) return;
    if (language !== undefined && rule.language !== undefined && !languageMatches(rule.language, language))
      return;
    for (const keyword of compile(rule).keywords) {
      if (occurs(normalised, keyword.text, keyword.boundary)) {
        seen.add(rule.skill);
        skills.push({ skill: rule.skill, keyword: keyword.raw, minLevel: rule.minLevel ?? 1, rule: index });
        return;
      }
    }
  });
  return { skills, language };
}

/** Adds triage results to an item (router `enqueue`). */
export function applyTriage(item: WorkItem, options: TriageOptions, as: "required" | "preferred"): WorkItem {
  if (item.text === undefined) return item;
  const result = triage(
    item.text,
    item.language === undefined ? options : { ...options, language: item.language },
  );
  const language =
    item.language ??
    (result.language !== undefined && isValidLocale(result.language) ? result.language : undefined);
  const required = [...item.requiredSkills];
  const preferred = [...item.preferredSkills];
  for (const match of result.skills) {
    if (as === "required") {
      if (!required.some((skill) => skill.name === match.skill)) {
        required.push({ name: match.skill, minLevel: Math.min(10, Math.max(1, Math.round(match.minLevel))) });
      }
    } else if (!preferred.includes(match.skill)) {
      preferred.push(match.skill);
    }
  }
  return {
    ...item,
    requiredSkills: required,
    preferredSkills: preferred,
    ...(language === undefined ? {} : { language }),
  };
}
