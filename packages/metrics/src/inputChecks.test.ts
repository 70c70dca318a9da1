// Bad arguments at every public entry point fail as a ValidationError that names the argument, the field or
// the unknown key, never as a TypeError deep inside nor by being silently ignored.
import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { berlinOffice } from "./_test/berlinClock";
import { log } from "./_test/events";
import {
  abandonmentRate,
  agentsRequired,
  asyncAgentsRequired,
  averageHandleTime,
  ces,
  createAccumulator,
  csat,
  erlangA,
  erlangC,
  firstContactResolution,
  nps,
  occupancy,
  percentile,
  percentiles,
  resolveDefinitions,
  serviceLevel,
  ticketMetrics,
  toCsv,
  toRows,
  withSla,
} from "./index";

const events = () =>
  log("t1", "2026-03-02T08:15:00Z")
    .assign("2026-03-02T09:00:00Z", "a-mia", "dach")
    .agent("2026-03-02T09:20:00Z", "a-mia")
    .status("2026-03-02T09:30:00Z", "solved", "open").events;

// Runs `call` and returns the ValidationError it throws (failing the test for anything else).
function validationError(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError, but nothing was thrown");
}

describe("a clock that is not a BusinessClock", () => {
  it("is a ValidationError naming the clock option of ticketMetrics, not a TypeError mid-fold", () => {
    const error = validationError(() => ticketMetrics(events(), { clock: {} as never }));
    expect(error.issues[0]?.path).toBe("clock");
    expect(error.message).toMatch(/clock: expected a BusinessClock \(add, between, isOpen, nextOpen\)/);
  });

  it("rejects a clock missing one method and a clock that is not an object", () => {
    const { between: _, ...noBetween } = berlinOffice;
    expect(validationError(() => ticketMetrics(events(), { clock: noBetween as never })).message).toMatch(
      /clock/,
    );
    expect(validationError(() => ticketMetrics(events(), { clock: "berlin" as never })).message).toMatch(
      /clock/,
    );
  });

  it("still accepts a real clock", () => {
    expect(ticketMetrics(events(), { clock: berlinOffice }).firstReply?.businessMs).toBe(65 * 60_000);
  });
});

describe("unknown option keys", () => {
  it.each([
    ["ticketMetrics", () => ticketMetrics(events(), { onetouch: "exactlyOne" } as never), /"onetouch"/],
    ["resolveDefinitions", () => resolveDefinitions({ presets: "chatwoot" } as never), /"presets"/],
    ["createAccumulator", () => createAccumulator({ groupby: ["channel"] } as never), /"groupby"/],
    ["percentile", () => percentile([1, 2], 50, { methd: "nearest-rank" } as never), /options: .*"methd"/],
    ["percentiles", () => percentiles([1, 2], [50], { methd: "linear" } as never), /"methd"/],
    ["csat", () => csat([5], { confidence: 0.9 } as never), /"confidence"/],
    ["nps", () => nps([9], { level: 0.9 } as never), /"level"/],
    ["ces", () => ces([6], { level: 0.9 } as never), /"level"/],
    [
      "serviceLevel options",
      () => serviceLevel(slCounts, { formulae: "answeredOnly" } as never),
      /"formulae"/,
    ],
    ["serviceLevel counts", () => serviceLevel({ ...slCounts, shortAbandon: 1 } as never), /"shortAbandon"/],
    [
      "abandonmentRate",
      () => abandonmentRate({ offered: 3, abandonedWaitsMs: [] }, { shortAbandon: 1 } as never),
      /"shortAbandon"/,
    ],
    ["firstContactResolution", () => firstContactResolution([], { windowMs: 1 } as never), /"windowMs"/],
    ["occupancy", () => occupancy({ handlingMs: 1, availableMs: 1, paid: 2 } as never), /"paid"/],
    ["erlangC", () => erlangC({ ...erlang, agents: 3, target: 20 } as never), /"target"/],
    [
      "erlangA",
      () => erlangA({ ...erlang, agents: 3, patienceSeconds: 60, patience: 1 } as never),
      /"patience"/,
    ],
    [
      "agentsRequired",
      () => agentsRequired({ ...erlang, targetServiceLevel: 0.8, shrinkge: 0.3 } as never),
      /"shrinkge"/,
    ],
    [
      "asyncAgentsRequired",
      () =>
        asyncAgentsRequired({
          arrivalRatePerHour: 5,
          ahtSeconds: 300,
          responseTargetHours: 4,
          maxOcc: 1,
        } as never),
      /"maxOcc"/,
    ],
    ["toCsv", () => toCsv([], { sep: ";" } as never), /"sep"/],
  ])("%s rejects a misspelt key, naming it", (_, call, key) => {
    const error = validationError(call);
    expect(error.message).toMatch(key);
    expect(error.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("names every unknown key at once", () => {
    expect(validationError(() => createAccumulator({ groupby: [], bukket: "day" } as never)).message).toMatch(
      /unknown fields "groupby", "bukket"/,
    );
  });

  it("keeps accepting every documented key", () => {
    expect(() =>
      ticketMetrics(events(), {
        clock: berlinOffice,
        preset: "intercom",
        now: "2026-03-02T10:00:00Z",
        firstReplyStart: "firstCustomerMessage",
        firstReplyIsReplyTime: true,
        oneTouch: "exactlyOne",
        resolution: "perEvent",
        csat: "mean",
      }),
    ).not.toThrow();
    expect(
      createAccumulator({
        groupBy: ["channel"],
        bucket: "day",
        timeZone: "Europe/Berlin",
        anchor: "solved",
        exactLimit: 10,
        relativeAccuracy: 0.02,
        preset: "chatwoot",
        csat: "mean",
      }).options.groupBy,
    ).toEqual(["channel"]);
    expect(percentile([1, 2, 3], 50, { method: "nearest-rank" })).toBe(2);
    expect(toCsv([], { separator: ";" })).toMatch(/^ticketId;/);
    // Staffing functions share one vocabulary, so a scenario can be spread from one into another.
    const scenario = { ...erlang, targetServiceLevel: 0.8, shrinkage: 0.3 };
    expect(erlangC({ ...scenario, agents: agentsRequired(scenario).agents }).serviceLevel).toBeGreaterThan(
      0.8,
    );
  });

  it("rejects options that are not an object", () => {
    expect(validationError(() => percentile([1], 50, null as never)).message).toMatch(
      /options: must be an object/,
    );
    expect(validationError(() => ticketMetrics(events(), null as never)).message).toMatch(/metric options/);
    expect(validationError(() => createAccumulator({ groupBy: "channel" as never })).message).toMatch(
      /groupBy/,
    );
  });
});

const slCounts = { answered: 10, answeredWithin: 8, abandoned: 2, abandonedWithin: 1 };
const erlang = { arrivalRatePerHour: 20, ahtSeconds: 300, targetAnswerSeconds: 20 };

describe("null, undefined or garbage as the first argument", () => {
  it.each([
    ["ticketMetrics(null)", () => ticketMetrics(null as never), /events: must be an array/],
    ["ticketMetrics(undefined)", () => ticketMetrics(undefined as never), /events: must be an array/],
    ["ticketMetrics({})", () => ticketMetrics({} as never), /events: must be an array/],
    ["ticketMetrics([null])", () => ticketMetrics([null] as never), /events\.0: must be a ticket event/],
    [
      "ticketMetrics(JSON log)",
      () => ticketMetrics(JSON.parse(JSON.stringify(events()))),
      /events\.0\.at: must be a Date/,
    ],
    ["withSla(null)", () => withSla(null as never, []), /facts: must be the TicketFacts/],
    ["toRows(null)", () => toRows(null as never), /facts: must be an iterable/],
    ["toRows([null])", () => toRows([null] as never), /facts\.0: must be TicketFacts/],
    ["toCsv(null)", () => toCsv(null as never), /rows: must be an array/],
    ["percentile(null)", () => percentile(null as never, 50), /values: must be an array/],
    ["percentiles(values, null)", () => percentiles([1], null as never), /ps: must be an array/],
    ["csat(null)", () => csat(null as never), /scores: must be an array/],
    ["nps(undefined)", () => nps(undefined as never), /scores: must be an array/],
    ["ces('5')", () => ces("5" as never), /scores: must be an array/],
    ["erlangC(null)", () => erlangC(null as never), /Erlang C input: must be an object/],
    ["erlangA(undefined)", () => erlangA(undefined as never), /Erlang A input: must be an object/],
    ["agentsRequired(null)", () => agentsRequired(null as never), /must be an object/],
    ["asyncAgentsRequired(null)", () => asyncAgentsRequired(null as never), /must be an object/],
    ["occupancy(undefined)", () => occupancy(undefined as never), /agent time: must be an object/],
    ["serviceLevel(undefined)", () => serviceLevel(undefined as never), /must be an object/],
    ["abandonmentRate(null)", () => abandonmentRate(null as never), /must be an object/],
    ["averageHandleTime(null)", () => averageHandleTime(null as never), /must be an array/],
    ["firstContactResolution(null)", () => firstContactResolution(null as never), /must be an array/],
  ])("%s is a ValidationError naming the argument", (_, call, message) => {
    expect(validationError(call).message).toMatch(message);
  });

  it("accumulator add, addAll and merge reject what is not facts or an accumulator", () => {
    const acc = createAccumulator();
    expect(validationError(() => acc.add(null as never)).message).toMatch(/facts: must be TicketFacts/);
    // With buckets the instants are read, so facts that went through JSON are caught.
    const bucketed = createAccumulator({ bucket: "day", timeZone: "Europe/Berlin" });
    expect(
      validationError(() => bucketed.add(JSON.parse(JSON.stringify(ticketMetrics(events()))))).message,
    ).toMatch(/createdAt a Date/);
    expect(validationError(() => acc.addAll(null as never)).message).toMatch(/facts: must be an iterable/);
    expect(validationError(() => acc.addAll([ticketMetrics(events()), undefined] as never)).message).toMatch(
      /facts\.1/,
    );
    expect(validationError(() => acc.merge(null as never)).message).toMatch(/other: must be an accumulator/);
  });
});
