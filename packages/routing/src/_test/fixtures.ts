import type { BusinessClock } from "@supportkit/core";
import type { RoutingAgentInput } from "../agent";
import type { WorkItemInput } from "../workItem";

/** 2026-03-02T08:00:00Z, a Monday. */
export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
export const MIN = 60_000;

export function agent(id: string, overrides: Partial<RoutingAgentInput> = {}): RoutingAgentInput {
  return {
    id,
    name: `Agent ${id}`,
    languages: ["en"],
    capacity: { chat: 3, email: 10 },
    presence: "online",
    ...overrides,
  };
}

export function item(id: string, overrides: Partial<WorkItemInput> = {}): WorkItemInput {
  return { id, channel: "chat", createdAt: T0, ...overrides };
}

/**
 * A test-only shift: open in the half-open daily window [fromHour, toHour) UTC (toHour ≤ fromHour runs
 * past midnight). Enough of a BusinessClock for routing, which only calls isOpen and nextOpen.
 */
export function dailyShift(fromHour: number, toHour: number): BusinessClock {
  const day = 24 * 3_600_000;
  const from = fromHour * 3_600_000;
  const to = toHour * 3_600_000;
  const isOpen = (at: Date) => {
    const t = ((at.getTime() % day) + day) % day;
    return from < to ? t >= from && t < to : t >= from || t < to;
  };
  return {
    isOpen,
    nextOpen: (at: Date) => {
      if (isOpen(at)) return new Date(at.getTime());
      const t = at.getTime();
      const dayStart = t - (((t % day) + day) % day);
      const today = dayStart + from;
      return new Date(today > t ? today : today + day);
    },
    add: (start: Date, ms: number) => new Date(start.getTime() + ms),
    between: (a: Date, b: Date) => b.getTime() - a.getTime(),
  };
}

/** A test-only shift open exactly in [from, to) epoch ms. */
export function windowShift(from: number, to: number): BusinessClock {
  const isOpen = (at: Date) => at.getTime() >= from && at.getTime() < to;
  return {
    isOpen,
    nextOpen: (at: Date) =>
      isOpen(at) ? new Date(at.getTime()) : at.getTime() < from ? new Date(from) : new Date(8.64e15),
    add: (start: Date, ms: number) => new Date(start.getTime() + ms),
    between: (a: Date, b: Date) => b.getTime() - a.getTime(),
  };
}
