import { describe, expect, it } from "vitest";
import { agentsRequired } from "./agentsRequired";
import { erlangC } from "./erlangC";
import { MetricsError } from "./errors";

describe("agentsRequired", () => {
  it("finds the smallest staffing for 80/20 in the published example", () => {
    const r = agentsRequired({
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
    });
    expect(r.agents).toBe(14);
    expect(r.scheduledAgents).toBe(14);
    expect(r.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    const lower = agentsRequired({
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.79,
    });
    expect(lower.agents).toBe(13);
  });

  it("applies the occupancy cap, the ASA cap and shrinkage", () => {
    const base = {
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.5,
    };
    expect(agentsRequired(base).agents).toBe(12);
    expect(agentsRequired({ ...base, maxOccupancy: 0.75 }).agents).toBe(14); // 10 / 0.75 = 13.3
    expect(agentsRequired({ ...base, targetAverageSpeedOfAnswerSeconds: 10 }).agents).toBe(14);
    const shrunk = agentsRequired({ ...base, shrinkage: 0.3 });
    expect(shrunk.scheduledAgents).toBe(Math.ceil(12 / 0.7));
    expect(agentsRequired({ ...base, arrivalRatePerHour: 0 }).agents).toBe(1);
  });

  it("agrees with erlangC one agent below and at the answer, at scale", () => {
    const input = {
      arrivalRatePerHour: 60_000,
      ahtSeconds: 300,
      targetAnswerSeconds: 30,
      targetServiceLevel: 0.9,
    };
    const r = agentsRequired(input);
    const at = erlangC({ ...input, agents: r.agents });
    const below = erlangC({ ...input, agents: r.agents - 1 });
    expect(at.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(below.serviceLevel).toBeLessThan(0.9);
    expect(Math.abs(at.serviceLevel - r.serviceLevel)).toBeLessThan(1e-12);
  });

  it("rejects targets no finite staffing meets", () => {
    const base = { arrivalRatePerHour: 200, ahtSeconds: 180, targetAnswerSeconds: 20 };
    expect(() => agentsRequired({ ...base, targetServiceLevel: 1 })).toThrow(/targetServiceLevel/);
    expect(() => agentsRequired({ ...base, targetServiceLevel: 0.8, shrinkage: 1 })).toThrow(/shrinkage/);
    expect(() =>
      agentsRequired({ ...base, targetServiceLevel: 0.8, targetAverageSpeedOfAnswerSeconds: 0 }),
    ).toThrow(MetricsError);
  });
});
