import { parseTicketEvent, replay, type Ticket, type TicketEventInput } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { created, echoRenderer, weekdayClock } from "./_test/helpers";
import {
  automationStateToJSON,
  createAutomationState,
  nextMatchAt,
  restoreAutomationState,
  runAutomations,
} from "./automations";
import { parseRule, parseRules } from "./rules";

const at = (iso: string) => new Date(iso);

function ticketWith(events: TicketEventInput[]): Ticket {
  return replay([created(), ...events.map((event) => parseTicketEvent(event))]);
}

describe("seed scenarios", () => {
  it("reminds about an unpaid order after 15 minutes, once", () => {
    const rules = parseRules([
      {
        id: "unpaid-15m",
        when: {
          all: [
            { field: "fields.payment", op: "is", value: "unpaid" },
            { field: "created_at", op: "hours_since_gte", value: 0.25 },
          ],
        },
        actions: [{ type: "send_reply", template: "payment_reminder" }],
      },
    ]);
    const ticket = replay([created({ fields: { payment: "unpaid" } })]); // created 10:00
    const early = runAutomations(rules, [ticket], "2026-03-02T10:14:59Z", { renderer: echoRenderer });
    expect(early.fired).toEqual([]);
    expect(early.nextRunAt).toEqual(at("2026-03-02T10:15:00Z"));
    const due = runAutomations(rules, [ticket], "2026-03-02T10:15:00Z", {
      renderer: echoRenderer,
      state: early.state,
    });
    expect(due.fired).toEqual([{ ruleId: "unpaid-15m", ticketId: "t1" }]);
    expect(due.commands[0]).toMatchObject({
      type: "send_reply",
      template: "payment_reminder",
      locale: "de-DE",
    });
    const again = runAutomations(rules, due.tickets, "2026-03-02T11:00:00Z", {
      renderer: echoRenderer,
      state: due.state,
    });
    expect(again.fired).toEqual([]);
    // Paid: the period ends; the rule never fires again for this ticket unless it becomes unpaid again.
    const paid = ticketWith([
      {
        type: "field.changed",
        id: "p",
        ticketId: "t1",
        at: "2026-03-02T11:01:00Z",
        field: "payment",
        value: "paid",
      },
    ]);
    const afterPaid = runAutomations(rules, [paid], "2026-03-02T11:02:00Z", {
      renderer: echoRenderer,
      state: again.state,
    });
    expect(afterPaid.fired).toEqual([]);
    expect(automationStateToJSON(afterPaid.state).fired).toEqual([]);
  });

  it("opens a logistics ticket and reassures the customer when tracking is silent for 48 hours", () => {
    const rules = parseRules([
      {
        id: "tracking-silent",
        when: {
          all: [
            { field: "fields.shipment", op: "is", value: "shipped" },
            { field: "fields.tracking_updated_at", op: "hours_since_gte", value: 48 },
          ],
        },
        actions: [
          {
            type: "create_ticket",
            subject: "Tracking silent for 48h",
            group: "logistics",
            tags: ["carrier_followup"],
          },
          { type: "send_reply", template: "shipping_reassurance" },
          { type: "add_tags", tags: ["tracking_silent"] },
        ],
      },
    ]);
    const shipped = replay([
      created({ fields: { shipment: "shipped", tracking_updated_at: "2026-03-02T08:00:00Z" } }),
    ]);
    expect(
      runAutomations(rules, [shipped], "2026-03-04T07:59:59Z", { renderer: echoRenderer }).fired,
    ).toEqual([]);
    const run = runAutomations(rules, [shipped], "2026-03-04T08:00:00Z", { renderer: echoRenderer });
    expect(run.commands.map((command) => command.type)).toEqual(["create_ticket", "send_reply"]);
    expect(run.tickets[0]?.tags).toEqual(["tracking_silent"]);
    // A new tracking update starts a new period: the rule may fire again 48 hours after it.
    const updated = replay([
      created({ fields: { shipment: "shipped", tracking_updated_at: "2026-03-02T08:00:00Z" } }),
      parseTicketEvent({
        type: "field.changed",
        id: "u",
        ticketId: "t1",
        at: "2026-03-04T09:00:00Z",
        field: "tracking_updated_at",
        value: "2026-03-04T09:00:00Z",
      }),
    ]);
    const quiet = runAutomations(rules, [updated], "2026-03-05T09:00:00Z", {
      renderer: echoRenderer,
      state: run.state,
    });
    expect(quiet.fired).toEqual([]);
    expect(quiet.nextRunAt).toEqual(at("2026-03-06T09:00:00Z"));
    expect(
      runAutomations(rules, [updated], "2026-03-06T09:00:00Z", { renderer: echoRenderer, state: quiet.state })
        .fired,
    ).toHaveLength(1);
  });

  it("sends a birthday coupon on the customer's local birthday, once a year", () => {
    const rules = parseRules([
      {
        id: "birthday",
        when: { field: "customer.attributes.birthday", op: "anniversary" },
        actions: [{ type: "send_reply", template: "birthday_coupon" }],
      },
    ]);
    const ticket = replay([
      created({
        requester: {
          id: "c",
          locale: "ja-JP",
          timeZone: "Asia/Tokyo",
          attributes: { birthday: "1990-03-03" },
        },
      }),
    ]);
    const eve = runAutomations(rules, [ticket], "2026-03-02T14:00:00Z", { renderer: echoRenderer });
    expect(eve.fired).toEqual([]);
    const day = runAutomations(rules, [ticket], "2026-03-02T15:00:00Z", {
      renderer: echoRenderer,
      state: eve.state,
    });
    expect(day.fired).toHaveLength(1);
    expect(
      runAutomations(rules, [ticket], "2026-03-03T10:00:00Z", { renderer: echoRenderer, state: day.state })
        .fired,
    ).toEqual([]);
    const dayAfter = runAutomations(rules, [ticket], "2026-03-04T10:00:00Z", {
      renderer: echoRenderer,
      state: day.state,
    });
    const nextYear = runAutomations(rules, [ticket], "2027-03-02T16:00:00Z", {
      renderer: echoRenderer,
      state: dayAfter.state,
    });
    expect(nextYear.fired).toHaveLength(1);
  });

  it("adds customers without a purchase for 90 days to the win-back list", () => {
    const rules = parseRules([
      {
        id: "win-back",
        when: {
          all: [
            { field: "customer.attributes.lastPurchaseAt", op: "hours_since_gte", value: 90 * 24 },
            { field: "tags", op: "not_contains", value: "win_back" },
          ],
        },
        actions: [
          { type: "add_tags", tags: ["win_back"] },
          { type: "webhook", name: "marketing.win_back" },
        ],
      },
    ]);
    const ticket = replay([
      created({ requester: { id: "c", attributes: { lastPurchaseAt: "2025-12-01" } } }),
    ]);
    const result = runAutomations(rules, [ticket], "2026-03-02T10:00:00Z");
    expect(result.fired).toEqual([{ ruleId: "win-back", ticketId: "t1" }]);
    expect(result.commands).toEqual([
      { type: "webhook", ticketId: "t1", ruleId: "win-back", name: "marketing.win_back", payload: {} },
    ]);
  });
});

describe("once per period", () => {
  const nudge = parseRule({
    id: "pending-nudge",
    when: {
      all: [
        { field: "status", op: "is", value: "pending" },
        { field: "status_changed_at", op: "hours_since_gte", value: 16, business: true },
      ],
    },
    actions: [{ type: "add_note", body: "Customer has not answered for 2 business days" }],
  });

  // Pending from Friday 6 March 2026 15:00 UTC; Mon–Fri 09–17 UTC: 2 h Friday, 8 h Monday, 6 h Tuesday → Tue 15:00.
  const pending = replay([
    created({ status: "open" }),
    parseTicketEvent({
      type: "status.changed",
      id: "p1",
      ticketId: "t1",
      at: "2026-03-06T15:00:00Z",
      to: "pending",
    }),
  ]);

  it("counts business hours and fires once", () => {
    const options = { clock: weekdayClock };
    expect(nextMatchAt(nudge, pending, "2026-03-06T15:00:00Z", options)).toEqual(at("2026-03-10T15:00:00Z"));
    const weekend = runAutomations([nudge], [pending], "2026-03-08T12:00:00Z", options);
    expect(weekend.fired).toEqual([]);
    expect(weekend.nextRunAt).toEqual(at("2026-03-10T15:00:00Z"));
    const due = runAutomations([nudge], [pending], "2026-03-10T15:00:00Z", {
      ...options,
      state: weekend.state,
    });
    expect(due.fired).toHaveLength(1);
    expect(due.nextRunAt).toBeNull();
    const later = runAutomations([nudge], due.tickets, "2026-03-11T15:00:00Z", {
      ...options,
      state: due.state,
    });
    expect(later.fired).toEqual([]);
  });

  it("fires again after the ticket leaves and re-enters the period", () => {
    const options = { clock: weekdayClock };
    const due = runAutomations([nudge], [pending], "2026-03-10T15:00:00Z", options);
    const reopened = replay([
      created({ status: "open" }),
      parseTicketEvent({
        type: "status.changed",
        id: "p1",
        ticketId: "t1",
        at: "2026-03-06T15:00:00Z",
        to: "pending",
      }),
      parseTicketEvent({
        type: "status.changed",
        id: "p2",
        ticketId: "t1",
        at: "2026-03-10T16:00:00Z",
        to: "open",
      }),
      parseTicketEvent({
        type: "status.changed",
        id: "p3",
        ticketId: "t1",
        at: "2026-03-11T09:00:00Z",
        to: "pending",
      }),
    ]);
    const saved = JSON.parse(JSON.stringify(automationStateToJSON(due.state)));
    const state = restoreAutomationState(saved);
    expect(automationStateToJSON(state)).toEqual(automationStateToJSON(due.state));
    const second = runAutomations([nudge], [reopened], "2026-03-12T17:00:00Z", { ...options, state });
    expect(second.fired).toHaveLength(1);
  });

  it("rejects a broken saved state", () => {
    expect(() => restoreAutomationState({ version: 2, fired: [] })).toThrow(
      /Invalid automation state: version/,
    );
    expect(automationStateToJSON(createAutomationState())).toEqual({ version: 1, fired: [] });
  });

  it("nextMatchAt is null when the rule can never match by time alone", () => {
    const solvedOnly = parseRule({
      id: "x",
      when: {
        all: [
          { field: "status", op: "is", value: "solved" },
          { field: "created_at", op: "hours_since_gte", value: 1 },
        ],
      },
      actions: [{ type: "add_tags", tags: ["x"] }],
    });
    expect(nextMatchAt(solvedOnly, pending, "2026-03-06T15:00:00Z")).toBeNull();
    const window = parseRule({
      id: "y",
      when: {
        all: [
          { field: "created_at", op: "hours_since_gte", value: 1 },
          { not: { field: "created_at", op: "hours_since_gte", value: 2 } },
        ],
      },
      actions: [{ type: "add_tags", tags: ["y"] }],
    });
    expect(nextMatchAt(window, pending, "2026-03-02T10:30:00Z")).toEqual(at("2026-03-02T11:00:00Z"));
    expect(nextMatchAt(window, pending, "2026-03-02T11:30:00Z")).toEqual(at("2026-03-02T11:30:00Z"));
    expect(nextMatchAt(window, pending, "2026-03-02T12:00:00Z")).toBeNull();
  });
});
