import { type InstantInput, InstantSchema, isValidLocale } from "@supportkit/core";
import { z } from "zod";
import {
  ChannelOptionSchema,
  createOptionsParser,
  DataSchema,
  LocaleRequestSchema,
  SegmentsOptionSchema,
  TimeZoneOptionSchema,
} from "./_lib/options";
import { type CompiledTemplate, renderCompiled } from "./compileTemplate";
import {
  type CompiledSet,
  compiledSetOf,
  defineTemplateSet,
  type TemplateChannel,
  type TemplateSet,
  type TemplateSetInput,
} from "./defineTemplateSet";
import { TemplateError } from "./errors";
import { htmlToText } from "./htmlToText";
import { measureSms, type SmsInfo } from "./measureSms";
import { type LocaleResolution, localeKey, resolveWithIndex } from "./resolveLocale";

/**
 * Options of {@link renderTemplate}. Unknown keys (a misspelt `timezone`) are a `ValidationError`.
 *
 * @example
 * ```ts
 * const options: RenderTemplateOptions = {
 *   locale: "de-AT", channel: "email", data: { name: "Lena" }, timeZone: "Europe/Vienna",
 * };
 * ```
 */
export interface RenderTemplateOptions {
  /** The customer's locale (or several, in preference order). */
  readonly locale: string | readonly string[];
  /** Which parts to render. */
  readonly channel: TemplateChannel;
  /** The template data: a plain object. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The customer's IANA time zone, for dates. Default `"UTC"`. */
  readonly timeZone?: string;
  /** The current instant, for `relative_time`. */
  readonly now?: InstantInput;
  /** For `sms`: the most segments allowed; more is a `TEMPLATE_LIMIT_EXCEEDED` error. */
  readonly maxSmsSegments?: number;
}

/**
 * A rendered message: the parts of the requested channel, the locale used and why.
 *
 * @example
 * ```ts
 * const reply: RenderedTemplate = {
 *   channel: "sms", locale: "en", formatLocale: "en-IN",
 *   resolution: { locale: "en", chain: ["en-IN", "en-001", "en"], reason: "parent" },
 *   text: "Order 1042 is late", sms: { encoding: "GSM-7", units: 18, segments: 1, unitsPerSegment: 160 },
 * };
 * ```
 */
export interface RenderedTemplate {
  /** The channel rendered. */
  readonly channel: TemplateChannel;
  /** The variant used (as written in the set). */
  readonly locale: string;
  /** The locale numbers, dates and lists were formatted in: the customer's when their language was served. */
  readonly formatLocale: string;
  /** How the variant was chosen. */
  readonly resolution: LocaleResolution;
  /** Email subject (line breaks replaced by spaces, so it cannot inject headers). */
  readonly subject?: string;
  /** Email HTML body. */
  readonly html?: string;
  /** Plain text: the email text part (written or derived from the HTML), or the chat or SMS body. */
  readonly text: string;
  /** For SMS: encoding and segments. */
  readonly sms?: SmsInfo;
}

const OptionsSchema = z.strictObject({
  locale: LocaleRequestSchema,
  channel: ChannelOptionSchema,
  data: DataSchema,
  timeZone: TimeZoneOptionSchema.optional(),
  now: InstantSchema.optional(),
  maxSmsSegments: SegmentsOptionSchema.optional(),
});
const parseOptions = createOptionsParser(OptionsSchema, "render options");

const fromInput = new WeakMap<object, TemplateSet>();

function setOf(set: TemplateSet | TemplateSetInput): { set: TemplateSet; compiled: CompiledSet } {
  const direct = compiledSetOf(set as TemplateSet);
  if (direct !== undefined) return { set: set as TemplateSet, compiled: direct };
  let defined = fromInput.get(set);
  if (defined === undefined) {
    defined = defineTemplateSet(set as TemplateSetInput);
    fromInput.set(set, defined);
  }
  return { set: defined, compiled: compiledSetOf(defined) as CompiledSet };
}

/**
 * Renders a template set for one customer: resolves their locale against the variants that have the channel
 * (CLDR fallback, see {@link resolveLocale}), renders the channel's parts with their locale and time zone, derives
 * the email text from the HTML when the set has none, and measures SMS bodies.
 *
 * @param set - a set from {@link defineTemplateSet} (or its input, compiled on first use and cached)
 * @param options - locale, channel, data, time zone, "now", SMS segment budget
 * @returns the rendered parts, the variant used and how it was chosen
 * @throws TemplateError (code `TEMPLATE_MISSING_PART` when no variant, not even the default, has the channel;
 *   `TEMPLATE_LIMIT_EXCEEDED` for budgets and `maxSmsSegments`; `TEMPLATE_UNKNOWN_VARIABLE` in strict sets)
 * @throws TemplateError (code `TEMPLATE_INVALID_ARGUMENT`) when the data gives `money` or `date` an unknown
 *   currency or zone, or `money` an amount that is not a finite number
 * @throws ValidationError (code `VALIDATION`) for missing or malformed options (a bad time zone or channel, data
 *   that is not a plain object, an unknown option key), naming the field
 * @example
 * ```ts
 * const reply = renderTemplate(set, { locale: "zh-HK", channel: "sms", data: { order: { number: "1042" } } });
 * reply.locale; //=> "zh-TW"
 * reply.text; //=> "訂單 1042 延遲"
 * reply.sms?.encoding; //=> "UCS-2"
 * ```
 */
export function renderTemplate(
  set: TemplateSet | TemplateSetInput,
  options: RenderTemplateOptions,
): RenderedTemplate {
  const parsed = parseOptions(options);
  const { set: defined, compiled } = setOf(set);
  const { channel, data } = parsed;
  const index = compiled.indexes[channel];
  const timeZone = parsed.timeZone ?? "UTC";
  const now = parsed.now === undefined ? Number.NaN : parsed.now.getTime();
  const resolution = resolveWithIndex(parsed.locale, index, defined.defaultLocale);
  const variant = compiled.variants.get(resolution.locale);
  if (variant === undefined || variant[channel] === undefined) {
    throw new TemplateError(
      "TEMPLATE_MISSING_PART",
      `Template set "${defined.id}" has no ${channel} part for ${JSON.stringify(parsed.locale)}, nor for its default locale ${defined.defaultLocale}`,
    );
  }
  // Format in the customer's own locale when their language was served (es-MX numbers in Spanish text);
  // in the variant's locale when we fell back (no Japanese dates inside English text).
  const requested = typeof parsed.locale === "string" ? parsed.locale : parsed.locale[0];
  const served = resolution.reason !== "fallback" && resolution.reason !== "invalid-request";
  const formatLocale =
    served && requested !== undefined && localeKey(requested) !== null && isValidLocale(requested)
      ? requested
      : resolution.locale;
  const base = { channel, locale: resolution.locale, formatLocale, resolution };
  const render = (template: CompiledTemplate): string =>
    renderCompiled(template, data, formatLocale, timeZone, now);
  if (channel === "email") {
    const email = variant.email as NonNullable<typeof variant.email>;
    const html = render(email.html);
    const text = email.text === undefined ? htmlToText(html) : render(email.text);
    const subject = render(email.subject)
      .replace(/\s*[\r\n]+\s*/g, " ")
      .trim();
    return { ...base, subject, html, text };
  }
  const text = render(variant[channel] as CompiledTemplate);
  if (channel === "chat") return { ...base, text };
  const sms = measureSms(text);
  if (parsed.maxSmsSegments !== undefined && sms.segments > parsed.maxSmsSegments) {
    throw new TemplateError(
      "TEMPLATE_LIMIT_EXCEEDED",
      `SMS of template set "${defined.id}" (${resolution.locale}) needs ${sms.segments} ${sms.encoding} segments; the maximum is ${parsed.maxSmsSegments}`,
      { limit: "maxSmsSegments" },
    );
  }
  return { ...base, text, sms };
}
