import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alwaysOpenClock, BusinessClockSchema, isBusinessClock } from "./index";

describe("isBusinessClock / BusinessClockSchema", () => {
  it("accepts any object with the four methods, and keeps it as is", () => {
    const custom = { ...alwaysOpenClock, name: "24/7" };
    expect(isBusinessClock(alwaysOpenClock)).toBe(true);
    expect(isBusinessClock(custom)).toBe(true);
    expect(BusinessClockSchema.parse(custom)).toBe(custom);
  });

  it.each([
    ["an empty object", {}],
    ["a missing method", { add: () => new Date(), between: () => 0, isOpen: () => true }],
    ["a method that is not a function", { ...alwaysOpenClock, isOpen: true }],
    ["null", null],
    ["a calendar name", "berlin"],
  ])("rejects %s", (_, value) => {
    expect(isBusinessClock(value)).toBe(false);
    const result = z.object({ clock: BusinessClockSchema }).safeParse({ clock: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["clock"]);
    expect(result.error?.issues[0]?.message).toContain("BusinessClock");
  });
});
