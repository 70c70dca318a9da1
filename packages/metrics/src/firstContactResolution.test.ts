import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { firstContactResolution } from "./firstContactResolution";

describe("firstContactResolution", () => {
  it("counts a repeat within the window against the first contact", () => {
    const r = firstContactResolution([
      { customerId: "c1", at: "2026-03-03T09:00:00Z" },
      { customerId: "c1", at: "2026-03-02T09:00:00Z" },
      { customerId: "c2", at: "2026-03-02T10:00:00Z" },
      { customerId: "c2", at: "2026-03-20T10:00:00Z" }, // after 7 days: a new issue, resolved
      { customerId: "c3", at: "2026-03-02T10:00:00Z", resolved: false },
      { customerId: "c4", at: "2026-03-02T10:00:00Z", topic: "a" },
      { customerId: "c4", at: "2026-03-02T11:00:00Z", topic: "b" },
    ]);
    expect(r).toEqual({ issues: 6, resolvedFirstContact: 4, repeatContacts: 1, rate: 4 / 6 });
    expect(
      firstContactResolution(
        [
          { customerId: "c1", at: 0 },
          { customerId: "c1", at: 3_600_001 },
        ],
        { repeatWindowMs: 3_600_000 },
      ).rate,
    ).toBe(1);
    expect(firstContactResolution([]).rate).toBeNull();
    expect(() => firstContactResolution([{ customerId: "c1", at: "nope" }])).toThrow(ValidationError);
  });
});
