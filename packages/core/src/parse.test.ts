import { describe, expect, it } from "vitest";
import { lateParcel, lateParcelInput } from "./_test/fixtures";
import { ValidationError } from "./errors";
import { replay } from "./eventLog";
import {
  parseAgent,
  parseCustomer,
  parseMessage,
  parseSatisfactionRating,
  parseTicket,
  parseTicketEvent,
  parseTicketEvents,
  safeParseTicket,
  safeParseTicketEvent,
} from "./parse";

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error("expected a ValidationError");
}

const validTicket = {
  id: "t1",
  subject: "Refund",
  status: "open",
  priority: "high",
  channel: "marketplace",
  requester: { id: "c1", locale: "zh-Hant-HK", timeZone: "Asia/Hong_Kong" },
  createdAt: "2026-03-02T08:00:00+08:00",
  updatedAt: "2026-03-02T08:00:00+08:00",
};

const validMessage = {
  id: "m1",
  author: { role: "customer", id: "c1" },
  visibility: "public",
  channel: "chat",
  body: "Hallo",
  createdAt: "2026-03-02T08:00:00Z",
};

describe("parsers name the failing field", () => {
  it("ticket: wrong types, unknown enum values, missing and extra fields, invalid dates", () => {
    expect(issuesOf(() => parseTicket({ ...validTicket, subject: 42 }))).toEqual([
      { path: "subject", message: "Invalid input: expected string, received number" },
    ]);
    expect(issuesOf(() => parseTicket({ ...validTicket, status: "archived" }))[0]?.path).toBe("status");
    expect(issuesOf(() => parseTicket({ ...validTicket, priority: "critical" }))[0]?.message).toMatch(
      /"low"\|"normal"\|"high"\|"urgent"/,
    );
    const { id: _id, ...withoutId } = validTicket;
    expect(issuesOf(() => parseTicket(withoutId))).toEqual([{ path: "id", message: "is required" }]);
    expect(issuesOf(() => parseTicket({ ...validTicket, color: "red" }))).toEqual([
      { path: "", message: 'unknown field "color"' },
    ]);
    expect(issuesOf(() => parseTicket({ ...validTicket, createdAt: "2026-02-30T08:00:00Z" }))[0]?.path).toBe(
      "createdAt",
    );
    expect(issuesOf(() => parseTicket({ ...validTicket, createdAt: "2026-03-02 08:00" }))[0]?.path).toBe(
      "createdAt",
    );
    expect(issuesOf(() => parseTicket({ ...validTicket, createdAt: "2026-03-02T08:00:00" }))[0]?.path).toBe(
      "createdAt",
    );
    expect(issuesOf(() => parseTicket({ ...validTicket, createdAt: new Date(Number.NaN) }))[0]?.path).toBe(
      "createdAt",
    );
    expect(
      issuesOf(() => parseTicket({ ...validTicket, requester: { id: "c1", timeZone: "Mars/Olympus" } })),
    ).toEqual([{ path: "requester.timeZone", message: "unknown IANA time zone (e.g. Asia/Shanghai)" }]);
    expect(
      issuesOf(() => parseTicket({ ...validTicket, requester: { id: "c1", locale: "not a locale" } }))[0]
        ?.path,
    ).toBe("requester.locale");
  });

  it("the error message lists every problem with its path", () => {
    try {
      parseTicket({ ...validTicket, status: "archived", channel: "fax" });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).code).toBe("VALIDATION");
      expect((error as ValidationError).subject).toBe("ticket");
      expect((error as Error).message).toMatch(/^Invalid ticket: status: .*; channel: /);
    }
  });

  it("refuses prototype keys everywhere", () => {
    const withProto = JSON.parse('{"id":"c1","__proto__":{"polluted":true}}');
    expect(issuesOf(() => parseCustomer(withProto))).toEqual([
      { path: "", message: 'unknown field "__proto__"' },
    ]);
    const attributes = JSON.parse('{"id":"c1","attributes":{"__proto__":{"admin":true}}}');
    expect(issuesOf(() => parseCustomer(attributes))[0]?.path).toBe("attributes.__proto__");
    expect(issuesOf(() => parseTicket({ ...validTicket, fields: { constructor: "x" } }))[0]?.path).toBe(
      "fields.constructor",
    );
    expect(
      issuesOf(() =>
        parseTicketEvent({
          type: "field.changed",
          id: "e",
          ticketId: "t",
          at: 0,
          field: "__proto__",
          value: 1,
        }),
      )[0]?.path,
    ).toBe("field");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("message: visibility, author role, body size", () => {
    expect(parseMessage(validMessage).createdAt).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(issuesOf(() => parseMessage({ ...validMessage, visibility: "secret" }))[0]?.path).toBe(
      "visibility",
    );
    expect(issuesOf(() => parseMessage({ ...validMessage, author: { role: "robot" } }))[0]?.path).toBe(
      "author.role",
    );
    expect(issuesOf(() => parseMessage({ ...validMessage, body: undefined }))).toEqual([
      { path: "body", message: "is required" },
    ]);
    expect(issuesOf(() => parseMessage({ ...validMessage, body: "x".repeat(1_000_001) }))[0]?.path).toBe(
      "body",
    );
  });

  it("customer: email, phone, currency, counts", () => {
    expect(
      parseCustomer({ id: "c1", orderCount: 3, lifetimeValue: 420.5, currency: "EUR", tier: "vip" }),
    ).toEqual({
      id: "c1",
      orderCount: 3,
      lifetimeValue: 420.5,
      currency: "EUR",
      tier: "vip",
    });
    expect(issuesOf(() => parseCustomer({ id: "c1", email: "nope" }))[0]?.path).toBe("email");
    expect(issuesOf(() => parseCustomer({ id: "c1", currency: "euro" }))[0]?.path).toBe("currency");
    expect(issuesOf(() => parseCustomer({ id: "c1", orderCount: -1 }))[0]?.path).toBe("orderCount");
    expect(issuesOf(() => parseCustomer({ id: "c1", orderCount: 1.5 }))[0]?.path).toBe("orderCount");
    expect(issuesOf(() => parseCustomer({ id: "" }))[0]).toEqual({
      path: "id",
      message: "must not be empty",
    });
  });

  it("agent: defaults, skill levels, capacity, duplicate skills", () => {
    expect(parseAgent({ id: "a1", name: "Mia" })).toEqual({
      id: "a1",
      name: "Mia",
      skills: [],
      languages: [],
      capacity: {},
      presence: "offline",
      groups: [],
    });
    expect(
      issuesOf(() => parseAgent({ id: "a1", name: "Mia", skills: [{ name: "refunds", level: 11 }] }))[0]
        ?.path,
    ).toBe("skills.0.level");
    expect(
      issuesOf(() => parseAgent({ id: "a1", name: "Mia", skills: [{ name: "refunds", level: 0 }] }))[0]?.path,
    ).toBe("skills.0.level");
    expect(issuesOf(() => parseAgent({ id: "a1", name: "Mia", capacity: { chat: -1 } }))[0]?.path).toBe(
      "capacity.chat",
    );
    expect(issuesOf(() => parseAgent({ id: "a1", name: "Mia", capacity: { fax: 1 } }))[0]?.message).toBe(
      'unknown field "fax"',
    );
    expect(issuesOf(() => parseAgent({ id: "a1", name: "Mia", presence: "asleep" }))[0]?.path).toBe(
      "presence",
    );
    expect(
      issuesOf(() =>
        parseAgent({
          id: "a1",
          name: "Mia",
          skills: [
            { name: "refunds", level: 3 },
            { name: "refunds", level: 5 },
          ],
        }),
      ),
    ).toEqual([{ path: "skills.1.name", message: 'skill "refunds" is listed twice' }]);
  });

  it("ratings: CSAT 1-5, NPS 0-10, CES 1-7, integers only", () => {
    expect(parseSatisfactionRating({ kind: "nps", score: 0 }).score).toBe(0);
    expect(issuesOf(() => parseSatisfactionRating({ kind: "csat", score: 0 }))).toEqual([
      { path: "score", message: "must be at least 1" },
    ]);
    expect(issuesOf(() => parseSatisfactionRating({ kind: "csat", score: 6 }))[0]?.message).toBe(
      "must be at most 5",
    );
    expect(issuesOf(() => parseSatisfactionRating({ kind: "nps", score: 11 }))[0]?.message).toBe(
      "must be at most 10",
    );
    expect(issuesOf(() => parseSatisfactionRating({ kind: "ces", score: 8 }))[0]?.message).toBe(
      "must be at most 7",
    );
    expect(issuesOf(() => parseSatisfactionRating({ kind: "ces", score: 4.5 }))[0]?.message).toBe(
      "must be a whole number",
    );
    expect(issuesOf(() => parseSatisfactionRating({ kind: "stars", score: 4 }))[0]?.path).toBe("kind");
  });

  it("events: unknown type, wrong payload, array index in path", () => {
    expect(
      issuesOf(() => parseTicketEvent({ type: "exploded", id: "e", ticketId: "t", at: 0 }))[0]?.path,
    ).toBe("type");
    expect(
      issuesOf(() =>
        parseTicketEvent({ type: "status.changed", id: "e", ticketId: "t", at: 0, to: "archived" }),
      )[0]?.path,
    ).toBe("to");
    expect(
      issuesOf(() => parseTicketEvents([lateParcelInput[0], { ...lateParcelInput[1], at: "never" }]))[0]
        ?.path,
    ).toBe("1.at");
    expect(issuesOf(() => parseTicketEvents("not an array"))[0]?.path).toBe("");
    expect(safeParseTicketEvent({ type: "merged" }).ok).toBe(false);
  });

  it("accepts every instant form: Date, epoch ms, ISO with offset", () => {
    const at = new Date("2026-03-02T08:00:00Z");
    for (const form of [
      at,
      at.getTime(),
      "2026-03-02T08:00:00Z",
      "2026-03-02T09:00:00+01:00",
      "2026-03-02T08:00:00.000Z",
    ]) {
      expect(parseTicketEvent({ type: "merged", id: "e", ticketId: "t", at: form, into: "t2" }).at).toEqual(
        at,
      );
    }
  });
});

describe("JSON round trip", () => {
  it("a ticket serialised to JSON parses back deep-equal", () => {
    const ticket = replay(lateParcel);
    expect(parseTicket(JSON.parse(JSON.stringify(ticket)))).toEqual(ticket);
  });

  it("events serialised to JSON parse back deep-equal", () => {
    expect(parseTicketEvents(JSON.parse(JSON.stringify(lateParcel)))).toEqual(lateParcel);
  });

  it("safeParseTicket returns the value or the issues", () => {
    const ok = safeParseTicket(validTicket);
    expect(ok.ok && ok.value.requester.locale).toBe("zh-Hant-HK");
    const bad = safeParseTicket({ ...validTicket, id: 5 });
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual(["id"]);
  });
});
