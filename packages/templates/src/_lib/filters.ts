import { isValidTimeZone } from "@supportkit/core";
import { TemplateError } from "../errors";
import { checkSize, type RenderContext } from "./context";
import { strftime, toEpoch } from "./dates";
import {
  currencyFormat,
  dateFormat,
  isKnownCurrency,
  listFormat,
  numberFormat,
  plurals,
  relativeFormat,
} from "./intl";
import { escapeHtml, isTruthy, MISSING, present, readProperty, stringify, toNumber } from "./values";

// The filter table. A Map, not an object: `| constructor` or `| __proto__` finds nothing, so no filter is
// ever looked up through Object.prototype. Semantics follow liquidjs 10.30 unless a comment says otherwise.

/** What a filter expects as input, so `validateTemplate` can flag `{{ name | plus: 1 }}` on a string field. */
export type InputKind = "any" | "string" | "number" | "array" | "date";

export type Keywords = Readonly<Record<string, unknown>> | null;

export interface FilterSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly keywords: readonly string[];
  /** Keywords of which at least one must be given. */
  readonly requiredKeywords?: readonly string[];
  readonly input: InputKind;
  /** The output is HTML that must not be escaped again (`escape`, `newline_to_br`). */
  readonly html?: boolean;
  readonly fn: (ctx: RenderContext, input: unknown, args: readonly unknown[], kw: Keywords) => unknown;
  /**
   * Checks an argument the author wrote as a literal (`slot` is its 0-based position): the problem in words,
   * or null. The compiler and `validateTemplate` both call it, so a typo fails when the template is saved.
   * A filter with a check may also throw {@link InvalidArgument} while rendering, for the same problem in data.
   */
  readonly checkLiteral?: (slot: number, value: unknown) => string | null;
}

/**
 * Thrown by a filter for an argument or input from the data it cannot use. The compiler turns it into a
 * `TemplateError` (`TEMPLATE_INVALID_ARGUMENT`) that names the filter and points at the call: printing a
 * wrong price or a date in the wrong zone to a customer is worse than failing the render.
 */
export class InvalidArgument extends Error {}

const str = (v: unknown): string => stringify(present(v));

function spec(
  input: InputKind,
  minArgs: number,
  maxArgs: number,
  fn: FilterSpec["fn"],
  extra: Partial<Pick<FilterSpec, "keywords" | "requiredKeywords" | "html" | "checkLiteral">> = {},
): FilterSpec {
  return { input, minArgs, maxArgs, fn, keywords: extra.keywords ?? [], ...extra };
}

function sized(ctx: RenderContext, text: string): string {
  checkSize(ctx, text.length);
  return text;
}

function codePointEnd(text: string, count: number): number {
  let index = 0;
  for (let i = 0; i < count && index < text.length; i++)
    index += (text.codePointAt(index) as number) > 0xffff ? 2 : 1;
  return index;
}

function codePointLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index += (text.codePointAt(index) as number) > 0xffff ? 2 : 1)
    length++;
  return length;
}

function shiftDecimal(n: number, exponent: number): number {
  const [mantissa, power = "0"] = String(n).split("e");
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

function arrayOf(value: unknown): readonly unknown[] {
  const v = present(value);
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

// Array.prototype.join's element conversion, without calling anything the data defines.
function joinItem(value: unknown, depth: number): string {
  if (value === null || value === undefined || value === MISSING) return "";
  if (Array.isArray(value)) {
    if (depth > 32) return "";
    return value.map((item) => joinItem(item, depth + 1)).join(",");
  }
  return stringify(value);
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function isNumeric(value: unknown): value is number | string {
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
}

const arithmetic = (op: (a: number, b: number) => number): FilterSpec =>
  spec("number", 1, 1, (_ctx, v, [a]) => op(toNumber(present(v)), toNumber(present(a))));

const unary = (op: (a: number) => number): FilterSpec =>
  spec("number", 0, 0, (_ctx, v) => op(toNumber(present(v))));

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "nil";
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;
}

/** Why `value` is not a currency code `money` can print, or null. Case is ignored (`usd` is `USD`). */
function currencyProblem(value: unknown): string | null {
  if (value === null || value === undefined)
    return 'currency is missing (expected an ISO 4217 code such as "EUR")';
  if (typeof value !== "string" || !isKnownCurrency(value))
    return `currency ${describeValue(value)} is not an ISO 4217 currency code (such as "EUR")`;
  return null;
}

/** Why `value` is not a zone `date` can use, or null; nil means the render's zone. */
function zoneProblem(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string" || !isValidTimeZone(value))
    return `time zone ${describeValue(value)} is not a known IANA time zone (such as "Europe/Berlin")`;
  return null;
}

const DATE_STYLES: ReadonlySet<string> = new Set(["short", "medium", "long", "full"]);
const DEFAULT_DATE_FORMAT = "%A, %B %-e, %Y at %-l:%M %P %z";

const defaultFilter = spec(
  "any",
  0,
  1,
  (_ctx, value, [fallback], kw) => {
    const v = present(value);
    if (typeof v === "string" || Array.isArray(v)) return v.length > 0 ? v : present(fallback);
    if (v === false && kw !== null && isTruthy(kw.allow_false)) return false;
    return isTruthy(v) ? v : present(fallback);
  },
  { keywords: ["allow_false"] },
);

const entries: [string, FilterSpec][] = [
  ["default", defaultFilter],
  ["fallback", defaultFilter],
  ["upcase", spec("any", 0, 0, (ctx, v) => sized(ctx, str(v).toUpperCase()))],
  ["downcase", spec("any", 0, 0, (ctx, v) => sized(ctx, str(v).toLowerCase()))],
  [
    "capitalize",
    spec("any", 0, 0, (_ctx, v) => {
      const s = str(v);
      return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    }),
  ],
  ["strip", spec("any", 0, 0, (_ctx, v) => str(v).trim())],
  ["lstrip", spec("any", 0, 0, (_ctx, v) => str(v).trimStart())],
  ["rstrip", spec("any", 0, 0, (_ctx, v) => str(v).trimEnd())],
  ["strip_newlines", spec("any", 0, 0, (_ctx, v) => str(v).replace(/\r?\n/g, ""))],
  [
    "truncate",
    spec("any", 0, 2, (_ctx, v, [length, ellipsis]) => {
      const s = str(v);
      const l = length === undefined ? 50 : toNumber(present(length));
      const o = ellipsis === undefined ? "..." : str(ellipsis);
      if (s.length <= l || codePointEnd(s, l) >= s.length) return present(v);
      return s.slice(0, codePointEnd(s, Math.max(l - codePointLength(o), 0))) + o;
    }),
  ],
  [
    "truncatewords",
    spec("any", 0, 2, (_ctx, v, [count, ellipsis]) => {
      const words = str(v).trimStart().split(/\s+/);
      let n = count === undefined ? 15 : toNumber(present(count));
      const o = ellipsis === undefined ? "..." : str(ellipsis);
      if (n <= 0) n = 1;
      let out = words.slice(0, n).join(" ");
      if (words.length >= n) out += o;
      return out;
    }),
  ],
  [
    "replace",
    spec("any", 2, 2, (ctx, v, [pattern, replacement]) => {
      const s = str(v);
      const p = str(pattern);
      const r = str(replacement);
      const parts = s.split(p);
      checkSize(ctx, s.length + (parts.length - 1) * (r.length - p.length));
      return parts.join(r);
    }),
  ],
  [
    "replace_first",
    spec("any", 2, 2, (ctx, v, [pattern, replacement]) => {
      const r = str(replacement);
      const s = str(v);
      checkSize(ctx, s.length + r.length);
      return s.replace(str(pattern), () => r);
    }),
  ],
  ["remove", spec("any", 1, 1, (_ctx, v, [pattern]) => str(v).split(str(pattern)).join(""))],
  ["append", spec("any", 1, 1, (ctx, v, [suffix]) => sized(ctx, str(v) + str(suffix)))],
  ["prepend", spec("any", 1, 1, (ctx, v, [prefix]) => sized(ctx, str(prefix) + str(v)))],
  [
    "split",
    spec("any", 1, 1, (_ctx, v, [separator]) => {
      const parts = str(v).split(str(separator));
      while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
      return parts;
    }),
  ],
  [
    "join",
    spec("array", 0, 1, (ctx, v, [separator]) => {
      const items = arrayOf(v);
      const sep =
        separator === undefined || separator === null || separator === MISSING ? " " : str(separator);
      let out = "";
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out += sep;
        out += joinItem(readProperty(items, i), 0);
        if (out.length > ctx.limits.maxOutputSize) checkSize(ctx, out.length);
      }
      return out;
    }),
  ],
  [
    "first",
    spec("any", 0, 0, (_ctx, v) => {
      const x = present(v);
      if (typeof x === "string") return x.charAt(0);
      return Array.isArray(x) ? present(readProperty(x, 0)) : "";
    }),
  ],
  [
    "last",
    spec("any", 0, 0, (_ctx, v) => {
      const x = present(v);
      if (typeof x === "string") return x.charAt(x.length - 1);
      return Array.isArray(x) ? present(readProperty(x, -1)) : "";
    }),
  ],
  [
    "size",
    spec("any", 0, 0, (_ctx, v) => {
      const x = present(v);
      return typeof x === "string" || Array.isArray(x) ? x.length : 0;
    }),
  ],
  ["plus", arithmetic((a, b) => a + b)],
  ["minus", arithmetic((a, b) => a - b)],
  ["times", arithmetic((a, b) => a * b)],
  ["modulo", arithmetic((a, b) => ((a % b) + b) % b)],
  [
    "divided_by",
    spec("number", 1, 2, (_ctx, v, [divisor, integer]) => {
      const q = toNumber(present(v)) / toNumber(present(divisor));
      return isTruthy(integer) && integer !== undefined ? Math.floor(q) : q;
    }),
  ],
  [
    "round",
    spec("number", 0, 1, (_ctx, value, [digits]) => {
      const v = toNumber(present(value));
      const d = toNumber(present(digits));
      const scaled = shiftDecimal(Math.abs(v), d);
      if (!(scaled <= Number.MAX_SAFE_INTEGER)) return v;
      const rounded = shiftDecimal(Math.round(scaled), -d);
      return v < 0 ? -rounded : rounded;
    }),
  ],
  ["floor", unary(Math.floor)],
  ["ceil", unary(Math.ceil)],
  ["abs", unary(Math.abs)],
  ["escape", spec("any", 0, 0, (_ctx, v) => escapeHtml(str(v)), { html: true })],
  [
    "escape_once",
    spec(
      "any",
      0,
      0,
      (_ctx, v) => escapeHtml(str(v).replace(/&(amp|lt|gt|#34|#39);/g, (m) => UNESCAPES[m] as string)),
      { html: true },
    ),
  ],
  [
    "newline_to_br",
    spec("any", 0, 0, (ctx, v) => sized(ctx, str(v).replace(/\r?\n/g, "<br />\n")), { html: true }),
  ],
  ["url_encode", spec("any", 0, 0, (_ctx, v) => encodeURIComponent(wellFormed(str(v))).replace(/%20/g, "+"))],
  [
    "date",
    spec(
      "date",
      0,
      2,
      (ctx, value, [format, zoneArg], kw) => {
        const zoneValue = present(zoneArg);
        const problem = zoneProblem(zoneValue);
        if (problem !== null) throw new InvalidArgument(problem);
        const zone = zoneValue === undefined || zoneValue === null ? ctx.timeZone : (zoneValue as string);
        const v = present(value);
        if (v === null || v === undefined) return v;
        const epoch = toEpoch(v, ctx, zone);
        if (Number.isNaN(epoch)) return v;
        const f =
          format === undefined || format === null || format === MISSING ? DEFAULT_DATE_FORMAT : str(format);
        const timeStyle = kw === null ? undefined : present(kw.time);
        if (DATE_STYLES.has(f) || (f === "" && timeStyle !== undefined)) {
          const options: Intl.DateTimeFormatOptions = { timeZone: zone };
          if (f !== "") options.dateStyle = f as Intl.DateTimeFormatOptions["dateStyle"];
          if (typeof timeStyle === "string" && DATE_STYLES.has(timeStyle)) {
            options.timeStyle = timeStyle as Intl.DateTimeFormatOptions["timeStyle"];
          }
          return dateFormat(ctx.locale, options, `${f}|${String(timeStyle)}|${zone}`).format(epoch);
        }
        return sized(ctx, strftime(epoch, f, zone, ctx.locale));
      },
      { keywords: ["time"], checkLiteral: (slot, value) => (slot === 1 ? zoneProblem(value) : null) },
    ),
  ],
  [
    "money",
    spec(
      "number",
      1,
      1,
      (ctx, value, [currency], kw) => {
        const code = present(currency);
        const problem = currencyProblem(code);
        if (problem !== null) throw new InvalidArgument(problem);
        const v = present(value);
        // A missing amount prints nothing, as any missing variable does (strict mode makes it an error).
        if (v === null || v === undefined) return v;
        const amount = typeof v === "number" ? v : isNumeric(v) ? Number(v) : Number.NaN;
        if (!Number.isFinite(amount)) {
          throw new InvalidArgument(`amount ${describeValue(v)} is not a finite number`);
        }
        const display = kw === null ? undefined : present(kw.display);
        const currencyDisplay =
          display === "code" || display === "name" || display === "narrowSymbol" ? display : "symbol";
        const nf = currencyFormat(ctx.locale, code as string, currencyDisplay);
        if (nf === null)
          throw new InvalidArgument(`currency ${describeValue(code)} is not supported by this runtime`);
        return nf.format(amount);
      },
      { keywords: ["display"], checkLiteral: (slot, value) => (slot === 0 ? currencyProblem(value) : null) },
    ),
  ],
  [
    "number",
    spec(
      "number",
      0,
      0,
      (ctx, value, _args, kw) => {
        const v = present(value);
        if (!isNumeric(v)) return v;
        const decimals = kw === null ? undefined : present(kw.decimals);
        const digits =
          typeof decimals === "number" ? Math.max(0, Math.min(20, Math.trunc(decimals))) : undefined;
        const options: Intl.NumberFormatOptions =
          digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
        return numberFormat(ctx.locale, options, `number|${String(digits)}`).format(Number(v));
      },
      { keywords: ["decimals"] },
    ),
  ],
  [
    "plural",
    spec(
      "number",
      0,
      0,
      (ctx, value, _args, kw) => {
        const n = toNumber(present(value));
        const forms = kw ?? {};
        const category = plurals(ctx.locale, "cardinal").select(n);
        const chosen = present(forms[category]) ?? present(forms.other);
        const formatted = numberFormat(ctx.locale, {}, "number|undefined").format(n);
        return str(chosen).replace(/#/g, formatted);
      },
      { keywords: ["zero", "one", "two", "few", "many", "other"], requiredKeywords: ["other"] },
    ),
  ],
  [
    "list",
    spec(
      "array",
      0,
      1,
      (ctx, value, [type], kw) => {
        const items = arrayOf(value).map((item) => joinItem(item, 0));
        const t = present(type);
        const listType =
          t === "or" || t === "disjunction" ? "disjunction" : t === "unit" ? "unit" : "conjunction";
        const s = kw === null ? undefined : present(kw.style);
        const style = s === "short" || s === "narrow" ? s : "long";
        return sized(ctx, listFormat(ctx.locale, listType, style).format(items));
      },
      { keywords: ["style"] },
    ),
  ],
  [
    "relative_time",
    spec("date", 0, 1, (ctx, value, [nowArg]) => {
      const v = present(value);
      const nowValue = present(nowArg);
      const now = nowValue === undefined ? ctx.now : toEpoch(nowValue, ctx, ctx.timeZone);
      if (Number.isNaN(now)) {
        throw new TemplateError(
          "TEMPLATE_UNKNOWN_VARIABLE",
          "relative_time needs the current time: pass `now` to render, or an argument",
        );
      }
      const at = toEpoch(v, ctx, ctx.timeZone);
      if (Number.isNaN(at)) return v;
      return relativeTime(ctx.locale, (at - now) / 1000);
    }),
  ],
];

const UNESCAPES: Readonly<Record<string, string>> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&#34;": '"',
  "&#39;": "'",
};

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ["second", 60],
  ["minute", 3600],
  ["hour", 86_400],
  ["day", 7 * 86_400],
  ["week", 30 * 86_400],
  ["month", 365 * 86_400],
  ["year", Number.POSITIVE_INFINITY],
];
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

function relativeTime(locale: string, seconds: number): string {
  const abs = Math.abs(seconds);
  for (const [unit, below] of UNITS) {
    if (abs < below) {
      const amount = Math.round(seconds / (UNIT_SECONDS[unit] as number));
      return relativeFormat(locale, "auto").format(amount === 0 ? 0 : amount, unit);
    }
  }
  return "";
}

/** Every filter, by name. */
export const FILTERS: ReadonlyMap<string, FilterSpec> = new Map(entries);
