import { parseTicketEvent, replay, type Ticket } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { created, customerMessage, echoRenderer } from "./_test/helpers";
import { AutomationError } from "./errors";
import { dryRun } from "./explain";
import { parseRules } from "./rules";
import { runTriggers } from "./triggers";

const triggers = parseRules([
  {
    id: "vip-priority",
    when: {
      all: [
        { field: "event.type", op: "is", value: "ticket.created" },
        { field: "customer.tier", op: "is", value: "vip" },
      ],
    },
    actions: [
      { type: "set_priority", priority: "high" },
      { type: "add_tags", tags: ["vip"] },
    ],
  },
  {
    id: "high-to-escalations",
    when: { field: "priority", op: "in", value: ["high", "urgent"] },
    actions: [{ type: "set_group", group: "escalations" }],
  },
  {
    id: "german-group",
    when: {
      all: [
        { field: "event.type", op: "is", value: "ticket.created" },
        { field: "customer.locale", op: "is", value: "de-DE" },
      ],
    },
    actions: [
      { type: "set_group", group: "dach" },
      { type: "add_note", body: "Routed to DACH" },
    ],
  },
]);

const vip = created({ requester: { id: "cust-1", locale: "de-DE", timeZone: "Europe/Berlin", tier: "vip" } });

describe("runTriggers", () => {
  it("runs in order, restarts after a change, fires each rule at most once", () => {
    const result = runTriggers(triggers, undefined, vip);
    // vip-priority makes the ticket high → high-to-escalations matches; german-group then moves it to dach.
    expect(result.fired).toEqual(["vip-priority", "high-to-escalations", "german-group"]);
    expect(result.ticket.priority).toBe("high");
    expect(result.ticket.groupId).toBe("dach");
    expect(result.ticket.tags).toEqual(["vip"]);
    expect(result.events.map((event) => event.type)).toEqual([
      "priority.changed",
      "tags.changed",
      "assigned",
      "assigned",
      "message.added",
    ]);
    expect(result.events[0]).toMatchObject({
      id: "c1:vip-priority:1",
      at: vip.at,
      actor: { role: "system", id: "rule:vip-priority" },
    });
    expect(result.ticket.messages.at(-1)).toMatchObject({ visibility: "internal", body: "Routed to DACH" });
  });

  it("an earlier rule sees a later rule's change", () => {
    const rules = parseRules([
      {
        id: "needs-tag",
        when: { field: "tags", op: "contains", value: "refund" },
        actions: [{ type: "set_group", group: "refunds" }],
      },
      {
        id: "tagger",
        when: { field: "message.text", op: "contains", value: "refund" },
        actions: [{ type: "add_tags", tags: ["refund"] }],
      },
    ]);
    const before = replay([created()]);
    const result = runTriggers(
      rules,
      before,
      customerMessage("m1", "2026-03-02T10:05:00Z", "I want a REFUND"),
    );
    expect(result.fired).toEqual(["tagger", "needs-tag"]);
    expect(result.ticket.groupId).toBe("refunds");
  });

  it("reports rules that undo each other, and still ends", () => {
    const rules = parseRules([
      {
        id: "park",
        when: { field: "status", op: "is", value: "open" },
        actions: [{ type: "set_status", status: "pending" }],
      },
      {
        id: "wake",
        when: { field: "status", op: "is", value: "pending" },
        actions: [{ type: "set_status", status: "open" }],
      },
    ]);
    const before = replay([created({ status: "open" })]);
    const result = runTriggers(rules, before, customerMessage("m1", "2026-03-02T10:05:00Z", "hello"));
    expect(result.fired).toEqual(["park", "wake"]);
    expect(result.ticket.status).toBe("open");
    expect(result.loops).toEqual([
      { field: "status", values: ["open", "pending", "open"], ruleIds: ["park", "wake"] },
    ]);
  });

  it("skips an action the lifecycle forbids and says why", () => {
    const rules = parseRules([
      {
        id: "close-now",
        when: { field: "status", op: "is", value: "open" },
        actions: [{ type: "set_status", status: "closed" }],
      },
    ]);
    const result = runTriggers(
      rules,
      replay([created({ status: "open" })]),
      customerMessage("m1", "2026-03-02T10:05:00Z", "x"),
    );
    expect(result.events).toEqual([]);
    expect(result.skipped).toEqual([
      {
        ruleId: "close-now",
        action: { type: "set_status", status: "closed" },
        reason: "only a solved ticket can be closed",
      },
    ]);
  });

  it("turns every action into events or commands", () => {
    const rules = parseRules([
      {
        id: "all-actions",
        when: { field: "event.type", op: "is", value: "ticket.created" },
        actions: [
          { type: "set_status", status: "open" },
          { type: "set_priority", priority: "urgent" },
          { type: "set_group", group: "g1" },
          { type: "set_assignee", assignee: "a1" },
          { type: "add_tags", tags: ["a", "b"] },
          { type: "remove_tags", tags: ["a"] },
          { type: "set_tags", tags: ["c"] },
          { type: "set_field", field: "carrier", value: "DHL" },
          { type: "add_note", body: "note" },
          { type: "send_reply", template: "welcome", data: { code: "X1" } },
          { type: "apply_sla_policy", policy: "vip-sla" },
          {
            type: "create_ticket",
            subject: "Check carrier",
            group: "logistics",
            tags: ["carrier"],
            template: "carrier_check",
          },
          { type: "webhook", name: "crm.sync", payload: { source: "supportkit" } },
        ],
      },
    ]);
    const result = runTriggers(rules, undefined, created(), { renderer: echoRenderer });
    expect(result.events.map((event) => event.type)).toEqual([
      "status.changed",
      "priority.changed",
      "assigned",
      "assigned",
      "tags.changed",
      "tags.changed",
      "tags.changed",
      "field.changed",
      "message.added",
      "message.added",
    ]);
    expect(result.ticket).toMatchObject({
      status: "open",
      priority: "urgent",
      groupId: "g1",
      assigneeId: "a1",
      tags: ["c"],
      fields: { carrier: "DHL" },
    });
    const reply = result.ticket.messages.at(-1);
    expect(reply).toMatchObject({ visibility: "public", author: { role: "system" }, language: "de-DE" });
    expect(result.commands).toEqual([
      {
        type: "send_reply",
        ticketId: "t1",
        ruleId: "all-actions",
        template: "welcome",
        channel: "email",
        locale: "de-DE",
        subject: "[welcome]",
        body: 'welcome|de-DE|{"code":"X1"}',
      },
      { type: "apply_sla_policy", ticketId: "t1", ruleId: "all-actions", policy: "vip-sla" },
      {
        type: "create_ticket",
        sourceTicketId: "t1",
        ruleId: "all-actions",
        requesterId: "cust-1",
        subject: "Check carrier",
        priority: undefined,
        group: "logistics",
        tags: ["carrier"],
        body: "carrier_check|de-DE|{}",
      },
      {
        type: "webhook",
        ticketId: "t1",
        ruleId: "all-actions",
        name: "crm.sync",
        payload: { source: "supportkit" },
      },
    ]);
  });

  it("no-op actions produce no events", () => {
    const rules = parseRules([
      {
        id: "same",
        when: { field: "event.type", op: "is", value: "ticket.created" },
        actions: [
          { type: "set_priority", priority: "normal" },
          { type: "set_status", status: "new" },
          { type: "remove_tags", tags: ["absent"] },
          { type: "set_group", group: null },
        ],
      },
    ]);
    expect(runTriggers(rules, undefined, created()).events).toEqual([]);
  });

  it("a reply without a renderer is a typed error", () => {
    const rules = parseRules([
      {
        id: "auto-reply",
        when: { field: "event.type", op: "is", value: "ticket.created" },
        actions: [{ type: "send_reply", template: "ack" }],
      },
    ]);
    expect(() => runTriggers(rules, undefined, created())).toThrow(AutomationError);
    try {
      runTriggers(rules, undefined, created());
    } catch (error) {
      expect((error as AutomationError).code).toBe("RENDERER_MISSING");
    }
  });

  it("disabled rules never fire; rules needing an event type skip other updates", () => {
    const rules = parseRules([
      {
        id: "off",
        enabled: false,
        when: { field: "status", op: "is", value: "new" },
        actions: [{ type: "add_tags", tags: ["x"] }],
      },
      {
        id: "on-solve",
        when: { field: "status", op: "changed_to", value: "solved" },
        actions: [{ type: "add_tags", tags: ["solved-once"] }],
      },
    ]);
    const ticket: Ticket = replay([created({ status: "open" })]);
    expect(runTriggers(rules, ticket, customerMessage("m", "2026-03-02T10:01:00Z", "hi")).fired).toEqual([]);
    const solve = parseTicketEvent({
      type: "status.changed",
      id: "s",
      ticketId: "t1",
      at: "2026-03-02T11:00:00Z",
      to: "solved",
    });
    expect(runTriggers(rules, ticket, solve).fired).toEqual(["on-solve"]);
  });

  it("a status change made by a trigger satisfies another trigger's changed_to", () => {
    const rules = parseRules([
      {
        id: "solve-spam",
        when: { field: "subject", op: "contains", value: "casino" },
        actions: [{ type: "set_status", status: "solved" }],
      },
      {
        id: "tag-solved",
        when: { field: "status", op: "changed_to", value: "solved" },
        actions: [{ type: "add_tags", tags: ["auto-solved"] }],
      },
    ]);
    const result = runTriggers(rules, undefined, created({ subject: "Free CASINO bonus" }));
    expect(result.fired).toEqual(["solve-spam"]);
    // changed_to compares with the ticket before the update; a created ticket has no "before".
    const before = replay([created({ status: "open" })]);
    const spam = customerMessage("m", "2026-03-02T10:01:00Z", "casino");
    const later = runTriggers(
      parseRules([
        {
          id: "solve-spam",
          when: { field: "message.text", op: "contains", value: "casino" },
          actions: [{ type: "set_status", status: "solved" }],
        },
        {
          id: "tag-solved",
          when: { field: "status", op: "changed_to", value: "solved" },
          actions: [{ type: "add_tags", tags: ["auto-solved"] }],
        },
      ]),
      before,
      spam,
    );
    expect(later.fired).toEqual(["solve-spam", "tag-solved"]);
  });

  it("dryRun explains every rule", () => {
    const preview = dryRun(triggers, undefined, created());
    expect(preview.fired).toEqual(["german-group"]);
    expect(preview.explanations.map((explanation) => [explanation.ruleId, explanation.matched])).toEqual([
      ["vip-priority", false],
      ["high-to-escalations", false],
      ["german-group", true],
    ]);
  });
});
