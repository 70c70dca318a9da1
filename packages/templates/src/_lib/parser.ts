import { TemplateError } from "../errors";
import type { TemplateLimits } from "../limits";
import type {
  BinaryOp,
  Expr,
  FilterCall,
  FilteredExpr,
  IfBranch,
  Node,
  PathSegment,
  TemplateAst,
} from "./ast";
import { lex, type MarkupSegment, type Segment } from "./lexer";

// Recursive-descent parser over the lexer's segments. Tags are a closed set: anything else is
// TEMPLATE_UNKNOWN_TAG, so `include`, `render` and friends cannot reach a file system.

type TokenKind = "ident" | "string" | "number" | "punct" | "op" | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

const MAX_EXPRESSION_COMPLEXITY = 64;

const COMPARISONS: ReadonlySet<string> = new Set(["==", "!=", "<>", "<", ">", "<=", ">="]);

function tokenize(content: string, offset: number, source: string): Token[] {
  const tokens: Token[] = [];
  const n = content.length;
  let i = 0;
  while (i < n) {
    const c = content.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    const start = i;
    const ch = content[i] as string;
    if (ch === '"' || ch === "'") {
      const end = content.indexOf(ch, i + 1);
      if (end === -1) throw syntax("Unclosed string literal", source, offset + i);
      tokens.push({ kind: "string", text: content.slice(i + 1, end), pos: offset + i });
      i = end + 1;
      continue;
    }
    if (isDigit(c) || (ch === "-" && isDigit(content.charCodeAt(i + 1)))) {
      i++;
      while (i < n && isDigit(content.charCodeAt(i))) i++;
      if (content[i] === "." && isDigit(content.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(content.charCodeAt(i))) i++;
      }
      tokens.push({ kind: "number", text: content.slice(start, i), pos: offset + start });
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(content.charCodeAt(i))) i++;
      if (content[i] === "?") i++;
      tokens.push({ kind: "ident", text: content.slice(start, i), pos: offset + start });
      continue;
    }
    const two = content.slice(i, i + 2);
    if (two === ".." || COMPARISONS.has(two)) {
      tokens.push({ kind: two === ".." ? "punct" : "op", text: two, pos: offset + i });
      i += 2;
      continue;
    }
    if (ch === "<" || ch === ">") {
      tokens.push({ kind: "op", text: ch, pos: offset + i });
      i++;
      continue;
    }
    if ("|:,.[]()=".includes(ch)) {
      tokens.push({ kind: "punct", text: ch, pos: offset + i });
      i++;
      continue;
    }
    throw syntax(`Unexpected character "${ch}"`, source, offset + i);
  }
  tokens.push({ kind: "end", text: "", pos: offset + n });
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === 45;
}

function syntax(message: string, source: string, index: number): TemplateError {
  return new TemplateError("TEMPLATE_SYNTAX", message, { source, index });
}

/** A cursor over one segment's tokens. */
class Cursor {
  private i = 0;
  /** Operators and brackets seen, bounded so expression trees stay shallow enough to compile and run. */
  private complexity = 0;
  constructor(
    readonly tokens: readonly Token[],
    readonly source: string,
  ) {}
  peek(): Token {
    return this.tokens[this.i] as Token;
  }
  peekAt(k: number): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)] as Token;
  }
  next(): Token {
    const token = this.tokens[this.i] as Token;
    if (token.kind !== "end") this.i++;
    return token;
  }
  isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.text === text;
  }
  isIdent(text?: string): boolean {
    const t = this.peek();
    return t.kind === "ident" && (text === undefined || t.text === text);
  }
  expectPunct(text: string): Token {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== text) throw this.unexpected(t, `"${text}"`);
    return t;
  }
  expectIdent(what: string): Token {
    const t = this.next();
    if (t.kind !== "ident") throw this.unexpected(t, what);
    return t;
  }
  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== "end") throw this.unexpected(t, "the end of the tag");
  }
  /** Counts one operator or bracket; too many is a budget error, not a stack overflow. */
  grow(at: number): void {
    if (++this.complexity > MAX_EXPRESSION_COMPLEXITY) {
      throw new TemplateError(
        "TEMPLATE_LIMIT_EXCEEDED",
        `Expression has more than ${MAX_EXPRESSION_COMPLEXITY} operators and brackets`,
        { source: this.source, index: at, limit: "maxNestingDepth" },
      );
    }
  }
  unexpected(t: Token, expected: string): TemplateError {
    const found = t.kind === "end" ? "the end of the tag" : `"${t.text}"`;
    return syntax(`Expected ${expected} but found ${found}`, this.source, t.pos);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Expressions

function parseLogic(c: Cursor): Expr {
  const left = parseComparison(c);
  const t = c.peek();
  if (t.kind === "ident" && (t.text === "and" || t.text === "or")) {
    c.next();
    c.grow(t.pos);
    // Liquid evaluates `and`/`or` right to left with equal precedence: `a and b or c` is `a and (b or c)`.
    const right = parseLogic(c);
    return { kind: "binary", op: t.text, left, right, pos: t.pos };
  }
  return left;
}

function parseComparison(c: Cursor): Expr {
  const left = parsePrimary(c);
  const t = c.peek();
  let op: BinaryOp | undefined;
  if (t.kind === "op") op = t.text === "<>" ? "!=" : (t.text as BinaryOp);
  else if (t.kind === "ident" && t.text === "contains") op = "contains";
  if (op === undefined) return left;
  c.next();
  c.grow(t.pos);
  const right = parseComparison(c);
  return { kind: "binary", op, left, right, pos: t.pos };
}

function parsePrimary(c: Cursor): Expr {
  const t = c.next();
  switch (t.kind) {
    case "string":
      return { kind: "literal", value: t.text, pos: t.pos };
    case "number":
      return { kind: "literal", value: Number(t.text), pos: t.pos };
    case "punct":
      if (t.text === "(") {
        c.grow(t.pos);
        const from = parsePrimary(c);
        c.expectPunct("..");
        const to = parsePrimary(c);
        c.expectPunct(")");
        return { kind: "range", from, to, pos: t.pos };
      }
      if (t.text === "[") {
        // `{{ ["key with spaces"] }}`: a root lookup by computed name.
        c.grow(t.pos);
        const key = parseLogic(c);
        c.expectPunct("]");
        return parsePath(c, { kind: "variable", name: "", path: [dynamicOrFixed(key)], pos: t.pos });
      }
      throw c.unexpected(t, "a value");
    case "ident":
      switch (t.text) {
        case "true":
          return { kind: "literal", value: true, pos: t.pos };
        case "false":
          return { kind: "literal", value: false, pos: t.pos };
        case "nil":
        case "null":
          return { kind: "literal", value: null, pos: t.pos };
        case "empty":
        case "blank":
          return { kind: "special", name: t.text, pos: t.pos };
        default:
          return parsePath(c, { kind: "variable", name: t.text, path: [], pos: t.pos });
      }
    default:
      throw c.unexpected(t, "a value");
  }
}

function dynamicOrFixed(expr: Expr): PathSegment {
  if (expr.kind === "literal" && typeof expr.value === "string") return { kind: "key", key: expr.value };
  if (expr.kind === "literal" && typeof expr.value === "number" && Number.isInteger(expr.value)) {
    return { kind: "index", index: expr.value };
  }
  return { kind: "dynamic", expr };
}

function parsePath(c: Cursor, root: Extract<Expr, { kind: "variable" }>): Expr {
  const path: PathSegment[] = [...root.path];
  for (;;) {
    if (c.isPunct(".")) {
      c.next();
      const key = c.next();
      if (key.kind === "ident") path.push({ kind: "key", key: key.text });
      else if (key.kind === "number" && /^\d+$/.test(key.text))
        path.push({ kind: "index", index: Number(key.text) });
      else throw c.unexpected(key, "a property name");
    } else if (c.isPunct("[")) {
      c.grow(c.next().pos);
      const inner = parseLogic(c);
      c.expectPunct("]");
      path.push(dynamicOrFixed(inner));
    } else {
      break;
    }
  }
  return { kind: "variable", name: root.name, path, pos: root.pos };
}

function parseFiltered(c: Cursor): FilteredExpr {
  const expr = parseLogic(c);
  const filters: FilterCall[] = [];
  while (c.isPunct("|")) {
    c.next();
    const name = c.expectIdent("a filter name");
    const args: Expr[] = [];
    const keywords: [string, Expr][] = [];
    if (c.isPunct(":")) {
      c.next();
      for (;;) {
        const t = c.peek();
        const after = c.peekAt(1);
        if (t.kind === "ident" && after.kind === "punct" && after.text === ":") {
          c.next();
          c.next();
          keywords.push([t.text, parseLogic(c)]);
        } else {
          if (keywords.length > 0)
            throw syntax("Positional arguments must come before keyword arguments", c.source, t.pos);
          args.push(parseLogic(c));
        }
        if (!c.isPunct(",")) break;
        c.next();
      }
    }
    filters.push({ name: name.text, args, keywords, pos: name.pos });
  }
  return { expr, filters };
}

// ---------------------------------------------------------------------------------------------------------
// Tags and blocks

interface OpenTag {
  readonly name: string;
  readonly cursor: Cursor;
  readonly pos: number;
}

const BLOCK_ENDS: Readonly<Record<string, readonly string[]>> = {
  if: ["elsif", "else", "endif"],
  unless: ["elsif", "else", "endunless"],
  for: ["else", "endfor"],
  capture: ["endcapture"],
  case: ["when", "else", "endcase"],
};

const KNOWN_TAGS: ReadonlySet<string> = new Set([
  "if",
  "elsif",
  "else",
  "endif",
  "unless",
  "endunless",
  "for",
  "endfor",
  "assign",
  "capture",
  "endcapture",
  "case",
  "when",
  "endcase",
  "comment",
  "endcomment",
  "break",
  "continue",
  "#",
]);

class Parser {
  private at = 0;
  private depth = 0;
  readonly assigned = new Set<string>();
  readonly byAssign = new Set<string>();
  readonly byCapture = new Set<string>();
  constructor(
    private readonly segments: readonly Segment[],
    private readonly source: string,
    private readonly limits: TemplateLimits,
  ) {}

  parseAll(): Node[] {
    const { nodes, end } = this.parseBlock([]);
    if (end !== null) throw syntax(`Unexpected {% ${end.name} %}`, this.source, end.pos);
    return nodes;
  }

  private openTag(segment: MarkupSegment): OpenTag {
    const content = segment.content;
    const lead = content.search(/\S/);
    if (lead === -1) throw syntax("Empty tag {% %}", this.source, segment.pos);
    if (content[lead] === "#") {
      return {
        name: "#",
        cursor: new Cursor([{ kind: "end", text: "", pos: 0 }], this.source),
        pos: segment.pos,
      };
    }
    const tokens = tokenize(content, segment.contentPos, this.source);
    const cursor = new Cursor(tokens, this.source);
    const name = cursor.next();
    if (name.kind !== "ident") throw syntax("Expected a tag name", this.source, name.pos);
    if (!KNOWN_TAGS.has(name.text)) {
      throw new TemplateError("TEMPLATE_UNKNOWN_TAG", `Unknown tag "${name.text}"`, {
        source: this.source,
        index: name.pos,
      });
    }
    return { name: name.text, cursor, pos: name.pos };
  }

  /** Parses nodes until one of `ends` (returned) or the end of input (`end: null`). */
  private parseBlock(ends: readonly string[]): { nodes: Node[]; end: OpenTag | null } {
    const nodes: Node[] = [];
    while (this.at < this.segments.length) {
      const segment = this.segments[this.at++] as Segment;
      if (segment.kind === "text" || segment.kind === "raw") {
        const last = nodes[nodes.length - 1];
        if (last?.kind === "text")
          nodes[nodes.length - 1] = { kind: "text", value: last.value + segment.value };
        else nodes.push({ kind: "text", value: segment.value });
        continue;
      }
      if (segment.kind === "output") {
        const cursor = new Cursor(tokenize(segment.content, segment.contentPos, this.source), this.source);
        if (cursor.peek().kind === "end") {
          nodes.push({ kind: "text", value: "" });
          continue;
        }
        const value = parseFiltered(cursor);
        cursor.expectEnd();
        nodes.push({ kind: "output", value, pos: segment.contentPos });
        continue;
      }
      const tag = this.openTag(segment);
      if (ends.includes(tag.name)) return { nodes, end: tag };
      const node = this.parseTag(tag);
      if (node !== null) nodes.push(node);
    }
    return { nodes, end: null };
  }

  private enter(tag: OpenTag): void {
    this.depth++;
    if (this.depth > this.limits.maxNestingDepth) {
      throw new TemplateError(
        "TEMPLATE_LIMIT_EXCEEDED",
        `Blocks are nested deeper than ${this.limits.maxNestingDepth}`,
        { source: this.source, index: tag.pos, limit: "maxNestingDepth" },
      );
    }
  }

  private expectClosed(tag: OpenTag, end: OpenTag | null, closer: string): OpenTag {
    if (end === null) {
      throw syntax(`{% ${tag.name} %} is not closed: expected {% ${closer} %}`, this.source, tag.pos);
    }
    return end;
  }

  private parseTag(tag: OpenTag): Node | null {
    const c = tag.cursor;
    switch (tag.name) {
      case "#":
        return null;
      case "comment":
        this.skipComment(tag);
        return null;
      case "assign": {
        const name = c.expectIdent("a variable name");
        c.expectPunct("=");
        const value = parseFiltered(c);
        c.expectEnd();
        this.assigned.add(name.text);
        this.byAssign.add(name.text);
        return { kind: "assign", name: name.text, value, pos: name.pos };
      }
      case "capture": {
        const t = c.next();
        if (t.kind !== "ident" && t.kind !== "string") throw c.unexpected(t, "a variable name");
        c.expectEnd();
        this.enter(tag);
        const { nodes, end } = this.parseBlock(BLOCK_ENDS.capture as string[]);
        this.expectClosed(tag, end, "endcapture");
        this.depth--;
        this.assigned.add(t.text);
        this.byCapture.add(t.text);
        return { kind: "capture", name: t.text, body: nodes, pos: t.pos };
      }
      case "if":
      case "unless":
        return this.parseIf(tag);
      case "for":
        return this.parseFor(tag);
      case "case":
        return this.parseCase(tag);
      case "break":
      case "continue":
        c.expectEnd();
        return { kind: tag.name, pos: tag.pos };
      default:
        // elsif/else/end* outside their block.
        throw syntax(`Unexpected {% ${tag.name} %}`, this.source, tag.pos);
    }
  }

  private skipComment(tag: OpenTag): void {
    let depth = 1;
    while (this.at < this.segments.length) {
      const segment = this.segments[this.at++] as Segment;
      if (segment.kind !== "tag") continue;
      const name = /^\s*([A-Za-z_][\w-]*)/.exec(segment.content)?.[1];
      if (name === "comment") depth++;
      else if (name === "endcomment" && --depth === 0) return;
    }
    throw syntax("{% comment %} is not closed: expected {% endcomment %}", this.source, tag.pos);
  }

  private parseIf(tag: OpenTag): Node {
    this.enter(tag);
    const closer = tag.name === "if" ? "endif" : "endunless";
    const branches: IfBranch[] = [];
    let condition = parseLogic(tag.cursor);
    tag.cursor.expectEnd();
    let otherwise: Node[] | null = null;
    for (;;) {
      const { nodes, end } = this.parseBlock(BLOCK_ENDS[tag.name] as string[]);
      const closing = this.expectClosed(tag, end, closer);
      if (otherwise !== null) {
        otherwise = nodes;
        if (closing.name !== closer)
          throw syntax(`Unexpected {% ${closing.name} %} after {% else %}`, this.source, closing.pos);
        break;
      }
      branches.push({ condition, body: nodes });
      if (closing.name === "elsif") {
        condition = parseLogic(closing.cursor);
        closing.cursor.expectEnd();
      } else if (closing.name === "else") {
        otherwise = [];
      } else {
        break;
      }
    }
    this.depth--;
    return { kind: "if", negateFirst: tag.name === "unless", branches, otherwise };
  }

  private parseCase(tag: OpenTag): Node {
    const subject = parseFiltered(tag.cursor);
    tag.cursor.expectEnd();
    this.enter(tag);
    const branches: { values: Expr[]; body: Node[] }[] = [];
    let otherwise: Node[] | null = null;
    // Text before the first {% when %} is dropped, as in Liquid.
    let { end } = this.parseBlock(BLOCK_ENDS.case as string[]);
    for (;;) {
      const closing = this.expectClosed(tag, end, "endcase");
      if (closing.name === "endcase") break;
      if (otherwise !== null) {
        throw syntax(`Unexpected {% ${closing.name} %} after {% else %}`, this.source, closing.pos);
      }
      if (closing.name === "else") {
        closing.cursor.expectEnd();
        const block = this.parseBlock(["endcase"]);
        otherwise = block.nodes;
        end = block.end;
        continue;
      }
      const c = closing.cursor;
      const values: Expr[] = [parsePrimary(c)];
      while (c.isPunct(",") || c.isIdent("or")) {
        c.next();
        values.push(parsePrimary(c));
      }
      c.expectEnd();
      const block = this.parseBlock(BLOCK_ENDS.case as string[]);
      branches.push({ values, body: block.nodes });
      end = block.end;
    }
    this.depth--;
    return { kind: "case", subject, branches, otherwise };
  }

  private parseFor(tag: OpenTag): Node {
    const c = tag.cursor;
    const variable = c.expectIdent("a loop variable");
    const keyword = c.next();
    if (keyword.kind !== "ident" || keyword.text !== "in") throw c.unexpected(keyword, '"in"');
    const collection = parsePrimary(c);
    let limit: Expr | null = null;
    let offset: Expr | null = null;
    let reversed = false;
    while (c.peek().kind !== "end") {
      const t = c.expectIdent("limit:, offset: or reversed");
      if (t.text === "reversed") {
        reversed = true;
        continue;
      }
      if (t.text !== "limit" && t.text !== "offset") throw c.unexpected(t, "limit:, offset: or reversed");
      c.expectPunct(":");
      const value = parsePrimary(c);
      if (t.text === "limit") limit = value;
      else offset = value;
      if (c.isPunct(",")) c.next();
    }
    this.enter(tag);
    const first = this.parseBlock(BLOCK_ENDS.for as string[]);
    const end = this.expectClosed(tag, first.end, "endfor");
    let otherwise: Node[] = [];
    if (end.name === "else") {
      const second = this.parseBlock(["endfor"]);
      this.expectClosed(tag, second.end, "endfor");
      otherwise = second.nodes;
    }
    this.depth--;
    return {
      kind: "for",
      variable: variable.text,
      collection,
      limit,
      offset,
      reversed,
      body: first.nodes,
      otherwise,
      pos: tag.pos,
    };
  }
}

/**
 * Parses a template into its immutable syntax tree.
 *
 * @throws TemplateError with code TEMPLATE_SYNTAX, TEMPLATE_UNKNOWN_TAG or TEMPLATE_LIMIT_EXCEEDED
 */
export function parseTemplate(source: string, limits: TemplateLimits): TemplateAst {
  if (source.length > limits.maxTemplateSize) {
    throw new TemplateError(
      "TEMPLATE_LIMIT_EXCEEDED",
      `Template is ${source.length} characters long; the limit is ${limits.maxTemplateSize}`,
      { limit: "maxTemplateSize" },
    );
  }
  const parser = new Parser(lex(source), source, limits);
  const nodes = parser.parseAll();
  // The tree is typed readonly and never escapes the package; the public compiled form is frozen closures.
  const capturedOnly = new Set([...parser.byCapture].filter((name) => !parser.byAssign.has(name)));
  return { nodes, assigned: parser.assigned, capturedOnly };
}
