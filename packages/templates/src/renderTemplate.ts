import { type InstantInput, isValidLocale, isValidTimeZone, ValidationError } from "@supportkit/core";
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
 * Options of {@link renderTemplate}.
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
 * @throws ValidationError (code `VALIDATION`) for a bad time zone or data that is not a plain object
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
  const { set: defined, compiled } = setOf(set);
  const { channel } = options;
  const index = compiled.indexes[channel];
  if (index === undefined) {
    throw new ValidationError("render options", [
      { path: "channel", code: "invalid_value", message: `unknown channel "${String(channel)}"` },
    ]);
  }
  const timeZone = options.timeZone ?? "UTC";
  if (!isValidTimeZone(timeZone)) {
    throw new ValidationError("render options", [
      { path: "timeZone", code: "invalid_time_zone", message: `"${timeZone}" is not a known IANA time zone` },
    ]);
  }
  const resolution = resolveWithIndex(options.locale, index, defined.defaultLocale);
  const variant = compiled.variants.get(resolution.locale);
  if (variant === undefined || variant[channel] === undefined) {
    throw new TemplateError(
      "TEMPLATE_MISSING_PART",
      `Template set "${defined.id}" has no ${channel} part for ${JSON.stringify(options.locale)}, nor for its default locale ${defined.defaultLocale}`,
    );
  }
  // Format in the customer's own locale when their language was served (es-MX numbers in Spanish text);
  // in the variant's locale when we fell back (no Japanese dates inside English text).
  const requested = typeof options.locale === "string" ? options.locale : options.locale[0];
  const served = resolution.reason !== "fallback" && resolution.reason !== "invalid-request";
  const formatLocale =
    served && requested !== undefined && localeKey(requested) !== null && isValidLocale(requested)
      ? requested
      : resolution.locale;
  const renderOptions = {
    locale: formatLocale,
    timeZone,
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  const base = { channel, locale: resolution.locale, formatLocale, resolution };
  if (channel === "email") {
    const email = variant.email as NonNullable<typeof variant.email>;
    const html = email.html.render(options.data, renderOptions);
    const text = email.text === undefined ? htmlToText(html) : email.text.render(options.data, renderOptions);
    const subject = email.subject
      .render(options.data, renderOptions)
      .replace(/\s*[\r\n]+\s*/g, " ")
      .trim();
    return { ...base, subject, html, text };
  }
  const text = (variant[channel] as NonNullable<typeof variant.chat>).render(options.data, renderOptions);
  if (channel === "chat") return { ...base, text };
  const sms = measureSms(text);
  if (options.maxSmsSegments !== undefined && sms.segments > options.maxSmsSegments) {
    throw new TemplateError(
      "TEMPLATE_LIMIT_EXCEEDED",
      `SMS of template set "${defined.id}" (${resolution.locale}) needs ${sms.segments} ${sms.encoding} segments; the maximum is ${options.maxSmsSegments}`,
      { limit: "maxSmsSegments" },
    );
  }
  return { ...base, text, sms };
}
