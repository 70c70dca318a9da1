import type { BusinessClock } from "@supportkit/core";
import { fromZonedTime } from "date-fns-tz";

// A test-only business clock: Monday to Friday, 09:00–17:00 Europe/Berlin, no holidays. It works one
// local day at a time (independent of @supportkit/sla, which implements the real calendars).
const ZONE = "Europe/Berlin";
const DAY = 86_400_000;
const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Local calendar day of an instant as days since 1970-01-01. */
function localDay(ms: number): number {
  const [y, m, d] = dateFormat.format(new Date(ms)).split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

/** The opening window of a local day in epoch ms, or null on weekends. */
function window(day: number): [number, number] | null {
  const date = new Date(day * DAY);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return null;
  const iso = date.toISOString().slice(0, 10);
  return [fromZonedTime(`${iso}T09:00:00`, ZONE).getTime(), fromZonedTime(`${iso}T17:00:00`, ZONE).getTime()];
}

function between(a: Date, b: Date): number {
  const start = a.getTime();
  const end = b.getTime();
  if (end < start) return -between(b, a);
  let total = 0;
  const last = localDay(end);
  for (let day = localDay(start); day <= last; day++) {
    const w = window(day);
    if (w === null) continue;
    const from = Math.max(w[0], start);
    const to = Math.min(w[1], end);
    if (to > from) total += to - from;
  }
  return total;
}

function add(start: Date, ms: number): Date {
  let at = start.getTime();
  let left = Math.abs(ms);
  if (left === 0) return new Date(at);
  if (ms > 0) {
    for (let day = localDay(at); ; day++) {
      const w = window(day);
      if (w === null || w[1] <= at) continue;
      const from = Math.max(w[0], at);
      if (left <= w[1] - from) return new Date(from + left);
      left -= w[1] - from;
      at = w[1];
    }
  }
  for (let day = localDay(at); ; day--) {
    const w = window(day);
    if (w === null || w[0] >= at) continue;
    const to = Math.min(w[1], at);
    if (left <= to - w[0]) return new Date(to - left);
    left -= to - w[0];
    at = w[0];
  }
}

function isOpen(at: Date): boolean {
  const w = window(localDay(at.getTime()));
  return w !== null && at.getTime() >= w[0] && at.getTime() < w[1];
}

function nextOpen(at: Date): Date {
  const t = at.getTime();
  for (let day = localDay(t); ; day++) {
    const w = window(day);
    if (w === null || w[1] <= t) continue;
    return new Date(Math.max(w[0], t));
  }
}

/** Mon–Fri 09:00–17:00 in Europe/Berlin. */
export const berlinOffice: BusinessClock = { add, between, isOpen, nextOpen };
