import type { RenderContext } from "./context";
import {
  type CalendarNames,
  calendarNames,
  dateFormat,
  MAX_EPOCH_MS,
  utcEpoch,
  type WallTime,
  wallTime,
  zonedToEpoch,
} from "./intl";

// Date parsing and strftime for the `date` filter. Unlike liquidjs, the zone is always explicit (the
// render's `timeZone` or the filter's argument): the server's TZ never leaks into a reply.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

// The common wire format `YYYY-MM-DDTHH:MM:SS(.sss)Z` without a regex: it is on every date a reply prints.
function fastUtc(text: string): number {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 || text.charCodeAt(10) !== 84)
    return Number.NaN;
  if (text[4] !== "-" || text[7] !== "-" || text[13] !== ":" || text[16] !== ":") return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let ms = 0;
  if (n === 24) {
    if (text[19] !== ".") return Number.NaN;
    ms = digits(text, 20, 3);
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return Number.NaN;
  return utcEpoch(year, month - 1, day, hour, minute, second, ms);
}

/** The instant a template value names (Date, seconds since epoch, ISO 8601 text), or NaN (also when out of range). */
export function toEpoch(value: unknown, ctx: RenderContext, timeZone: string): number {
  const epoch = parseEpoch(value, ctx, timeZone);
  return Math.abs(epoch) <= MAX_EPOCH_MS ? epoch : Number.NaN;
}

function parseEpoch(value: unknown, ctx: RenderContext, timeZone: string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? value * 1000 : Number.NaN;
  if (typeof value !== "string") return Number.NaN;
  const fast = fastUtc(value);
  if (!Number.isNaN(fast)) return fast;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (text === "now" || text === "today") return ctx.now;
  const m = ISO.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millisecond = Number((m[7] ?? "0").slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return Number.NaN;
  const zone = m[8];
  if (zone === undefined) {
    // No offset: a wall-clock time (or a calendar date) in the customer's zone.
    return zonedToEpoch({ year, month, day, hour, minute, second, millisecond }, timeZone);
  }
  const utc = utcEpoch(year, month - 1, day, hour, minute, second, millisecond);
  if (zone.toUpperCase() === "Z") return utc;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offset * 60_000;
}

const PAD_WIDTHS: Readonly<Record<string, number>> = {
  C: 2,
  d: 2,
  e: 2,
  H: 2,
  I: 2,
  j: 3,
  k: 2,
  l: 2,
  L: 3,
  m: 2,
  M: 2,
  S: 2,
  U: 2,
  W: 2,
  y: 2,
  Y: 4,
};
const PAD_WITH_SPACE = new Set("aAbBceklpP");
const MAX_WIDTH = 64;
const FORMAT = /%([-_0^#:]+)?(\d+)?([EO])?(.)/g;

interface Moment {
  readonly epoch: number;
  readonly wall: WallTime;
  readonly zone: string;
  readonly locale: string;
  readonly names: CalendarNames;
}

function dayOfYear(w: WallTime): number {
  return Math.round((utcEpoch(w.year, w.month - 1, w.day) - utcEpoch(w.year, 0, 1)) / 86_400_000) + 1;
}

function weekOfYear(w: WallTime, startDay: number): string {
  const daysSinceStart = (w.weekday - startDay + 7) % 7;
  return String(Math.floor((dayOfYear(w) - 1 - daysSinceStart + 7) / 7));
}

function offset(w: WallTime, colon: boolean): string {
  // Whole minutes, as strftime prints an offset that had seconds (-4:56:02 is -0456).
  const total = Math.trunc(Math.abs(w.offsetMinutes));
  const h = String(Math.floor(total / 60)).padStart(2, "0");
  const mm = String(total % 60).padStart(2, "0");
  return (w.offsetMinutes < 0 ? "-" : "+") + h + (colon ? ":" : "") + mm;
}

function ordinal(day: number): string {
  if (day === 11 || day === 12 || day === 13) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

function convert(m: Moment, code: string, flags: string, width: string | undefined): string | undefined {
  const w = m.wall;
  switch (code) {
    case "a":
      return m.names.weekdayShort[w.weekday];
    case "A":
      return m.names.weekdayLong[w.weekday];
    case "b":
    case "h":
      return m.names.monthShort[w.month - 1];
    case "B":
      return m.names.monthLong[w.month - 1];
    case "c":
      return dateFormat(
        m.locale,
        {
          timeZone: m.zone,
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
        },
        `c|${m.zone}`,
      ).format(m.epoch);
    case "x":
      return dateFormat(
        m.locale,
        { timeZone: m.zone, year: "numeric", month: "numeric", day: "numeric" },
        `x|${m.zone}`,
      ).format(m.epoch);
    case "X":
      return dateFormat(
        m.locale,
        { timeZone: m.zone, hour: "numeric", minute: "numeric", second: "numeric" },
        `X|${m.zone}`,
      ).format(m.epoch);
    case "C":
      return String(Math.floor(w.year / 100));
    case "d":
    case "e":
      return String(w.day);
    case "H":
    case "k":
      return String(w.hour);
    case "I":
    case "l":
      return String(w.hour % 12 || 12);
    case "j":
      return String(dayOfYear(w));
    case "L":
      return String(w.millisecond);
    case "m":
      return String(w.month);
    case "M":
      return String(w.minute);
    case "N": {
      const digits = Math.min(Number(width) || 9, MAX_WIDTH);
      return String(w.millisecond).padStart(3, "0").slice(0, digits).padEnd(digits, "0");
    }
    case "p":
      return w.hour < 12 ? "AM" : "PM";
    case "P":
      return w.hour < 12 ? "am" : "pm";
    case "q":
      return ordinal(w.day);
    case "s":
      return String(Math.floor(m.epoch / 1000));
    case "S":
      return String(w.second);
    case "u":
      return String(w.weekday || 7);
    case "U":
      return weekOfYear(w, 0);
    case "w":
      return String(w.weekday);
    case "W":
      return weekOfYear(w, 1);
    case "y":
      return String(((w.year % 100) + 100) % 100);
    case "Y":
      return String(w.year);
    case "z":
      return offset(w, flags.includes(":"));
    case "Z":
      return m.zone;
    case "t":
      return "\t";
    case "n":
      return "\n";
    case "%":
      return "%";
    default:
      return undefined;
  }
}

function swapCase(text: string): string {
  return /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
}

type Piece =
  | string
  | {
      readonly input: string;
      readonly flags: string;
      readonly width: string | undefined;
      readonly code: string;
    };

const patterns = new Map<string, readonly Piece[]>();

// A pattern is split into literal text and conversions once, then reused by every render.
function piecesOf(pattern: string): readonly Piece[] {
  const hit = patterns.get(pattern);
  if (hit !== undefined) return hit;
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of pattern.matchAll(FORMAT)) {
    if (match.index > last) pieces.push(pattern.slice(last, match.index));
    pieces.push({ input: match[0], flags: match[1] ?? "", width: match[2], code: match[4] as string });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) pieces.push(pattern.slice(last));
  if (patterns.size >= 512) patterns.clear();
  patterns.set(pattern, pieces);
  return pieces;
}

/** Formats an instant with a strftime pattern, in a zone and a locale (names of days and months). */
export function strftime(epoch: number, pattern: string, zone: string, locale: string): string {
  const m: Moment = { epoch, wall: wallTime(epoch, zone), zone, locale, names: calendarNames(locale) };
  let out = "";
  for (const piece of piecesOf(pattern)) {
    if (typeof piece === "string") {
      out += piece;
      continue;
    }
    const { flags: f, width, code } = piece;
    let text = convert(m, code, f, width);
    if (text === undefined) {
      out += piece.input;
      continue;
    }
    let padChar = PAD_WITH_SPACE.has(code) ? " " : "0";
    let padWidth = Math.min(Number(width) || PAD_WIDTHS[code] || 0, MAX_WIDTH);
    if (f !== "") {
      if (f.includes("^")) text = text.toUpperCase();
      else if (f.includes("#")) text = swapCase(text);
      if (f.includes("_")) padChar = " ";
      else if (f.includes("0")) padChar = "0";
      if (f.includes("-")) padWidth = 0;
    }
    if (padChar === "0" && text.startsWith("-")) out += `-${text.slice(1).padStart(padWidth - 1, padChar)}`;
    else out += padWidth > text.length ? text.padStart(padWidth, padChar) : text;
  }
  return out;
}
