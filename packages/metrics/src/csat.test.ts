import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { csat } from "./csat";

describe("csat", () => {
  it("counts top-2-box, mean and response rate", () => {
    const r = csat([5, 5, 4, 3, 1], { offered: 10 });
    expect(r).toMatchObject({ count: 5, satisfied: 3, share: 0.6, mean: 3.6, responseRate: 0.5 });
    expect(r.histogram).toEqual([0, 1, 0, 1, 1, 2]);
  });

  it("gives a Wilson interval around the share", () => {
    // Wilson 95 % for 3 of 5: 0.2307…–0.8824… (z = 1.959964).
    const { confidence } = csat([5, 5, 4, 3, 1]);
    expect(confidence?.level).toBe(0.95);
    expect(confidence?.low).toBeCloseTo(0.23072, 4);
    expect(confidence?.high).toBeCloseTo(0.88236, 4);
  });

  it("returns nulls without ratings", () => {
    expect(csat([])).toMatchObject({
      count: 0,
      share: null,
      mean: null,
      responseRate: null,
      confidence: null,
    });
  });

  it("rejects out-of-range and fractional scores instead of averaging them", () => {
    expect(() => csat([5, 6])).toThrow(/scores\.1: must be from 1 to 5 \(got 6\)/);
    expect(() => csat([4.5])).toThrow(/scores\.0: must be a whole number/);
    expect(() => csat([0])).toThrow(ValidationError);
    expect(() => csat([5], { offered: 0 })).toThrow(/offered/);
    expect(() => csat([5], { confidenceLevel: 1 })).toThrow(/confidenceLevel/);
  });
});
