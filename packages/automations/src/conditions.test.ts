import { parseTicketEvent, replay, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { created, customerMessage, ticketFrom, weekdayClock } from "./_test/helpers";
import type { Condition } from "./conditions";
import { explain } from "./explain";
import { parseRule, parseRules } from "./rules";

const rule = (when: Condition) =>
  parseRule({ id: "r", when, actions: [{ type: "add_tags", tags: ["hit"] }] });

const base = ticketFrom([
  {
    type: "ticket.created",
    id: "e1",
    ticketId: "t1",
    at: "2026-03-02T10:00:00Z",
    subject: "Ｒｅｆｕｎｄ please",
    channel: "marketplace",
    priority: "high",
    requester: {
      id: "cust-1",
      locale: "ja-JP",
      timeZone: "Asia/Tokyo",
      tier: "vip",
      orderCount: 12,
      lifetimeValue: 980,
      attributes: { birthday: "1990-03-03", lastPurchaseAt: "2025-11-01T00:00:00Z", country: "JP" },
    },
    tags: ["order", "jp"],
    fields: { payment: "unpaid", amount: 42 },
    groupId: "apac",
  },
  {
    type: "message.added",
    id: "e2",
    ticketId: "t1",
    at: "2026-03-02T10:00:00Z",
    message: {
      id: "m1",
      author: { role: "customer", id: "cust-1" },
      visibility: "public",
      channel: "marketplace",
      body: "ＲＥＦＵＮＤ に ついて",
      createdAt: "2026-03-02T10:00:00Z",
    },
  },
]);

const at = (iso: string) => ({ now: iso });
const holds = (when: Condition, now = "2026-03-02T12:00:00Z") =>
  explain(rule(when), base, undefined, at(now)).matched;

describe("condition operators on ticket fields", () => {
  it.each<[string, Condition, boolean]>([
    ["is", { field: "priority", op: "is", value: "high" }, true],
    ["is (other)", { field: "priority", op: "is", value: "low" }, false],
    ["is_not", { field: "channel", op: "is_not", value: "email" }, true],
    ["in", { field: "status", op: "in", value: ["new", "open"] }, true],
    ["not_in", { field: "group", op: "not_in", value: ["apac"] }, false],
    ["gt", { field: "customer.orderCount", op: "gt", value: 10 }, true],
    ["gte", { field: "fields.amount", op: "gte", value: 42 }, true],
    ["lt", { field: "customer.lifetimeValue", op: "lt", value: 980 }, false],
    ["lte", { field: "customer.lifetimeValue", op: "lte", value: 980 }, true],
    ["gt on text is false", { field: "fields.payment", op: "gt", value: 1 }, false],
    ["present", { field: "customer.attributes.country", op: "present" }, true],
    ["blank (missing)", { field: "fields.tracking", op: "blank" }, true],
    ["blank (assignee null)", { field: "assignee", op: "blank" }, true],
    ["contains tag", { field: "tags", op: "contains", value: "jp" }, true],
    ["contains tag is whole-item", { field: "tags", op: "contains", value: "j" }, false],
    ["not_contains tag", { field: "tags", op: "not_contains", value: "refund" }, true],
    ["contains_any", { field: "tags", op: "contains_any", value: ["x", "order"] }, true],
    ["contains_all", { field: "tags", op: "contains_all", value: ["order", "jp"] }, true],
    ["contains_all (missing one)", { field: "tags", op: "contains_all", value: ["order", "vip"] }, false],
    ["contains_none", { field: "tags", op: "contains_none", value: ["vip"] }, true],
    ["text contains, NFKC + case", { field: "message.text", op: "contains", value: "refund" }, true],
    ["subject contains full-width", { field: "subject", op: "contains", value: "REFUND" }, true],
    ["text contains_any", { field: "message.text", op: "contains_any", value: ["返金", "ついて"] }, true],
    ["customer attribute", { field: "customer.attributes.country", op: "is", value: "JP" }, true],
    ["customer tier", { field: "customer.tier", op: "is", value: "vip" }, true],
    ["event.type without event", { field: "event.type", op: "is", value: "ticket.created" }, false],
  ])("%s", (_name, when, expected) => {
    expect(holds(when)).toBe(expected);
  });

  it("all / any / not nest", () => {
    expect(
      holds({
        all: [
          {
            any: [
              { field: "priority", op: "is", value: "urgent" },
              { field: "customer.tier", op: "is", value: "vip" },
            ],
          },
          { not: { field: "tags", op: "contains", value: "spam" } },
        ],
      }),
    ).toBe(true);
  });

  it("hours_since in calendar and business hours", () => {
    // created Monday 2 March 10:00 UTC
    expect(holds({ field: "created_at", op: "hours_since_gte", value: 2 }, "2026-03-02T12:00:00Z")).toBe(
      true,
    );
    expect(holds({ field: "created_at", op: "hours_since_gte", value: 2 }, "2026-03-02T11:59:59.999Z")).toBe(
      false,
    );
    expect(holds({ field: "created_at", op: "hours_since_lt", value: 2 }, "2026-03-02T11:59:59.999Z")).toBe(
      true,
    );
    expect(holds({ field: "created_at", op: "hours_since_gte", value: 0.25 }, "2026-03-02T10:15:00Z")).toBe(
      true,
    );
    expect(
      holds({ field: "customer.attributes.lastPurchaseAt", op: "hours_since_gte", value: 90 * 24 }),
    ).toBe(true);
    expect(holds({ field: "solved_at", op: "hours_since_gte", value: 0 })).toBe(false);
    const business: Condition = { field: "created_at", op: "hours_since_gte", value: 8, business: true };
    const options = { clock: weekdayClock };
    // 10:00 Mon + 8 business hours = Tue 10:00 (Mon 7h to 17:00, Tue 1h from 09:00)
    expect(
      explain(rule(business), base, undefined, { ...options, now: "2026-03-03T09:59:59Z" }).matched,
    ).toBe(false);
    expect(
      explain(rule(business), base, undefined, { ...options, now: "2026-03-03T10:00:00Z" }).matched,
    ).toBe(true);
    expect(() => explain(rule(business), base, undefined, { now: "2026-03-03T10:00:00Z" })).toThrow(
      /no clock was given/,
    );
  });

  it("anniversary uses the customer's zone and keeps 29 February", () => {
    const birthday: Condition = { field: "customer.attributes.birthday", op: "anniversary" };
    // 2 March 15:00 UTC is already 3 March in Tokyo
    expect(holds(birthday, "2026-03-02T15:00:00Z")).toBe(true);
    expect(holds(birthday, "2026-03-02T14:59:59Z")).toBe(false);
    const leap = ticketFrom([
      {
        type: "ticket.created",
        id: "e1",
        ticketId: "t2",
        at: "2026-02-01T00:00:00Z",
        subject: "x",
        channel: "email",
        requester: { id: "c", attributes: { birthday: "2000-02-29" } },
      },
    ]);
    expect(explain(rule(birthday), leap, undefined, { now: "2026-02-28T12:00:00Z" }).matched).toBe(true);
    expect(explain(rule(birthday), leap, undefined, { now: "2028-02-28T12:00:00Z" }).matched).toBe(false);
    expect(explain(rule(birthday), leap, undefined, { now: "2028-02-29T12:00:00Z" }).matched).toBe(true);
  });

  it("changed, changed_to, changed_from compare with the ticket before the update", () => {
    const before = replay([created()]);
    const solve = parseTicketEvent({
      type: "status.changed",
      id: "s",
      ticketId: "t1",
      at: "2026-03-02T11:00:00Z",
      to: "solved",
    });
    const check = (when: Condition) => explain(rule(when), before, solve).matched;
    expect(check({ field: "status", op: "changed" })).toBe(true);
    expect(check({ field: "status", op: "changed_to", value: "solved" })).toBe(true);
    expect(check({ field: "status", op: "changed_from", value: "new" })).toBe(true);
    expect(check({ field: "status", op: "changed_from", value: "open" })).toBe(false);
    expect(check({ field: "priority", op: "changed" })).toBe(false);
    expect(check({ field: "priority", op: "not_changed" })).toBe(true);
    expect(check({ field: "event.type", op: "is", value: "status.changed" })).toBe(true);
    const tag = parseTicketEvent({
      type: "tags.changed",
      id: "g",
      ticketId: "t1",
      at: "2026-03-02T11:00:00Z",
      added: ["refund"],
      removed: [],
    });
    expect(explain(rule({ field: "tags", op: "changed_to", value: "refund" }), before, tag).matched).toBe(
      true,
    );
    expect(explain(rule({ field: "tags", op: "changed_from", value: "refund" }), before, tag).matched).toBe(
      false,
    );
    // On creation nothing has "changed".
    expect(explain(rule({ field: "status", op: "changed" }), undefined, created()).matched).toBe(false);
  });

  it("message fields read the triggering message", () => {
    const before = replay([created()]);
    const message = customerMessage("m", "2026-03-02T11:00:00Z", "Paket beschädigt");
    const check = (when: Condition) => explain(rule(when), before, message).matched;
    expect(check({ field: "message.author", op: "is", value: "customer" })).toBe(true);
    expect(check({ field: "message.visibility", op: "is", value: "public" })).toBe(true);
    expect(check({ field: "message.text", op: "contains", value: "BESCHÄDIGT" })).toBe(true);
  });

  it("explains each leaf with the value it saw", () => {
    const why = explain(
      rule({
        all: [
          { field: "customer.tier", op: "is", value: "standard" },
          { field: "created_at", op: "hours_since_gte", value: 1 },
        ],
      }),
      base,
      undefined,
      at("2026-03-02T13:00:00Z"),
    );
    expect(why.matched).toBe(false);
    expect(why.conditions).toMatchObject({
      kind: "all",
      result: false,
      children: [
        { kind: "leaf", result: false, actual: "vip" },
        { kind: "leaf", result: true, actual: "2026-03-02T10:00:00.000Z", elapsedHours: 3 },
      ],
    });
  });
});

describe("rule validation names the field", () => {
  const issues = (input: unknown) => {
    try {
      parseRules(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return [];
  };

  it("reports nested paths, bad operators and bad values", () => {
    expect(
      issues([
        {
          id: "a",
          when: { all: [{ field: "status", op: "equals", value: "x" }] },
          actions: [{ type: "add_tags", tags: ["x"] }],
        },
      ])[0],
    ).toMatch(/^0\.when\.all\.0\.op: /);
    expect(
      issues([
        {
          id: "a",
          when: { field: "tags", op: "contains_any", value: "x" },
          actions: [{ type: "add_tags", tags: ["x"] }],
        },
      ]),
    ).toEqual(['0.when.value: "contains_any" needs a list of values']);
    expect(
      issues([
        {
          id: "a",
          when: { field: "created_at", op: "hours_since_gte", value: -1 },
          actions: [{ type: "add_tags", tags: ["x"] }],
        },
      ]),
    ).toEqual(['0.when.value: "hours_since_gte" needs a non-negative number']);
    expect(
      issues([
        {
          id: "a",
          when: { field: "fields.__proto__", op: "present" },
          actions: [{ type: "add_tags", tags: ["x"] }],
        },
      ])[0],
    ).toMatch(/0\.when\.field: /);
    expect(
      issues([
        {
          id: "a",
          when: { field: "ticket.constructor.constructor", op: "present" },
          actions: [{ type: "add_tags", tags: ["x"] }],
        },
      ])[0],
    ).toMatch(/unknown field/);
    expect(
      issues([
        { id: "a", when: { field: "status", op: "is", value: "new" }, actions: [{ type: "launch_rocket" }] },
      ])[0],
    ).toMatch(/^0\.actions\.0\.type: /);
    expect(issues([{ id: "a", when: { field: "status", op: "is", value: "new" }, actions: [] }])).toEqual([
      "0.actions: a rule needs at least one action",
    ]);
    const valid = {
      when: { field: "status", op: "is", value: "new" },
      actions: [{ type: "add_tags", tags: ["x"] }],
    };
    expect(
      issues([
        { id: "a", ...valid },
        { id: "a", ...valid },
      ]),
    ).toEqual(['1.id: rule id "a" is used twice']);
    expect(issues([{ id: "a", ...valid, business: true }])[0]).toMatch(/unknown field "business"/);
  });
});
