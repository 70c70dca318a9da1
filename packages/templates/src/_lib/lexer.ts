import { TemplateError } from "../errors";

// Splits a template into text, `{{ output }}` and `{% tag %}` segments in one left-to-right pass
// (each character is looked at a bounded number of times, so lexing is linear in the source length).

export interface MarkupSegment {
  readonly kind: "output" | "tag";
  /** The markup between the delimiters, without the `-` trim markers. */
  readonly content: string;
  /** Offset of `content` in the source. */
  readonly contentPos: number;
  /** Offset of the opening delimiter. */
  readonly pos: number;
}

export type Segment =
  | { readonly kind: "text"; readonly value: string; readonly pos: number }
  | MarkupSegment
  | { readonly kind: "raw"; readonly value: string; readonly pos: number };

export function lex(source: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let trimNext = false;
  const n = source.length;
  const pushText = (text: string, pos: number): void => {
    let value = text;
    if (trimNext) value = value.trimStart();
    trimNext = false;
    if (value.length > 0) segments.push({ kind: "text", value, pos });
  };
  const trimPrevious = (): void => {
    const last = segments[segments.length - 1];
    if (last?.kind === "text") {
      const value = last.value.trimEnd();
      if (value.length === 0) segments.pop();
      else segments[segments.length - 1] = { kind: "text", value, pos: last.pos };
    }
  };
  while (i < n) {
    const open = nextOpening(source, i);
    if (open === -1) {
      pushText(source.slice(i), i);
      break;
    }
    if (open > i) pushText(source.slice(i, open), i);
    const isOutput = source.charCodeAt(open + 1) === 123; // "{{"
    const closer = isOutput ? "}" : "%";
    let start = open + 2;
    if (source[start] === "-") {
      trimPrevious();
      start++;
    }
    const end = findClose(source, start, closer);
    if (end === -1) {
      throw new TemplateError(
        "TEMPLATE_SYNTAX",
        `Unclosed ${isOutput ? "output {{" : "tag {%"}: expected "${closer}}"`,
        { source, index: open },
      );
    }
    let contentEnd = end;
    const trimAfter = contentEnd > start && source[contentEnd - 1] === "-";
    if (trimAfter) contentEnd--;
    const content = source.slice(start, contentEnd);
    trimNext = false;
    segments.push({ kind: isOutput ? "output" : "tag", content, contentPos: start, pos: open });
    i = end + 2;
    trimNext = trimAfter;
    if (!isOutput && /^\s*raw\s*$/.test(content)) {
      // Everything up to {% endraw %} is text, whatever it contains.
      segments.pop();
      const closeRe = /\{%(-?)\s*endraw\s*(-?)%\}/g;
      closeRe.lastIndex = i;
      const match = closeRe.exec(source);
      if (match === null) {
        throw new TemplateError("TEMPLATE_SYNTAX", 'Unclosed "raw": expected {% endraw %}', {
          source,
          index: open,
        });
      }
      let value = source.slice(i, match.index);
      if (trimNext) value = value.trimStart();
      if (match[1] === "-") value = value.trimEnd();
      if (value.length > 0) segments.push({ kind: "raw", value, pos: i });
      i = match.index + match[0].length;
      trimNext = match[2] === "-";
    }
  }
  return segments;
}

function nextOpening(source: string, from: number): number {
  let at = source.indexOf("{", from);
  while (at !== -1) {
    const next = source.charCodeAt(at + 1);
    if (next === 123 || next === 37) return at; // "{{" or "{%"
    at = source.indexOf("{", at + 1);
  }
  return -1;
}

// Finds the closing `}}` or `%}`, skipping quoted strings (so `{{ "}}" }}` works as in Liquid).
function findClose(source: string, from: number, closer: string): number {
  const n = source.length;
  for (let i = from; i < n; i++) {
    const c = source[i];
    if (c === '"' || c === "'") {
      const endQuote = source.indexOf(c, i + 1);
      if (endQuote === -1) return -1;
      i = endQuote;
    } else if (c === closer && source[i + 1] === "}") {
      return i;
    }
  }
  return -1;
}
