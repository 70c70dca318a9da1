import { SupportKitError } from "@supportkit/core";

/**
 * The stable codes a {@link TemplateError} carries.
 *
 * - `TEMPLATE_SYNTAX`: the source is not valid template syntax (or a filter is called with the wrong arguments)
 * - `TEMPLATE_UNKNOWN_TAG`: a `{% tag %}` this language does not have (`include`, `render`, ...)
 * - `TEMPLATE_UNKNOWN_FILTER`: a `| filter` this language does not have
 * - `TEMPLATE_UNKNOWN_VARIABLE`: strict mode read a variable the data does not hold, or a schema does not define it
 * - `TEMPLATE_LIMIT_EXCEEDED`: a budget (template size, nesting, render steps, loop iterations, range size,
 *   output size, SMS segments) ran out
 * - `TEMPLATE_MISSING_PART`: a template set has no variant for the requested channel part
 * - `TEMPLATE_INVALID_ARGUMENT`: a filter got an argument or input it cannot use: an unknown currency code
 *   (`money: 'EURO'`) or time zone (`date: 'long', 'Mars/Base'`), or an amount that is not a finite number.
 *   Thrown when the template compiles for a literal, when it renders for a value from the data
 *
 * @example
 * ```ts
 * const code: TemplateErrorCode = "TEMPLATE_UNKNOWN_FILTER";
 * ```
 */
export type TemplateErrorCode =
  | "TEMPLATE_SYNTAX"
  | "TEMPLATE_UNKNOWN_TAG"
  | "TEMPLATE_UNKNOWN_FILTER"
  | "TEMPLATE_UNKNOWN_VARIABLE"
  | "TEMPLATE_LIMIT_EXCEEDED"
  | "TEMPLATE_MISSING_PART"
  | "TEMPLATE_INVALID_ARGUMENT";

/** Where in a template a {@link TemplateError} points, and what to show the author. */
export interface TemplateErrorOptions {
  /** The template source, used to compute line, column and the excerpt. */
  readonly source?: string;
  /** Offset (UTF-16 code units, 0-based) of the problem in `source`. */
  readonly index?: number;
  /** Name of the budget that ran out, for `TEMPLATE_LIMIT_EXCEEDED`. */
  readonly limit?: string;
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
}

/**
 * A template could not be compiled or rendered. `code` is stable; `line` and `column` (1-based) point at the
 * problem and `excerpt` shows the source line with a caret under it, ready to show to the author.
 *
 * @example
 * ```ts
 * try {
 *   compileTemplate("Hi {{ name | shout }}");
 * } catch (error) {
 *   if (error instanceof TemplateError) error.code; //=> "TEMPLATE_UNKNOWN_FILTER"
 *   // error.line === 1, error.column === 14, error.excerpt === "Hi {{ name | shout }}\n             ^"
 * }
 * ```
 */
export class TemplateError extends SupportKitError {
  static override readonly brand: string = "@supportkit/templates:TemplateError";

  /** The kind of failure. */
  declare readonly code: TemplateErrorCode;
  /** 1-based line of the problem, or 0 when it has no position. */
  readonly line: number;
  /** 1-based column of the problem (in UTF-16 code units), or 0 when it has no position. */
  readonly column: number;
  /** The offending source line and a caret line under the problem; empty when there is no position. */
  readonly excerpt: string;
  /** Name of the budget that ran out (`maxRenderSteps`, ...), for `TEMPLATE_LIMIT_EXCEEDED`. */
  readonly limit: string | undefined;

  /**
   * @param code - the stable code
   * @param message - what went wrong, for people (position and excerpt are appended)
   * @param options - source and offset of the problem, the budget name, the cause
   */
  constructor(code: TemplateErrorCode, message: string, options: TemplateErrorOptions = {}) {
    const where = locate(options.source, options.index);
    const suffix = where.line > 0 ? ` (line ${where.line}, column ${where.column})\n${where.excerpt}` : "";
    super(code, message + suffix, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "TemplateError";
    this.line = where.line;
    this.column = where.column;
    this.excerpt = where.excerpt;
    this.limit = options.limit;
  }
}

const EXCERPT_WIDTH = 80;

function locate(
  source: string | undefined,
  index: number | undefined,
): { line: number; column: number; excerpt: string } {
  if (source === undefined || index === undefined) return { line: 0, column: 0, excerpt: "" };
  const at = Math.max(0, Math.min(index, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let lineEnd = source.indexOf("\n", at);
  if (lineEnd === -1) lineEnd = source.length;
  const column = at - lineStart + 1;
  // Long lines (minified HTML) are cut around the problem so the caret stays readable.
  const from = Math.max(lineStart, at - EXCERPT_WIDTH / 2);
  const to = Math.min(lineEnd, from + EXCERPT_WIDTH);
  const text = source.slice(from, to).replace(/[\r\t]/g, " ");
  const excerpt = `${text}\n${" ".repeat(at - from)}^`;
  return { line, column, excerpt };
}
