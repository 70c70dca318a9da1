import {
  parseTicketEvents,
  ReplayError,
  replay,
  type Ticket,
  TransitionError,
  ValidationError,
} from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { applyMacro, defineMacro } from "./applyMacro";

const history = parseTicketEvents([
  {
    type: "ticket.created",
    id: "e1",
    ticketId: "t-1042",
    at: "2026-03-02T08:15:00Z",
    subject: "Wo ist meine Bestellung?",
    channel: "email",
    requester: { id: "c-7", name: "Lena Vogel", locale: "de-AT", timeZone: "Europe/Vienna", tier: "vip" },
    tags: ["order"],
    fields: { orderNumber: "1042" },
  },
]);
const ticket: Ticket = replay(history);

const macro = defineMacro({
  id: "order-delay",
  title: "Order delayed",
  template: {
    id: "order-delay",
    defaultLocale: "en",
    variants: {
      en: {
        email: {
          subject: "Order {{ ticket.fields.orderNumber }}",
          html: "<p>Hi {{ customer.name }}, order {{ ticket.fields.orderNumber }} is late.</p>",
        },
        chat: "Order {{ ticket.fields.orderNumber }} is late ({{ ticket.status }}).",
      },
      de: {
        email: {
          subject: "Bestellung {{ ticket.fields.orderNumber }}",
          html: "<p>Hallo {{ customer.name }}, Bestellung {{ ticket.fields.orderNumber }} kommt am {{ eta | date: 'long' }}.</p>",
        },
      },
    },
  },
  actions: {
    priority: "high",
    addTags: ["delayed", "order"],
    removeTags: ["new"],
    assigneeId: "a-mia",
    groupId: "dach",
    status: "pending",
  },
});

describe("applyMacro", () => {
  test("actions become core events applied in order; the reply is in the customer's language", () => {
    const result = applyMacro(macro, ticket, {
      at: "2026-03-02T09:00:00Z",
      actor: { role: "agent", id: "a-mia" },
      data: { eta: "2026-03-04T23:30:00Z" },
    });
    expect(result.events.map((e) => e.type)).toEqual([
      "priority.changed",
      "tags.changed",
      "assigned",
      "status.changed",
    ]);
    expect(result.events.map((e) => e.id)).toEqual([
      "order-delay@t-1042#2",
      "order-delay@t-1042#3",
      "order-delay@t-1042#4",
      "order-delay@t-1042#5",
    ]);
    expect(result.ticket).toMatchObject({
      priority: "high",
      tags: ["order", "delayed"],
      assigneeId: "a-mia",
      groupId: "dach",
      status: "pending",
      version: 5,
    });
    // The same ticket comes out of replaying the log with the macro's events.
    expect(replay([...history, ...result.events])).toEqual(result.ticket);
    expect(result.reply?.locale).toBe("de");
    expect(result.reply?.subject).toBe("Bestellung 1042");
    // 23:30 UTC on March 4 is already March 5 in Vienna.
    expect(result.reply?.text).toBe("Hallo Lena Vogel, Bestellung 1042 kommt am 5. März 2026.");
  });

  test("no-op actions make no events; the reply sees the updated ticket", () => {
    const noop = defineMacro({
      id: "noop",
      template: { id: "n", defaultLocale: "en", variants: { en: { chat: "{{ ticket.status }}" } } },
      actions: { addTags: ["order"], priority: "normal" },
    });
    const result = applyMacro(noop, ticket, { at: "2026-03-02T09:00:00Z", channel: "chat" });
    expect(result.events).toEqual([]);
    expect(result.reply?.text).toBe("new");
    const chat = applyMacro(macro, ticket, { at: "2026-03-02T09:00:00Z", channel: "chat", locale: "en" });
    expect(chat.reply?.text).toBe("Order 1042 is late (pending).");
  });

  test("a macro without a template only changes the ticket", () => {
    const solve = defineMacro({ id: "solve", actions: { status: "solved" } });
    const result = applyMacro(solve, ticket, { at: "2026-03-02T09:00:00Z", eventId: (i) => `custom-${i}` });
    expect(result.reply).toBeNull();
    expect(result.events[0]?.id).toBe("custom-0");
    expect(result.ticket.status).toBe("solved");
  });

  test("the lifecycle is enforced by core", () => {
    const closed = applyMacro(defineMacro({ id: "c", actions: { status: "solved" } }), ticket, {
      at: "2026-03-02T09:00:00Z",
    });
    const closedTicket = applyMacro(defineMacro({ id: "c2", actions: { status: "closed" } }), closed.ticket, {
      at: "2026-03-02T09:01:00Z",
    }).ticket;
    expect(() =>
      applyMacro(defineMacro({ id: "r", actions: { status: "new" } }), closed.ticket, {
        at: "2026-03-02T09:02:00Z",
      }),
    ).toThrow(TransitionError);
    expect(() =>
      applyMacro(defineMacro({ id: "t", actions: { addTags: ["x"] } }), closedTicket, {
        at: "2026-03-02T09:03:00Z",
      }),
    ).toThrow(ReplayError);
  });

  test("a malformed macro is a ValidationError", () => {
    expect(() => defineMacro({ id: "", actions: {} })).toThrow(ValidationError);
    expect(() => defineMacro({ id: "x", actions: { status: "archived" as never } })).toThrow(ValidationError);
  });
});
