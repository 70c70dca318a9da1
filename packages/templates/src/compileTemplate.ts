import { type InstantInput, InstantSchema, ValidationError } from "@supportkit/core";
import { z } from "zod";
import { compileAst, type Execute } from "./_lib/compile";
import type { RenderContext } from "./_lib/context";
import {
  createOptionsParser,
  LimitsOptionSchema,
  LocaleOptionSchema,
  TimeZoneOptionSchema,
} from "./_lib/options";
import { parseTemplate } from "./_lib/parser";
import { isPlainObject } from "./_lib/values";
import { TemplateError } from "./errors";
import { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from "./limits";

/**
 * Options of {@link compileTemplate}.
 *
 * @example
 * ```ts
 * const options: CompileTemplateOptions = { escape: "html", strict: true, locale: "de-DE", timeZone: "Europe/Berlin" };
 * ```
 */
export interface CompileTemplateOptions {
  /** `"html"` escapes `& < > " '` in every `{{ output }}` (email HTML); `"none"` for subjects, text, chat, SMS. Default `"html"`. */
  readonly escape?: "html" | "none";
  /** Reading a variable the data does not hold fails with `TEMPLATE_UNKNOWN_VARIABLE` (except under `default`/`fallback` and in `if`/`unless` conditions). Default `false`. */
  readonly strict?: boolean;
  /** BCP 47 locale for `money`, `number`, `date`, `list`, `plural`, `relative_time`. Default `"en"`. */
  readonly locale?: string;
  /** IANA time zone for `date` and zone-less date strings. Default `"UTC"`. */
  readonly timeZone?: string;
  /** Budgets; missing fields take {@link DEFAULT_TEMPLATE_LIMITS}. */
  readonly limits?: Partial<TemplateLimits>;
}

/**
 * Per-render options of {@link CompiledTemplate.render}: override the compiled locale and zone, and give "now".
 * Unknown keys (a misspelt `timezone`) are a `ValidationError`, not silently ignored.
 *
 * @example
 * ```ts
 * const options: RenderOptions = { locale: "ja-JP", timeZone: "Asia/Tokyo", now: "2026-03-02T09:00:00Z" };
 * ```
 */
export interface RenderOptions {
  /** BCP 47 locale for this render. Default: the compiled `locale`. */
  readonly locale?: string;
  /** IANA time zone for this render. Default: the compiled `timeZone`. */
  readonly timeZone?: string;
  /** The current instant, used by `relative_time` and the `"now"` date; never read from the clock. */
  readonly now?: InstantInput;
}

/**
 * A template parsed and compiled once; `render` may be called any number of times, concurrently, with
 * different data. The object is frozen.
 *
 * @example
 * ```ts
 * const template: CompiledTemplate = compileTemplate("Hi {{ name }}", { escape: "none" });
 * template.render({ name: "Ana" }); //=> "Hi Ana"
 * ```
 */
export interface CompiledTemplate {
  /** The template source. */
  readonly source: string;
  /** The escaping applied to outputs. */
  readonly escape: "html" | "none";
  /** Whether unknown variables fail. */
  readonly strict: boolean;
  /** The default locale. */
  readonly locale: string;
  /** The default time zone. */
  readonly timeZone: string;
  /** The budgets in force. */
  readonly limits: TemplateLimits;
  /**
   * Renders the template.
   *
   * @param data - a plain object (JSON-like): only its own data properties are read
   * @param options - locale, time zone and "now" for this render
   * @returns the output text
   * @throws TemplateError (codes `TEMPLATE_UNKNOWN_VARIABLE` in strict mode, `TEMPLATE_LIMIT_EXCEEDED`)
   * @throws TemplateError (code `TEMPLATE_INVALID_ARGUMENT`) when the data gives `money` or `date` an unknown
   *   currency or zone, or `money` an amount that is not a finite number
   * @throws ValidationError (code `VALIDATION`) for data that is not a plain object, a bad locale, zone or
   *   `now`, or an unknown option key
   */
  render(data?: unknown, options?: RenderOptions): string;
}

const OptionsSchema = z.strictObject({
  escape: z.enum(["html", "none"]).optional(),
  strict: z.boolean().optional(),
  locale: LocaleOptionSchema.optional(),
  timeZone: TimeZoneOptionSchema.optional(),
  limits: LimitsOptionSchema.optional(),
});
const parseOptions = createOptionsParser(OptionsSchema, "template options");

const RenderOptionsSchema = z.strictObject({
  locale: LocaleOptionSchema.optional(),
  timeZone: TimeZoneOptionSchema.optional(),
  now: InstantSchema.optional(),
});
const parseRenderOptions = createOptionsParser(RenderOptionsSchema, "render options");

/** Renders with options already checked (`now` as epoch ms, NaN for none): `renderTemplate` checks its own once. */
type TrustedRender = (data: unknown, locale: string, timeZone: string, now: number) => string;
// A hidden property of the template rather than a WeakMap entry: V8 keeps WeakMap entries of dead keys
// until a full GC, which doubled the cost of compiling many templates.
const TRUSTED = Symbol("trusted render");

/**
 * Renders a template made by {@link compileTemplate} with a locale, zone and "now" the caller has validated, and
 * data it has checked is a plain object. Internal: `renderTemplate` renders up to three parts per message and
 * validates its options once rather than once per part.
 */
export function renderCompiled(
  template: CompiledTemplate,
  data: unknown,
  locale: string,
  timeZone: string,
  now: number,
): string {
  const render = (template as { [TRUSTED]?: TrustedRender })[TRUSTED];
  if (render === undefined)
    return template.render(data, { locale, timeZone, ...(Number.isNaN(now) ? {} : { now }) });
  return render(data, locale, timeZone, now);
}

/**
 * Parses and compiles a Liquid-compatible template once. The result renders with plain closures (no `eval`,
 * no `new Function`), reads only own data properties of plain objects and arrays, and stops at its budgets.
 *
 * @param source - the template text
 * @param options - escaping, strictness, default locale and zone, budgets
 * @returns the compiled template
 * @throws TemplateError (codes `TEMPLATE_SYNTAX`, `TEMPLATE_UNKNOWN_TAG`, `TEMPLATE_UNKNOWN_FILTER`,
 *   `TEMPLATE_LIMIT_EXCEEDED`, and `TEMPLATE_INVALID_ARGUMENT` for a literal unknown currency or zone such as
 *   `money: 'EURO'`) with line, column and a caret excerpt
 * @throws ValidationError (code `VALIDATION`) for bad options or an unknown option key
 * @example
 * ```ts
 * const t = compileTemplate("Hi {{ name | default: 'there' }}, order {{ order.id }} ships {{ eta | date: '%b %-d' }}.", {
 *   escape: "none",
 *   timeZone: "America/New_York",
 * });
 * t.render({ order: { id: 1042 }, eta: "2026-03-03T02:00:00Z" }); //=> "Hi there, order 1042 ships Mar 2."
 * ```
 */
export function compileTemplate(source: string, options: CompileTemplateOptions = {}): CompiledTemplate {
  if (typeof source !== "string") {
    throw new ValidationError("template", [{ path: "", code: "invalid_type", message: "expected a string" }]);
  }
  const parsed = parseOptions(options);
  const limits: TemplateLimits = Object.freeze({
    ...DEFAULT_TEMPLATE_LIMITS,
    ...stripUndefined(parsed.limits ?? {}),
  });
  const escapeMode = parsed.escape ?? "html";
  const strict = parsed.strict ?? false;
  const locale = parsed.locale ?? "en";
  const timeZone = parsed.timeZone ?? "UTC";
  const ast = parseTemplate(source, limits);
  const run: Execute = compileAst(ast, { source, escape: escapeMode, strict, limits });
  const renderWith: TrustedRender = (data, renderLocale, renderZone, now) => {
    const ctx: RenderContext = {
      out: "",
      data: data ?? EMPTY,
      vars: new Map(),
      frames: [],
      steps: 0,
      iterations: 0,
      control: 0,
      limits,
      locale: renderLocale,
      timeZone: renderZone,
      now,
      source,
    };
    try {
      run(ctx);
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        throw new TemplateError("TEMPLATE_LIMIT_EXCEEDED", "The template or its data nests too deeply", {
          limit: "maxNestingDepth",
          cause: error,
        });
      }
      throw error;
    }
    return ctx.out;
  };
  const render = (data?: unknown, renderOptions?: RenderOptions): string => {
    if (data !== undefined && !isPlainObject(data)) {
      throw new ValidationError("template data", [
        { path: "", code: "invalid_type", message: "expected a plain object" },
      ]);
    }
    if (renderOptions === undefined) return renderWith(data, locale, timeZone, Number.NaN);
    const parsed = parseRenderOptions(renderOptions);
    return renderWith(
      data,
      parsed.locale ?? locale,
      parsed.timeZone ?? timeZone,
      parsed.now === undefined ? Number.NaN : parsed.now.getTime(),
    );
  };
  const template: CompiledTemplate = {
    source,
    escape: escapeMode,
    strict,
    locale,
    timeZone,
    limits,
    render,
  };
  Object.defineProperty(template, TRUSTED, { value: renderWith });
  return Object.freeze(template);
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null));

function stripUndefined(value: object): Partial<TemplateLimits> {
  const out: Partial<TemplateLimits> = {};
  for (const [key, v] of Object.entries(value))
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  return out;
}
