import {
  applyEvent,
  createParser,
  type EventBus,
  EventBusSchema,
  type InstantInput,
  parseTicketEvents,
  type Ticket,
  type TicketEvent,
  toDate,
  ValidationError,
} from "@supportkit/core";
import { z } from "zod";
import { SlaError } from "./errors";
import { evaluateAt, policyResolver, type SlaStatus } from "./evaluateSla";
import type { SlaMetric, SlaPolicy } from "./slaPolicy";

/**
 * When to warn before a target is due: `{ before: ms }` (that much of the target's clock before due) or
 * `{ share: 0.75 }` (when 75 % of the target is used).
 *
 * @example
 * ```ts
 * const warnings: SlaWarningThreshold[] = [{ share: 0.75 }, { before: minutes(15) }];
 * ```
 */
export type SlaWarningThreshold = { readonly before: number } | { readonly share: number };

/**
 * Emitted on the bus once when a running target crosses a warning threshold.
 *
 * @example
 * ```ts
 * bus.on("sla.warning", (event: SlaWarningEvent) => notify(event.ticketId, event.metric, event.dueAt));
 * ```
 */
export interface SlaWarningEvent {
  readonly type: "sla.warning";
  /** The ticket concerned. */
  readonly ticketId: string;
  /** The policy in force when evaluated. */
  readonly policyId: string | null;
  /** The metric whose target is near. */
  readonly metric: SlaMetric;
  /** Which cycle of the metric. */
  readonly cycle: number;
  /** The threshold that was crossed. */
  readonly threshold: SlaWarningThreshold;
  /** When it was crossed. */
  readonly at: Date;
  /** When the target is due (`null` while paused). */
  readonly dueAt: Date | null;
}

/**
 * Emitted on the bus once when a target breaches.
 *
 * @example
 * ```ts
 * bus.on("sla.breached", (event: SlaBreachedEvent) => escalate(event.ticketId, event.metric));
 * ```
 */
export interface SlaBreachedEvent {
  readonly type: "sla.breached";
  /** The ticket concerned. */
  readonly ticketId: string;
  /** The policy in force when evaluated. */
  readonly policyId: string | null;
  /** The metric whose target breached. */
  readonly metric: SlaMetric;
  /** Which cycle of the metric. */
  readonly cycle: number;
  /** When it breached. */
  readonly at: Date;
  /** When the target was due (earlier than `at` when a stricter target took over already exceeded). */
  readonly dueAt: Date | null;
}

/**
 * The events an {@link SlaTracker} emits, by type; combine with core's `TicketEventMap` for one bus.
 *
 * @example
 * ```ts
 * const bus = createEventBus<TicketEventMap & SlaEventMap>();
 * ```
 */
export type SlaEventMap = { "sla.warning": SlaWarningEvent; "sla.breached": SlaBreachedEvent };

/**
 * Options of {@link createSlaTracker}.
 *
 * @example
 * ```ts
 * const options: SlaTrackerOptions = { policies: [vip, standard], bus, warnings: [{ share: 0.75 }] };
 * ```
 */
export interface SlaTrackerOptions<Events extends SlaEventMap = SlaEventMap> {
  /** A policy, or policies in selection order (re-selected after every event). */
  readonly policies: SlaPolicy | readonly SlaPolicy[];
  /** Where `sla.warning` and `sla.breached` go. */
  readonly bus: EventBus<Events>;
  /** Warning thresholds; default none. `share` in (0, 1), `before` in positive milliseconds. */
  readonly warnings?: readonly SlaWarningThreshold[];
  /** Where "now" comes from when `tick`, `nextWakeAt` or `status` get no instant; never the system clock. */
  readonly clock?: {
    /** The current instant. */
    now(): InstantInput;
  };
}

/**
 * A tracker's state as JSON, for persistence: the events of the tickets it follows and the keys of what
 * it already emitted.
 *
 * @example
 * ```ts
 * localStorage.setItem("sla", JSON.stringify(tracker.snapshot()));
 * ```
 */
export interface SlaTrackerSnapshot {
  /** Format version. */
  readonly version: 1;
  /** Each followed ticket's events, as JSON. */
  readonly tickets: Readonly<Record<string, readonly unknown[]>>;
  /** Keys of the warnings and breaches already emitted. */
  readonly emitted: readonly string[];
}

/**
 * Follows tickets' events and emits SLA warnings and breaches, each exactly once (also across
 * snapshot/restore and whatever the tick cadence: a late tick catches up, in time order per ticket).
 *
 * @example
 * ```ts
 * tracker.record(event);
 * tracker.tick(now); // emits what became due
 * tracker.nextWakeAt(now); // when to tick next
 * ```
 */
export interface SlaTracker {
  /** Adds a ticket event (already parsed); throws core's `ReplayError`/`TransitionError` if it does not fit. */
  record(event: TicketEvent): void;
  /** Emits every warning and breach that happened by `now` and was not emitted before; returns them too. */
  tick(now?: InstantInput): (SlaWarningEvent | SlaBreachedEvent)[];
  /** The earliest instant after `now` at which a tick would emit something (given no new events), or `null`. */
  nextWakeAt(now?: InstantInput): Date | null;
  /** The SLA status of one followed ticket; throws {@link SlaError} (code `SLA_UNKNOWN_TICKET`) for another. */
  status(ticketId: string, now?: InstantInput): SlaStatus;
  /** Ids of the tickets followed. */
  tickets(): string[];
  /** Stops following a ticket. */
  forget(ticketId: string): void;
  /** The state as JSON. */
  snapshot(): SlaTrackerSnapshot;
  /** Replaces the state with a snapshot's. */
  restore(snapshot: unknown): void;
}

const thresholdSchema = z.union([
  z.strictObject({ before: z.number().int().positive() }),
  z.strictObject({ share: z.number().gt(0).lt(1) }),
]);
const isPolicy = (value: unknown): value is SlaPolicy =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { id?: unknown }).id === "string" &&
  typeof (value as { targets?: unknown }).targets === "object";
// One policy or a list, checked by hand rather than as a union, whose error is a bare "Invalid input".
const policiesSchema = z.unknown().superRefine((value, ctx) => {
  const message = "expected a policy from defineSlaPolicy";
  if (!Array.isArray(value)) {
    if (!isPolicy(value)) ctx.addIssue({ code: "custom", message: `${message}, or a list of them` });
    return;
  }
  value.forEach((entry, index) => {
    if (!isPolicy(entry)) ctx.addIssue({ code: "custom", path: [index], message });
  });
});
// Strict, as every options object here: a misspelt `warning` would otherwise silently mean "no warnings".
const parseTrackerOptions = createParser(
  z.strictObject({
    policies: policiesSchema,
    bus: EventBusSchema,
    warnings: z.array(thresholdSchema).max(20).optional(),
    clock: z
      .custom<{ now(): InstantInput }>(
        (value) =>
          typeof value === "object" &&
          value !== null &&
          typeof (value as { now?: unknown }).now === "function",
        "expected a clock with a now() method",
      )
      .optional(),
  }),
  "SLA tracker options",
);
const parseSnapshot = createParser(
  z.strictObject({
    version: z.literal(1),
    tickets: z.record(z.string(), z.array(z.unknown())),
    emitted: z.array(z.string()),
  }),
  "SLA tracker snapshot",
);

interface Followed {
  events: TicketEvent[];
  ticket: Ticket;
}

/**
 * Creates an SLA tracker: feed it ticket events, tick it with the current time, and it emits
 * `sla.warning` and `sla.breached` on the bus exactly once each. It never reads the clock itself.
 *
 * @param options - policies, bus and warning thresholds
 * @returns the tracker
 * @throws ValidationError (code `VALIDATION`) for a missing or wrong option (no `bus`, a policy not from
 *   `defineSlaPolicy`, bad warning thresholds, an unknown key), and, from its methods, for a missing or
 *   invalid `now`
 * @example
 * ```ts
 * const bus = createEventBus<SlaEventMap>();
 * const tracker = createSlaTracker({ policies: policy, bus, warnings: [{ share: 0.75 }] });
 * bus.on("sla.breached", (event) => console.log(event.metric, event.at.toISOString()));
 * for (const event of events) tracker.record(event);
 * tracker.tick("2026-03-02T12:00:00Z"); // logs: firstReply 2026-03-02T11:00:00.000Z
 * tracker.nextWakeAt("2026-03-02T12:00:00Z"); //=> next warning or due instant, or null
 * ```
 */
export function createSlaTracker<Events extends SlaEventMap = SlaEventMap>(
  options: SlaTrackerOptions<Events>,
): SlaTracker {
  // The parsed copy: a caller's later change to its arrays cannot reach the tracker.
  const warnings = parseTrackerOptions(options).warnings ?? [];
  // Evaluation thresholds: fractions for shares, negative milliseconds for "before".
  const thresholds = warnings.map((w) => ("share" in w ? w.share : -w.before));
  const policyFor = policyResolver(options.policies);
  // The bus may carry other events too; the tracker only emits its own.
  const bus = options.bus as unknown as EventBus<SlaEventMap>;
  let followed = new Map<string, Followed>();
  let emitted = new Set<string>();

  const epochOf = (now: InstantInput | undefined): number => {
    const value = now ?? options.clock?.now();
    if (value === undefined) {
      throw new ValidationError("now", [
        { path: "", code: "invalid_instant", message: "pass `now` or give the tracker a `clock`" },
      ]);
    }
    return toDate(value, "now").getTime();
  };

  const evaluate = (entry: Followed, at: number) => evaluateAt(policyFor, entry.events, at, thresholds);

  const pendingFor = (entry: Followed, at: number) => {
    const found: { key: string; at: number; event: SlaWarningEvent | SlaBreachedEvent }[] = [];
    const upcoming: number[] = [];
    // A ticket created after `now` has nothing due yet.
    if (entry.events[0]!.at.getTime() > at) return { found, upcoming };
    const { status, crossings } = evaluate(entry, at);
    status.history.forEach((target, i) => {
      const base = `${status.ticketId}|${target.metric}|${target.cycle}`;
      const end = target.achievedAt?.getTime() ?? Number.POSITIVE_INFINITY;
      const common = {
        ticketId: status.ticketId,
        policyId: status.policyId,
        metric: target.metric,
        cycle: target.cycle,
        dueAt: target.dueAt,
      };
      warnings.forEach((threshold, j) => {
        const key = `${base}|warn|${j}`;
        const crossing = crossings[i]?.[j] ?? null;
        if (crossing === null || emitted.has(key) || crossing >= end) return;
        if (crossing <= at) {
          found.push({
            key,
            at: crossing,
            event: { type: "sla.warning", ...common, threshold, at: new Date(crossing) },
          });
        } else if (target.state === "active") upcoming.push(crossing);
      });
      const key = `${base}|breach`;
      if (emitted.has(key)) return;
      if (target.breachedAt !== null) {
        const breached = target.breachedAt.getTime();
        found.push({ key, at: breached, event: { type: "sla.breached", ...common, at: target.breachedAt } });
      } else if (target.state === "active" && target.dueAt !== null) upcoming.push(target.dueAt.getTime());
    });
    // Warnings before breaches at the same instant; otherwise time order.
    found.sort((a, b) => a.at - b.at || (a.event.type === "sla.warning" ? -1 : 1));
    return { found, upcoming };
  };

  const tracker: SlaTracker = {
    record(event) {
      const entry = followed.get(event.ticketId);
      const ticket = applyEvent(entry?.ticket, event);
      if (entry === undefined) followed.set(event.ticketId, { events: [event], ticket });
      else {
        entry.events.push(event);
        entry.ticket = ticket;
      }
    },
    tick(now) {
      const at = epochOf(now);
      const out: (SlaWarningEvent | SlaBreachedEvent)[] = [];
      for (const entry of followed.values()) {
        for (const { key, event } of pendingFor(entry, at).found) {
          emitted.add(key);
          out.push(event);
          if (event.type === "sla.warning") bus.emit("sla.warning", event);
          else bus.emit("sla.breached", event);
        }
      }
      return out;
    },
    nextWakeAt(now) {
      const at = epochOf(now);
      let next = Number.POSITIVE_INFINITY;
      for (const entry of followed.values()) {
        const { found, upcoming } = pendingFor(entry, at);
        if (found.length > 0) return new Date(at); // overdue: tick now
        for (const instant of upcoming) if (instant < next) next = instant;
      }
      return next === Number.POSITIVE_INFINITY ? null : new Date(next);
    },
    status(ticketId, now) {
      const entry = followed.get(ticketId);
      if (entry === undefined) {
        throw new SlaError("SLA_UNKNOWN_TICKET", `Ticket ${ticketId} is not followed by this tracker`);
      }
      return evaluate(entry, epochOf(now)).status;
    },
    tickets: () => [...followed.keys()],
    forget(ticketId) {
      followed.delete(ticketId);
      const prefix = `${ticketId}|`;
      for (const key of emitted) if (key.startsWith(prefix)) emitted.delete(key);
    },
    snapshot() {
      const tickets: Record<string, unknown[]> = {};
      for (const [id, entry] of followed) tickets[id] = JSON.parse(JSON.stringify(entry.events));
      return { version: 1, tickets, emitted: [...emitted].sort() };
    },
    restore(snapshot) {
      const parsed = parseSnapshot(snapshot);
      const next = new Map<string, Followed>();
      for (const [id, raw] of Object.entries(parsed.tickets)) {
        const events = parseTicketEvents(raw);
        let ticket: Ticket | undefined;
        for (const event of events) ticket = applyEvent(ticket, event);
        if (ticket !== undefined) next.set(id, { events, ticket });
      }
      followed = next;
      emitted = new Set(parsed.emitted);
    },
  };
  return tracker;
}
