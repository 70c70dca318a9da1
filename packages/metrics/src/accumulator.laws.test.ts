import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { eventLogsArb } from "./_test/arbitraries";
import { berlinOffice } from "./_test/berlinClock";
import { type AccumulatorOptions, createAccumulator, restoreAccumulator } from "./accumulator";
import { ticketMetrics, withSla } from "./ticketMetrics";

const optionsArb: fc.Arbitrary<AccumulatorOptions> = fc.record({
  groupBy: fc.subarray(["channel", "priority", "agent", "tag", "category"] as const),
  bucket: fc.constantFrom("day", "week", "month"),
  timeZone: fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Kolkata"),
  anchor: fc.constantFrom("created", "solved", "event"),
  exactLimit: fc.constantFrom(0, 2, 1_000),
});

const factsOf = (logs: Parameters<typeof ticketMetrics>[0][]) =>
  logs.map((events, i) =>
    withSla(ticketMetrics(events, { clock: berlinOffice }), [{ target: "firstReply", met: i % 3 !== 0 }]),
  );

const orderArb = fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 });

test.prop([eventLogsArb(10), optionsArb, fc.array(fc.nat(), { maxLength: 12 }), orderArb], { numRuns: 60 })(
  "merging accumulators in any split and order equals one pass",
  (logs, options, splits, order) => {
    const facts = factsOf(logs);
    const onePass = createAccumulator(options).addAll(facts);
    // Split into up to 4 shards by the given choices, merge in a shuffled order, through JSON.
    const shards = [0, 1, 2, 3].map(() => createAccumulator(options));
    facts.forEach((f, i) => {
      shards[(splits[i] ?? i) % 4]?.add(f);
    });
    const merged = createAccumulator(options);
    for (const i of order) merged.merge(restoreAccumulator(JSON.parse(JSON.stringify(shards[i]?.toJSON()))));
    expect(merged.toJSON()).toEqual(onePass.toJSON());
    expect(merged.result()).toEqual(onePass.result());
  },
);

test.prop([eventLogsArb(10), optionsArb], { numRuns: 60 })(
  "no reported number is negative and business time never exceeds calendar time",
  (logs, options) => {
    for (const g of createAccumulator(options).addAll(factsOf(logs)).result()) {
      for (const n of [g.created, g.solved, g.backlog, g.reopens]) expect(n).toBeGreaterThanOrEqual(0);
      for (const m of Object.values(g.metrics)) {
        for (const s of [m.calendar, m.business]) {
          if (s === null) continue;
          for (const v of [s.min, s.median, s.p90, s.p95, s.max, s.mean]) expect(v).toBeGreaterThanOrEqual(0);
          expect(s.min).toBeLessThanOrEqual(s.median);
          expect(s.median).toBeLessThanOrEqual(s.p95 + 1e-9);
          expect(s.p95).toBeLessThanOrEqual(s.max);
        }
        if (m.calendar !== null && m.business !== null && m.calendar.count === m.business.count) {
          expect(m.business.max).toBeLessThanOrEqual(m.calendar.max);
          expect(m.business.mean).toBeLessThanOrEqual(m.calendar.mean + 1e-9);
        }
      }
      for (const r of [g.reopenRate, g.oneTouchRate, g.fcrRate])
        if (r !== null) expect(r).toBeGreaterThanOrEqual(0);
    }
  },
);

test.prop([eventLogsArb(8)], { numRuns: 40 })("an empty accumulator is the identity of merge", (logs) => {
  const acc = createAccumulator({ groupBy: ["channel"] }).addAll(factsOf(logs));
  const before = acc.toJSON();
  acc.merge(createAccumulator({ groupBy: ["channel"] }));
  expect(acc.toJSON()).toEqual(before);
  expect(
    createAccumulator({ groupBy: ["channel"] })
      .merge(acc)
      .toJSON(),
  ).toEqual(before);
});
