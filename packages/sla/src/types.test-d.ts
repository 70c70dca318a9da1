import { type BusinessClock, createEventBus, type TicketEventMap } from "@supportkit/core";
import { expectTypeOf, test } from "vitest";
import {
  type BusinessCalendar,
  type BusinessCalendarConfig,
  createBusinessCalendar,
  createSlaTracker,
  defineSlaPolicy,
  type SlaEventMap,
  type SlaTargetStatus,
} from "./index";

test("a calendar is a core BusinessClock", () => {
  expectTypeOf<BusinessCalendar>().toExtend<BusinessClock>();
  expectTypeOf(createBusinessCalendar).parameter(0).toEqualTypeOf<BusinessCalendarConfig>();
});

test("weekday keys and HH:MM pairs are typed", () => {
  expectTypeOf<{
    timeZone: "UTC";
    weekly: { mon: [["09:00", "17:00"]] };
  }>().toExtend<BusinessCalendarConfig>();
  expectTypeOf<{ timeZone: "UTC"; weekly: { monday: [] } }>().not.toExtend<BusinessCalendarConfig>();
});

test("the tracker takes a bus that also carries ticket events", () => {
  const bus = createEventBus<TicketEventMap & SlaEventMap>();
  const policy = defineSlaPolicy({ id: "p", targets: {} });
  expectTypeOf(createSlaTracker({ policies: policy, bus }).tick).returns.toEqualTypeOf<
    (SlaEventMap["sla.warning"] | SlaEventMap["sla.breached"])[]
  >();
  expectTypeOf<SlaTargetStatus["state"]>().toEqualTypeOf<"active" | "paused" | "achieved">();
});
