import { ValidationError } from "@supportkit/core";
import { z } from "zod";
import type { Expr, FilterCall, FilteredExpr, Node, PathSegment } from "./_lib/ast";
import { describe } from "./_lib/compile";
import { FILTERS, type InputKind } from "./_lib/filters";
import { createOptionsParser, LimitsOptionSchema } from "./_lib/options";
import { parseTemplate } from "./_lib/parser";
import { TemplateError, type TemplateErrorCode } from "./errors";
import { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from "./limits";

/**
 * The kind of a {@link TemplateIssue}: a {@link TemplateErrorCode}, or `TEMPLATE_FILTER_INPUT` for a filter
 * applied to a value of the wrong kind (`money` on an object, `join` on a number).
 *
 * @example
 * ```ts
 * const code: TemplateIssueCode = "TEMPLATE_FILTER_INPUT";
 * ```
 */
export type TemplateIssueCode = TemplateErrorCode | "TEMPLATE_FILTER_INPUT";

/**
 * One problem `validateTemplate` found, with where it is.
 *
 * @example
 * ```ts
 * const issue: TemplateIssue = {
 *   code: "TEMPLATE_UNKNOWN_VARIABLE", message: 'Unknown variable "customer.nmae"', path: "customer.nmae",
 *   line: 1, column: 7, excerpt: "Hi {{ customer.nmae }}\n      ^",
 * };
 * ```
 */
export interface TemplateIssue {
  /** What is wrong. */
  readonly code: TemplateIssueCode;
  /** The problem in plain words. */
  readonly message: string;
  /** The variable path concerned (`order.items[].price`), when there is one. */
  readonly path?: string;
  /** 1-based line, 0 when unknown. */
  readonly line: number;
  /** 1-based column, 0 when unknown. */
  readonly column: number;
  /** The source line with a caret under the problem. */
  readonly excerpt: string;
}

/**
 * What `validateTemplate` found: `ok` when there is no issue, every issue, and every data path the template reads.
 *
 * @example
 * ```ts
 * const result: TemplateValidation = { ok: true, issues: [], variables: ["customer.name"] };
 * ```
 */
export interface TemplateValidation {
  /** `true` when the template compiles and reads only paths the schema defines. */
  readonly ok: boolean;
  /** Every problem, in source order. */
  readonly issues: readonly TemplateIssue[];
  /** Every data path the template reads, `[]` marking "any item of an array" (`order.items[].title`). */
  readonly variables: readonly string[];
}

/**
 * Options of {@link validateTemplate}. Unknown keys are a `ValidationError`.
 *
 * @example
 * ```ts
 * const options: ValidateTemplateOptions = { limits: { maxTemplateSize: 20_000 } };
 * ```
 */
export interface ValidateTemplateOptions {
  /** Budgets used while parsing; missing fields take {@link DEFAULT_TEMPLATE_LIMITS}. */
  readonly limits?: Partial<TemplateLimits>;
}

const OptionsSchema = z.strictObject({ limits: LimitsOptionSchema.optional() });
const parseOptions = createOptionsParser(OptionsSchema, "validateTemplate options");

// A light view of a zod schema: enough to follow property paths and know what kind of value is there.
type Shape =
  | { readonly kind: "any" }
  | { readonly kind: "scalar"; readonly scalar: "string" | "number" | "boolean" | "date" | "other" }
  | { readonly kind: "object"; readonly fields: ReadonlyMap<string, z.ZodType>; readonly open: boolean }
  | { readonly kind: "array"; readonly element: z.ZodType }
  | { readonly kind: "record"; readonly value: z.ZodType }
  | { readonly kind: "union"; readonly options: readonly z.ZodType[] };

interface ZodDefLike {
  readonly type: string;
  readonly [key: string]: unknown;
}

function defOf(schema: z.ZodType): ZodDefLike {
  return (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

function shapeOf(schema: z.ZodType, depth = 0): Shape {
  if (depth > 32) return { kind: "any" };
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return shapeOf(def.innerType as z.ZodType, depth + 1);
    case "pipe": {
      const out = def.out as z.ZodType;
      return shapeOf(defOf(out).type === "transform" ? (def.in as z.ZodType) : out, depth + 1);
    }
    case "lazy":
      return shapeOf((def.getter as () => z.ZodType)(), depth + 1);
    case "object": {
      const fields = new Map(Object.entries(def.shape as Record<string, z.ZodType>));
      const catchall = def.catchall as z.ZodType | undefined;
      return { kind: "object", fields, open: catchall !== undefined && defOf(catchall).type !== "never" };
    }
    case "array":
      return { kind: "array", element: def.element as z.ZodType };
    case "tuple":
      return { kind: "union", options: def.items as z.ZodType[] };
    case "record":
    case "map":
      return { kind: "record", value: (def.valueType as z.ZodType | undefined) ?? (schema as z.ZodType) };
    case "union":
      return { kind: "union", options: def.options as z.ZodType[] };
    case "intersection":
      return { kind: "union", options: [def.left as z.ZodType, def.right as z.ZodType] };
    case "string":
    case "enum":
    case "template_literal":
      return { kind: "scalar", scalar: "string" };
    case "number":
    case "bigint":
    case "int":
      return { kind: "scalar", scalar: "number" };
    case "boolean":
      return { kind: "scalar", scalar: "boolean" };
    case "date":
      return { kind: "scalar", scalar: "date" };
    case "literal": {
      const values = def.values as unknown[];
      const first = values[0];
      return {
        kind: "scalar",
        scalar: typeof first === "number" ? "number" : typeof first === "string" ? "string" : "other",
      };
    }
    case "null":
    case "undefined":
    case "void":
    case "never":
    case "nan":
    case "symbol":
      return { kind: "scalar", scalar: "other" };
    default:
      return { kind: "any" };
  }
}

/** A resolved value position: its schema (or `null` when unknowable) and the path printed so far. */
interface Resolved {
  readonly schema: z.ZodType | null;
  readonly path: string;
  /** A kind known without a schema (loop metadata, ranges, literals). */
  readonly known?: InputKind;
}

const SIZE_LIKE = new Set(["size"]);

/** Follows one key; `undefined` means the schema does not define it. */
function step(schema: z.ZodType, key: string | number, depth = 0): z.ZodType | null | undefined {
  const shape = shapeOf(schema);
  switch (shape.kind) {
    case "any":
      return null;
    case "object": {
      if (typeof key === "string" && shape.fields.has(key)) return shape.fields.get(key) as z.ZodType;
      if (key === "size") return null;
      return shape.open ? null : undefined;
    }
    case "record":
      return shape.value;
    case "array":
      if (typeof key === "number" || key === "first" || key === "last") return shape.element;
      return SIZE_LIKE.has(String(key)) ? null : undefined;
    case "union": {
      if (depth > 8) return null;
      let found: z.ZodType | null | undefined;
      for (const option of shape.options) {
        const next = step(option, key, depth + 1);
        if (next === null) return null;
        if (next !== undefined) found = found === undefined ? next : null;
      }
      return found;
    }
    case "scalar":
      return shape.scalar === "string" && key === "size" ? null : undefined;
  }
}

function kindOf(resolved: Resolved): InputKind | "boolean" | "object" | "unknown" {
  if (resolved.known !== undefined) return resolved.known;
  if (resolved.schema === null) return "unknown";
  const shape = shapeOf(resolved.schema);
  switch (shape.kind) {
    case "scalar":
      return shape.scalar === "other" ? "unknown" : shape.scalar;
    case "array":
      return "array";
    case "object":
    case "record":
      return "object";
    default:
      return "unknown";
  }
}

const OUTPUT_KINDS: Readonly<Record<string, InputKind>> = {
  split: "array",
  size: "number",
  plus: "number",
  minus: "number",
  times: "number",
  divided_by: "number",
  modulo: "number",
  round: "number",
  floor: "number",
  ceil: "number",
  abs: "number",
};

function fits(expected: InputKind, actual: ReturnType<typeof kindOf>): boolean {
  if (expected === "any" || actual === "unknown") return true;
  switch (expected) {
    case "number":
      return actual === "number" || actual === "string";
    case "array":
      return actual === "array";
    case "date":
      return actual === "date" || actual === "string" || actual === "number";
    case "string":
      return actual !== "object" && actual !== "array";
  }
}

class Validator {
  readonly issues: TemplateIssue[] = [];
  readonly variables = new Set<string>();
  constructor(
    private readonly source: string,
    private readonly root: z.ZodType,
    private readonly assigned: ReadonlySet<string>,
  ) {}

  private issue(code: TemplateIssueCode, message: string, pos: number, path?: string): void {
    const located = new TemplateError("TEMPLATE_SYNTAX", "", { source: this.source, index: pos });
    this.issues.push({
      code,
      message,
      ...(path === undefined ? {} : { path }),
      line: located.line,
      column: located.column,
      excerpt: located.excerpt,
    });
  }

  nodes(nodes: readonly Node[], loops: ReadonlyMap<string, Resolved>): void {
    for (const node of nodes) this.node(node, loops);
  }

  private node(node: Node, loops: ReadonlyMap<string, Resolved>): void {
    switch (node.kind) {
      case "output":
      case "assign":
        this.filtered(node.value, loops);
        return;
      case "capture":
        this.nodes(node.body, loops);
        return;
      case "case":
        this.filtered(node.subject, loops);
        for (const branch of node.branches) {
          for (const value of branch.values) this.expr(value, loops);
          this.nodes(branch.body, loops);
        }
        if (node.otherwise !== null) this.nodes(node.otherwise, loops);
        return;
      case "if":
        for (const branch of node.branches) {
          this.expr(branch.condition, loops);
          this.nodes(branch.body, loops);
        }
        if (node.otherwise !== null) this.nodes(node.otherwise, loops);
        return;
      case "for": {
        const collection = this.expr(node.collection, loops);
        if (node.limit !== null) this.expr(node.limit, loops);
        if (node.offset !== null) this.expr(node.offset, loops);
        let item: Resolved = { schema: null, path: `${collection.path}[]` };
        if (node.collection.kind === "range") item = { schema: null, path: "", known: "number" };
        else if (collection.schema !== null) {
          const shape = shapeOf(collection.schema);
          if (shape.kind === "array") item = { schema: shape.element, path: `${collection.path}[]` };
        }
        const inner = new Map(loops);
        inner.set(node.variable, item);
        this.nodes(node.body, inner);
        this.nodes(node.otherwise, loops);
        return;
      }
      default:
        return;
    }
  }

  private filtered(value: FilteredExpr, loops: ReadonlyMap<string, Resolved>): void {
    let current: ReturnType<typeof kindOf> = kindOf(this.expr(value.expr, loops));
    for (const call of value.filters) {
      for (const arg of call.args) this.expr(arg, loops);
      for (const [, arg] of call.keywords) this.expr(arg, loops);
      const spec = FILTERS.get(call.name);
      if (spec === undefined) {
        this.issue("TEMPLATE_UNKNOWN_FILTER", `Unknown filter "${call.name}"`, call.pos);
        current = "unknown";
        continue;
      }
      this.arity(call, spec.minArgs, spec.maxArgs, spec.keywords, spec.requiredKeywords ?? []);
      const check = spec.checkLiteral;
      if (check !== undefined) {
        call.args.forEach((arg, slot) => {
          if (arg.kind !== "literal" && arg.kind !== "special") return;
          const problem = check(slot, arg.kind === "literal" ? arg.value : "");
          if (problem !== null)
            this.issue("TEMPLATE_INVALID_ARGUMENT", `Filter "${call.name}": ${problem}`, arg.pos);
        });
      }
      if (!fits(spec.input, current)) {
        this.issue(
          "TEMPLATE_FILTER_INPUT",
          `Filter "${call.name}" expects ${article(spec.input)} but gets ${article(current)}`,
          call.pos,
        );
      }
      current =
        OUTPUT_KINDS[call.name] ?? (call.name === "default" || call.name === "fallback" ? current : "string");
    }
  }

  private arity(
    call: FilterCall,
    min: number,
    max: number,
    keywords: readonly string[],
    required: readonly string[],
  ): void {
    const n = call.args.length;
    if (n < min || n > max) {
      this.issue(
        "TEMPLATE_SYNTAX",
        `Filter "${call.name}" takes ${min === max ? min : `${min} to ${max}`} arguments, got ${n}`,
        call.pos,
      );
    }
    for (const [key] of call.keywords) {
      if (!keywords.includes(key))
        this.issue("TEMPLATE_SYNTAX", `Filter "${call.name}" has no option "${key}"`, call.pos);
    }
    for (const key of required) {
      if (!call.keywords.some(([k]) => k === key)) {
        this.issue("TEMPLATE_SYNTAX", `Filter "${call.name}" needs the option "${key}:"`, call.pos);
      }
    }
  }

  private expr(expr: Expr, loops: ReadonlyMap<string, Resolved>): Resolved {
    switch (expr.kind) {
      case "literal":
        return {
          schema: null,
          path: "",
          known:
            typeof expr.value === "number" ? "number" : typeof expr.value === "string" ? "string" : "any",
        };
      case "special":
        return { schema: null, path: "" };
      case "range":
        this.expr(expr.from, loops);
        this.expr(expr.to, loops);
        return { schema: null, path: "", known: "array" };
      case "binary":
        this.expr(expr.left, loops);
        this.expr(expr.right, loops);
        return { schema: null, path: "", known: "any" };
      case "variable":
        return this.variable(expr, loops);
    }
  }

  private variable(
    expr: Extract<Expr, { kind: "variable" }>,
    loops: ReadonlyMap<string, Resolved>,
  ): Resolved {
    let name = expr.name;
    let path: readonly PathSegment[] = expr.path;
    if (name === "") {
      const head = path[0];
      if (head?.kind !== "key") return { schema: null, path: describe(expr) };
      name = head.key;
      path = path.slice(1);
    }
    for (const segment of path) if (segment.kind === "dynamic") this.expr(segment.expr, loops);
    let current: Resolved;
    const loop = loops.get(name);
    if (loop !== undefined) current = loop;
    else if (name === "forloop" && loops.size > 0) return { schema: null, path: "forloop", known: "any" };
    else if (this.assigned.has(name)) return { schema: null, path: name };
    else {
      const next = step(this.root, name);
      if (next === undefined) {
        this.issue("TEMPLATE_UNKNOWN_VARIABLE", `Unknown variable "${describe(expr)}"`, expr.pos, name);
        return { schema: null, path: name };
      }
      current = { schema: next, path: name };
    }
    for (const segment of path) {
      if (segment.kind === "dynamic" || current.schema === null) {
        current = { schema: null, path: `${current.path}[…]` };
        continue;
      }
      const key = segment.kind === "key" ? segment.key : segment.index;
      const printed =
        segment.kind === "key"
          ? current.path === ""
            ? segment.key
            : `${current.path}.${segment.key}`
          : `${current.path}[]`;
      const next = step(current.schema, key);
      if (next === undefined) {
        this.issue("TEMPLATE_UNKNOWN_VARIABLE", `Unknown variable "${printed}"`, expr.pos, printed);
        return { schema: null, path: printed };
      }
      current = { schema: next, path: printed };
    }
    if (current.path !== "") this.variables.add(current.path);
    return current;
  }
}

function article(kind: string): string {
  switch (kind) {
    case "array":
      return "an array";
    case "object":
      return "an object";
    case "any":
    case "unknown":
      return "a value";
    default:
      return `a ${kind}`;
  }
}

/**
 * Checks a template against a zod schema of the data it will get, when the template is saved rather than
 * when a customer receives a blank name: every variable path the schema does not define, every unknown or
 * misused filter, every unknown currency code or time zone written as a literal (`money: 'EURO'`,
 * `TEMPLATE_INVALID_ARGUMENT`), and any syntax error are reported with line, column and excerpt.
 *
 * @param source - the template text
 * @param schema - zod schema of the render data (objects, arrays, records, unions, optionals are followed)
 * @param options - parsing budgets
 * @returns `{ ok, issues, variables }`; never throws for a bad template
 * @throws ValidationError (code `VALIDATION`) when `schema` is not a zod schema, `source` is not a string, or
 *   `options` has an unknown key or a bad budget
 * @example
 * ```ts
 * const Data = z.object({ customer: z.object({ name: z.string() }), order: z.object({ total: z.number() }) });
 * const result = validateTemplate("Hi {{ customer.nmae }}, {{ order.total | money: 'EUR' }}", Data);
 * result.ok; //=> false
 * result.issues[0]?.message; //=> 'Unknown variable "customer.nmae"'
 * ```
 */
export function validateTemplate(
  source: string,
  schema: z.ZodType,
  options: ValidateTemplateOptions = {},
): TemplateValidation {
  // JavaScript callers can leave the schema out; say so by name rather than fail deep inside the walk.
  if (typeof (schema as { safeParse?: unknown } | undefined)?.safeParse !== "function") {
    throw new ValidationError("validateTemplate arguments", [
      { path: "schema", code: "invalid_type", message: "expected the zod schema of the template's data" },
    ]);
  }
  if (typeof source !== "string") {
    throw new ValidationError("validateTemplate arguments", [
      { path: "source", code: "invalid_type", message: "expected the template source as a string" },
    ]);
  }
  const parsed = parseOptions(options);
  const given = Object.entries(parsed.limits ?? {}).filter(([, value]) => value !== undefined);
  const limits: TemplateLimits = { ...DEFAULT_TEMPLATE_LIMITS, ...Object.fromEntries(given) };
  let ast: ReturnType<typeof parseTemplate>;
  try {
    ast = parseTemplate(source, limits);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const message = error.message.split(" (line")[0] ?? error.message;
    return {
      ok: false,
      issues: [{ code: error.code, message, line: error.line, column: error.column, excerpt: error.excerpt }],
      variables: [],
    };
  }
  const validator = new Validator(source, schema, ast.assigned);
  validator.nodes(ast.nodes, new Map());
  const issues = [...validator.issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: issues.length === 0, issues, variables: [...validator.variables] };
}
