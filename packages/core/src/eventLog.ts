import { ReplayError } from "./errors";
import type { TicketEvent, TicketEventOf } from "./events";
import { transition } from "./lifecycle";
import type { Ticket } from "./ticket";

/**
 * Applies one event to a ticket and returns the new ticket (the input is not changed). Pass `undefined`
 * with a `ticket.created` event to start one. Besides the explicit changes, two rules help desks share
 * are applied: a public customer message on a `pending` or `solved` ticket reopens it to `open`, and
 * assigning a `new` ticket makes it `open`. `merged` closes the ticket whatever its status.
 *
 * @param ticket - the current ticket, or `undefined` before its `ticket.created` event
 * @param event - an already-parsed event (use `parseTicketEvent` on untrusted input)
 * @returns the ticket after the event
 * @throws ReplayError (codes `EVENT_BEFORE_CREATED`, `DUPLICATE_CREATED`, `EVENT_WRONG_TICKET`,
 *   `EVENT_OUT_OF_ORDER`, `EVENT_INCONSISTENT`) when the event does not fit the ticket
 * @throws TransitionError (code `INVALID_TRANSITION`) when a status change breaks the lifecycle
 * @example
 * ```ts
 * let ticket = applyEvent(undefined, createdEvent);
 * ticket = applyEvent(ticket, { type: "status.changed", id: "e2", ticketId: ticket.id, at: new Date(), to: "open" });
 * ticket.status; //=> "open"
 * ```
 */
export function applyEvent(ticket: Ticket | undefined, event: TicketEvent): Ticket {
  if (ticket === undefined) {
    if (event.type !== "ticket.created") {
      throw new ReplayError(
        "EVENT_BEFORE_CREATED",
        `Event ${event.id} (${event.type}) comes before ticket ${event.ticketId} was created`,
        event.id,
      );
    }
    return created(event);
  }
  if (event.ticketId !== ticket.id) {
    throw new ReplayError(
      "EVENT_WRONG_TICKET",
      `Event ${event.id} belongs to ticket ${event.ticketId}, not to ticket ${ticket.id}`,
      event.id,
    );
  }
  if (event.type === "ticket.created") {
    throw new ReplayError(
      "DUPLICATE_CREATED",
      `Ticket ${ticket.id} is created twice (event ${event.id})`,
      event.id,
    );
  }
  if (event.at.getTime() < ticket.updatedAt.getTime()) {
    throw new ReplayError(
      "EVENT_OUT_OF_ORDER",
      `Event ${event.id} at ${event.at.toISOString()} is earlier than the ticket's last change at ${ticket.updatedAt.toISOString()}`,
      event.id,
    );
  }
  if (ticket.status === "closed" && event.type !== "rated" && event.type !== "status.changed") {
    throw new ReplayError(
      "EVENT_INCONSISTENT",
      `Ticket ${ticket.id} is closed and takes no more changes (event ${event.id}, ${event.type}); open a follow-up ticket`,
      event.id,
    );
  }
  const next = change(ticket, event);
  next.updatedAt = event.at;
  next.version = ticket.version + 1;
  return next;
}

function created(event: TicketEventOf<"ticket.created">): Ticket {
  const ticket: Ticket = {
    id: event.ticketId,
    subject: event.subject,
    status: event.status,
    priority: event.priority,
    channel: event.channel,
    requester: event.requester,
    assigneeId: event.assigneeId ?? null,
    groupId: event.groupId ?? null,
    tags: unique(event.tags ?? []),
    fields: { ...event.fields },
    messages: [],
    ratings: [],
    createdAt: event.at,
    updatedAt: event.at,
    statusChangedAt: event.at,
    reopenCount: 0,
    version: 1,
  };
  if (event.language !== undefined) ticket.language = event.language;
  return ticket;
}

function change(ticket: Ticket, event: Exclude<TicketEvent, { type: "ticket.created" }>): Ticket {
  switch (event.type) {
    case "message.added": {
      let next: Ticket = { ...ticket, messages: [...ticket.messages, event.message] };
      const fromCustomer = event.message.author.role === "customer" && event.message.visibility === "public";
      if (fromCustomer && (ticket.status === "pending" || ticket.status === "solved")) {
        next = transition(next, "open", event.at);
      }
      return next;
    }
    case "status.changed":
      expectFrom(event, "status", ticket.status, event.from);
      return transition(ticket, event.to, event.at);
    case "priority.changed":
      expectFrom(event, "priority", ticket.priority, event.from);
      return { ...ticket, priority: event.to };
    case "assigned": {
      let next: Ticket = { ...ticket, assigneeId: event.assigneeId };
      if (event.groupId !== undefined) next.groupId = event.groupId;
      if (ticket.status === "new" && event.assigneeId !== null) next = transition(next, "open", event.at);
      return next;
    }
    case "tags.changed": {
      const removed = new Set(event.removed);
      return { ...ticket, tags: unique([...ticket.tags.filter((tag) => !removed.has(tag)), ...event.added]) };
    }
    case "field.changed": {
      const fields = { ...ticket.fields };
      if (event.value === null) delete fields[event.field];
      else fields[event.field] = event.value;
      return { ...ticket, fields };
    }
    case "rated":
      return { ...ticket, ratings: [...ticket.ratings, event.rating] };
    case "merged": {
      const next: Ticket = {
        ...ticket,
        status: "closed",
        closedAt: event.at,
        statusChangedAt: event.at,
        mergedInto: event.into,
      };
      return next;
    }
  }
}

function expectFrom(event: TicketEvent, field: string, actual: string, claimed: string | undefined): void {
  if (claimed !== undefined && claimed !== actual) {
    throw new ReplayError(
      "EVENT_INCONSISTENT",
      `Event ${event.id} changes ${field} from "${claimed}", but the ticket's ${field} is "${actual}"`,
      event.id,
    );
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Rebuilds a ticket from its whole history. Deterministic: the same events give the same ticket.
 * Events must be in time order (equal instants keep their given order), start with `ticket.created`,
 * belong to one ticket and have unique ids.
 *
 * @param events - the ticket's events, oldest first, already parsed
 * @returns the ticket after the last event
 * @throws ReplayError (code `EMPTY_EVENT_LOG`, `DUPLICATE_EVENT` or any code of `applyEvent`)
 * @throws TransitionError (code `INVALID_TRANSITION`) when a status change breaks the lifecycle
 * @example
 * ```ts
 * const ticket = replay(parseTicketEvents(json));
 * ticket.version; //=> number of events
 * ```
 */
export function replay(events: readonly TicketEvent[]): Ticket {
  if (events.length === 0) throw new ReplayError("EMPTY_EVENT_LOG", "Cannot replay an empty event log");
  const seen = new Set<string>();
  let ticket: Ticket | undefined;
  for (const event of events) {
    if (seen.has(event.id)) {
      throw new ReplayError("DUPLICATE_EVENT", `Event ${event.id} appears twice in the log`, event.id);
    }
    seen.add(event.id);
    ticket = applyEvent(ticket, event);
  }
  return ticket as Ticket;
}
