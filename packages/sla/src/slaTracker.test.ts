import { fc, test } from "@fast-check/vitest";
import { createEventBus, hours, minutes, type TicketEventMap, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { eventLog } from "./_test/events";
import { createBusinessCalendar } from "./createBusinessCalendar";
import { SlaError } from "./errors";
import { defineSlaPolicy } from "./slaPolicy";
import { createSlaTracker, type SlaEventMap } from "./slaTracker";

const nine = [["09:00", "17:00"]] as [string, string][];
const calendar = createBusinessCalendar({
  timeZone: "UTC",
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine },
});
const policy = defineSlaPolicy({
  id: "standard",
  calendar,
  targets: { firstReply: { normal: hours(2), urgent: minutes(30) }, requesterWait: { normal: hours(8) } },
});

// Monday 2026-03-02: created at 09:00, nobody answers.
const waiting = () => eventLog().created("2026-03-02T09:00:00Z").message("2026-03-02T09:00:00Z", "customer");

function setup() {
  const bus = createEventBus<SlaEventMap>();
  const seen: string[] = [];
  bus.on("sla.warning", (e) => seen.push(`warning ${e.metric} ${e.at.toISOString()}`));
  bus.on("sla.breached", (e) => seen.push(`breached ${e.metric} ${e.at.toISOString()}`));
  const tracker = createSlaTracker({ policies: policy, bus, warnings: [{ share: 0.75 }] });
  return { bus, seen, tracker };
}

describe("createSlaTracker", () => {
  it("emits each warning and breach exactly once, when it happens", () => {
    const { seen, tracker } = setup();
    for (const event of waiting().events) tracker.record(event);
    tracker.tick("2026-03-02T10:00:00Z");
    expect(seen).toEqual([]);
    tracker.tick("2026-03-02T10:30:00Z"); // 75 % of 2 business hours
    tracker.tick("2026-03-02T10:45:00Z");
    tracker.tick("2026-03-02T11:00:00Z"); // due
    tracker.tick("2026-03-02T11:30:00Z");
    expect(seen).toEqual([
      "warning firstReply 2026-03-02T10:30:00.000Z",
      "breached firstReply 2026-03-02T11:00:00.000Z",
    ]);
  });

  it("a late tick catches up in time order", () => {
    const { seen, tracker } = setup();
    for (const event of waiting().events) tracker.record(event);
    const out = tracker.tick("2026-03-03T12:00:00Z");
    expect(out.map((e) => e.type)).toEqual(["sla.warning", "sla.breached", "sla.warning", "sla.breached"]);
    expect(seen).toEqual([
      "warning firstReply 2026-03-02T10:30:00.000Z",
      "breached firstReply 2026-03-02T11:00:00.000Z",
      "warning requesterWait 2026-03-02T15:00:00.000Z",
      "breached requesterWait 2026-03-02T17:00:00.000Z", // 8 business hours end at Monday's close
    ]);
    expect(tracker.tick("2026-03-04T12:00:00Z")).toEqual([]);
  });

  it("says when it next needs to wake", () => {
    const { tracker } = setup();
    for (const event of waiting().events) tracker.record(event);
    expect(tracker.nextWakeAt("2026-03-02T09:00:00Z")?.toISOString()).toBe("2026-03-02T10:30:00.000Z");
    tracker.tick("2026-03-02T10:30:00Z");
    expect(tracker.nextWakeAt("2026-03-02T10:30:00Z")?.toISOString()).toBe("2026-03-02T11:00:00.000Z");
    // Overdue work: wake now.
    expect(tracker.nextWakeAt("2026-03-02T11:05:00Z")?.toISOString()).toBe("2026-03-02T11:05:00.000Z");
    tracker.tick("2026-03-02T11:05:00Z");
    expect(tracker.nextWakeAt("2026-03-02T11:05:00Z")?.toISOString()).toBe("2026-03-02T15:00:00.000Z");
    // Once replied and solved, nothing is left.
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .message("2026-03-02T09:10:00Z", "agent")
      .status("2026-03-02T09:20:00Z", "solved");
    const other = setup().tracker;
    for (const event of log.events) other.record(event);
    expect(other.nextWakeAt("2026-03-02T09:30:00Z")).toBeNull();
    expect(other.tick("2026-03-09T09:30:00Z")).toEqual([]);
  });

  it("pending pauses: no wake-up for a paused target", () => {
    const log = eventLog()
      .created("2026-03-02T09:00:00Z")
      .message("2026-03-02T09:10:00Z", "agent")
      .status("2026-03-02T09:10:00Z", "pending");
    const { tracker } = setup();
    for (const event of log.events) tracker.record(event);
    expect(tracker.nextWakeAt("2026-03-02T09:30:00Z")).toBeNull();
    expect(
      tracker.status("t1", "2026-03-02T09:30:00Z").targets.find((t) => t.metric === "requesterWait")?.state,
    ).toBe("paused");
  });

  it("a stricter priority that is already exceeded breaches at once", () => {
    const { seen, tracker } = setup();
    for (const event of waiting().priority("2026-03-02T09:45:00Z", "urgent").events) tracker.record(event);
    tracker.tick("2026-03-02T09:45:00Z");
    // Under the urgent target both the 75 % mark (09:22:30) and the due time (09:30) have passed when it takes
    // over at 09:45, so both fire at 09:45, the warning first.
    expect(seen).toEqual([
      "warning firstReply 2026-03-02T09:45:00.000Z",
      "breached firstReply 2026-03-02T09:45:00.000Z",
    ]);
  });

  it("snapshots and restores without emitting twice", () => {
    const first = setup();
    for (const event of waiting().events) first.tracker.record(event);
    first.tracker.tick("2026-03-02T10:30:00Z");
    const saved = JSON.parse(JSON.stringify(first.tracker.snapshot()));
    const second = setup();
    second.tracker.restore(saved);
    expect(second.tracker.tickets()).toEqual(["t1"]);
    second.tracker.tick("2026-03-02T11:30:00Z");
    expect(second.seen).toEqual(["breached firstReply 2026-03-02T11:00:00.000Z"]);
    expect(() => second.tracker.restore({ version: 2 })).toThrow(ValidationError);
  });

  it("takes now from an injected clock when not given", () => {
    let now = "2026-03-02T10:00:00Z";
    const bus = createEventBus<SlaEventMap>();
    const tracker = createSlaTracker({ policies: policy, bus, clock: { now: () => now } });
    for (const event of waiting().events) tracker.record(event);
    expect(tracker.tick()).toEqual([]);
    now = "2026-03-02T11:00:00Z";
    expect(tracker.tick().map((e) => e.type)).toEqual(["sla.breached"]);
    expect(tracker.nextWakeAt()?.toISOString()).toBe("2026-03-02T17:00:00.000Z");
    const clockless = createSlaTracker({ policies: policy, bus });
    expect(() => clockless.tick()).toThrow(ValidationError);
  });

  it("rejects bad thresholds and unknown tickets; records only events that fit", () => {
    const bus = createEventBus<TicketEventMap & SlaEventMap>();
    expect(() => createSlaTracker({ policies: policy, bus, warnings: [{ share: 1.5 }] })).toThrow(
      ValidationError,
    );
    const tracker = createSlaTracker({ policies: [policy], bus });
    expect(() => tracker.status("nope", 0)).toThrow(SlaError);
    expect(() => tracker.status("nope", 0)).toThrow(expect.objectContaining({ code: "SLA_UNKNOWN_TICKET" }));
    const [, message] = waiting().events;
    expect(() => tracker.record(message!)).toThrow(expect.objectContaining({ code: "EVENT_BEFORE_CREATED" }));
  });
});

it.each([
  ["no bus", { policies: policy }, /bus: expected an event bus/],
  [
    "a misspelt option",
    { policies: policy, bus: createEventBus(), warning: [{ share: 0.5 }] },
    /unknown field "warning"/,
  ],
  [
    "a policy not from defineSlaPolicy",
    { policies: [policy, {}], bus: createEventBus() },
    /policies\.1: expected a policy from defineSlaPolicy/,
  ],
  [
    "a clock without now()",
    { policies: policy, bus: createEventBus(), clock: {} },
    /clock: expected a clock/,
  ],
])("createSlaTracker rejects %s where it is given, not on the first emit", (_, options, message) => {
  expect(() => createSlaTracker(options as never)).toThrow(ValidationError);
  expect(() => createSlaTracker(options as never)).toThrow(message);
});

describe("tracker laws", () => {
  const log = waiting()
    .priority("2026-03-02T09:20:00Z", "urgent")
    .priority("2026-03-02T10:00:00Z", "normal")
    .message("2026-03-02T16:00:00Z", "agent")
    .status("2026-03-02T16:00:00Z", "pending")
    .message("2026-03-03T10:00:00Z", "customer");
  const from = Date.parse("2026-03-02T08:00:00Z");
  test.prop([fc.array(fc.integer({ min: 0, max: 4 * 24 * 60 }), { maxLength: 30 })])(
    "what is emitted does not depend on how often it ticks",
    (tickMinutes) => {
      const once = setup();
      const often = setup();
      for (const event of log.events) {
        once.tracker.record(event);
        often.tracker.record(event);
      }
      const end = from + 4 * 86_400_000;
      for (const m of [...tickMinutes].sort((a, b) => a - b)) often.tracker.tick(from + m * 60_000);
      often.tracker.tick(end);
      once.tracker.tick(end);
      expect([...often.seen].sort()).toEqual([...once.seen].sort());
      expect(new Set(often.seen).size).toBe(often.seen.length);
    },
  );
});
