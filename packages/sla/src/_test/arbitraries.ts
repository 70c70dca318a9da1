import { fc } from "@fast-check/vitest";
import type { BusinessCalendarConfig } from "../calendarConfig";

const DAY = 86_400_000;

/** Zones with DST rules of every kind: none, 1 h, 30 min (Lord Howe), half-hour offset, changes at midnight. */
export const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Shanghai",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Havana",
] as const;

/** Windows around 2025/2026 DST changes: [first local day number, number of days]. */
const ANCHORS = [
  "2026-03-05", // NY spring forward 03-08
  "2026-10-29", // NY fall back 11-01
  "2026-03-26", // Berlin 03-29
  "2025-10-23", // Berlin 10-26
  "2026-04-01", // Lord Howe 04-05, Santiago 04-05
  "2026-10-01", // Lord Howe 10-04
  "2026-09-04", // Santiago 09-06
  "2026-03-05", // Havana 03-08
  "2025-09-25", // China National Day
].map((d) => Date.parse(`${d}T00:00:00Z`) / DAY);

const hhmm = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, "0")}:${String((quarter % 4) * 15).padStart(2, "0")}`;

const intervalArb = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .map(([open, close]) => [hhmm(open), close === 96 ? "24:00" : hhmm(close)] as [string, string]);

const dayArb = fc.array(intervalArb, { maxLength: 3 });

export interface CalendarCase {
  readonly config: BusinessCalendarConfig;
  /** First local day of the window the oracle covers. */
  readonly fromDay: number;
  /** Number of days in the window. */
  readonly days: number;
}

/** A random calendar (always open at least once a week) with dated exceptions inside a 12-day window. */
export const calendarCaseArb: fc.Arbitrary<CalendarCase> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    fromDay: fc.constantFrom(...ANCHORS),
    week: fc.tuple(dayArb, dayArb, dayArb, dayArb, dayArb, dayArb, dayArb),
    always: intervalArb,
    alwaysDay: fc.integer({ min: 0, max: 6 }),
    exceptions: fc.uniqueArray(
      fc.record({
        offset: fc.integer({ min: 0, max: 11 }),
        kind: fc.constantFrom("holiday", "short", "workday"),
        hours: fc.array(intervalArb, { minLength: 1, maxLength: 2 }),
      }),
      { selector: (e) => e.offset, maxLength: 4 },
    ),
  })
  .map(({ timeZone, fromDay, week, always, alwaysDay, exceptions }) => {
    const names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
    const weekly: Record<string, [string, string][]> = {};
    names.forEach((name, i) => {
      weekly[name] = i === alwaysDay ? [...week[i]!, always] : week[i]!;
    });
    const iso = (offset: number) => new Date((fromDay + offset) * DAY).toISOString().slice(0, 10);
    const holidays = exceptions
      .filter((e) => e.kind !== "workday")
      .map((e) => (e.kind === "short" ? { date: iso(e.offset), hours: e.hours } : { date: iso(e.offset) }));
    const workdays = exceptions
      .filter((e) => e.kind === "workday")
      .map((e) => ({ date: iso(e.offset), hours: e.hours }));
    return { config: { timeZone, weekly, holidays, workdays }, fromDay, days: 12 };
  });
