import { checkArray, checkKeys, fail } from "./_lib/validate";
import type { MetricDuration, TicketFacts } from "./ticketMetrics";

/**
 * One ticket as a flat spreadsheet row: dimensions, instants as ISO strings, durations in ms (calendar and
 * business), counts and flags. Reply times are summarised (count, first, median, max) so the row stays flat.
 *
 * @example
 * ```ts
 * const row: TicketRow = toRows([facts])[0]!;
 * row.firstReplyMs; //=> 3_900_000
 * ```
 */
export interface TicketRow {
  readonly ticketId: string;
  readonly channel: string;
  readonly priority: string;
  readonly status: string;
  readonly assigneeId: string | null;
  readonly groupId: string | null;
  readonly category: string | null;
  /** Tags joined with `;`. */
  readonly tags: string;
  readonly requesterId: string;
  readonly agentCreated: boolean;
  readonly createdAt: string;
  readonly firstReplyAt: string | null;
  readonly firstSolvedAt: string | null;
  readonly solvedAt: string | null;
  readonly merged: boolean;
  readonly firstReplyMs: number | null;
  readonly firstReplyBusinessMs: number | null;
  readonly replyCount: number;
  readonly replyMedianMs: number | null;
  readonly replyMedianBusinessMs: number | null;
  readonly replyMaxMs: number | null;
  readonly replyMaxBusinessMs: number | null;
  readonly firstResolutionMs: number | null;
  readonly firstResolutionBusinessMs: number | null;
  readonly fullResolutionMs: number | null;
  readonly fullResolutionBusinessMs: number | null;
  readonly requesterWaitMs: number;
  readonly requesterWaitBusinessMs: number | null;
  readonly agentWaitMs: number;
  readonly agentWaitBusinessMs: number | null;
  readonly onHoldMs: number;
  readonly onHoldBusinessMs: number | null;
  readonly agentWorkMs: number;
  readonly agentWorkBusinessMs: number | null;
  readonly agentReplies: number;
  readonly reopens: number;
  readonly oneTouch: boolean;
  readonly twoTouch: boolean;
  readonly firstContactResolved: boolean;
  readonly assignments: number;
  readonly csat: number | null;
  readonly nps: number | null;
  readonly ces: number | null;
  /** SLA outcomes as `target:met|missed` joined with `;`. */
  readonly sla: string;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const cal = (d: MetricDuration | null): number | null => (d === null ? null : d.calendarMs);
const bus = (d: MetricDuration | null): number | null => (d === null ? null : d.businessMs);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const h = (values.length - 1) / 2;
  const lo = Math.floor(h);
  return lo === h ? (values[lo] as number) : ((values[lo] as number) + (values[lo + 1] as number)) / 2;
}

/**
 * Flattens ticket facts into spreadsheet rows (one per ticket), the per-ticket export help desks offer.
 *
 * @param facts - facts from {@link ticketMetrics}
 * @returns one flat row per ticket, in input order
 * @throws ValidationError (code `VALIDATION`) when `facts` is not iterable or an item is not TicketFacts
 * @example
 * ```ts
 * toRows([ticketMetrics(events)])[0]?.agentReplies; //=> 2
 * ```
 */
export function toRows(facts: Iterable<TicketFacts>): TicketRow[] {
  if (typeof (facts as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function") {
    fail("ticket facts", "facts", "must be an iterable of TicketFacts (from ticketMetrics)", "invalid_type");
  }
  const rows: TicketRow[] = [];
  let index = 0;
  for (const f of facts) {
    if (typeof f !== "object" || f === null || !Array.isArray(f.replies)) {
      fail("ticket facts", `facts.${index}`, "must be TicketFacts (from ticketMetrics)", "invalid_type");
    }
    index++;
    const replyCal = f.replies.map((r) => r.calendarMs);
    const replyBus = f.replies.flatMap((r) => (r.businessMs === null ? [] : [r.businessMs]));
    rows.push({
      ticketId: f.ticketId,
      channel: f.channel,
      priority: f.priority,
      status: f.status,
      assigneeId: f.assigneeId,
      groupId: f.groupId,
      category: f.category,
      tags: f.tags.join(";"),
      requesterId: f.requesterId,
      agentCreated: f.agentCreated,
      createdAt: f.createdAt.toISOString(),
      firstReplyAt: iso(f.firstReplyAt),
      firstSolvedAt: iso(f.firstSolvedAt),
      solvedAt: iso(f.solvedAt),
      merged: f.merged,
      firstReplyMs: cal(f.firstReply),
      firstReplyBusinessMs: bus(f.firstReply),
      replyCount: f.replies.length,
      replyMedianMs: median(replyCal),
      replyMedianBusinessMs: median(replyBus),
      replyMaxMs: replyCal.length === 0 ? null : Math.max(...replyCal),
      replyMaxBusinessMs: replyBus.length === 0 ? null : Math.max(...replyBus),
      firstResolutionMs: cal(f.firstResolution),
      firstResolutionBusinessMs: bus(f.firstResolution),
      fullResolutionMs: cal(f.fullResolution),
      fullResolutionBusinessMs: bus(f.fullResolution),
      requesterWaitMs: f.requesterWait.calendarMs,
      requesterWaitBusinessMs: f.requesterWait.businessMs,
      agentWaitMs: f.agentWait.calendarMs,
      agentWaitBusinessMs: f.agentWait.businessMs,
      onHoldMs: f.onHold.calendarMs,
      onHoldBusinessMs: f.onHold.businessMs,
      agentWorkMs: f.agentWork.calendarMs,
      agentWorkBusinessMs: f.agentWork.businessMs,
      agentReplies: f.agentReplies,
      reopens: f.reopens,
      oneTouch: f.oneTouch,
      twoTouch: f.twoTouch,
      firstContactResolved: f.firstContactResolved,
      assignments: f.assignments,
      csat: f.csat,
      nps: f.nps,
      ces: f.ces,
      sla: (f.sla ?? []).map((o) => `${o.target}:${o.met ? "met" : "missed"}`).join(";"),
    });
  }
  return rows;
}

/**
 * Options of {@link toCsv}.
 *
 * @example
 * ```ts
 * toCsv([], { separator: ";" }).startsWith("ticketId;channel"); //=> true
 * ```
 */
export interface CsvOptions {
  /** Field separator; default `","` (use `";"` for spreadsheets in locales with a decimal comma). */
  readonly separator?: "," | ";" | "\t";
}

// A cell starting with one of these is a formula to Excel and Sheets (CSV injection): prefix a quote.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown, separator: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV (RFC 4180: quoted where needed, CRLF line ends, a header row). Text cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`) get a leading `'`, so exported ticket data cannot
 * inject formulas. `null` is an empty cell.
 *
 * @param rows - rows from {@link toRows} (or any flat records with the same keys)
 * @param options - `separator` (default `,`)
 * @returns the CSV text; only the header for no rows
 * @throws ValidationError (code `VALIDATION`) when `rows` is not an array, or for an unknown option key or separator
 * @example
 * ```ts
 * toCsv(toRows([facts])).split("\r\n")[0]?.startsWith("ticketId,channel,priority"); //=> true
 * ```
 */
export function toCsv(rows: readonly TicketRow[], options: CsvOptions = {}): string {
  checkArray("CSV input", "rows", rows, "rows (from toRows)");
  checkKeys("CSV input", "options", options, ["separator"]);
  const separator = options.separator ?? ",";
  if (separator !== "," && separator !== ";" && separator !== "\t") {
    fail("CSV input", "options.separator", 'must be ",", ";" or a tab');
  }
  const header = COLUMNS.join(separator);
  const lines = [header];
  for (const row of rows) lines.push(COLUMNS.map((c) => cell(row[c], separator)).join(separator));
  return `${lines.join("\r\n")}\r\n`;
}

const COLUMNS: readonly (keyof TicketRow)[] = [
  "ticketId",
  "channel",
  "priority",
  "status",
  "assigneeId",
  "groupId",
  "category",
  "tags",
  "requesterId",
  "agentCreated",
  "createdAt",
  "firstReplyAt",
  "firstSolvedAt",
  "solvedAt",
  "merged",
  "firstReplyMs",
  "firstReplyBusinessMs",
  "replyCount",
  "replyMedianMs",
  "replyMedianBusinessMs",
  "replyMaxMs",
  "replyMaxBusinessMs",
  "firstResolutionMs",
  "firstResolutionBusinessMs",
  "fullResolutionMs",
  "fullResolutionBusinessMs",
  "requesterWaitMs",
  "requesterWaitBusinessMs",
  "agentWaitMs",
  "agentWaitBusinessMs",
  "onHoldMs",
  "onHoldBusinessMs",
  "agentWorkMs",
  "agentWorkBusinessMs",
  "agentReplies",
  "reopens",
  "oneTouch",
  "twoTouch",
  "firstContactResolved",
  "assignments",
  "csat",
  "nps",
  "ces",
  "sla",
];
