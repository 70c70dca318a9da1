import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { eventLogsArb } from "./_test/arbitraries";
import { berlinOffice } from "./_test/berlinClock";
import * as reference from "./_test/reference/accumulator";
import { type AccumulatorOptions, createAccumulator, restoreAccumulator } from "./accumulator";
import { type MetricDuration, type TicketFacts, ticketMetrics, withSla } from "./ticketMetrics";

// Differential tests: the accumulator buffers adds in a per-group log and keeps exact values in typed arrays;
// the reference applies every add at once. Both must report and serialise exactly the same, including after
// many flushes, store growth, the switch to the sketch, odd numbers and merges.

const optionsArb: fc.Arbitrary<AccumulatorOptions> = fc.record({
  groupBy: fc.subarray(["channel", "priority", "agent", "tag", "category"] as const),
  bucket: fc.constantFrom(null, "day", "week", "month"),
  timeZone: fc.constantFrom("Europe/Berlin", "America/New_York"),
  anchor: fc.constantFrom("created", "solved", "event"),
  exactLimit: fc.constantFrom(0, 3, 40, 256),
});

// Business durations rewritten to numbers the log must carry bit for bit: fractions, −0, past 2³² and
// (last, left out where restoring, whose schema refuses them) negative ones.
const odd = [
  (v: number) => v,
  (v: number) => v * 0.37,
  (v: number) => (v === 0 ? -0 : v),
  (v: number) => v + 2 ** 32 + 0.5,
  (v: number) => -v,
];
function oddly(f: TicketFacts, k: number, kinds: number): TicketFacts {
  const map = odd[k % kinds] as (v: number) => number;
  const d = <D extends MetricDuration>(x: D): D =>
    x.businessMs === null ? x : { ...x, businessMs: map(x.businessMs) };
  return {
    ...f,
    firstReply: f.firstReply && d(f.firstReply),
    replies: f.replies.map(d),
    firstResolution: f.firstResolution && d(f.firstResolution),
    resolutions: f.resolutions.map(d),
    requesterWait: d(f.requesterWait),
    agentWait: d(f.agentWait),
    onHold: d(f.onHold),
    agentWork: d(f.agentWork),
  };
}

// Repeating the sample makes groups far larger than one pending log, so flushes happen mid-stream.
const factsOf = (logs: Parameters<typeof ticketMetrics>[0][], copies: number, kinds: number) => {
  const once = logs.map((events, i) =>
    withSla(ticketMetrics(events, { clock: berlinOffice }), [{ target: "firstReply", met: i % 3 !== 0 }]),
  );
  const out: TicketFacts[] = [];
  for (let c = 0; c < copies; c++) {
    once.forEach((f, i) => {
      out.push(kinds > 1 ? oddly(f, c + i, kinds) : f);
    });
  }
  return out;
};

test.prop([eventLogsArb(12), optionsArb, fc.integer({ min: 1, max: 60 }), fc.boolean()], { numRuns: 80 })(
  "reports and serialises exactly as the reference accumulator",
  (logs, options, copies, scramble) => {
    const facts = factsOf(logs, copies, scramble ? odd.length : 1);
    const ours = createAccumulator(options).addAll(facts);
    const theirs = reference.createAccumulator(options).addAll(facts);
    expect(ours.toJSON()).toEqual(theirs.toJSON());
    expect(ours.result()).toEqual(theirs.result());
    // Reading flushes; adding after a read must still match.
    ours.addAll(facts.slice(0, 7));
    theirs.addAll(facts.slice(0, 7));
    expect(ours.result()).toEqual(theirs.result());
    expect(JSON.stringify(ours.toJSON())).toBe(JSON.stringify(theirs.toJSON()));
  },
);

test.prop([eventLogsArb(10), optionsArb, fc.integer({ min: 1, max: 30 }), fc.nat(10)], { numRuns: 40 })(
  "restores and merges exactly as the reference accumulator",
  (logs, options, copies, cut) => {
    const facts = factsOf(logs, copies, odd.length - 1);
    const at = Math.min(facts.length, cut * copies);
    const json = JSON.parse(JSON.stringify(createAccumulator(options).addAll(facts.slice(0, at)).toJSON()));
    const ours = restoreAccumulator(json).addAll(facts.slice(at));
    const theirs = reference.restoreAccumulator(json).addAll(facts.slice(at));
    expect(ours.toJSON()).toEqual(theirs.toJSON());
    const merged = createAccumulator(options).addAll(facts.slice(at)).merge(ours);
    const merged0 = reference.createAccumulator(options).addAll(facts.slice(at)).merge(theirs);
    expect(merged.toJSON()).toEqual(merged0.toJSON());
    expect(merged.result()).toEqual(merged0.result());
  },
);

it("keeps a restored group whose bucket label adds never produce apart from added tickets, as before", () => {
  const options = { groupBy: ["channel"], bucket: "week", timeZone: "Europe/Berlin" } as const;
  const base = createAccumulator(options)
    .add(ticketMetrics(oneTicket(), { clock: berlinOffice }))
    .toJSON();
  const [key, group] = base.groups[0] as readonly [string, (typeof base.groups)[number][1]];
  // "2026-03-03" is a Tuesday: no week bucket is labelled by it, and "2026-3-2" is not ISO.
  for (const label of ["2026-03-03", "2026-3-2", "garbage"]) {
    const odd = {
      ...base,
      groups: [
        [
          `${key.slice(0, key.lastIndexOf("\u001f") + 1)}${label}`,
          { ...group, key: [group.key[0] ?? null, label] },
        ],
      ],
    };
    const ours = restoreAccumulator(odd).add(ticketMetrics(oneTicket(), { clock: berlinOffice }));
    const theirs = reference.restoreAccumulator(odd).add(ticketMetrics(oneTicket(), { clock: berlinOffice }));
    expect(ours.toJSON()).toEqual(theirs.toJSON());
    expect(ours.result().length).toBe(2);
  }
});

function oneTicket() {
  return [
    {
      id: "e1",
      ticketId: "t1",
      at: new Date("2026-03-03T09:00:00Z"),
      type: "ticket.created" as const,
      subject: "s",
      channel: "email" as const,
      priority: "normal" as const,
      requester: { id: "c1" },
      status: "new" as const,
      tags: [],
    },
  ];
}
