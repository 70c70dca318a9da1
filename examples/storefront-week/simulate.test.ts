// The simulation's logs are real help-desk logs: core replays them, SLA and metrics agree with them, and a
// seed reproduces a run exactly.
import { replay } from "@supportkit/core";
import { percentiles, ticketMetrics } from "@supportkit/metrics";
import { evaluateSla } from "@supportkit/sla";
import { describe, expect, test } from "vitest";
import { createPolicies } from "./policies";
import { runStorefrontWeek, WEEK_START } from "./run";
import { simulateWeek } from "./simulate";

describe("storefront-week simulation", () => {
  const sim = simulateWeek({ tickets: 300, seed: 3, start: WEEK_START });

  test("creates the requested tickets inside the week, in six languages and four channels", () => {
    expect(sim.tickets).toHaveLength(300);
    for (const { arrival } of sim.tickets) {
      expect(arrival.at.getTime()).toBeGreaterThanOrEqual(sim.start.getTime());
      expect(arrival.at.getTime()).toBeLessThan(sim.end.getTime());
    }
    expect(new Set(sim.tickets.map((t) => t.arrival.language)).size).toBe(6);
    expect(new Set(sim.tickets.map((t) => t.arrival.channel)).size).toBe(4);
  });

  test("every log replays to the ticket the simulation kept, and every ticket is answered and solved", () => {
    for (const t of sim.tickets) {
      expect(replay(t.events)).toEqual(t.ticket);
      expect(t.ticket.status).toBe("solved");
      expect(t.ticket.messages.some((m) => m.author.role === "agent")).toBe(true);
    }
  });

  test("replies are in the customer's language and routed to agents who speak it", () => {
    const speaks = new Map(sim.agents.map((a) => [a.id, a.input.languages ?? []]));
    for (const touch of sim.touches) {
      const ticket = sim.tickets.find((t) => t.arrival.id === touch.ticketId)!;
      const base = ticket.arrival.language.split("-")[0]!;
      expect(speaks.get(touch.agentId)).toContain(base);
      expect(touch.repliedAt.getTime()).toBeGreaterThan(touch.assignedAt.getTime());
    }
    const zhHant = sim.tickets.find((t) => t.arrival.language === "zh-Hant")!;
    expect(zhHant.ticket.messages.find((m) => m.author.role === "agent")?.language).toBe("zh-Hant");
  });

  test("nobody is assigned work outside their team's calendar", () => {
    const team = new Map(sim.agents.map((a) => [a.id, a.team]));
    for (const touch of sim.touches) {
      expect(sim.teams[team.get(touch.agentId)!].calendar.isOpen(touch.assignedAt)).toBe(true);
    }
  });

  test("the live tracker's first-reply breaches are the VIP tickets evaluateSla finds breached afterwards", () => {
    const policies = createPolicies(sim.teams);
    const breached = sim.tickets.filter(
      (t) =>
        t.arrival.customer.tier === "vip" &&
        evaluateSla(policies, t.events, sim.now).history.some((c) => c.metric === "firstReply" && c.breached),
    ).length;
    expect(breached).toBeGreaterThan(0);
    expect(sim.live.breaches.firstReply ?? 0).toBe(breached);
  });

  test("a seed reproduces the run; another seed does not", () => {
    const a = runStorefrontWeek({ tickets: 200, seed: 11 });
    const b = runStorefrontWeek({ tickets: 200, seed: 11 });
    const c = runStorefrontWeek({ tickets: 200, seed: 12 });
    expect(b.text).toBe(a.text);
    expect(b.html).toBe(a.html);
    expect(c.text).not.toBe(a.text);
  });

  test("the summary's first-reply percentiles are the linear percentiles of the tickets' business first replies", () => {
    const { summary } = runStorefrontWeek({ tickets: 300, seed: 3 });
    const values = sim.tickets.map((t) => {
      const team = sim.teams[t.ticket.groupId as keyof typeof sim.teams];
      return ticketMetrics(t.events, { clock: team.calendar, now: sim.now }).firstReply!.businessMs!;
    });
    expect(percentiles(values, [50, 90], { method: "linear" })).toEqual([
      summary.firstReply.p50,
      summary.firstReply.p90,
    ]);
  });

  test("the summary adds up", () => {
    const { summary } = runStorefrontWeek({ tickets: 250, seed: 5 });
    expect(summary.byChannel.reduce((s, [, n]) => s + n, 0)).toBe(250);
    expect(summary.byLanguage.reduce((s, [, n]) => s + n, 0)).toBe(250);
    expect(summary.volumeByHour.reduce((s, n) => s + n, 0)).toBe(250);
    for (const row of [...summary.slaByPriority, ...summary.slaByTeam]) {
      expect(row.firstReply.met).toBeLessThanOrEqual(row.firstReply.total);
    }
    expect(summary.slaByPriority.reduce((s, r) => s + r.firstReply.total, 0)).toBe(
      summary.slaByTeam.reduce((s, r) => s + r.firstReply.total, 0),
    );
  });
});
