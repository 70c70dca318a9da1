import { describe, expect, it } from "vitest";
import { occupancy } from "./occupancy";

describe("occupancy", () => {
  it("divides handling by logged-in time and by paid time", () => {
    expect(occupancy({ handlingMs: 6, availableMs: 1, paidMs: 8 })).toEqual({
      occupancy: 6 / 7,
      utilisation: 0.75,
    });
    expect(occupancy({ handlingMs: 0, availableMs: 0 })).toEqual({ occupancy: null, utilisation: null });
    expect(() => occupancy({ handlingMs: 9, availableMs: 1, paidMs: 8 })).toThrow(/paidMs/);
  });
});
