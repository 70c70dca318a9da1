import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { validEventLog } from "./_test/arbitraries";
import { TICKET_STATUSES } from "./enums";
import { applyEvent, replay } from "./eventLog";
import { isUnsolved } from "./lifecycle";
import { parseTicket, parseTicketEvents } from "./parse";
import type { Ticket } from "./ticket";

test.prop([validEventLog])("replaying the same log twice gives the same ticket", (events) => {
  expect(replay(events)).toEqual(replay(structuredClone(events)));
});

test.prop([validEventLog])("every prefix of a valid log replays to a valid ticket", (events) => {
  let ticket: Ticket | undefined;
  for (const event of events) {
    ticket = applyEvent(ticket, event);
    // A state the schema accepts, with invariants the schema cannot express.
    expect(parseTicket(JSON.parse(JSON.stringify(ticket)))).toEqual(ticket);
    expect(TICKET_STATUSES).toContain(ticket.status);
    expect(new Set(ticket.tags).size).toBe(ticket.tags.length);
    if (isUnsolved(ticket.status)) expect(ticket.solvedAt).toBeUndefined();
    if (ticket.status === "solved") expect(ticket.solvedAt).toBeInstanceOf(Date);
    if (ticket.status === "closed") expect(ticket.closedAt).toBeInstanceOf(Date);
    expect(ticket.updatedAt.getTime()).toBeGreaterThanOrEqual(ticket.createdAt.getTime());
  }
  expect(ticket?.version).toBe(events.length);
});

test.prop([validEventLog])("an event log survives JSON and parses back equal", (events) => {
  expect(parseTicketEvents(JSON.parse(JSON.stringify(events)))).toEqual(events);
});

test.prop([validEventLog, fc.nat()])("applying events one by one equals replaying them", (events, cut) => {
  const split = cut % events.length;
  const head = replay(events.slice(0, split + 1));
  const tail = events.slice(split + 1).reduce(applyEvent, head);
  expect(tail).toEqual(replay(events));
});
