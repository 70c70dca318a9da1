import { hours, minutes, ReplayError, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { eventLog } from "./_test/events";
import { createBusinessCalendar } from "./createBusinessCalendar";
import { evaluateSla, type SlaTargetStatus } from "./evaluateSla";
import { defineSlaPolicy, type SlaMetric } from "./slaPolicy";

// Mon–Fri 09:00–17:00 UTC keeps the hand arithmetic below easy to check. 2026-03-02 is a Monday.
const nine = [["09:00", "17:00"]] as [string, string][];
const calendar = createBusinessCalendar({
  timeZone: "UTC",
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
});
const policy = defineSlaPolicy({
  id: "standard",
  calendar,
  targets: {
    firstReply: { normal: hours(2), high: hours(1), urgent: minutes(30) },
    nextReply: { normal: hours(4) },
    periodicUpdate: { normal: hours(3) },
    pausableUpdate: { normal: hours(3) },
    requesterWait: { normal: hours(8) },
    agentWork: { normal: hours(8) },
    totalResolution: { normal: { ms: hours(48), clock: "calendar" } },
  },
});

function target(status: { targets: readonly SlaTargetStatus[] }, metric: SlaMetric): SlaTargetStatus {
  const found = status.targets.find((t) => t.metric === metric);
  if (!found) throw new Error(`no ${metric}`);
  return found;
}
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("evaluateSla", () => {
  it("first reply: business time from creation to the first public agent reply; notes and bots do not count", () => {
    const log = eventLog()
      .created("2026-03-02T08:00:00Z")
      .message("2026-03-02T08:00:00Z", "customer")
      .message("2026-03-02T09:30:00Z", "agent", "internal")
      .message("2026-03-02T09:40:00Z", "bot")
      .message("2026-03-02T10:30:00Z", "agent");
    const first = target(evaluateSla(policy, log.events, "2026-03-02T12:00:00Z"), "firstReply");
    expect(first).toMatchObject({
      state: "achieved",
      breached: false,
      elapsed: hours(1.5),
      remaining: minutes(30),
    });
    expect(iso(first.dueAt)).toBe("2026-03-02T11:00:00.000Z"); // 2 business hours from the 09:00 opening
    expect(iso(first.achievedAt)).toBe("2026-03-02T10:30:00.000Z");
    expect(first.calendarRemaining).toBe(minutes(30));
  });

  it("first reply breached while still active: overdue in business and calendar time", () => {
    const log = eventLog().created("2026-03-02T08:00:00Z").message("2026-03-02T08:00:00Z", "customer");
    const first = target(evaluateSla(policy, log.events, "2026-03-02T12:00:00Z"), "firstReply");
    expect(first).toMatchObject({ state: "active", breached: true, elapsed: hours(3), remaining: -hours(1) });
    expect(iso(first.breachedAt)).toBe("2026-03-02T11:00:00.000Z");
    expect(first.calendarRemaining).toBe(-hours(1));
    // Overnight the business clock stops but the calendar clock does not.
    const later = target(evaluateSla(policy, log.events, "2026-03-03T09:00:00Z"), "firstReply");
    expect(later.remaining).toBe(-hours(6));
    expect(later.calendarRemaining).toBe(-hours(22));
  });

  it("a stricter priority keeps the time used and breaches at once when already exceeded", () => {
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .message("2026-03-02T09:00:00Z", "customer")
      .priority("2026-03-02T09:45:00Z", "urgent");
    const first = target(evaluateSla(policy, log.events, "2026-03-02T10:00:00Z"), "firstReply");
    // Urgent allows 30 minutes from the original start (09:00): due 09:30, breached at the change (09:45).
    expect(iso(first.dueAt)).toBe("2026-03-02T09:30:00.000Z");
    expect(iso(first.breachedAt)).toBe("2026-03-02T09:45:00.000Z");
    expect(first).toMatchObject({ breached: true, target: { ms: minutes(30), clock: "business" } });
    expect(first.remaining).toBe(-minutes(30));
  });

  it("a priority change measures the new target from the original start", () => {
    const log = eventLog().created("2026-03-02T09:00:00Z").priority("2026-03-02T09:20:00Z", "high");
    const first = target(evaluateSla(policy, log.events, "2026-03-02T09:50:00Z"), "firstReply");
    expect(iso(first.dueAt)).toBe("2026-03-02T10:00:00.000Z"); // not 10:20
    expect(first).toMatchObject({ breached: false, remaining: minutes(10), state: "active" });
    // A breach under the earlier, stricter target stays breached after a more lenient one takes over.
    const relaxed = eventLog()
      .created("2026-03-02T09:00:00Z", { priority: "urgent" })
      .priority("2026-03-02T10:00:00Z", "normal");
    const after = target(evaluateSla(policy, relaxed.events, "2026-03-02T10:30:00Z"), "firstReply");
    expect(iso(after.breachedAt)).toBe("2026-03-02T09:30:00.000Z");
    expect(after).toMatchObject({ breached: true, remaining: minutes(30) });
  });

  it("a policy change (re-selected from a list) keeps the time used", () => {
    const vip = defineSlaPolicy({
      id: "vip",
      calendar,
      conditions: { tags: { any: ["vip"] } },
      targets: { firstReply: { normal: hours(1) } },
    });
    const log = eventLog().created("2026-03-02T09:00:00Z").tags("2026-03-02T09:40:00Z", ["vip"]);
    const status = evaluateSla([vip, policy], log.events, "2026-03-02T09:50:00Z");
    expect(status.policyId).toBe("vip");
    const first = target(status, "firstReply");
    expect(iso(first.dueAt)).toBe("2026-03-02T10:00:00.000Z");
    expect(first.remaining).toBe(minutes(10));
  });

  it("requester wait pauses while pending; agent work also while on hold; a customer reply reopens", () => {
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .assign("2026-03-02T09:10:00Z", "a1") // new → open (core rule)
      .message("2026-03-02T10:00:00Z", "agent")
      .status("2026-03-02T10:00:00Z", "pending")
      .message("2026-03-03T09:00:00Z", "customer") // pending → open (core rule)
      .status("2026-03-03T09:30:00Z", "on_hold")
      .status("2026-03-03T10:30:00Z", "open")
      .status("2026-03-03T11:00:00Z", "solved");
    const status = evaluateSla(policy, log.events, "2026-03-03T12:00:00Z");
    // Requester wait: 09:00–10:00 Monday and 09:00–11:00 Tuesday (on hold counts).
    expect(target(status, "requesterWait")).toMatchObject({
      state: "achieved",
      elapsed: hours(3),
      breached: false,
    });
    // Agent work: also excludes on hold 09:30–10:30.
    expect(target(status, "agentWork")).toMatchObject({ state: "achieved", elapsed: hours(2) });
    // Total resolution is calendar time: Monday 09:00 to Tuesday 11:00.
    expect(target(status, "totalResolution")).toMatchObject({ elapsed: hours(26), remaining: hours(22) });
    const paused = evaluateSla(policy, log.events, "2026-03-02T15:00:00Z");
    expect(target(paused, "requesterWait")).toMatchObject({
      state: "paused",
      dueAt: null,
      elapsed: hours(1),
    });
  });

  it("next reply runs from the oldest unanswered customer message; updates restart at each agent reply", () => {
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .message("2026-03-02T09:00:00Z", "customer")
      .message("2026-03-02T09:30:00Z", "agent")
      .message("2026-03-02T11:00:00Z", "customer")
      .message("2026-03-02T11:30:00Z", "customer")
      .message("2026-03-02T12:00:00Z", "agent", "internal")
      .message("2026-03-02T13:00:00Z", "agent")
      .status("2026-03-02T13:00:00Z", "pending");
    const status = evaluateSla(policy, log.events, "2026-03-02T16:00:00Z");
    const next = status.history.filter((t) => t.metric === "nextReply");
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ cycle: 0, state: "achieved", elapsed: hours(2) });
    expect(iso(next[0]!.startedAt)).toBe("2026-03-02T11:00:00.000Z");
    // Periodic update: cycles start at 09:30 and 13:00; the second runs on while pending and, still running
    // at its due instant (16:00 = now), is breached then.
    const periodic = target(status, "periodicUpdate");
    expect(periodic).toMatchObject({
      cycle: 1,
      state: "active",
      breached: true,
      elapsed: hours(3),
      remaining: 0,
    });
    expect(
      target(evaluateSla(policy, log.events, "2026-03-02T15:59:59.999Z"), "periodicUpdate").breached,
    ).toBe(false);
    expect(iso(periodic.dueAt)).toBe("2026-03-02T16:00:00.000Z");
    expect(target(status, "pausableUpdate")).toMatchObject({ cycle: 1, state: "paused", elapsed: 0 });
    // First cycle of periodic update (09:30 → 13:00 = 3.5 h) breached its 3 h target at 12:30.
    const firstPeriodic = status.history.find((t) => t.metric === "periodicUpdate" && t.cycle === 0)!;
    expect(iso(firstPeriodic.breachedAt)).toBe("2026-03-02T12:30:00.000Z");
  });

  it("a reopen starts a new resolution cycle", () => {
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .message("2026-03-02T10:00:00Z", "agent")
      .status("2026-03-02T12:00:00Z", "solved")
      .message("2026-03-02T14:00:00Z", "customer"); // solved → open
    const status = evaluateSla(policy, log.events, "2026-03-02T15:00:00Z");
    const total = status.history.filter((t) => t.metric === "totalResolution");
    expect(total.map((t) => [t.cycle, t.state, t.elapsed])).toEqual([
      [0, "achieved", hours(3)],
      [1, "active", hours(1)],
    ]);
    expect(target(status, "requesterWait")).toMatchObject({ cycle: 1, elapsed: hours(1) });
    // The first reply was achieved before; it does not come back.
    expect(status.history.filter((t) => t.metric === "firstReply")).toHaveLength(1);
  });

  it("ignores events after now and rejects bad logs", () => {
    const log = eventLog().created("2026-03-02T09:00:00Z").message("2026-03-02T10:00:00Z", "agent");
    expect(target(evaluateSla(policy, log.events, "2026-03-02T09:30:00Z"), "firstReply").state).toBe(
      "active",
    );
    expect(() => evaluateSla(policy, log.events, "2026-03-01T00:00:00Z")).toThrow(ReplayError);
    expect(() => evaluateSla(policy, [], "2026-03-01T00:00:00Z")).toThrow(ReplayError);
    expect(() => evaluateSla(policy, log.events, "soon")).toThrow(ValidationError);
  });
});

describe("defineSlaPolicy", () => {
  it("normalises targets and needs a calendar for business time", () => {
    expect(policy.targets.firstReply?.normal).toEqual({ ms: hours(2), clock: "business" });
    expect(() => defineSlaPolicy({ id: "x", targets: { firstReply: { normal: hours(1) } } })).toThrow(
      /targets\.firstReply\.normal: a business-time target needs/,
    );
    expect(() => defineSlaPolicy({ id: "x", calendar, targets: { firstReply: { normal: -1 } } })).toThrow(
      ValidationError,
    );
    expect(
      defineSlaPolicy({ id: "x", targets: { firstReply: { low: { ms: 1, clock: "calendar" } } } }).id,
    ).toBe("x");
  });
});
