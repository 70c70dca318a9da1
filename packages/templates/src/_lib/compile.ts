import { TemplateError } from "../errors";
import type { TemplateLimits } from "../limits";
import type { Expr, FilterCall, FilteredExpr, Node, PathSegment, TemplateAst } from "./ast";
import { type LoopFrame, limitExceeded, type RenderContext } from "./context";
import { FILTERS, type FilterSpec, InvalidArgument, type Keywords } from "./filters";
import {
  compare,
  contains,
  escapeHtml,
  isBlankValue,
  isEmpty,
  isEqual,
  isTruthy,
  itemAt,
  MISSING,
  present,
  readProperty,
  stringify,
  toIterable,
  toNumber,
} from "./values";

// Turns the syntax tree into a tree of closures once, at compile time: rendering is then plain function
// calls over the data, with no parsing, no `eval` and no `new Function`.

export type Evaluate = (ctx: RenderContext) => unknown;
export type Execute = (ctx: RenderContext) => void;

export interface CompileSettings {
  readonly source: string;
  readonly escape: "html" | "none";
  readonly strict: boolean;
  readonly limits: TemplateLimits;
}

interface Scope {
  /** Loop variable names of the enclosing `for` tags, outermost first. */
  readonly loops: readonly string[];
}

const FORLOOP_FIELDS: Readonly<Record<string, (f: LoopFrame) => unknown>> = {
  index: (f) => f.index + 1,
  index0: (f) => f.index,
  rindex: (f) => f.length - f.index,
  rindex0: (f) => f.length - f.index - 1,
  first: (f) => f.index === 0,
  last: (f) => f.index === f.length - 1,
  length: (f) => f.length,
};

const noop: Execute = () => {};

class Compiler {
  private readonly maxSteps: number;
  private readonly maxOutput: number;
  constructor(
    private readonly settings: CompileSettings,
    private readonly assigned: ReadonlySet<string>,
    private readonly capturedOnly: ReadonlySet<string>,
  ) {
    this.maxSteps = settings.limits.maxRenderSteps;
    this.maxOutput = settings.limits.maxOutputSize;
  }

  private error(
    code: "TEMPLATE_SYNTAX" | "TEMPLATE_UNKNOWN_FILTER" | "TEMPLATE_INVALID_ARGUMENT",
    message: string,
    pos: number,
  ): TemplateError {
    return new TemplateError(code, message, { source: this.settings.source, index: pos });
  }

  block(nodes: readonly Node[], scope: Scope): Execute {
    // Runs of text and outputs become one closure that builds their text and appends it once: fewer calls
    // and budget checks per node. Steps still count every node of the run.
    const execs: Execute[] = [];
    const weights: number[] = [];
    let run: (string | Evaluate)[] = [];
    for (const node of nodes) {
      if (node.kind === "text") {
        if (node.value === "") continue;
        const previous = run[run.length - 1];
        if (typeof previous === "string") run[run.length - 1] = previous + node.value;
        else run.push(node.value);
      } else if (node.kind === "output") {
        run.push(this.output(node.value, scope));
      } else {
        if (run.length > 0) {
          execs.push(this.textRun(run));
          weights.push(run.length);
          run = [];
        }
        const exec = this.node(node, scope);
        if (exec !== noop) {
          execs.push(exec);
          weights.push(1);
        }
      }
    }
    if (run.length > 0) {
      execs.push(this.textRun(run));
      weights.push(run.length);
    }
    const n = execs.length;
    const weight = weights.reduce((a, b) => a + b, 0);
    const maxSteps = this.maxSteps;
    if (n === 0) return noop;
    if (n === 1) {
      const only = execs[0] as Execute;
      return (ctx) => {
        ctx.steps += weight;
        if (ctx.steps > maxSteps) limitExceeded(ctx, "maxRenderSteps", "Rendering");
        only(ctx);
      };
    }
    return (ctx) => {
      ctx.steps += weight;
      if (ctx.steps > maxSteps) limitExceeded(ctx, "maxRenderSteps", "Rendering");
      for (let i = 0; i < n; i++) {
        (execs[i] as Execute)(ctx);
        if (ctx.control !== 0) return;
      }
    };
  }

  private textRun(parts: readonly (string | Evaluate)[]): Execute {
    const maxOutput = this.maxOutput;
    if (parts.length === 1) {
      const only = parts[0] as string | Evaluate;
      if (typeof only === "string") return (ctx) => appendOutput(ctx, only, maxOutput);
      return (ctx) => appendOutput(ctx, only(ctx) as string, maxOutput);
    }
    const n = parts.length;
    return (ctx) => {
      let text = "";
      for (let i = 0; i < n; i++) {
        const part = parts[i] as string | Evaluate;
        text += typeof part === "string" ? part : (part(ctx) as string);
      }
      appendOutput(ctx, text, maxOutput);
    };
  }

  private node(node: Node, scope: Scope): Execute {
    switch (node.kind) {
      case "text": {
        const text = node.value;
        if (text === "") return noop;
        const maxOutput = this.maxOutput;
        return (ctx) => {
          ctx.out += text;
          if (ctx.out.length > maxOutput) limitExceeded(ctx, "maxOutputSize", "Output");
        };
      }
      case "output": {
        const piece = this.output(node.value, scope);
        return this.textRun([piece]);
      }
      case "assign": {
        const value = this.filtered(node.value, scope);
        const name = node.name;
        return (ctx) => {
          ctx.vars.set(name, present(value(ctx)));
        };
      }
      case "capture": {
        const body = this.block(node.body, scope);
        const name = node.name;
        return (ctx) => {
          const saved = ctx.out;
          ctx.out = "";
          body(ctx);
          ctx.vars.set(name, ctx.out);
          ctx.out = saved;
        };
      }
      case "if":
        return this.conditional(node, scope);
      case "case":
        return this.switchCase(node, scope);
      case "for":
        return this.loop(node, scope);
      case "break":
      case "continue": {
        if (scope.loops.length === 0)
          throw this.error("TEMPLATE_SYNTAX", `{% ${node.kind} %} outside a for loop`, node.pos);
        const code = node.kind === "break" ? 1 : 2;
        return (ctx) => {
          ctx.control = code;
        };
      }
    }
  }

  /** The text of one `{{ output }}`, escaped as the channel needs. */
  private output(value: FilteredExpr, scope: Scope): Evaluate {
    const expr = value.expr;
    if (
      this.settings.escape === "html" &&
      value.filters.length === 0 &&
      expr.kind === "variable" &&
      expr.path.length === 0 &&
      this.capturedOnly.has(expr.name) &&
      !scope.loops.includes(expr.name) &&
      !(expr.name === "forloop" && scope.loops.length > 0)
    ) {
      // A captured block is template output whose own outputs were escaped already: print it as is rather
      // than escaping it twice. Only `capture` writes this name, so a value in `vars` is always one.
      const name = expr.name;
      const fallback = this.expr(expr, scope, false);
      return (ctx) =>
        ctx.vars.has(name) ? (ctx.vars.get(name) as string) : escapeHtml(stringify(fallback(ctx)));
    }
    const last = value.filters[value.filters.length - 1];
    const lastSpec = last === undefined ? undefined : FILTERS.get(last.name);
    let evaluate: Evaluate;
    let format: (v: unknown) => string = stringify;
    if (this.settings.escape === "html") {
      if (lastSpec?.html === true && last?.name === "newline_to_br") {
        // Escape the text, then add the line breaks: the <br /> tags are ours, the text is the customer's.
        const before = value.filters.slice(0, -1);
        evaluate = this.filtered({ expr: value.expr, filters: before }, scope);
        this.filterStep(last, scope); // validates the call
        const previous = before[before.length - 1];
        // Only escape/escape_once make text safe; a newline_to_br earlier in the chain did not escape anything.
        const alreadyEscaped =
          previous !== undefined && (previous.name === "escape" || previous.name === "escape_once");
        format = alreadyEscaped ? formatBreaks : formatEscapedBreaks;
      } else {
        evaluate = this.filtered(value, scope);
        if (lastSpec?.html !== true) format = formatHtml;
      }
    } else {
      evaluate = this.filtered(value, scope);
    }
    return (ctx) => format(evaluate(ctx));
  }

  filtered(value: FilteredExpr, scope: Scope): Evaluate {
    const first = value.filters[0];
    const lenient = first !== undefined && (first.name === "default" || first.name === "fallback");
    const base = this.expr(value.expr, scope, lenient);
    if (value.filters.length === 0) return base;
    const steps = value.filters.map((call) => this.filterStep(call, scope));
    if (steps.length === 1) {
      const step = steps[0] as FilterStep;
      return (ctx) => step(ctx, base(ctx));
    }
    const n = steps.length;
    return (ctx) => {
      let v = base(ctx);
      for (let i = 0; i < n; i++) v = (steps[i] as FilterStep)(ctx, v);
      return v;
    };
  }

  filterStep(call: FilterCall, scope: Scope): FilterStep {
    const spec: FilterSpec | undefined = FILTERS.get(call.name);
    if (spec === undefined)
      throw this.error("TEMPLATE_UNKNOWN_FILTER", `Unknown filter "${call.name}"`, call.pos);
    const count = call.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) {
      const expected =
        spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
      throw this.error(
        "TEMPLATE_SYNTAX",
        `Filter "${call.name}" takes ${expected} argument${spec.maxArgs === 1 ? "" : "s"}, got ${count}`,
        call.pos,
      );
    }
    for (const [key] of call.keywords) {
      if (!spec.keywords.includes(key)) {
        throw this.error("TEMPLATE_SYNTAX", `Filter "${call.name}" has no option "${key}"`, call.pos);
      }
    }
    for (const key of spec.requiredKeywords ?? []) {
      if (!call.keywords.some(([k]) => k === key)) {
        throw this.error("TEMPLATE_SYNTAX", `Filter "${call.name}" needs the option "${key}:"`, call.pos);
      }
    }
    const check = spec.checkLiteral;
    let fn = spec.fn;
    if (check !== undefined) {
      call.args.forEach((arg, slot) => {
        const problem = isConstant(arg) ? check(slot, constantValue(arg)) : null;
        if (problem !== null)
          throw this.error("TEMPLATE_INVALID_ARGUMENT", `Filter "${call.name}": ${problem}`, arg.pos);
      });
      fn = guardArguments(spec.fn, call, this.settings.source);
    }
    const argEvals = call.args.map((arg) => this.expr(arg, scope, false));
    const kwEvals = call.keywords.map(([key, arg]) => [key, this.expr(arg, scope, false)] as const);
    const constantArgs = call.args.every(isConstant);
    const constantKw = call.keywords.every(([, arg]) => isConstant(arg));
    const fixedArgs: readonly unknown[] | null = constantArgs
      ? Object.freeze(call.args.map(constantValue))
      : null;
    let fixedKw: Keywords = null;
    if (constantKw && call.keywords.length > 0) {
      const record: Record<string, unknown> = Object.create(null);
      for (const [key, arg] of call.keywords) record[key] = constantValue(arg);
      fixedKw = Object.freeze(record);
    }
    if (fixedArgs !== null && (constantKw || kwEvals.length === 0)) {
      return (ctx, input) => fn(ctx, input, fixedArgs, fixedKw);
    }
    if (constantKw && argEvals.length === 1) {
      const only = argEvals[0] as Evaluate;
      return (ctx, input) => fn(ctx, input, [present(only(ctx))], fixedKw);
    }
    if (constantKw && argEvals.length === 2) {
      const first = argEvals[0] as Evaluate;
      const second = argEvals[1] as Evaluate;
      return (ctx, input) => fn(ctx, input, [present(first(ctx)), present(second(ctx))], fixedKw);
    }
    return (ctx, input) =>
      fn(
        ctx,
        input,
        fixedArgs ?? argEvals.map((evaluate) => present(evaluate(ctx))),
        constantKw ? fixedKw : buildKeywords(kwEvals, ctx),
      );
  }

  private conditional(node: Extract<Node, { kind: "if" }>, scope: Scope): Execute {
    const conditions = node.branches.map((branch) => this.expr(branch.condition, scope, true));
    const bodies = node.branches.map((branch) => this.block(branch.body, scope));
    const otherwise = node.otherwise === null ? noop : this.block(node.otherwise, scope);
    const negateFirst = node.negateFirst;
    if (conditions.length === 1) {
      const condition = conditions[0] as Evaluate;
      const body = bodies[0] as Execute;
      if (negateFirst) {
        return (ctx) => {
          if (!isTruthy(condition(ctx))) body(ctx);
          else otherwise(ctx);
        };
      }
      return (ctx) => {
        if (isTruthy(condition(ctx))) body(ctx);
        else otherwise(ctx);
      };
    }
    const n = conditions.length;
    return (ctx) => {
      for (let i = 0; i < n; i++) {
        const truthy = isTruthy((conditions[i] as Evaluate)(ctx));
        if (i === 0 && negateFirst ? !truthy : truthy) {
          (bodies[i] as Execute)(ctx);
          return;
        }
      }
      otherwise(ctx);
    };
  }

  private switchCase(node: Extract<Node, { kind: "case" }>, scope: Scope): Execute {
    // Like liquidjs, every matching {% when %} renders; {% else %} only when none did.
    const subject = this.filteredLenient(node.subject, scope);
    const branches = node.branches.map((branch) => ({
      matchers: branch.values.map((value): ((ctx: RenderContext, target: unknown) => boolean) => {
        const drop = dropOf(value);
        if (drop !== null) return (_ctx, target) => dropEquals(drop, null, target);
        const evaluate = this.expr(value, scope, true);
        return (ctx, target) => isEqual(target, evaluate(ctx));
      }),
      body: this.block(branch.body, scope),
    }));
    const otherwise = node.otherwise === null ? noop : this.block(node.otherwise, scope);
    return (ctx) => {
      const target = subject(ctx);
      let hit = false;
      for (const branch of branches) {
        for (const matches of branch.matchers) {
          if (matches(ctx, target)) {
            hit = true;
            branch.body(ctx);
            break;
          }
        }
        if (ctx.control !== 0) return;
      }
      if (!hit) otherwise(ctx);
    };
  }

  private filteredLenient(value: FilteredExpr, scope: Scope): Evaluate {
    if (value.filters.length > 0) return this.filtered(value, scope);
    return this.expr(value.expr, scope, true);
  }

  private loop(node: Extract<Node, { kind: "for" }>, scope: Scope): Execute {
    const depth = scope.loops.length;
    const inner: Scope = { loops: [...scope.loops, node.variable] };
    const collection = this.expr(node.collection, scope, false);
    const limit = node.limit === null ? null : this.expr(node.limit, scope, false);
    const offset = node.offset === null ? null : this.expr(node.offset, scope, false);
    const reversed = node.reversed;
    const body = this.block(node.body, inner);
    const otherwise = this.block(node.otherwise, scope);
    const maxIterations = this.settings.limits.maxLoopIterations;
    const pos = node.pos;
    return (ctx) => {
      let items = toIterable(present(collection(ctx)));
      if (items.length === 0) {
        otherwise(ctx);
        return;
      }
      if (offset !== null) items = items.slice(Math.trunc(toNumber(present(offset(ctx)))));
      if (limit !== null) items = items.slice(0, Math.trunc(toNumber(present(limit(ctx)))));
      if (reversed) items = [...items].reverse();
      const length = items.length;
      const frame: LoopFrame = { item: undefined, index: 0, length };
      const saved = ctx.frames[depth];
      ctx.frames[depth] = frame;
      for (let i = 0; i < length; i++) {
        if (++ctx.iterations > maxIterations) limitExceeded(ctx, "maxLoopIterations", "Looping", pos);
        frame.item = present(itemAt(items, i));
        frame.index = i;
        body(ctx);
        if (ctx.control !== 0) {
          const stop = ctx.control === 1;
          ctx.control = 0;
          if (stop) break;
        }
      }
      if (saved === undefined) ctx.frames.length = depth;
      else ctx.frames[depth] = saved;
    };
  }

  expr(expr: Expr, scope: Scope, lenient: boolean): Evaluate {
    switch (expr.kind) {
      case "literal": {
        const value = expr.value;
        return () => value;
      }
      case "special":
        return () => "";
      case "range": {
        const from = this.expr(expr.from, scope, lenient);
        const to = this.expr(expr.to, scope, lenient);
        const maxRange = this.settings.limits.maxRangeSize;
        const pos = expr.pos;
        return (ctx) => {
          const low = Math.trunc(toNumber(present(from(ctx))));
          const high = Math.trunc(toNumber(present(to(ctx))));
          const size = high - low + 1;
          if (size > maxRange) limitExceeded(ctx, "maxRangeSize", `A range of ${size} items`, pos);
          const items: number[] = [];
          for (let i = low; i <= high; i++) items.push(i);
          return items;
        };
      }
      case "variable":
        return this.variable(expr, scope, lenient);
      case "binary":
        return this.binary(expr, scope, lenient);
    }
  }

  private binary(expr: Extract<Expr, { kind: "binary" }>, scope: Scope, lenient: boolean): Evaluate {
    const left = this.expr(expr.left, scope, lenient);
    const right = this.expr(expr.right, scope, lenient);
    switch (expr.op) {
      case "and":
        return (ctx) => isTruthy(left(ctx)) && isTruthy(right(ctx));
      case "or":
        return (ctx) => isTruthy(left(ctx)) || isTruthy(right(ctx));
      case "==":
      case "!=": {
        const equal = this.equality(expr, left, right);
        return expr.op === "==" ? equal : (ctx) => !equal(ctx);
      }
      case "contains":
        return (ctx) => contains(present(left(ctx)), present(right(ctx)));
      default: {
        const op = expr.op;
        // `empty`, `blank` and a literal `nil` never order (liquidjs drops), whatever the other side.
        if (isNilOrSpecial(expr.left) || isNilOrSpecial(expr.right)) return () => false;
        return (ctx) => compare(op, left(ctx), right(ctx));
      }
    }
  }

  private equality(expr: Extract<Expr, { kind: "binary" }>, left: Evaluate, right: Evaluate): Evaluate {
    // `nil`, `empty` and `blank` compare as liquidjs's drops do: the left one decides, asymmetries included
    // (`blank == nil` is true, `nil == blank` is false).
    const l = dropOf(expr.left);
    const r = dropOf(expr.right);
    if (l !== null) {
      if (r !== null) {
        const result = dropEquals(l, r, undefined);
        return () => result;
      }
      return (ctx) => dropEquals(l, null, right(ctx));
    }
    if (r !== null) return (ctx) => dropEquals(r, null, left(ctx));
    return (ctx) => isEqual(left(ctx), right(ctx));
  }

  private variable(expr: Extract<Expr, { kind: "variable" }>, scope: Scope, lenient: boolean): Evaluate {
    let name = expr.name;
    let path: readonly PathSegment[] = expr.path;
    const strict = this.settings.strict && !lenient;
    if (name === "") {
      const head = path[0];
      if (head?.kind === "key") {
        name = head.key;
        path = path.slice(1);
      } else {
        // `[expr]` at the root: resolve the computed name at render time.
        const key =
          head?.kind === "dynamic"
            ? this.expr(head.expr, scope, lenient)
            : () => (head?.kind === "index" ? head.index : undefined);
        const assigned = this.assigned;
        const root: Evaluate = (ctx) => {
          const k = present(key(ctx));
          if (typeof k !== "string") return MISSING;
          if (assigned.has(k) && ctx.vars.has(k)) return ctx.vars.get(k);
          return readProperty(ctx.data, k);
        };
        return this.path(root, path.slice(1), scope, strict, expr.pos, lenient, describe(expr));
      }
    }
    const loopDepth = scope.loops.lastIndexOf(name);
    let root: Evaluate;
    if (loopDepth !== -1) {
      root = loopItem(loopDepth);
    } else if (name === "forloop" && scope.loops.length > 0) {
      const d = scope.loops.length - 1;
      const head = path[0];
      const field =
        head?.kind === "key" && Object.hasOwn(FORLOOP_FIELDS, head.key)
          ? FORLOOP_FIELDS[head.key]
          : undefined;
      if (field !== undefined) {
        root = loopField(d, field);
        path = path.slice(1);
      } else {
        root = loopView(d);
      }
    } else if (this.assigned.has(name)) {
      root = assignedOrData(name);
    } else {
      root = dataRoot(name);
    }
    return this.path(root, path, scope, strict, expr.pos, lenient, describe(expr));
  }

  private path(
    root: Evaluate,
    path: readonly PathSegment[],
    scope: Scope,
    strict: boolean,
    pos: number,
    lenient: boolean,
    label: string,
  ): Evaluate {
    let evaluate: Evaluate;
    if (path.every((segment) => segment.kind !== "dynamic")) {
      evaluate = fixedPath(
        root,
        path.map((segment) => (segment.kind === "key" ? segment.key : (segment as { index: number }).index)),
      );
    } else {
      const steps = path.map((segment): ((ctx: RenderContext, v: unknown) => unknown) => {
        if (segment.kind === "key") return (_ctx, v) => readProperty(v, segment.key);
        if (segment.kind === "index") return (_ctx, v) => readProperty(v, segment.index);
        const key = this.expr(segment.expr, scope, lenient);
        return (ctx, v) => {
          const k = present(key(ctx));
          return typeof k === "string" || typeof k === "number" ? readProperty(v, k) : MISSING;
        };
      });
      evaluate = steppedPath(root, steps);
    }
    return strict ? strictVariable(evaluate, label, this.settings.source, pos) : evaluate;
  }
}

// Closure factories. Closures are returned straight from small functions rather than assigned to local
// names, which keeps compiling cheap under transpilers that wrap every named closure (esbuild keepNames).

function loopItem(depth: number): Evaluate {
  return (ctx) => (ctx.frames[depth] as LoopFrame).item;
}

function loopField(depth: number, field: (f: LoopFrame) => unknown): Evaluate {
  return (ctx) => field(ctx.frames[depth] as LoopFrame);
}

function loopView(depth: number): Evaluate {
  return (ctx) => {
    const frame = ctx.frames[depth] as LoopFrame;
    const view: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(FORLOOP_FIELDS)) {
      view[key] = (FORLOOP_FIELDS[key] as (f: LoopFrame) => unknown)(frame);
    }
    return view;
  };
}

function assignedOrData(key: string): Evaluate {
  return (ctx) => {
    const value = ctx.vars.get(key);
    return value !== undefined || ctx.vars.has(key) ? value : readProperty(ctx.data, key);
  };
}

function dataRoot(key: string): Evaluate {
  return (ctx) => readProperty(ctx.data, key);
}

function fixedPath(root: Evaluate, keys: readonly (string | number)[]): Evaluate {
  const n = keys.length;
  if (n === 0) return root;
  const k1 = keys[0] as string | number;
  if (n === 1) return (ctx) => readProperty(root(ctx), k1);
  const k2 = keys[1] as string | number;
  if (n === 2) return (ctx) => readProperty(readProperty(root(ctx), k1), k2);
  return (ctx) => {
    let v = root(ctx);
    for (let i = 0; i < n && v !== MISSING; i++) v = readProperty(v, keys[i] as string | number);
    return v;
  };
}

function steppedPath(
  root: Evaluate,
  steps: readonly ((ctx: RenderContext, v: unknown) => unknown)[],
): Evaluate {
  return (ctx) => {
    let v = root(ctx);
    for (const step of steps) v = step(ctx, v);
    return v;
  };
}

function strictVariable(evaluate: Evaluate, label: string, source: string, pos: number): Evaluate {
  return (ctx) => {
    const v = evaluate(ctx);
    if (v === MISSING) {
      throw new TemplateError("TEMPLATE_UNKNOWN_VARIABLE", `Unknown variable "${label}"`, {
        source,
        index: pos,
      });
    }
    return v;
  };
}

function appendOutput(ctx: RenderContext, text: string, maxOutput: number): void {
  ctx.out += text;
  if (ctx.out.length > maxOutput) limitExceeded(ctx, "maxOutputSize", "Output");
}

function formatHtml(value: unknown): string {
  return escapeHtml(stringify(value));
}

function formatEscapedBreaks(value: unknown): string {
  return escapeHtml(stringify(value)).replace(/\r?\n/g, "<br />\n");
}

function formatBreaks(value: unknown): string {
  return stringify(value).replace(/\r?\n/g, "<br />\n");
}

function buildKeywords(kwEvals: readonly (readonly [string, Evaluate])[], ctx: RenderContext): Keywords {
  if (kwEvals.length === 0) return null;
  const record: Record<string, unknown> = Object.create(null);
  for (const [key, evaluate] of kwEvals) record[key] = present(evaluate(ctx));
  return record;
}

/** The variable as written, for messages: `order.items[0].name`. */
export function describe(expr: Extract<Expr, { kind: "variable" }>): string {
  let text = expr.name;
  for (const segment of expr.path) {
    if (segment.kind === "key") text += text === "" ? segment.key : `.${segment.key}`;
    else if (segment.kind === "index") text += `[${segment.index}]`;
    else text += "[…]";
  }
  return text;
}

type FilterStep = (ctx: RenderContext, input: unknown) => unknown;

/** Turns a filter's complaint about data into a TemplateError that names the filter and points at the call. */
function guardArguments(fn: FilterSpec["fn"], call: FilterCall, source: string): FilterSpec["fn"] {
  return (ctx, input, args, kw) => {
    try {
      return fn(ctx, input, args, kw);
    } catch (error) {
      if (!(error instanceof InvalidArgument)) throw error;
      throw new TemplateError("TEMPLATE_INVALID_ARGUMENT", `Filter "${call.name}": ${error.message}`, {
        source,
        index: call.pos,
        cause: error,
      });
    }
  };
}

type Drop = "nil" | "empty" | "blank";

function dropOf(expr: Expr): Drop | null {
  if (expr.kind === "special") return expr.name;
  return expr.kind === "literal" && expr.value === null ? "nil" : null;
}

function dropEquals(drop: Drop, other: Drop | null, value: unknown): boolean {
  switch (drop) {
    case "nil":
      return other === null ? value === null || value === undefined || value === MISSING : other === "nil";
    case "empty":
      return other === null ? isEmpty(present(value)) : false;
    case "blank":
      return other === null ? isBlankValue(value) : other === "nil";
  }
}

function isNilOrSpecial(expr: Expr): boolean {
  return expr.kind === "special" || (expr.kind === "literal" && expr.value === null);
}

function isConstant(expr: Expr): boolean {
  return expr.kind === "literal" || expr.kind === "special";
}

function constantValue(expr: Expr): unknown {
  return expr.kind === "literal" ? expr.value : "";
}

/** Compiles a parsed template into one render function. */
export function compileAst(ast: TemplateAst, settings: CompileSettings): Execute {
  return new Compiler(settings, ast.assigned, ast.capturedOnly).block(ast.nodes, { loops: [] });
}
