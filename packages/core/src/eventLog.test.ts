import { describe, expect, it } from "vitest";
import { lateParcel } from "./_test/fixtures";
import { ReplayError, TransitionError } from "./errors";
import { applyEvent, replay } from "./eventLog";
import type { TicketEvent } from "./events";
import { parseTicketEvent } from "./parse";

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ReplayError || error instanceof TransitionError ? error.code : "untyped";
  }
  return undefined;
};

describe("replay", () => {
  it("rebuilds the ticket from its history", () => {
    const ticket = replay(lateParcel);
    expect(ticket).toMatchObject({
      id: "t-1042",
      status: "closed",
      priority: "high",
      assigneeId: "a-mia",
      groupId: "dach",
      tags: ["order", "delivery_delay"],
      fields: { orderNumber: "1042", carrier: "DHL" },
      reopenCount: 1,
      version: lateParcel.length,
      ratings: [{ kind: "csat", score: 4 }],
    });
    expect(ticket.messages.map((message) => message.id)).toEqual(["m1", "m2", "m3", "m4"]);
    expect(ticket.createdAt).toEqual(new Date("2026-03-02T08:15:00Z"));
    expect(ticket.updatedAt).toEqual(new Date("2026-03-09T10:00:00Z"));
    expect(ticket.closedAt).toEqual(new Date("2026-03-09T10:00:00Z"));
    expect(ticket.solvedAt).toEqual(new Date("2026-03-04T10:00:00Z"));
    expect(ticket.statusChangedAt).toEqual(new Date("2026-03-09T10:00:00Z"));
    expect(replay(lateParcel.slice(0, 2)).statusChangedAt).toEqual(new Date("2026-03-02T08:15:00Z"));
    expect(replay(lateParcel.slice(0, 8)).statusChangedAt).toEqual(new Date("2026-03-04T07:30:00Z"));
  });

  it("opens a new ticket when it is assigned and reopens on a customer reply", () => {
    const afterAssign = replay(lateParcel.slice(0, 3));
    expect(afterAssign.status).toBe("open");
    const afterCustomerReply = replay(lateParcel.slice(0, 8));
    expect(afterCustomerReply.status).toBe("open");
    expect(afterCustomerReply.reopenCount).toBe(1);
  });

  it("does not reopen on internal notes or agent replies", () => {
    const pending = replay(lateParcel.slice(0, 6));
    expect(pending.status).toBe("pending");
    const note = parseTicketEvent({
      type: "message.added",
      id: "n1",
      ticketId: "t-1042",
      at: "2026-03-02T10:00:00Z",
      message: {
        id: "mn",
        author: { role: "customer", id: "c-7" },
        visibility: "internal",
        channel: "email",
        body: "forwarded",
        createdAt: "2026-03-02T10:00:00Z",
      },
    });
    expect(applyEvent(pending, note).status).toBe("pending");
  });

  it("merging closes the ticket from any status", () => {
    const open = replay(lateParcel.slice(0, 3));
    const merged = applyEvent(
      open,
      parseTicketEvent({
        type: "merged",
        id: "x",
        ticketId: "t-1042",
        at: "2026-03-02T10:00:00Z",
        into: "t-9",
      }),
    );
    expect(merged).toMatchObject({ status: "closed", mergedInto: "t-9" });
  });

  it("is deterministic", () => {
    expect(replay(lateParcel)).toEqual(replay(structuredClone(lateParcel)));
  });

  it("refuses logs that do not fit", () => {
    const [created, ...rest] = lateParcel as [TicketEvent, ...TicketEvent[]];
    expect(codeOf(() => replay([]))).toBe("EMPTY_EVENT_LOG");
    expect(codeOf(() => replay(rest))).toBe("EVENT_BEFORE_CREATED");
    expect(codeOf(() => replay([created, created]))).toBe("DUPLICATE_EVENT");
    expect(codeOf(() => replay([created, { ...created, id: "again" }]))).toBe("DUPLICATE_CREATED");
    expect(codeOf(() => replay([created, { ...lateParcel[2]!, ticketId: "other" } as TicketEvent]))).toBe(
      "EVENT_WRONG_TICKET",
    );
    expect(codeOf(() => replay([created, lateParcel[6]!, lateParcel[2]!]))).toBe("EVENT_INCONSISTENT");
    const late = lateParcel.slice(0, 5);
    expect(
      codeOf(() =>
        replay([...late, { ...lateParcel[2]!, id: "early", at: new Date("2026-03-01T00:00:00Z") }]),
      ),
    ).toBe("EVENT_OUT_OF_ORDER");
    expect(
      codeOf(() =>
        replay([
          ...lateParcel,
          { ...lateParcel[4]!, id: "after-close", at: new Date("2026-03-10T00:00:00Z") },
        ]),
      ),
    ).toBe("EVENT_INCONSISTENT");
    expect(
      codeOf(() =>
        replay([
          ...lateParcel,
          {
            type: "status.changed",
            id: "zz",
            ticketId: "t-1042",
            at: new Date("2026-03-10T00:00:00Z"),
            to: "open",
          },
        ]),
      ),
    ).toBe("INVALID_TRANSITION");
  });

  it("names the offending event in the error", () => {
    const [created] = lateParcel as [TicketEvent];
    try {
      replay([created, { ...created, id: "e-dup" }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReplayError);
      expect((error as ReplayError).eventId).toBe("e-dup");
      expect((error as ReplayError).message).toBe("Ticket t-1042 is created twice (event e-dup)");
    }
  });

  it("accepts a rating after close", () => {
    const rated = applyEvent(
      replay(lateParcel),
      parseTicketEvent({
        type: "rated",
        id: "late-rating",
        ticketId: "t-1042",
        at: "2026-03-10T00:00:00Z",
        rating: { kind: "nps", score: 10 },
      }),
    );
    expect(rated.ratings).toHaveLength(2);
  });
});
