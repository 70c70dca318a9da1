import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { erlangC } from "./erlangC";

// Published example (Call Centre Helper, "Erlang C formula – made simple"): 100 calls per 30 minutes,
// AHT 180 s, 20 s target. Reference values recomputed with 60-digit decimals from the factorial formula.
const published = [
  { agents: 11, pw: 0.6821182046893324, sl: 0.3896138117291534, asa: 122.78127684407983 },
  { agents: 12, pw: 0.44938822429827086, sl: 0.6401580403740066, asa: 40.44494018684438 },
  { agents: 13, pw: 0.28527045303649295, sl: 0.7955947884177831, asa: 17.116227182189576 },
  { agents: 14, pw: 0.17413193359504983, sl: 0.8883500191794669, asa: 7.835937011777243 },
];

describe("erlangC", () => {
  for (const row of published) {
    it(`matches the published 200 calls/h example with ${row.agents} agents`, () => {
      const r = erlangC({
        arrivalRatePerHour: 200,
        ahtSeconds: 180,
        agents: row.agents,
        targetAnswerSeconds: 20,
      });
      expect(r.trafficErlangs).toBe(10);
      expect(Math.abs(r.probabilityOfWaiting - row.pw)).toBeLessThan(1e-12);
      expect(Math.abs(r.serviceLevel - row.sl)).toBeLessThan(1e-12);
      expect(Math.abs(r.averageSpeedOfAnswerSeconds - row.asa)).toBeLessThan(1e-9);
      expect(r.occupancy).toBeCloseTo(10 / row.agents, 15);
    });
  }

  it("stays exact to 1e-9 at 20,000 agents, where factorials overflow", () => {
    // 60-digit decimal references: A = 19,800 and 19,900 erlangs, AHT 240 s, T = 30 s.
    const a = erlangC({
      arrivalRatePerHour: (19_800 * 3600) / 240,
      ahtSeconds: 240,
      agents: 20_000,
      targetAnswerSeconds: 30,
    });
    expect(Math.abs(a.probabilityOfWaiting - 0.10058898749273909)).toBeLessThan(1e-9);
    expect(Math.abs(a.averageSpeedOfAnswerSeconds - 0.12070678499128691)).toBeLessThan(1e-9);
    const b = erlangC({
      arrivalRatePerHour: (19_900 * 3600) / 240,
      ahtSeconds: 240,
      agents: 20_000,
      targetAnswerSeconds: 30,
    });
    expect(Math.abs(b.probabilityOfWaiting - 0.3661854259111549)).toBeLessThan(1e-9);
    expect(Math.abs(b.serviceLevel - 0.999998635353921)).toBeLessThan(1e-9);
    const c = erlangC({
      arrivalRatePerHour: 290 * 12,
      ahtSeconds: 300,
      agents: 300,
      targetAnswerSeconds: 15,
    });
    expect(Math.abs(c.probabilityOfWaiting - 0.4493598466425404)).toBeLessThan(1e-9);
    expect(Math.abs(c.serviceLevel - 0.7274494757675322)).toBeLessThan(1e-9);
  });

  it("reports an unstable queue when agents do not exceed the traffic", () => {
    const r = erlangC({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 10, targetAnswerSeconds: 20 });
    expect(r).toMatchObject({ probabilityOfWaiting: 1, serviceLevel: 0, occupancy: 1 });
    expect(r.averageSpeedOfAnswerSeconds).toBe(Number.POSITIVE_INFINITY);
  });

  it("handles no traffic", () => {
    const r = erlangC({ arrivalRatePerHour: 0, ahtSeconds: 180, agents: 1, targetAnswerSeconds: 20 });
    expect(r).toMatchObject({
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      averageSpeedOfAnswerSeconds: 0,
      occupancy: 0,
    });
  });

  it("rejects bad input with the field named", () => {
    const ok = { arrivalRatePerHour: 200, ahtSeconds: 180, agents: 12, targetAnswerSeconds: 20 };
    expect(() => erlangC({ ...ok, agents: 11.5 })).toThrow(/agents: must be a whole number/);
    expect(() => erlangC({ ...ok, ahtSeconds: 0 })).toThrow(/ahtSeconds/);
    expect(() => erlangC({ ...ok, arrivalRatePerHour: -1 })).toThrow(ValidationError);
    expect(() => erlangC({ ...ok, targetAnswerSeconds: Number.NaN })).toThrow(ValidationError);
  });
});
