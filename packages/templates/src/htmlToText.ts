import { ValidationError } from "@supportkit/core";

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  yen: "¥",
  laquo: "«",
  raquo: "»",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bull: "•",
  middot: "·",
};

const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "tr",
  "ul",
  "ol",
  "blockquote",
  "section",
  "article",
  "header",
  "footer",
  "hr",
  "pre",
]);
const SKIP = new Set(["script", "style", "head", "title"]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (match, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : match;
    }
    const named = body.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, named) ? (NAMED_ENTITIES[named] as string) : match;
  });
}

/**
 * Derives the plain-text part of an email from its HTML: paragraphs and line breaks become newlines, list
 * items become `- ` lines, links keep their address (`label (https://…)`), scripts, styles and comments are
 * dropped and entities are decoded. Runs in one linear pass (no backtracking on unclosed tags).
 *
 * @param html - the HTML body
 * @returns readable text
 * @throws ValidationError (code `VALIDATION`) when `html` is not a string
 * @example
 * ```ts
 * htmlToText("<p>Hi <b>Ana</b>,</p><p>Track it <a href=\"https://t.example/1\">here</a>.</p>");
 * //=> "Hi Ana,\n\nTrack it here (https://t.example/1)."
 * ```
 */
export function htmlToText(html: string): string {
  if (typeof html !== "string") {
    throw new ValidationError("htmlToText arguments", [
      { path: "html", code: "invalid_type", message: "expected the HTML body as a string" },
    ]);
  }
  let out = "";
  let i = 0;
  const n = html.length;
  const links: { url: string | null; start: number }[] = [];
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      out += decodeEntities(html.slice(i));
      break;
    }
    if (lt > i) out += decodeEntities(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt === -1) {
      out += decodeEntities(html.slice(lt));
      break;
    }
    const tag = html.slice(lt + 1, gt);
    const match = /^\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)/.exec(tag);
    i = gt + 1;
    if (match === null) {
      out += decodeEntities(html.slice(lt, gt + 1));
      continue;
    }
    const closing = match[1] === "/";
    const name = (match[2] as string).toLowerCase();
    if (!closing && SKIP.has(name) && !tag.trimEnd().endsWith("/")) {
      const closer = new RegExp(`</${name}\\s*>`, "gi");
      closer.lastIndex = i;
      const found = closer.exec(html);
      i = found === null ? n : found.index + found[0].length;
      continue;
    }
    if (name === "br") out += "\n";
    else if (name === "li" && !closing) out += "\n- ";
    else if (name === "td" || name === "th") out += closing ? "" : " ";
    else if (BLOCK.has(name)) out += "\n\n";
    else if (name === "a") {
      if (!closing) {
        const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
        const url = href === null ? null : decodeEntities(href[1] ?? href[2] ?? href[3] ?? "");
        links.push({ url: url !== null && /^(https?:|mailto:)/i.test(url) ? url : null, start: out.length });
      } else {
        const link = links.pop();
        const url = link?.url ?? null;
        if (link !== undefined && url !== null) {
          const label = out.slice(link.start).trim();
          const bare = url.replace(/^mailto:/i, "");
          if (label !== bare && label !== url) out += ` (${bare})`;
        }
      }
    } else if (name === "img" && !closing) {
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
      if (alt !== null) out += decodeEntities(alt[1] ?? alt[2] ?? "");
    }
  }
  return out
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
