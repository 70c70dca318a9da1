import { fc, test } from "@fast-check/vitest";
import { hours, minutes, type TicketStatus } from "@supportkit/core";
import { describe, expect } from "vitest";
import { logArb } from "./_test/logs";
import { createBusinessCalendar } from "./createBusinessCalendar";
import { evaluateSla } from "./evaluateSla";
import { defineSlaPolicy, SLA_METRICS, type SlaMetric } from "./slaPolicy";

const nine = [["09:00", "17:00"]] as [string, string][];
const calendar = createBusinessCalendar({
  timeZone: "Europe/Berlin",
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
});
const business = { low: hours(8), normal: hours(4), high: hours(1), urgent: minutes(30) };
const calendarTime = Object.fromEntries(
  Object.entries(business).map(([p, ms]) => [p, { ms: ms * 3, clock: "calendar" as const }]),
);
const mixed = defineSlaPolicy({
  id: "mixed",
  calendar,
  targets: {
    firstReply: business,
    nextReply: business,
    periodicUpdate: calendarTime,
    pausableUpdate: business,
    requesterWait: calendarTime,
    agentWork: calendarTime,
    totalResolution: calendarTime,
  },
});
const nowArb = fc.integer({ min: 0, max: 4 * 24 * 60 });

describe("evaluateSla laws", () => {
  test.prop([logArb(), nowArb])("elapsed + remaining equals the target", (log, offset) => {
    const now = log.events[0]!.at.getTime() + offset * 60_000;
    for (const t of evaluateSla(mixed, log.events, now).history) {
      if (t.target) expect(t.elapsed + t.remaining!).toBe(t.target.ms);
    }
  });

  test.prop([logArb(), nowArb, nowArb])("a breach never goes away and keeps its instant", (log, a, b) => {
    const start = log.events[0]!.at.getTime();
    const [early, late] = [start + Math.min(a, b) * 60_000, start + Math.max(a, b) * 60_000];
    const before = evaluateSla(mixed, log.events, early).history;
    const after = evaluateSla(mixed, log.events, late).history;
    for (const t of before) {
      if (!t.breached) continue;
      const same = after.find((u) => u.metric === t.metric && u.cycle === t.cycle)!;
      expect(same.breachedAt?.getTime()).toBe(t.breachedAt!.getTime());
    }
  });

  test.prop([logArb({ priorityChanges: false }), nowArb])(
    "with one target throughout, breached exactly when the cycle ran to its due time",
    (log, offset) => {
      const now = log.events[0]!.at.getTime() + offset * 60_000;
      for (const t of evaluateSla(mixed, log.events, now).history) {
        if (t.state === "paused") continue;
        const due = t.dueAt!.getTime();
        const ranTo = t.achievedAt ? t.achievedAt.getTime() > due : now >= due;
        expect(t.breached).toBe(ranTo);
        if (t.breached) expect(t.breachedAt!.getTime()).toBe(due);
      }
    },
  );

  // Calendar-time resolution metrics against an oracle over core's statuses: the sum of every cycle's
  // elapsed time is the time spent in the statuses the metric counts.
  const counts: Partial<Record<SlaMetric, (s: TicketStatus) => boolean>> = {
    totalResolution: (s) => s !== "solved" && s !== "closed",
    requesterWait: (s) => s !== "solved" && s !== "closed" && s !== "pending",
    agentWork: (s) => s !== "solved" && s !== "closed" && s !== "pending" && s !== "on_hold",
  };
  test.prop([logArb(), nowArb])(
    "resolution metrics count exactly the time in their statuses",
    (log, offset) => {
      const now = log.events[0]!.at.getTime() + offset * 60_000;
      const history = evaluateSla(mixed, log.events, now).history;
      for (const metric of SLA_METRICS) {
        const counted = counts[metric];
        if (!counted) continue;
        let expected = 0;
        log.events.forEach((event, i) => {
          const from = event.at.getTime();
          const to = Math.min(log.events[i + 1]?.at.getTime() ?? now, now);
          if (from < now && counted(log.statuses[i]!)) expected += Math.max(0, to - from);
        });
        const sum = history.filter((t) => t.metric === metric).reduce((acc, t) => acc + t.elapsed, 0);
        expect(sum).toBe(expected);
      }
    },
  );
});
