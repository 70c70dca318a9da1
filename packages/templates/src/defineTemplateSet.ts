import { createParser, isValidLocale } from "@supportkit/core";
import { z } from "zod";
import { LimitsOptionSchema } from "./_lib/options";
import { type CompiledTemplate, compileTemplate } from "./compileTemplate";
import { TemplateError } from "./errors";
import type { TemplateLimits } from "./limits";
import { indexLocales, type LocaleIndex, localeKey } from "./resolveLocale";

/**
 * The channels a template set has parts for: `email` (subject, HTML and text), `chat` and `sms` (plain text).
 *
 * @example
 * ```ts
 * const channel: TemplateChannel = "sms";
 * ```
 */
export type TemplateChannel = "email" | "chat" | "sms";

/**
 * The parts of one locale's variant. Every part is template source; `email.text` is derived from the HTML
 * when left out.
 *
 * @example
 * ```ts
 * const variant: TemplateVariantInput = {
 *   email: { subject: "Order {{ order.number }}", html: "<p>Hi {{ name }}</p>" },
 *   sms: "Order {{ order.number }} is late",
 * };
 * ```
 */
export interface TemplateVariantInput {
  /** Email parts: the subject and HTML body, and optionally a hand-written text body. */
  readonly email?: { readonly subject: string; readonly html: string; readonly text?: string };
  /** Chat message (plain text, no entities). */
  readonly chat?: string;
  /** SMS body (plain text, no entities). */
  readonly sms?: string;
}

/**
 * A template set as written: variants per locale, parts per channel.
 *
 * @example
 * ```ts
 * const input: TemplateSetInput = {
 *   id: "order-delay",
 *   defaultLocale: "en",
 *   variants: { en: { chat: "Sorry {{ name }}!" }, de: { chat: "Entschuldigung, {{ name }}!" } },
 * };
 * ```
 */
export interface TemplateSetInput {
  /** Stable id, used in messages. */
  readonly id: string;
  /** Locale used when no variant matches the customer's; must have a variant. */
  readonly defaultLocale: string;
  /**
   * Variants by BCP 47 locale (`en`, `de-DE`, `zh-TW`). Two keys naming one locale (`en` and `EN`, `zh-TW` and
   * `zh-Hant-TW`, `iw` and `he`) are an error.
   */
  readonly variants: Readonly<Record<string, TemplateVariantInput>>;
  /** Strict mode for every part (see {@link CompileTemplateOptions.strict}). Default `false`. */
  readonly strict?: boolean;
  /** Budgets for every part. */
  readonly limits?: Partial<TemplateLimits>;
}

/** The compiled parts of one variant. */
interface CompiledVariant {
  readonly locale: string;
  readonly email?: {
    readonly subject: CompiledTemplate;
    readonly html: CompiledTemplate;
    readonly text?: CompiledTemplate;
  };
  readonly chat?: CompiledTemplate;
  readonly sms?: CompiledTemplate;
}

/**
 * A compiled template set, ready for `renderTemplate`. Immutable; compile once, render many times.
 *
 * @example
 * ```ts
 * const set: TemplateSet = defineTemplateSet({ id: "hi", defaultLocale: "en", variants: { en: { chat: "Hi" } } });
 * set.locales; //=> ["en"]
 * ```
 */
export interface TemplateSet {
  /** The set's id. */
  readonly id: string;
  /** The fallback locale. */
  readonly defaultLocale: string;
  /** Locales that have a variant, as written. */
  readonly locales: readonly string[];
  /** Which locales have a part for each channel. */
  readonly channels: Readonly<Record<TemplateChannel, readonly string[]>>;
}

/** What `renderTemplate` needs besides the public fields; kept out of the public type. */
export interface CompiledSet {
  readonly variants: ReadonlyMap<string, CompiledVariant>;
  readonly indexes: Readonly<Record<TemplateChannel, LocaleIndex>>;
}

const internals = new WeakMap<TemplateSet, CompiledSet>();

/** The compiled variants of a set made by `defineTemplateSet`, or undefined for anything else. */
export function compiledSetOf(set: TemplateSet): CompiledSet | undefined {
  return internals.get(set);
}

const source = z.string();
const VariantSchema = z.strictObject({
  email: z.strictObject({ subject: source, html: source, text: source.optional() }).optional(),
  chat: source.optional(),
  sms: source.optional(),
});
const SetSchema = z
  .strictObject({
    id: z.string().min(1).max(256),
    defaultLocale: z.string().refine(isValidLocale, "is not a valid BCP 47 locale"),
    variants: z.record(z.string().refine(isValidLocale, "is not a valid BCP 47 locale"), VariantSchema),
    strict: z.boolean().optional(),
    limits: LimitsOptionSchema.optional(),
  })
  .refine((set) => Object.hasOwn(set.variants, set.defaultLocale), {
    message: "defaultLocale must have a variant",
    path: ["defaultLocale"],
  })
  .superRefine((set, ctx) => {
    // Locales match case-insensitively and by language + script + region, so `en`/`EN` or `zh-TW`/`zh-Hant-TW`
    // are one locale: only the first would ever be served, and the other would be dead text nobody notices.
    const seen = new Map<string, string>();
    for (const locale of Object.keys(set.variants)) {
      const key = localeKey(locale);
      if (key === null) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, locale);
      else
        ctx.addIssue({
          code: "custom",
          path: ["variants", locale],
          message: `duplicates the variant "${first}" (both match the locale ${key})`,
        });
    }
  });
const parseSet = createParser(SetSchema, "template set");

const CHANNELS: readonly TemplateChannel[] = ["email", "chat", "sms"];

/**
 * Validates and compiles a template set: every part of every locale is compiled once (HTML parts escape
 * output, subjects, text, chat and SMS parts do not).
 *
 * @param input - the set as written
 * @returns the compiled set
 * @throws ValidationError (code `VALIDATION`) for a malformed set (bad locale, missing default variant, two
 *   variants for one locale such as `en` and `EN` or `zh-TW` and `zh-Hant-TW`, an unknown key or budget name)
 * @throws TemplateError (any compile code) naming the locale and part, with line, column and excerpt
 * @example
 * ```ts
 * const set = defineTemplateSet({
 *   id: "order-delay",
 *   defaultLocale: "en",
 *   variants: {
 *     en: { email: { subject: "Order {{ order.number }} is late", html: "<p>Hi {{ name }}</p>" }, sms: "Order {{ order.number }} is late" },
 *     "zh-TW": { sms: "訂單 {{ order.number }} 延遲" },
 *   },
 * });
 * set.channels.sms; //=> ["en", "zh-TW"]
 * ```
 */
export function defineTemplateSet(input: TemplateSetInput): TemplateSet {
  const parsed = parseSet(input);
  const base = {
    strict: parsed.strict ?? false,
    ...(parsed.limits === undefined ? {} : { limits: parsed.limits as Partial<TemplateLimits> }),
  };
  const compile = (locale: string, part: string, text: string, mode: "html" | "none"): CompiledTemplate => {
    try {
      return compileTemplate(text, { ...base, escape: mode, locale });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new TemplateError(error.code, `${parsed.id} [${locale} ${part}]: ${error.message}`, {
        ...(error.limit === undefined ? {} : { limit: error.limit }),
        cause: error,
      });
    }
  };
  const compiled = new Map<string, CompiledVariant>();
  const channels: Record<TemplateChannel, string[]> = { email: [], chat: [], sms: [] };
  for (const [locale, variant] of Object.entries(parsed.variants)) {
    const entry: {
      locale: string;
      email?: { subject: CompiledTemplate; html: CompiledTemplate; text?: CompiledTemplate };
      chat?: CompiledTemplate;
      sms?: CompiledTemplate;
    } = { locale };
    if (variant.email !== undefined) {
      const email: { subject: CompiledTemplate; html: CompiledTemplate; text?: CompiledTemplate } = {
        subject: compile(locale, "email.subject", variant.email.subject, "none"),
        html: compile(locale, "email.html", variant.email.html, "html"),
      };
      if (variant.email.text !== undefined)
        email.text = compile(locale, "email.text", variant.email.text, "none");
      entry.email = email;
      channels.email.push(locale);
    }
    if (variant.chat !== undefined) {
      entry.chat = compile(locale, "chat", variant.chat, "none");
      channels.chat.push(locale);
    }
    if (variant.sms !== undefined) {
      entry.sms = compile(locale, "sms", variant.sms, "none");
      channels.sms.push(locale);
    }
    compiled.set(locale, entry);
  }
  const indexes = Object.fromEntries(CHANNELS.map((c) => [c, indexLocales(channels[c])])) as Record<
    TemplateChannel,
    LocaleIndex
  >;
  const set: TemplateSet = Object.freeze({
    id: parsed.id,
    defaultLocale: parsed.defaultLocale,
    locales: Object.freeze([...compiled.keys()]),
    channels: Object.freeze({
      email: Object.freeze(channels.email),
      chat: Object.freeze(channels.chat),
      sms: Object.freeze(channels.sms),
    }),
  });
  internals.set(set, { variants: compiled, indexes: Object.freeze(indexes) });
  return set;
}
