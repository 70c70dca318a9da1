import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { ces } from "./ces";

describe("ces", () => {
  it("gives the mean and the agreeing share", () => {
    const r = ces([7, 6, 5, 3]);
    expect(r).toMatchObject({ count: 4, mean: 5.25, agreeing: 3, agreeShare: 0.75 });
    // s = √(((1.75)² + (0.75)² + (0.25)² + (2.25)²) / 3) = 1.7078; half = 1.959964 · 1.7078 / 2 = 1.6737
    expect(r.confidence?.low).toBeCloseTo(5.25 - 1.6737, 3);
    expect(r.confidence?.high).toBeCloseTo(Math.min(7, 5.25 + 1.6737), 3);
    expect(ces([4]).confidence).toBeNull();
  });

  it("rejects bad answers", () => {
    expect(() => ces([8])).toThrow(/must be from 1 to 7/);
    expect(() => ces([0])).toThrow(ValidationError);
  });
});
