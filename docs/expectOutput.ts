// What `docs.test.ts` puts in place of `console.log` on a docs line that ends in a `//=> expected` comment:
// it prints the values the way the comments write them and throws unless the comment says just that.

/** A value as the docs' comments write it: strings quoted, `[ a, b ]`, `{ key: value }`, instants as ISO. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[ ${value.map(formatValue).join(", ")} ]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${formatValue(item)}`,
    );
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return String(value);
}

/** Spacing and the quotes around an ISO instant do not count (a Date and its string print alike). */
function normal(text: string): string {
  return text
    .replace(/"(\d{4}-\d{2}-\d{2}T[\d:.]+Z)"/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/([[{]) /g, "$1")
    .replace(/ ([\]}])/g, "$1")
    .trim();
}

/**
 * Prints `values` and checks them against `expected`, the comment's text. A trailing remark in parentheses
 * is prose and is not compared; `…` stands for any text.
 */
export function expectOutput(where: string, expected: string, ...values: unknown[]): void {
  const shown = values.map(formatValue).join(" ");
  console.log(shown);
  const want = normal(expected.replace(/\s+\([^"]*\)$/, ""));
  const pattern = new RegExp(
    `^${want
      .split("…")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  if (!pattern.test(normal(shown))) throw new Error(`${where} prints ${shown}, its comment says ${expected}`);
}
