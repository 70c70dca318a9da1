import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { serviceLevel } from "./serviceLevel";

// ICMI's worked example: 1,000 answered (860 within 20 s), 60 abandoned (20 within 20 s, 10 within 5 s).
const counts = {
  answered: 1000,
  answeredWithin: 860,
  abandoned: 60,
  abandonedWithin: 20,
  shortAbandoned: 10,
};

describe("serviceLevel", () => {
  it("computes ICMI's five formulas", () => {
    expect(serviceLevel(counts, { formula: "abandonedWithinCountsAsMet" }).serviceLevel).toBeCloseTo(
      880 / 1060,
      15,
    ); // 83 %
    expect(serviceLevel(counts, { formula: "answeredOnly" }).serviceLevel).toBe(0.86);
    expect(serviceLevel(counts, { formula: "abandonedCountsAgainst" }).serviceLevel).toBeCloseTo(
      860 / 1060,
      15,
    ); // 81 %
    expect(serviceLevel(counts, { formula: "ignoreAbandonedWithin" })).toEqual({
      formula: "ignoreAbandonedWithin",
      numerator: 860,
      denominator: 1040,
      serviceLevel: 860 / 1040,
    });
    expect(serviceLevel(counts, { formula: "shortAbandonedCountsAsMet" }).serviceLevel).toBeCloseTo(
      870 / 1060,
      15,
    );
    expect(serviceLevel(counts).formula).toBe("ignoreAbandonedWithin");
  });

  it("is null when nothing is counted, and rejects inconsistent counts", () => {
    expect(
      serviceLevel({ answered: 0, answeredWithin: 0, abandoned: 0, abandonedWithin: 0 }).serviceLevel,
    ).toBeNull();
    expect(() => serviceLevel({ ...counts, answeredWithin: 1001 })).toThrow(
      /answeredWithin: must not exceed answered/,
    );
    expect(() => serviceLevel({ ...counts, abandoned: 1.5 })).toThrow(ValidationError);
    expect(() => serviceLevel(counts, { formula: "icmi6" as never })).toThrow(/formula/);
  });
});
