import { TemplateError } from "../errors";
import type { TemplateLimits } from "../limits";

/** One active `for` loop: the current item and where the loop is. */
export interface LoopFrame {
  item: unknown;
  index: number;
  length: number;
}

/** Mutable state of one render. Created per call; never shared between renders. */
export interface RenderContext {
  out: string;
  readonly data: unknown;
  /** Values written by `assign`/`capture`; a Map, so `__proto__` is just a key. */
  readonly vars: Map<string, unknown>;
  /** Active loops, outermost first; a loop at nesting depth d owns `frames[d]`. */
  readonly frames: LoopFrame[];
  steps: number;
  iterations: number;
  /** 0 normal, 1 `break`, 2 `continue`. */
  control: number;
  readonly limits: TemplateLimits;
  readonly locale: string;
  readonly timeZone: string;
  /** Epoch milliseconds of "now" for `relative_time`, or NaN when the caller gave none. */
  readonly now: number;
  readonly source: string;
}

export function limitExceeded(
  ctx: RenderContext,
  limit: keyof TemplateLimits,
  what: string,
  pos?: number,
): never {
  throw new TemplateError("TEMPLATE_LIMIT_EXCEEDED", `${what} exceeds ${limit} (${ctx.limits[limit]})`, {
    source: ctx.source,
    ...(pos === undefined ? {} : { index: pos }),
    limit,
  });
}

/** Fails when a string some filter built is longer than the output budget. */
export function checkSize(ctx: RenderContext, length: number): void {
  if (length > ctx.limits.maxOutputSize) limitExceeded(ctx, "maxOutputSize", `A ${length}-character string`);
}
