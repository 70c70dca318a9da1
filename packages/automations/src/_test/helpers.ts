import {
  type BusinessClock,
  parseTicketEvent,
  parseTicketEvents,
  replay,
  type Ticket,
  type TicketEventInput,
} from "@supportkit/core";
import type { ReplyRenderer } from "../commands";

const DAY = 86_400_000;
const OPEN = 9 * 3_600_000;
const CLOSE = 17 * 3_600_000;

/** Mon–Fri 09:00–17:00 UTC, computed day by day: an independent, obviously-correct test clock. */
export const weekdayClock: BusinessClock = {
  isOpen(at) {
    const day = new Date(at).getUTCDay();
    const inDay = at.getTime() % DAY;
    return day >= 1 && day <= 5 && inDay >= OPEN && inDay < CLOSE;
  },
  between(a, b) {
    if (b < a) return -this.between(b, a);
    let total = 0;
    for (let dayStart = Math.floor(a.getTime() / DAY) * DAY; dayStart < b.getTime(); dayStart += DAY) {
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const from = Math.max(a.getTime(), dayStart + OPEN);
      const to = Math.min(b.getTime(), dayStart + CLOSE);
      if (to > from) total += to - from;
    }
    return total;
  },
  add(start, ms) {
    let left = ms;
    let cursor = this.nextOpen(start).getTime();
    for (;;) {
      const dayStart = Math.floor(cursor / DAY) * DAY;
      const room = dayStart + CLOSE - cursor;
      if (left <= room) return new Date(cursor + left);
      left -= room;
      cursor = this.nextOpen(new Date(dayStart + DAY)).getTime();
    }
  },
  nextOpen(at) {
    let cursor = at.getTime();
    for (let guard = 0; guard < 10; guard++) {
      const dayStart = Math.floor(cursor / DAY) * DAY;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday >= 1 && weekday <= 5) {
        if (cursor < dayStart + OPEN) return new Date(dayStart + OPEN);
        if (cursor < dayStart + CLOSE) return new Date(cursor);
      }
      cursor = dayStart + DAY;
    }
    throw new Error("unreachable");
  },
};

/** A renderer that shows what it was asked for. */
export const echoRenderer: ReplyRenderer = ({ template, locale, data }) => ({
  subject: `[${template}]`,
  body: `${template}|${locale ?? "-"}|${JSON.stringify(data)}`,
  ...(locale ? { locale } : {}),
});

export function created(overrides: Partial<TicketEventInput> & Record<string, unknown> = {}) {
  return parseTicketEvent({
    type: "ticket.created",
    id: "c1",
    ticketId: "t1",
    at: "2026-03-02T10:00:00Z",
    subject: "Where is my order?",
    channel: "email",
    requester: { id: "cust-1", locale: "de-DE", timeZone: "Europe/Berlin", tier: "standard" },
    ...overrides,
  });
}

export function ticketFrom(events: TicketEventInput[]): Ticket {
  return replay(parseTicketEvents(events));
}

export function customerMessage(id: string, at: string, body: string, ticketId = "t1") {
  return parseTicketEvent({
    type: "message.added",
    id,
    ticketId,
    at,
    message: {
      id: `m-${id}`,
      author: { role: "customer", id: "cust-1" },
      visibility: "public",
      channel: "email",
      body,
      createdAt: at,
    },
  });
}

/** Freezes deeply, so a test fails if code under test mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
