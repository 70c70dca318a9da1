import { describe, expect, it } from "vitest";
import { TICKET_STATUSES, type TicketStatus } from "./enums";
import { TransitionError } from "./errors";
import { canTransition, explainTransition, isUnsolved, transition } from "./lifecycle";
import { parseTicket } from "./parse";

// The whole table, written out by hand: rows are `from`, columns `to` in TICKET_STATUSES order.
//            new    open   pending on_hold solved closed
const table: Record<TicketStatus, boolean[]> = {
  new: [false, true, true, true, true, false],
  open: [false, false, true, true, true, false],
  pending: [false, true, false, true, true, false],
  on_hold: [false, true, true, false, true, false],
  solved: [false, true, true, true, false, true],
  closed: [false, false, false, false, false, false],
};

const ticket = (status: TicketStatus) =>
  parseTicket({
    id: "t1",
    subject: "Refund",
    status,
    priority: "normal",
    channel: "chat",
    requester: { id: "c1" },
    createdAt: "2026-03-02T08:00:00Z",
    updatedAt: "2026-03-02T08:00:00Z",
  });

describe("canTransition", () => {
  for (const from of TICKET_STATUSES) {
    TICKET_STATUSES.forEach((to, column) => {
      const allowed = table[from][column];
      it(`${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
        if (allowed) {
          expect(transition(ticket(from), to, "2026-03-02T09:00:00Z").status).toBe(to);
        } else {
          expect(() => transition(ticket(from), to, "2026-03-02T09:00:00Z")).toThrow(TransitionError);
        }
      });
    });
  }

  it("refuses values that are not statuses", () => {
    expect(canTransition("open", "archived" as TicketStatus)).toBe(false);
    expect(explainTransition("open", "archived" as TicketStatus)).toBe('"archived" is not a ticket status');
  });
});

describe("transition", () => {
  it("says from, to and why when it refuses", () => {
    try {
      transition(ticket("closed"), "open", "2026-03-02T09:00:00Z");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionError);
      const transitionError = error as TransitionError;
      expect(transitionError.code).toBe("INVALID_TRANSITION");
      expect(transitionError.from).toBe("closed");
      expect(transitionError.to).toBe("open");
      expect(transitionError.reason).toBe("a closed ticket is final; open a follow-up ticket instead");
      expect(transitionError.message).toBe(
        'Cannot move a ticket from "closed" to "open": a closed ticket is final; open a follow-up ticket instead',
      );
    }
    expect(explainTransition("open", "closed")).toBe("only a solved ticket can be closed");
    expect(explainTransition("open", "new")).toBe("a ticket never returns to new");
    expect(explainTransition("open", "open")).toBe("the ticket is already open");
  });

  it("stamps solvedAt and closedAt, counts reopens and leaves the input alone", () => {
    const open = ticket("open");
    const solved = transition(open, "solved", "2026-03-02T10:00:00Z");
    expect(open.status).toBe("open");
    expect(solved.solvedAt).toEqual(new Date("2026-03-02T10:00:00Z"));
    expect(solved.updatedAt).toEqual(new Date("2026-03-02T10:00:00Z"));
    const reopened = transition(solved, "pending", "2026-03-03T10:00:00Z");
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.solvedAt).toBeUndefined();
    const closed = transition(transition(reopened, "solved", 1_772_600_000_000), "closed", 1_772_700_000_000);
    expect(closed.reopenCount).toBe(1);
    expect(closed.closedAt).toEqual(new Date(1_772_700_000_000));
  });

  it("rejects an instant that is not one", () => {
    expect(() => transition(ticket("open"), "solved", "tomorrow")).toThrow(/Invalid at: expected an instant/);
  });
});

describe("isUnsolved", () => {
  it("counts new, open, pending and on_hold as backlog", () => {
    expect(TICKET_STATUSES.filter(isUnsolved)).toEqual(["new", "open", "pending", "on_hold"]);
  });
});
