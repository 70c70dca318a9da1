import mitt from "mitt";
import { z } from "zod";
import type { TicketEvent, TicketEventType } from "./events";

/**
 * The ticket events by their `type`: the default event map of {@link createEventBus}. Other packages
 * extend it with their own (`sla.breached`, `routing.assigned`) by intersecting maps.
 *
 * @example
 * ```ts
 * type MyEvents = TicketEventMap & { "sla.breached": { ticketId: string } };
 * const bus = createEventBus<MyEvents>();
 * ```
 */
export type TicketEventMap = { [K in TicketEventType]: Extract<TicketEvent, { type: K }> };

/**
 * Listener called for every event of a bus, with the event's type.
 *
 * @example
 * ```ts
 * const log: AnyEventHandler<TicketEventMap> = (type, event) => console.log(type, event.id);
 * ```
 */
export type AnyEventHandler<Events extends Record<string, unknown>> = <K extends keyof Events>(
  type: K,
  event: Events[K],
) => void;

/**
 * A typed, synchronous publish/subscribe channel. Handlers run in subscription order during `emit`.
 *
 * @example
 * ```ts
 * const bus: EventBus = createEventBus();
 * const stop = bus.on("status.changed", (event) => console.log(event.to));
 * stop(); // unsubscribes
 * ```
 */
export interface EventBus<Events extends Record<string, unknown> = TicketEventMap> {
  /** Subscribes to one type; returns a function that unsubscribes. */
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void;
  /** Subscribes to every type; returns a function that unsubscribes. */
  onAny(handler: AnyEventHandler<Events>): () => void;
  /** Unsubscribes a handler given to `on`. */
  off<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): void;
  /** Delivers an event to the handlers of its type, then to the `onAny` handlers. */
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
  /** Removes every handler. */
  clear(): void;
}

/**
 * Creates an event bus (a typed wrapper over mitt). Defaults to the ticket events; pass a wider map
 * to carry other packages' events too.
 *
 * @returns a new, empty bus
 * @example
 * ```ts
 * const bus = createEventBus();
 * bus.on("ticket.created", (event) => console.log(event.subject));
 * bus.emit("ticket.created", createdEvent); // logs the subject
 * ```
 */
export function createEventBus<Events extends Record<string, unknown> = TicketEventMap>(): EventBus<Events> {
  // mitt's wildcard handler receives the type first; we keep mitt's Emitter type private.
  const emitter = mitt<Record<string | symbol, unknown>>();
  const wrappedAny = new Map<AnyEventHandler<Events>, (type: string | symbol, event: unknown) => void>();
  const bus: EventBus<Events> = {
    on(type, handler) {
      emitter.on(type as string, handler as (event: unknown) => void);
      return () => bus.off(type, handler);
    },
    onAny(handler) {
      const wrapped = (type: string | symbol, event: unknown) =>
        handler(type as keyof Events, event as Events[keyof Events]);
      wrappedAny.set(handler, wrapped);
      emitter.on("*", wrapped);
      return () => {
        emitter.off("*", wrapped);
        wrappedAny.delete(handler);
      };
    },
    off(type, handler) {
      emitter.off(type as string, handler as (event: unknown) => void);
    },
    emit(type, event) {
      emitter.emit(type as string, event);
    },
    clear() {
      emitter.all.clear();
      wrappedAny.clear();
    },
  };
  return bus;
}

/**
 * Schema of an option holding an {@link EventBus}: any object with its `on`, `off` and `emit` methods (a
 * bus from {@link createEventBus}, or an adapter onto an app's own emitter), kept as is. Packages check
 * their `bus`/`events` options with it, so a wrong object fails where it is given, not on the first emit.
 *
 * @example
 * ```ts
 * EventBusSchema.safeParse(createEventBus()).success; //=> true
 * EventBusSchema.safeParse({}).success; //=> false
 * ```
 */
export const EventBusSchema: z.ZodType<EventBus<Record<string, unknown>>> = z.custom<
  EventBus<Record<string, unknown>>
>((value) => {
  if (typeof value !== "object" || value === null) return false;
  const bus = value as Record<string, unknown>;
  return typeof bus.on === "function" && typeof bus.off === "function" && typeof bus.emit === "function";
}, "expected an event bus (see createEventBus)");
