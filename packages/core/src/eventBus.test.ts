import { describe, expect, it } from "vitest";
import { lateParcel } from "./_test/fixtures";
import { createEventBus, EventBusSchema, type TicketEventMap } from "./eventBus";

describe("createEventBus", () => {
  it("delivers typed events to handlers of their type, then to onAny, in order", () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.on("status.changed", (event) => seen.push(`status:${event.to}`));
    bus.onAny((type) => seen.push(`any:${String(type)}`));
    for (const event of lateParcel) bus.emit(event.type, event as never);
    expect(seen.slice(0, 4)).toEqual([
      "any:ticket.created",
      "any:message.added",
      "any:assigned",
      "any:message.added",
    ]);
    expect(seen).toContain("status:pending");
    expect(seen.indexOf("status:pending")).toBeLessThan(seen.lastIndexOf("any:status.changed"));
  });

  it("unsubscribes, and buses do not share handlers", () => {
    const first = createEventBus<TicketEventMap & { "sla.breached": { ticketId: string } }>();
    const second = createEventBus<{ "sla.breached": { ticketId: string } }>();
    const seen: string[] = [];
    const stop = first.on("sla.breached", (event) => seen.push(event.ticketId));
    const stopAny = first.onAny((type) => seen.push(String(type)));
    first.emit("sla.breached", { ticketId: "t1" });
    second.emit("sla.breached", { ticketId: "t2" });
    stop();
    stopAny();
    first.emit("sla.breached", { ticketId: "t3" });
    expect(seen).toEqual(["t1", "sla.breached"]);
    const handler = (event: { ticketId: string }) => seen.push(event.ticketId);
    first.on("sla.breached", handler);
    first.off("sla.breached", handler);
    first.on("sla.breached", handler);
    first.clear();
    first.emit("sla.breached", { ticketId: "t4" });
    expect(seen).toEqual(["t1", "sla.breached"]);
  });
});

describe("EventBusSchema", () => {
  it("accepts a bus or any object with on, off and emit, and rejects the rest", () => {
    const bus = createEventBus();
    expect(EventBusSchema.parse(bus)).toBe(bus);
    expect(EventBusSchema.safeParse({ on() {}, off() {}, emit() {} }).success).toBe(true);
    for (const wrong of [undefined, null, {}, { on() {}, emit() {} }, "bus"])
      expect(EventBusSchema.safeParse(wrong).success).toBe(false);
  });
});
