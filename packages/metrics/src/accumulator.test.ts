import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { berlinOffice } from "./_test/berlinClock";
import { log } from "./_test/events";
import { createAccumulator, restoreAccumulator } from "./accumulator";
import { MetricsError } from "./errors";
import { type TicketFacts, ticketMetrics, withSla } from "./ticketMetrics";

const M = 60_000;

// Three tickets in Berlin: Sunday night 23:30 local (UTC+1) is still Sunday in Berlin but Sunday 22:30Z.
const facts = () => [
  withSla(
    ticketMetrics(
      log("t1", "2026-03-01T22:30:00Z", { channel: "email", tags: ["vip", "refund"], category: "billing" })
        .assign("2026-03-02T08:00:00Z", "a1")
        .agent("2026-03-02T08:30:00Z", "a1")
        .status("2026-03-02T08:31:00Z", "solved")
        .rate("2026-03-02T09:00:00Z", "csat", 5).events,
      { clock: berlinOffice },
    ),
    [
      { target: "firstReply", met: true },
      { target: "resolution", met: false },
    ],
  ),
  withSla(
    ticketMetrics(
      log("t2", "2026-03-02T09:00:00Z", { channel: "chat" })
        .assign("2026-03-02T09:01:00Z", "a2")
        .agent("2026-03-02T09:10:00Z", "a2")
        .customer("2026-03-02T09:20:00Z")
        .agent("2026-03-02T09:50:00Z", "a2")
        .status("2026-03-02T10:00:00Z", "solved")
        .customer("2026-03-03T10:00:00Z") // reopened on Tuesday
        .rate("2026-03-03T11:00:00Z", "csat", 2).events,
      { clock: berlinOffice },
    ),
    [{ target: "firstReply", met: false, agentId: "a9" }],
  ),
  ticketMetrics(log("t3", "2026-03-03T09:00:00Z", { channel: "email" }).events, { clock: berlinOffice }),
];

describe("createAccumulator", () => {
  it("reports one group with counts, rates, durations, scores and SLA", () => {
    const [g, ...rest] = createAccumulator().addAll(facts()).result();
    expect(rest).toEqual([]);
    expect(g).toMatchObject({
      key: {},
      created: 3,
      solved: 1, // t2 was reopened
      backlog: 2,
      netFlow: 2,
      reopens: 1,
      reopenRate: 0,
      oneTouchRate: 1,
      fcrRate: 1,
      volumeByChannel: { chat: 1, email: 2 },
      volumeByCategory: { "(none)": 2, billing: 1 },
      sla: { firstReply: { met: 1, total: 2, share: 0.5 }, resolution: { met: 0, total: 1, share: 0 } },
      slaByAgent: {
        a1: { firstReply: { met: 1, total: 1, share: 1 }, resolution: { met: 0, total: 1, share: 0 } },
        a9: { firstReply: { met: 0, total: 1, share: 0 } },
      },
    });
    // First replies: t1 10 h (created Sunday 23:30 Berlin, reply Monday 09:30; 30 business minutes), t2 10 min.
    expect(g?.metrics.firstReply.calendar).toEqual({
      count: 2,
      mean: (600 * M + 10 * M) / 2,
      median: (600 * M + 10 * M) / 2,
      p90: 10 * M + 0.9 * 590 * M,
      p95: 10 * M + 0.95 * 590 * M,
      min: 10 * M,
      max: 600 * M,
      exact: true,
    });
    expect(g?.metrics.firstReply.business?.max).toBe(30 * M);
    expect(g?.metrics.reply.calendar?.count).toBe(1);
    expect(g?.csat).toMatchObject({ count: 2, satisfied: 1, share: 0.5, score: 50 });
    expect(createAccumulator({ preset: "chatwoot" }).addAll(facts()).result()[0]?.csat.score).toBe(3.5);
  });

  it("groups by dimension, one group per tag", () => {
    const res = createAccumulator({ groupBy: ["tag", "channel"] })
      .addAll(facts())
      .result();
    expect(res.map((g) => [g.key, g.created])).toEqual([
      [{ tag: null, channel: "chat" }, 1],
      [{ tag: null, channel: "email" }, 1],
      [{ tag: "refund", channel: "email" }, 1],
      [{ tag: "vip", channel: "email" }, 1],
    ]);
    const byAgent = createAccumulator({ groupBy: ["agent"] })
      .addAll(facts())
      .result();
    expect(byAgent.map((g) => [g.key.agent, g.created])).toEqual([
      [null, 1],
      ["a1", 1],
      ["a2", 1],
    ]);
  });

  it("buckets by local day in the given zone, anchored on created, solved or event time", () => {
    const byCreated = createAccumulator({ bucket: "day", timeZone: "Europe/Berlin" })
      .addAll(facts())
      .result();
    expect(byCreated.map((g) => [g.key.bucket, g.created])).toEqual([
      ["2026-03-01", 1], // 22:30Z Sunday is 23:30 Sunday in Berlin
      ["2026-03-02", 1],
      ["2026-03-03", 1],
    ]);
    const utc = createAccumulator({ bucket: "day", timeZone: "UTC" }).addAll(facts()).result();
    expect(utc.map((g) => g.key.bucket)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    const tokyo = createAccumulator({ bucket: "day", timeZone: "Asia/Tokyo" }).addAll(facts()).result();
    expect(tokyo.map((g) => [g.key.bucket, g.created])).toEqual([
      ["2026-03-02", 2], // 07:30 and 18:00 Tokyo
      ["2026-03-03", 1],
    ]);
    const bySolved = createAccumulator({ bucket: "day", timeZone: "Europe/Berlin", anchor: "solved" })
      .addAll(facts())
      .result();
    expect(bySolved.map((g) => [g.key.bucket, g.created, g.solved])).toEqual([
      [null, 2, 0], // unsolved tickets have no solve day; the null bucket sorts first
      ["2026-03-02", 1, 1],
    ]);
    const byEvent = createAccumulator({ bucket: "day", timeZone: "Europe/Berlin", anchor: "event" })
      .addAll(facts())
      .result();
    expect(
      byEvent.map((g) => [
        g.key.bucket,
        g.created,
        g.solved,
        g.reopens,
        g.metrics.firstReply.calendar?.count ?? 0,
        g.csat.count,
      ]),
    ).toEqual([
      ["2026-03-01", 1, 0, 0, 0, 0],
      ["2026-03-02", 1, 1, 0, 2, 1], // both first replies and t1's solve and rating happened Monday
      ["2026-03-03", 1, 0, 1, 0, 1], // t2's reopen and rating on Tuesday
    ]);
  });

  it("buckets by ISO week (Monday) and month", () => {
    const week = createAccumulator({ bucket: "week", timeZone: "Europe/Berlin" }).addAll(facts()).result();
    expect(week.map((g) => [g.key.bucket, g.created])).toEqual([
      ["2026-02-23", 1],
      ["2026-03-02", 2],
    ]);
    const month = createAccumulator({ bucket: "month", timeZone: "Europe/Berlin" }).addAll(facts()).result();
    expect(month.map((g) => [g.key.bucket, g.created])).toEqual([["2026-03", 3]]);
    const monthUtcMinus = createAccumulator({ bucket: "month", timeZone: "America/Los_Angeles" })
      .addAll(facts())
      .result();
    expect(monthUtcMinus.map((g) => [g.key.bucket, g.created])).toEqual([["2026-03", 3]]);
  });

  it("switches to the sketch beyond the exact limit", () => {
    const acc = createAccumulator({ exactLimit: 1 });
    acc.addAll(facts());
    const first = acc.result()[0]?.metrics.firstReply.calendar;
    expect(first?.exact).toBe(false);
    expect(first?.min).toBe(10 * M);
    expect(Math.abs((first?.median as number) - 305 * M)).toBeLessThanOrEqual(0.01 * 305 * M);
  });

  it("round-trips through JSON and refuses to merge different options", () => {
    const acc = createAccumulator({
      groupBy: ["channel"],
      bucket: "week",
      timeZone: "Europe/Berlin",
      exactLimit: 1,
    }).addAll(facts());
    const copy = restoreAccumulator(JSON.parse(JSON.stringify(acc.toJSON())));
    expect(copy.result()).toEqual(acc.result());
    expect(copy.toJSON()).toEqual(acc.toJSON());
    expect(() => createAccumulator().merge(acc)).toThrow(MetricsError);
    expect(() => restoreAccumulator({ version: 2 })).toThrow(ValidationError);
    expect(() => restoreAccumulator({ ...acc.toJSON(), groups: [["x", { key: [] }]] })).toThrow(
      /accumulator JSON/,
    );
  });

  it("merges a live accumulator as its JSON, leaves it unchanged, and can merge into itself", () => {
    const options = { groupBy: ["channel"], exactLimit: 2 } as const;
    const [f0, ...rest] = facts();
    const other = createAccumulator(options).addAll(rest);
    const before = other.toJSON();
    const direct = createAccumulator(options)
      .add(f0 as TicketFacts)
      .merge(other);
    const viaJson = createAccumulator(options)
      .add(f0 as TicketFacts)
      .merge(restoreAccumulator(JSON.parse(JSON.stringify(other.toJSON()))));
    expect(direct.toJSON()).toEqual(viaJson.toJSON());
    expect(other.toJSON()).toEqual(before);
    // Adding to the merged copy does not reach back into the accumulator it came from.
    direct.addAll(rest);
    expect(other.toJSON()).toEqual(before);
    const twice = createAccumulator(options).addAll(rest).addAll(rest);
    expect(other.merge(other).toJSON()).toEqual(twice.toJSON());
  });

  it("rejects bad options", () => {
    expect(() => createAccumulator({ bucket: "day" })).toThrow(/timeZone: is required/);
    expect(() => createAccumulator({ bucket: "day", timeZone: "Mars/Olympus" })).toThrow(
      /unknown IANA time zone/,
    );
    expect(() => createAccumulator({ groupBy: ["colour" as never] })).toThrow(ValidationError);
    expect(() => createAccumulator({ groupBy: ["tag", "tag"] })).toThrow(/repeat/);
    expect(() => createAccumulator({ relativeAccuracy: 0 })).toThrow(/relativeAccuracy/);
  });
});
