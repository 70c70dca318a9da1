import { alwaysOpenClock, parseTicket, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { parseRoutingAgent } from "./agent";
import { effectiveRequirements } from "./relaxation";
import { parseWorkItem, workItemFromTicket } from "./workItem";

describe("schemas", () => {
  it("parse agents on top of core's AgentSchema", () => {
    const agent = parseRoutingAgent({ id: "a1", name: "Mia", shift: alwaysOpenClock, unitCapacity: 10 });
    expect(agent).toMatchObject({ presence: "offline", load: {}, skills: [], unitCapacity: 10 });
    expect(parseRoutingAgent({ id: "a1", name: "Mia", shift: "emea-day" }).shift).toBe("emea-day");
    expect(() => parseRoutingAgent({ id: "a1", name: "Mia", shift: 3 })).toThrow(ValidationError);
    expect(() => parseRoutingAgent({ id: "a1", name: "Mia", load: { fax: 1 } })).toThrow(/load/);
    expect(() =>
      parseRoutingAgent({
        id: "a1",
        name: "Mia",
        skills: [
          { name: "x", level: 1 },
          { name: "x", level: 2 },
        ],
      }),
    ).toThrow(/listed twice/);
  });

  it("parse work items with defaults and reject bad input by field", () => {
    const item = parseWorkItem({ id: "t1", channel: "chat", createdAt: "2026-03-02T08:00:00Z" });
    expect(item).toMatchObject({ priority: "normal", vipTier: 0, requiredSkills: [], preferredSkills: [] });
    expect(item.createdAt).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(() => parseWorkItem({ id: "t1", channel: "chat", createdAt: "yesterday" })).toThrow(/createdAt/);
    expect(() => parseWorkItem({ id: "t1", channel: "chat", createdAt: 0, language: "not a tag" })).toThrow(
      /language/,
    );
    expect(() =>
      parseWorkItem({
        id: "t1",
        channel: "chat",
        createdAt: 0,
        requiredSkills: [{ name: "x", minLevel: 11 }],
      }),
    ).toThrow(/minLevel/);
    expect(() =>
      parseWorkItem({
        id: "t1",
        channel: "chat",
        createdAt: 0,
        requiredSkills: [{ name: "x", relax: { everyMs: 0 } }],
      }),
    ).toThrow(/everyMs/);
  });

  it("builds a work item from a core ticket", () => {
    const ticket = parseTicket({
      id: "t-9",
      subject: "Refund please",
      status: "open",
      priority: "high",
      channel: "email",
      requester: { id: "c1", locale: "es-MX", tier: "VIP" },
      assigneeId: "a7",
      groupId: "latam",
      createdAt: "2026-03-02T08:00:00Z",
      updatedAt: "2026-03-02T08:00:00Z",
    });
    expect(workItemFromTicket(ticket, { requiredSkills: [{ name: "refund" }] })).toMatchObject({
      id: "t-9",
      channel: "email",
      priority: "high",
      vipTier: 1,
      language: "es-MX",
      groupId: "latam",
      previousAgentId: "a7",
      text: "Refund please",
      requiredSkills: [{ name: "refund", minLevel: 1 }],
    });
  });

  it("matches the documented relaxation example", () => {
    const item = parseWorkItem({
      id: "t1",
      channel: "chat",
      createdAt: 0,
      requiredSkills: [{ name: "refunds", minLevel: 8, relax: { everyMs: 60_000, step: 2, floor: 4 } }],
    });
    expect(effectiveRequirements(item, 120_000).skills[0]?.minLevel).toBe(4);
    expect(effectiveRequirements(item, 60_000).nextChangeAt?.getTime()).toBe(120_000);
  });
});
