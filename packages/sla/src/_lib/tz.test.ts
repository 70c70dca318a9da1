import { describe, expect, it } from "vitest";
import { dayNumberOfDate } from "./tz";

describe("tz", () => {
  it("reads dates that exist and only those", () => {
    expect(dayNumberOfDate("1970-01-02")).toBe(1);
    expect(dayNumberOfDate("2028-02-29")).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
    expect(dayNumberOfDate("2026-02-29")).toBeUndefined();
    expect(dayNumberOfDate("2026-04-31")).toBeUndefined();
    expect(dayNumberOfDate("2026-4-1")).toBeUndefined();
  });
});
