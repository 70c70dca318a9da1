import { fc, test } from "@fast-check/vitest";
import { replay } from "@supportkit/core";
import { expect } from "vitest";
import { eventLogArb } from "./_test/arbitraries";
import { berlinOffice } from "./_test/berlinClock";
import { type MetricDuration, ticketMetrics } from "./ticketMetrics";

const durations = (f: ReturnType<typeof ticketMetrics>): MetricDuration[] => [
  ...(f.firstReply ? [f.firstReply] : []),
  ...f.replies,
  ...(f.firstResolution ? [f.firstResolution] : []),
  ...(f.fullResolution ? [f.fullResolution] : []),
  ...f.resolutions,
  f.requesterWait,
  f.agentWait,
  f.onHold,
  f.agentWork,
];

test.prop([eventLogArb("t1"), fc.constantFrom("zendesk", "chatwoot", "intercom" as const)], { numRuns: 150 })(
  "business time never exceeds calendar time and no metric is negative",
  (events, preset) => {
    const f = ticketMetrics(events, { clock: berlinOffice, preset });
    for (const d of durations(f)) {
      expect(d.calendarMs).toBeGreaterThanOrEqual(0);
      expect(d.businessMs).not.toBeNull();
      expect(d.businessMs as number).toBeGreaterThanOrEqual(0);
      expect(d.businessMs as number).toBeLessThanOrEqual(d.calendarMs);
    }
    for (const n of [f.agentReplies, f.reopens, f.assignments]) expect(n).toBeGreaterThanOrEqual(0);
  },
);

test.prop([eventLogArb("t1")], { numRuns: 150 })(
  "agrees with core's replay on status, reopens and time buckets",
  (events) => {
    const f = ticketMetrics(events);
    const ticket = replay(events);
    expect(f.status).toBe(ticket.status);
    expect(f.reopens).toBe(ticket.reopenCount);
    expect(f.assigneeId).toBe(ticket.assigneeId);
    expect([...f.tags].sort()).toEqual([...ticket.tags].sort());
    expect(f.requesterWait.calendarMs).toBe(f.agentWork.calendarMs + f.onHold.calendarMs);
    const total = (events.at(-1)?.at.getTime() ?? 0) - (events[0]?.at.getTime() ?? 0);
    expect(f.requesterWait.calendarMs + f.agentWait.calendarMs).toBeLessThanOrEqual(total);
    if (f.solvedAt) expect(ticket.solvedAt).toEqual(f.solvedAt);
  },
);
