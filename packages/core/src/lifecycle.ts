import type { TicketStatus } from "./enums";
import { TransitionError } from "./errors";
import { type InstantInput, toDate } from "./instant";
import type { Ticket } from "./ticket";

// The lifecycle: new → open → pending / on_hold → solved → closed; solved may reopen; closed is final.
const ALLOWED: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ["open", "pending", "on_hold", "solved"],
  open: ["pending", "on_hold", "solved"],
  pending: ["open", "on_hold", "solved"],
  on_hold: ["open", "pending", "solved"],
  solved: ["open", "pending", "on_hold", "closed"],
  closed: [],
};

/**
 * Every allowed move, as a table from status to the statuses it may go to.
 *
 * @example
 * ```ts
 * TICKET_TRANSITIONS.solved; //=> ["open", "pending", "on_hold", "closed"]
 * ```
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = ALLOWED;

/**
 * Whether the lifecycle allows a ticket to move from one status to another.
 *
 * @param from - current status
 * @param to - requested status
 * @returns `true` when `transition` would accept the move
 * @example
 * ```ts
 * canTransition("solved", "open"); //=> true (a reopen)
 * canTransition("closed", "open"); //=> false
 * ```
 */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from]?.includes(to) ?? false;
}

/**
 * Why the lifecycle refuses a move, or `undefined` when it allows it.
 *
 * @param from - current status
 * @param to - requested status
 * @returns the reason in plain words, or `undefined`
 * @example
 * ```ts
 * explainTransition("open", "closed"); //=> "only a solved ticket can be closed"
 * ```
 */
export function explainTransition(from: TicketStatus, to: TicketStatus): string | undefined {
  if (canTransition(from, to)) return undefined;
  if (!(from in ALLOWED)) return `"${from}" is not a ticket status`;
  if (!(to in ALLOWED)) return `"${to}" is not a ticket status`;
  if (from === to) return `the ticket is already ${from}`;
  if (from === "closed") return "a closed ticket is final; open a follow-up ticket instead";
  if (to === "new") return "a ticket never returns to new";
  if (to === "closed") return "only a solved ticket can be closed";
  return `the lifecycle has no move from ${from} to ${to}`;
}

/**
 * Moves a ticket to another status and returns the new ticket (the input is not changed).
 * Stamps `statusChangedAt`; entering `solved` stamps `solvedAt`; leaving it counts a reopen; entering
 * `closed` stamps `closedAt`.
 *
 * @param ticket - the ticket
 * @param to - the status to move to
 * @param at - when the move happens
 * @returns the updated ticket
 * @throws TransitionError (code `INVALID_TRANSITION`) with `from`, `to` and `reason` when the move is not allowed
 * @example
 * ```ts
 * const solved = transition(ticket, "solved", "2026-03-02T11:00:00Z");
 * solved.status; //=> "solved"
 * transition(closedTicket, "open", new Date()); // throws TransitionError
 * ```
 */
export function transition(ticket: Ticket, to: TicketStatus, at: InstantInput): Ticket {
  const reason = explainTransition(ticket.status, to);
  if (reason !== undefined) throw new TransitionError(ticket.status, to, reason);
  const when = toDate(at, "at");
  const next: Ticket = { ...ticket, status: to, updatedAt: when, statusChangedAt: when };
  if (to === "solved") next.solvedAt = when;
  if (to === "closed") next.closedAt = when;
  if (ticket.status === "solved" && to !== "closed") {
    next.reopenCount = ticket.reopenCount + 1;
    delete next.solvedAt;
  }
  return next;
}

/**
 * Whether a status counts as unsolved (backlog): `new`, `open`, `pending` or `on_hold`.
 *
 * @param status - a ticket status
 * @returns `true` for unsolved statuses
 * @example
 * ```ts
 * isUnsolved("pending"); //=> true
 * isUnsolved("solved"); //=> false
 * ```
 */
export function isUnsolved(status: TicketStatus): boolean {
  return status !== "solved" && status !== "closed";
}
