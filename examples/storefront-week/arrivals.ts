// The week's arrivals: each ticket's time, customer, channel, topic, priority and what will happen to it
// (a follow-up question, a reopen, a rating), all drawn from the seeded random source.
import type { Customer, Priority } from "@supportkit/core";
import {
  CHANNELS,
  DAY_FACTOR,
  type Language,
  localHourWeight,
  type Market,
  SEGMENTS,
  type Segment,
  type StoreChannel,
  TOPIC_MIX,
  TOPICS,
  type Topic,
} from "./catalog";
import type { Random } from "./random";

export interface Arrival {
  readonly id: string;
  readonly at: Date;
  readonly segment: Segment;
  readonly market: Market;
  readonly language: Language;
  readonly channel: StoreChannel;
  readonly topic: Topic;
  readonly priority: Priority;
  readonly customer: Customer;
  readonly order: string;
  readonly amount: number;
  /** The first answer does not settle it: the customer writes back after this long (ms), else `null`. */
  readonly followUpAfterMs: number | null;
  /** After it is solved, the customer reopens it after this long (ms), else `null`. */
  readonly reopenAfterMs: number | null;
  /** Whether the customer answers the satisfaction survey (CSAT), the NPS and the CES question. */
  readonly answers: { readonly csat: boolean; readonly nps: boolean; readonly ces: boolean };
}

const HOUR = 3_600_000;

interface Cell {
  readonly hour: number;
  readonly segment: Segment;
  readonly market: Market;
  readonly channel: StoreChannel;
  readonly cumulative: number;
}

const localParts = new Map<string, Intl.DateTimeFormat>();
function localHourAndDay(at: Date, timeZone: string): { hour: number; day: number } {
  let format = localParts.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      weekday: "short",
    });
    localParts.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  const weekday = parts.find((p) => p.type === "weekday")?.value ?? "Mon";
  return { hour, day: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(weekday) };
}

/** Arrival intensity cells (UTC hour × market × channel), with cumulative weights for sampling. */
function buildCells(start: Date): Cell[] {
  const cells: Cell[] = [];
  let cumulative = 0;
  for (let hour = 0; hour < 168; hour++) {
    const at = new Date(start.getTime() + hour * HOUR + HOUR / 2);
    for (const segment of SEGMENTS) {
      for (const market of segment.markets) {
        const local = localHourAndDay(at, market.timeZone);
        for (const channel of CHANNELS) {
          const weight =
            (segment.share / segment.markets.length) *
            segment.channels[channel] *
            localHourWeight(local.hour, channel) *
            (DAY_FACTOR[local.day] ?? 1);
          cumulative += weight;
          cells.push({ hour, segment, market, channel, cumulative });
        }
      }
    }
  }
  return cells;
}

function pickCell(cells: readonly Cell[], r: number): Cell {
  const target = r * cells[cells.length - 1]!.cumulative;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]!.cumulative > target) hi = mid;
    else lo = mid + 1;
  }
  return cells[lo]!;
}

function pickPriority(random: Random, topic: Topic): Priority {
  const r = random.next();
  if (r < 0.04) return "urgent";
  if (topic === "payment") return r < 0.6 ? "high" : "normal";
  if (r < 0.2) return "high";
  if (r < 0.82) return "normal";
  return "low";
}

export function generateArrivals(random: Random, start: Date, count: number): Arrival[] {
  const cells = buildCells(start);
  const times = Array.from({ length: count }, () => {
    const cell = pickCell(cells, random.next());
    const at = start.getTime() + cell.hour * HOUR + Math.floor(random.next() * 60) * 60_000;
    return { cell, at };
  }).sort((a, b) => a.at - b.at);
  return times.map(({ cell, at }, index) => {
    const id = `T-${String(10_001 + index)}`;
    const topic = random.weighted(TOPICS, (t) => TOPIC_MIX[t]);
    const market = cell.market;
    const vip = random.chance(0.12);
    const name = market.names[random.int(0, market.names.length - 1)]!;
    const complex = topic === "return" || topic === "refund" || topic === "damaged-item";
    return {
      id,
      at: new Date(at),
      segment: cell.segment,
      market,
      language: cell.segment.language,
      channel: cell.channel,
      topic,
      priority: pickPriority(random, topic),
      customer: {
        id: `C-${String(random.int(100_000, 999_999))}`,
        name,
        locale: market.locale,
        timeZone: market.timeZone,
        tier: vip ? "vip" : "standard",
        currency: market.currency,
        orderCount: random.int(1, vip ? 40 : 6),
      },
      order: String(random.int(4_000_000, 4_999_999)),
      amount: Math.round(random.logNormal(market.currency === "JPY" ? 6_000 : 45, 0.6) * 100) / 100,
      followUpAfterMs: random.chance(complex ? 0.45 : 0.25)
        ? Math.round(random.logNormal(5 * HOUR, 0.8))
        : null,
      reopenAfterMs: random.chance(0.07) ? Math.round(random.logNormal(20 * HOUR, 0.7)) : null,
      answers: { csat: random.chance(0.42), nps: random.chance(0.15), ces: random.chance(0.22) },
    };
  });
}
