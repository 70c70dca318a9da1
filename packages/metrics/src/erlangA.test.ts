import { describe, expect, it } from "vitest";
import { erlangA } from "./erlangA";
import { erlangC } from "./erlangC";

// References from an independent computation (numpy/scipy): the stationary distribution summed in log
// space over the full birth–death chain and the service level from the matrix exponential of the tagged
// caller's absorbing chain.
const references = [
  {
    input: {
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      agents: 11,
      targetAnswerSeconds: 20,
      patienceSeconds: 120,
    },
    pw: 0.38281649147993196,
    pab: 0.09415503423745651,
    sl: 0.7422089843893893,
    wait: 11.298604108494782,
  },
  {
    input: {
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      agents: 9,
      targetAnswerSeconds: 20,
      patienceSeconds: 120,
    },
    pw: 0.6133071332499849,
    pab: 0.19215603801258674,
    sl: 0.5240660591899029,
    wait: 23.05872456151041,
  },
  {
    input: {
      arrivalRatePerHour: 1000,
      ahtSeconds: 240,
      agents: 60,
      targetAnswerSeconds: 30,
      patienceSeconds: 60,
    },
    pw: 0.58369790774879,
    pab: 0.12973363240356714,
    sl: 0.8303029953457901,
    wait: 7.784017944214028,
  },
];

describe("erlangA", () => {
  for (const ref of references) {
    it(`matches the independent computation for ${ref.input.agents} agents, λ=${ref.input.arrivalRatePerHour}/h`, () => {
      const r = erlangA(ref.input);
      expect(Math.abs(r.probabilityOfWaiting - ref.pw)).toBeLessThan(1e-9);
      expect(Math.abs(r.probabilityOfAbandon - ref.pab)).toBeLessThan(1e-9);
      expect(Math.abs(r.serviceLevel - ref.sl)).toBeLessThan(1e-7);
      expect(Math.abs(r.averageWaitSeconds - ref.wait)).toBeLessThan(1e-6);
      expect(r.occupancy).toBeCloseTo(
        (r.trafficErlangs * (1 - r.probabilityOfAbandon)) / ref.input.agents,
        12,
      );
    });
  }

  it("is stable below the traffic, where Erlang C is not", () => {
    const r = erlangA({
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      agents: 8,
      targetAnswerSeconds: 20,
      patienceSeconds: 60,
    });
    expect(r.probabilityOfAbandon).toBeGreaterThan(0.2);
    expect(r.probabilityOfAbandon).toBeLessThan(1);
    expect(r.averageWaitSeconds).toBeGreaterThan(0);
  });

  it("tends to Erlang C as patience grows", () => {
    const c = erlangC({ arrivalRatePerHour: 200, ahtSeconds: 180, agents: 12, targetAnswerSeconds: 20 });
    const a = erlangA({
      arrivalRatePerHour: 200,
      ahtSeconds: 180,
      agents: 12,
      targetAnswerSeconds: 20,
      patienceSeconds: 1e7,
    });
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.probabilityOfAbandon).toBeLessThan(1e-5);
  });

  it("answers everyone who does not abandon as the threshold grows (served + abandoned = 1)", () => {
    const input = { arrivalRatePerHour: 200, ahtSeconds: 180, agents: 10, patienceSeconds: 90 };
    const r = erlangA({ ...input, targetAnswerSeconds: 3_600 });
    expect(r.serviceLevel + r.probabilityOfAbandon).toBeCloseTo(1, 8);
  });

  it("rejects a non-positive patience", () => {
    expect(() =>
      erlangA({
        arrivalRatePerHour: 200,
        ahtSeconds: 180,
        agents: 10,
        targetAnswerSeconds: 20,
        patienceSeconds: 0,
      }),
    ).toThrow(/patienceSeconds/);
  });
});
