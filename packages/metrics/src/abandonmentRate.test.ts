import { describe, expect, it } from "vitest";
import { abandonmentRate } from "./abandonmentRate";

describe("abandonmentRate", () => {
  it("leaves short abandons out of both sides", () => {
    expect(abandonmentRate({ offered: 200, abandonedWaitsMs: [3_000, 5_000, 30_000, 70_000] })).toEqual({
      offered: 200,
      abandoned: 4,
      shortAbandoned: 2,
      rate: 2 / 198,
    });
    expect(
      abandonmentRate({ offered: 200, abandonedWaitsMs: [3_000, 30_000] }, { shortAbandonMs: 0 }).rate,
    ).toBe(0.01);
    expect(abandonmentRate({ offered: 1, abandonedWaitsMs: [1] }).rate).toBeNull();
  });

  it("rejects impossible input", () => {
    expect(() => abandonmentRate({ offered: 1, abandonedWaitsMs: [10_000, 20_000] })).toThrow(
      /only 1 offered/,
    );
    expect(() => abandonmentRate({ offered: 5, abandonedWaitsMs: [-1] })).toThrow(/abandonedWaitsMs\.0/);
  });
});
