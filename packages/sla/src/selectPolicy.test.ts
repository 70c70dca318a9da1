import { replay } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { eventLog } from "./_test/events";
import { selectPolicy } from "./selectPolicy";
import { defineSlaPolicy } from "./slaPolicy";

const calendarTime = { firstReply: { normal: { ms: 1, clock: "calendar" as const } } };
const vipChat = defineSlaPolicy({
  id: "vip-chat",
  conditions: { tier: ["vip"], channel: ["chat"] },
  targets: calendarTime,
});
const urgentBilling = defineSlaPolicy({
  id: "urgent-billing",
  conditions: {
    priority: ["urgent", "high"],
    tags: { all: ["billing"], none: ["spam"] },
    group: ["finance"],
  },
  targets: calendarTime,
});
const fallback = defineSlaPolicy({ id: "default", targets: calendarTime });

describe("selectPolicy", () => {
  it("takes the first match by position and names the conditions that matched", () => {
    const ticket = replay(
      eventLog().created("2026-03-02T09:00:00Z", {
        channel: "chat",
        requester: { id: "c1", tier: "vip" },
        priority: "urgent",
        tags: ["billing"],
        groupId: "finance",
      }).events,
    );
    const chosen = selectPolicy([vipChat, urgentBilling, fallback], ticket);
    expect(chosen?.policyId).toBe("vip-chat");
    expect(chosen?.index).toBe(0);
    expect(chosen?.matched).toEqual([
      { field: "channel", expected: ["chat"], actual: "chat" },
      { field: "tier", expected: ["vip"], actual: "vip" },
    ]);
    const second = selectPolicy([urgentBilling, vipChat], ticket);
    expect(second?.matched.map((m) => m.field)).toEqual(["priority", "group", "tags.all", "tags.none"]);
  });

  it("falls through failing conditions to a catch-all, or returns null", () => {
    const ticket = replay(
      eventLog().created("2026-03-02T09:00:00Z", { tags: ["billing", "spam"], priority: "urgent" }).events,
    );
    expect(selectPolicy([vipChat, urgentBilling, fallback], ticket)).toMatchObject({
      policyId: "default",
      matched: [],
    });
    expect(selectPolicy([vipChat, urgentBilling], ticket)).toBeNull();
  });
});
