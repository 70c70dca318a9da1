import { ReplayError, replay, TransitionError, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { berlinOffice } from "./_test/berlinClock";
import { log } from "./_test/events";
import { resolveDefinitions, ticketMetrics, withSla } from "./ticketMetrics";

const M = 60_000;
const H = 60 * M;
const clock = berlinOffice;

// Monday 2026-03-02, Berlin is UTC+1: the office is open 08:00Z–16:00Z.
const lateParcel = () =>
  log("t1", "2026-03-02T08:15:00Z", { tags: ["order"], category: "delivery" })
    .assign("2026-03-02T09:02:00Z", "a-mia", "dach")
    .note("2026-03-02T09:10:00Z")
    .agent("2026-03-02T09:20:00Z", "a-mia")
    .status("2026-03-02T09:20:00Z", "pending", "open")
    .status("2026-03-03T09:00:00Z", "solved", "pending")
    .customer("2026-03-04T07:30:00Z") // before opening: reopens the solved ticket
    .agent("2026-03-04T08:30:00Z", "a-mia")
    .status("2026-03-04T08:31:00Z", "solved", "open")
    .rate("2026-03-04T09:00:00Z", "csat", 5).events;

describe("ticketMetrics: a reopened e-mail ticket (Zendesk definitions)", () => {
  const facts = ticketMetrics(lateParcel(), { clock });

  it("measures first reply, next reply and resolution times in calendar and business time", () => {
    expect(facts.firstReply).toEqual({ calendarMs: 65 * M, businessMs: 65 * M });
    // The reopening message came at 08:30 Berlin; business time starts at 09:00.
    expect(facts.replies).toEqual([
      { at: new Date("2026-03-04T08:30:00Z"), calendarMs: 60 * M, businessMs: 30 * M },
    ]);
    expect(facts.firstResolution).toEqual({
      at: new Date("2026-03-03T09:00:00Z"),
      calendarMs: 24 * H + 45 * M,
      businessMs: 465 * M + 60 * M,
    });
    expect(facts.fullResolution).toEqual({
      calendarMs: 48 * H + 16 * M,
      businessMs: 465 * M + 480 * M + 31 * M,
    });
    expect(facts.resolutions.map((r) => r.calendarMs)).toEqual([48 * H + 16 * M]);
  });

  it("splits time by status: requester wait, agent wait, on-hold and agent work", () => {
    // new 47 min (until the assignment opens it), open 18 min, pending 23 h 40 min, open again 61 min.
    expect(facts.requesterWait).toEqual({ calendarMs: (47 + 18 + 61) * M, businessMs: (47 + 18 + 31) * M });
    expect(facts.agentWait).toEqual({ calendarMs: 23 * H + 40 * M, businessMs: (400 + 60) * M });
    expect(facts.onHold).toEqual({ calendarMs: 0, businessMs: 0 });
    expect(facts.agentWork).toEqual(facts.requesterWait);
  });

  it("counts replies, reopens, touches, assignments and ratings", () => {
    expect(facts).toMatchObject({
      ticketId: "t1",
      status: "solved",
      assigneeId: "a-mia",
      groupId: "dach",
      tags: ["order"],
      category: "delivery",
      agentReplies: 2,
      reopens: 1,
      reopenedAt: [new Date("2026-03-04T07:30:00Z")],
      oneTouch: false,
      twoTouch: true,
      firstContactResolved: false,
      assignments: 1,
      csat: 5,
      nps: null,
      solvedAt: new Date("2026-03-04T08:31:00Z"),
      firstReplyAt: new Date("2026-03-02T09:20:00Z"),
    });
  });

  it("agrees with core's replay on status and reopen count", () => {
    const ticket = replay(lateParcel());
    expect(facts.status).toBe(ticket.status);
    expect(facts.reopens).toBe(ticket.reopenCount);
  });

  it("leaves business time null without a clock", () => {
    const plain = ticketMetrics(lateParcel());
    expect(plain.firstReply).toEqual({ calendarMs: 65 * M, businessMs: null });
    expect(plain.onHold).toEqual({ calendarMs: 0, businessMs: null });
    expect(plain.replies[0]?.businessMs).toBeNull();
  });
});

describe("ticketMetrics: presets side by side", () => {
  it("differ where Zendesk, Chatwoot and Intercom differ", () => {
    const zendesk = ticketMetrics(lateParcel(), { clock, preset: "zendesk" });
    const chatwoot = ticketMetrics(lateParcel(), { clock, preset: "chatwoot" });
    const intercom = ticketMetrics(lateParcel(), { clock, preset: "intercom" });
    // First reply: from creation (Zendesk, Chatwoot) or from the first assignment (Intercom).
    expect([zendesk, chatwoot, intercom].map((f) => f.firstReply?.calendarMs)).toEqual([
      65 * M,
      65 * M,
      18 * M,
    ]);
    // Reply times: Intercom counts the first reply too.
    expect([zendesk, chatwoot, intercom].map((f) => f.replies.map((r) => r.calendarMs))).toEqual([
      [60 * M],
      [60 * M],
      [65 * M, 60 * M],
    ]);
    // Resolution: Chatwoot has one sample per solve.
    expect(chatwoot.resolutions.map((r) => r.calendarMs)).toEqual([24 * H + 45 * M, 48 * H + 16 * M]);
    expect(intercom.resolutions.map((r) => r.calendarMs)).toEqual([48 * H + 16 * M]);
  });

  it("count one-touch as ≤ 1 reply (Zendesk) or exactly 1 (Chatwoot, Intercom)", () => {
    const noReply = () => log("t2", "2026-03-02T09:00:00Z").status("2026-03-02T09:30:00Z", "solved").events;
    expect(ticketMetrics(noReply()).oneTouch).toBe(true);
    expect(ticketMetrics(noReply(), { preset: "chatwoot" }).oneTouch).toBe(false);
    expect(ticketMetrics(noReply(), { preset: "intercom" }).oneTouch).toBe(false);
    expect(ticketMetrics(noReply(), { preset: "chatwoot", oneTouch: "atMostOne" }).oneTouch).toBe(true);
  });

  it("resolve named overrides on top of a preset", () => {
    expect(resolveDefinitions({ preset: "chatwoot", oneTouch: "atMostOne" })).toEqual({
      firstReplyStart: "created",
      firstReplyIsReplyTime: false,
      oneTouch: "atMostOne",
      resolution: "perEvent",
      csat: "mean",
    });
    expect(() => resolveDefinitions({ preset: "freshdesk" as never })).toThrow(ValidationError);
  });
});

describe("ticketMetrics: business time edges on a Berlin Mon–Fri calendar", () => {
  it("spans the spring DST change (a weekend away)", () => {
    // Fri 2026-03-27 16:30 CET → Mon 2026-03-30 09:30 CEST.
    const f = ticketMetrics(log("t3", "2026-03-27T15:30:00Z").agent("2026-03-30T07:30:00Z").events, {
      clock,
    });
    expect(f.firstReply).toEqual({ calendarMs: 64 * H, businessMs: 60 * M });
  });

  it("spans the autumn DST change", () => {
    // Fri 2026-10-23 16:30 CEST → Mon 2026-10-26 09:30 CET.
    const f = ticketMetrics(log("t4", "2026-10-23T14:30:00Z").agent("2026-10-26T08:30:00Z").events, {
      clock,
    });
    expect(f.firstReply).toEqual({ calendarMs: 66 * H, businessMs: 60 * M });
  });

  it("gives 0 business ms, not null, for a weekend ticket answered exactly at opening", () => {
    const f = ticketMetrics(log("t5", "2026-03-07T10:00:00Z").agent("2026-03-09T08:00:00Z").events, {
      clock,
    });
    expect(f.firstReply).toEqual({ calendarMs: 46 * H, businessMs: 0 });
  });

  it("counts up to a reply exactly at closing time, and nothing overnight", () => {
    const f = ticketMetrics(
      log("t6", "2026-03-09T15:00:00Z")
        .agent("2026-03-09T16:00:00Z") // 17:00 Berlin, closing time
        .customer("2026-03-09T16:00:00Z")
        .agent("2026-03-10T08:00:00Z").events, // 09:00 Berlin next morning
      { clock },
    );
    expect(f.firstReply).toEqual({ calendarMs: H, businessMs: H });
    expect(f.replies).toEqual([{ at: new Date("2026-03-10T08:00:00Z"), calendarMs: 16 * H, businessMs: 0 }]);
  });

  it("counts pending and on-hold periods into their own buckets, also over a weekend", () => {
    const f = ticketMetrics(
      log("t7", "2026-03-06T14:00:00Z", { status: "open" }) // Friday 15:00 Berlin
        .agent("2026-03-06T14:30:00Z")
        .status("2026-03-06T14:30:00Z", "pending")
        .customer("2026-03-09T09:00:00Z") // Monday: implicit pending → open, no reopen
        .status("2026-03-09T10:00:00Z", "on_hold")
        .status("2026-03-09T12:00:00Z", "open")
        .agent("2026-03-09T12:15:00Z")
        .status("2026-03-09T12:15:00Z", "solved").events,
      { clock },
    );
    expect(f.agentWait).toEqual({ calendarMs: 66 * H + 30 * M, businessMs: 90 * M + 60 * M });
    expect(f.onHold).toEqual({ calendarMs: 2 * H, businessMs: 2 * H });
    expect(f.agentWork).toEqual({ calendarMs: 30 * M + H + 15 * M, businessMs: 30 * M + H + 15 * M });
    expect(f.requesterWait.calendarMs).toBe(f.agentWork.calendarMs + f.onHold.calendarMs);
    expect(f.reopens).toBe(0);
    expect(f.replies.map((r) => r.calendarMs)).toEqual([3 * H + 15 * M]);
  });
});

describe("ticketMetrics: what is and is not a reply", () => {
  it("ignores private notes and bot or system messages", () => {
    const f = ticketMetrics(
      log("t8", "2026-03-02T08:00:00Z")
        .bot("2026-03-02T08:00:30Z")
        .message("2026-03-02T08:01:00Z", "system")
        .note("2026-03-02T08:05:00Z")
        .agent("2026-03-02T08:20:00Z").events,
    );
    expect(f.firstReply?.calendarMs).toBe(20 * M);
    expect(f.agentReplies).toBe(1);
  });

  it("does not count an agent-created ticket's opening comment as the first reply", () => {
    const f = ticketMetrics(
      log("t9", "2026-03-02T10:00:00Z", { by: "agent" })
        .agent("2026-03-02T10:05:00Z") // a second note to the customer before they wrote
        .customer("2026-03-02T11:00:00Z")
        .agent("2026-03-02T11:30:00Z").events,
    );
    expect(f.agentCreated).toBe(true);
    expect(f.firstReply?.calendarMs).toBe(30 * M);
    expect(f.agentReplies).toBe(1);
    const silent = ticketMetrics(log("t10", "2026-03-02T10:00:00Z", { by: "agent" }).events);
    expect(silent.firstReply).toBeNull();
    expect(silent.agentReplies).toBe(0);
  });

  it("ends FRT at the first reply after a reopen that came before any reply", () => {
    const events = () =>
      log("t11", "2026-03-02T09:00:00Z")
        .status("2026-03-02T09:30:00Z", "solved")
        .customer("2026-03-02T10:00:00Z")
        .agent("2026-03-02T10:30:00Z").events;
    const f = ticketMetrics(events(), { clock });
    expect(f.firstReply).toEqual({ calendarMs: 90 * M, businessMs: 90 * M });
    expect(f.reopens).toBe(1);
    expect(f.replies).toEqual([]);
    expect(f.fullResolution).toBeNull();
    expect(f.firstResolution?.calendarMs).toBe(30 * M);
    // Intercom also counts the first reply as a reply time, from the reopening message.
    expect(ticketMetrics(events(), { preset: "intercom" }).replies.map((r) => r.calendarMs)).toEqual([
      30 * M,
    ]);
  });

  it("leaves FRT null on a ticket never answered", () => {
    const f = ticketMetrics(log("t12", "2026-03-02T09:00:00Z").customer("2026-03-02T09:10:00Z").events, {
      clock,
    });
    expect(f.firstReply).toBeNull();
    expect(f.replies).toEqual([]);
    expect(f.requesterWait).toEqual({ calendarMs: 10 * M, businessMs: 10 * M });
  });

  it("measures an unsolved ticket up to `now` when given", () => {
    const f = ticketMetrics(log("t13", "2026-03-02T09:00:00Z").events, {
      clock,
      now: "2026-03-03T09:00:00Z",
    });
    expect(f.requesterWait).toEqual({ calendarMs: 24 * H, businessMs: 7 * H + H });
    expect(() =>
      ticketMetrics(log("t13", "2026-03-02T09:00:00Z").events, { now: "2026-03-01T00:00:00Z" }),
    ).toThrow(/now/);
  });
});

describe("ticketMetrics: merges, assignments and ratings", () => {
  it("closes a merged ticket without resolving it", () => {
    const f = ticketMetrics(log("t14", "2026-03-02T09:00:00Z").merge("2026-03-02T09:05:00Z", "t1").events);
    expect(f).toMatchObject({
      status: "closed",
      merged: true,
      fullResolution: null,
      solvedAt: null,
      oneTouch: false,
    });
    expect(() =>
      ticketMetrics(
        log("t14", "2026-03-02T09:00:00Z")
          .merge("2026-03-02T09:05:00Z", "t1")
          .customer("2026-03-02T09:06:00Z").events,
      ),
    ).toThrow(ReplayError);
  });

  it("counts assignments that change the agent, and keeps the latest rating of each kind", () => {
    const f = ticketMetrics(
      log("t15", "2026-03-02T09:00:00Z")
        .assign("2026-03-02T09:01:00Z", "a1")
        .assign("2026-03-02T09:02:00Z", "a1")
        .assign("2026-03-02T09:03:00Z", "a2")
        .assign("2026-03-02T09:04:00Z", null)
        .assign("2026-03-02T09:05:00Z", "a3")
        .agent("2026-03-02T09:06:00Z")
        .status("2026-03-02T09:07:00Z", "solved")
        .status("2026-03-02T09:08:00Z", "closed")
        .rate("2026-03-02T10:00:00Z", "csat", 2)
        .rate("2026-03-02T10:01:00Z", "csat", 4)
        .rate("2026-03-02T10:02:00Z", "nps", 9)
        .rate("2026-03-02T10:03:00Z", "ces", 6).events,
    );
    expect(f).toMatchObject({ assignments: 3, assigneeId: "a3", csat: 4, nps: 9, ces: 6, status: "closed" });
    expect(f.oneTouch).toBe(true);
    expect(f.firstContactResolved).toBe(true);
    expect(f.solvedAt).toEqual(new Date("2026-03-02T09:07:00Z"));
    // Assignment opened the new ticket at 09:01.
    expect(f.agentWork.calendarMs).toBe(7 * M);
  });

  it("attaches SLA outcomes", () => {
    const f = withSla(ticketMetrics(lateParcel()), [{ target: "firstReply", met: true }]);
    expect(f.sla).toEqual([{ target: "firstReply", met: true }]);
    expect(() => withSla(f, [{ target: "", met: true }])).toThrow(ValidationError);
  });
});

describe("ticketMetrics: logs that do not fit together", () => {
  it("throws core's errors", () => {
    expect(() => ticketMetrics([])).toThrow(expect.objectContaining({ code: "EMPTY_EVENT_LOG" }));
    const events = log("t16", "2026-03-02T09:00:00Z").agent("2026-03-02T09:10:00Z").events;
    expect(() => ticketMetrics(events.slice(1))).toThrow(
      expect.objectContaining({ code: "EVENT_BEFORE_CREATED" }),
    );
    expect(() => ticketMetrics([events[0]!, events[0]!])).toThrow(
      expect.objectContaining({ code: "DUPLICATE_CREATED" }),
    );
    expect(() => ticketMetrics([events[0]!, { ...events[1]!, ticketId: "x" }])).toThrow(
      expect.objectContaining({ code: "EVENT_WRONG_TICKET" }),
    );
    expect(() => ticketMetrics([events[0]!, events[2]!, { ...events[1]!, at: new Date(0) }])).toThrow(
      expect.objectContaining({ code: "EVENT_OUT_OF_ORDER" }),
    );
    expect(() =>
      ticketMetrics(log("t17", "2026-03-02T09:00:00Z").status("2026-03-02T09:10:00Z", "closed").events),
    ).toThrow(TransitionError);
    expect(() =>
      ticketMetrics(
        log("t18", "2026-03-02T09:00:00Z").status("2026-03-02T09:10:00Z", "solved", "pending").events,
      ),
    ).toThrow(expect.objectContaining({ code: "EVENT_INCONSISTENT" }));
  });
});
