// The three support teams' business calendars: Shanghai with China's public holidays and make-up working
// days (official notice, see cnHolidays.ts), Berlin with Berlin's public holidays and New York with New
// York's, both from date-holidays. Each calendar is an @supportkit/sla calendar, so it is at once the
// agents' routing shift, the SLA policies' clock and the metrics' business clock.
import { type BusinessCalendar, createBusinessCalendar } from "@supportkit/sla";
import Holidays from "date-holidays";
import { CN_HOLIDAYS, CN_MAKEUP_WORKDAYS } from "./cnHolidays";

export type TeamId = "shanghai" | "berlin" | "new-york";

export interface Team {
  readonly id: TeamId;
  readonly name: string;
  readonly timeZone: string;
  readonly calendar: BusinessCalendar;
  /** Holidays and make-up days that fall inside the simulated window, for the summary. */
  readonly notes: readonly string[];
}

type Hours = [string, string][];
const span = (from: string, to: string): Hours => [[from, to]];

/** Public holidays of a date-holidays region in the given years, as calendar holiday entries. */
function publicHolidays(country: string, state: string, years: readonly number[]) {
  const hd = new Holidays(country, state);
  return years.flatMap((year) =>
    hd
      .getHolidays(year)
      .filter((h) => h.type === "public")
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name })),
  );
}

/** Keeps the first entry per date (date-holidays can list two names for one day). */
function uniqueDates<T extends { date: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.date) && seen.add(entry.date));
}

function inWindow(date: string, from: Date, to: Date): boolean {
  const day = Date.parse(`${date}T12:00:00Z`);
  return day >= from.getTime() - 86_400_000 && day <= to.getTime() + 86_400_000;
}

export function createTeams(from: Date, to: Date): Record<TeamId, Team> {
  const years = [...new Set([from.getUTCFullYear(), to.getUTCFullYear(), to.getUTCFullYear() + 1])];
  const weekday = span("09:00", "21:00");
  const shanghai = createBusinessCalendar({
    timeZone: "Asia/Shanghai",
    weekly: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: span("10:00", "18:00"),
    },
    holidays: CN_HOLIDAYS.map(({ date, name }) => ({ date, name })),
    workdays: CN_MAKEUP_WORKDAYS.map(({ date }) => ({ date, like: "mon" as const })),
  });
  const deHolidays = uniqueDates(publicHolidays("DE", "BE", years));
  const berlinDay = span("08:00", "20:00");
  const berlin = createBusinessCalendar({
    timeZone: "Europe/Berlin",
    weekly: {
      mon: berlinDay,
      tue: berlinDay,
      wed: berlinDay,
      thu: berlinDay,
      fri: berlinDay,
      sat: span("09:00", "14:00"),
    },
    holidays: deHolidays,
  });
  const usHolidays = uniqueDates(publicHolidays("US", "NY", years));
  const nyDay = span("08:00", "20:00");
  const newYork = createBusinessCalendar({
    timeZone: "America/New_York",
    weekly: {
      mon: nyDay,
      tue: nyDay,
      wed: nyDay,
      thu: nyDay,
      fri: nyDay,
      sat: span("10:00", "16:00"),
      sun: span("10:00", "16:00"),
    },
    holidays: usHolidays,
  });
  const notes = (entries: readonly { date: string; name: string }[], label: string) =>
    entries.filter((e) => inWindow(e.date, from, to)).map((e) => `${e.date} ${label} ${e.name}`);
  return {
    shanghai: {
      id: "shanghai",
      name: "Shanghai",
      timeZone: "Asia/Shanghai",
      calendar: shanghai,
      notes: [...notes(CN_HOLIDAYS, "holiday"), ...notes(CN_MAKEUP_WORKDAYS, "make-up workday")],
    },
    berlin: {
      id: "berlin",
      name: "Berlin",
      timeZone: "Europe/Berlin",
      calendar: berlin,
      notes: notes(deHolidays, "holiday"),
    },
    "new-york": {
      id: "new-york",
      name: "New York",
      timeZone: "America/New_York",
      calendar: newYork,
      notes: notes(usHolidays, "holiday"),
    },
  };
}
