import { describe, expect, it } from "vitest";
import { asyncAgentsRequired } from "./asyncAgentsRequired";

describe("asyncAgentsRequired", () => {
  it("lets the occupancy cap decide when the response target is hours long", () => {
    const r = asyncAgentsRequired({ arrivalRatePerHour: 60, ahtSeconds: 360, responseTargetHours: 4 });
    expect(r.trafficErlangs).toBe(6);
    expect(r.agents).toBe(8); // 6 / 0.85 = 7.06 → 8
    expect(r.serviceLevel).toBeGreaterThan(0.9999);
    const noCap = asyncAgentsRequired({
      arrivalRatePerHour: 60,
      ahtSeconds: 360,
      responseTargetHours: 4,
      maxOccupancy: 1,
    });
    expect(noCap.agents).toBe(7);
    expect(
      asyncAgentsRequired({ arrivalRatePerHour: 60, ahtSeconds: 360, responseTargetHours: 4, shrinkage: 0.2 })
        .scheduledAgents,
    ).toBe(10);
  });

  it("rejects a non-positive target", () => {
    expect(() =>
      asyncAgentsRequired({ arrivalRatePerHour: 60, ahtSeconds: 360, responseTargetHours: 0 }),
    ).toThrow(/responseTargetHours/);
  });
});
