import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { nps } from "./nps";

describe("nps", () => {
  it("is promoters minus detractors, unrounded", () => {
    const r = nps([10, 9, 9, 8, 6, 3]);
    expect(r).toMatchObject({ count: 6, promoters: 3, passives: 1, detractors: 2 });
    expect(r.score).toBeCloseTo(100 / 6, 12);
    expect(nps([10, 10]).score).toBe(100);
    expect(nps([0]).score).toBe(-100);
  });

  it("gives a clamped multinomial interval", () => {
    const r = nps([10, 9, 9, 8, 6, 3]);
    // var = 5/6 − (1/6)² = 0.80556; half-width = 100 · 1.959964 · √(0.80556 / 6) = 71.82
    expect(r.confidence?.low).toBeCloseTo(100 / 6 - 71.816, 2);
    expect(r.confidence?.high).toBeCloseTo(100 / 6 + 71.816, 2);
    expect(nps([10]).confidence).toEqual({ level: 0.95, low: 100, high: 100 });
  });

  it("rejects bad answers", () => {
    expect(() => nps([11])).toThrow(/must be from 0 to 10/);
    expect(() => nps([-1])).toThrow(ValidationError);
    expect(() => nps([7.5])).toThrow(ValidationError);
    expect(nps([]).score).toBeNull();
  });
});
