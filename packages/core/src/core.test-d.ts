import { describe, expectTypeOf, it } from "vitest";
import type { BusinessClock, EventBus, Ticket, TicketEvent, TicketEventOf, TicketStatus } from "./index";
import { alwaysOpenClock, createEventBus, parseTicket, replay } from "./index";

describe("core types", () => {
  it("parsers return the output types", () => {
    expectTypeOf(parseTicket).returns.toEqualTypeOf<Ticket>();
    expectTypeOf(replay).parameter(0).toEqualTypeOf<readonly TicketEvent[]>();
    expectTypeOf<Ticket["createdAt"]>().toEqualTypeOf<Date>();
    expectTypeOf<Ticket["status"]>().toEqualTypeOf<TicketStatus>();
  });

  it("events narrow on type", () => {
    expectTypeOf<TicketEventOf<"status.changed">["to"]>().toEqualTypeOf<TicketStatus>();
    expectTypeOf<TicketEventOf<"merged">["into"]>().toEqualTypeOf<string>();
  });

  it("the bus is typed per event", () => {
    const bus = createEventBus();
    expectTypeOf(bus).toEqualTypeOf<EventBus>();
    bus.on("rated", (event) => {
      expectTypeOf(event.rating.score).toEqualTypeOf<number>();
    });
    // @ts-expect-error unknown event type
    bus.on("no.such.event", () => {});
  });

  it("the always-open clock is a BusinessClock", () => {
    expectTypeOf(alwaysOpenClock).toExtend<BusinessClock>();
  });
});
