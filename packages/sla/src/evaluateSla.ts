import {
  alwaysOpenClock,
  type BusinessClock,
  type InstantInput,
  type Priority,
  type Ticket,
  type TicketEvent,
  toDate,
} from "@supportkit/core";
import { buildTimeline, type Cycle, type Regime } from "./_lib/cycles";
import { selectPolicy } from "./selectPolicy";
import type { SlaMetric, SlaPolicy, SlaTarget } from "./slaPolicy";

/**
 * Where one cycle of one metric stands: `active` (running), `paused` (running, clock stopped) or
 * `achieved` (ended); `breached` says whether it ran past its target, at any of these.
 *
 * @example
 * ```ts
 * const state: SlaTargetState = "paused";
 * ```
 */
export type SlaTargetState = "active" | "paused" | "achieved";

/**
 * One cycle of one metric, evaluated at `now`. Times in the target's clock (`elapsed`, `remaining`) are
 * business milliseconds for business-time targets and plain milliseconds for calendar-time ones.
 *
 * @example
 * ```ts
 * const status: SlaTargetStatus = evaluateSla(policy, events, now).targets[0]!;
 * status.metric; //=> "firstReply"
 * ```
 */
export interface SlaTargetStatus {
  /** The metric measured. */
  readonly metric: SlaMetric;
  /** Which cycle of the metric: 0 first, then 1, 2, … (next reply and updates have many). */
  readonly cycle: number;
  /** Running, paused or ended. */
  readonly state: SlaTargetState;
  /** Whether the cycle ran past its target (see `breachedAt`). */
  readonly breached: boolean;
  /** The target that applies now (or applied when the cycle ended); `null` when the policy has none any more. */
  readonly target: SlaTarget | null;
  /** When the cycle started. */
  readonly startedAt: Date;
  /** When the target is (or was) reached; `null` while paused or without a target. */
  readonly dueAt: Date | null;
  /** When the cycle ended (first reply sent, ticket solved…); `null` while running. */
  readonly achievedAt: Date | null;
  /** When it breached: the due instant, or the moment a stricter target took over when already exceeded. */
  readonly breachedAt: Date | null;
  /** Time counted so far, in the target's clock (pauses excluded). */
  readonly elapsed: number;
  /** Target minus elapsed, in the target's clock; negative when overdue. `null` without a target. */
  readonly remaining: number | null;
  /** Calendar milliseconds from `now` (or the achievement) to `dueAt`; negative when overdue; `null` when `dueAt` is. */
  readonly calendarRemaining: number | null;
}

/**
 * A ticket's SLA at one instant.
 *
 * @example
 * ```ts
 * const status: SlaStatus = evaluateSla([vip, standard], events, "2026-03-02T12:00:00Z");
 * status.policyId; //=> "vip"
 * ```
 */
export interface SlaStatus {
  /** The ticket evaluated. */
  readonly ticketId: string;
  /** The policy in force at `now` (`null` when none applies). */
  readonly policyId: string | null;
  /** The ticket's priority at `now`. */
  readonly priority: Priority;
  /** The instant evaluated. */
  readonly at: Date;
  /** The latest cycle of each metric that has (or had) a target. */
  readonly targets: readonly SlaTargetStatus[];
  /** Every cycle with a target, oldest first (earlier next-reply and update cycles included). */
  readonly history: readonly SlaTargetStatus[];
}

/**
 * Evaluates a ticket's SLA targets from its events at `now`: for each metric its state, due time,
 * business and calendar time remaining or overdue, and when it was achieved or breached.
 *
 * Pass one policy, or a list to re-select (with {@link selectPolicy}) after every event. A priority or
 * policy change keeps the time already used: the new target is measured from the cycle's original start,
 * so a stricter target that is already exceeded breaches at the moment of the change.
 *
 * @param policy - a policy, or policies in selection order
 * @param events - the ticket's events, oldest first, already parsed (core's `parseTicketEvents`)
 * @param now - the instant to evaluate at; later events are ignored
 * @returns the status
 * @throws ValidationError (code `VALIDATION`) for an invalid `now`
 * @throws ReplayError (codes of core's `applyEvent`, `DUPLICATE_EVENT`, `EMPTY_EVENT_LOG`) for a bad log
 * @throws CalendarHorizonError (code `CALENDAR_HORIZON`) from the policy's calendar
 * @example
 * ```ts
 * const calendar = createBusinessCalendar({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } });
 * const policy = defineSlaPolicy({ id: "p", calendar, targets: { firstReply: { normal: hours(2) } } });
 * // Ticket created Monday 2026-03-02 08:00 UTC, no reply yet.
 * evaluateSla(policy, events, "2026-03-02T10:00:00Z").targets[0]?.dueAt?.toISOString(); //=> "2026-03-02T11:00:00.000Z"
 * ```
 */
export function evaluateSla(
  policy: SlaPolicy | readonly SlaPolicy[],
  events: readonly TicketEvent[],
  now: InstantInput,
): SlaStatus {
  const at = toDate(now, "now").getTime();
  const policyFor = policyResolver(policy);
  return evaluateAt(policyFor, events, at).status;
}

/** What the tracker needs beyond {@link SlaStatus}: warning crossings per history entry. */
export interface DetailedEvaluation {
  readonly status: SlaStatus;
  readonly ticket: Ticket;
  /** `crossings[i][j]`: when `history[i]` reaches `thresholds[j]`. */
  readonly crossings: readonly (readonly (number | null)[])[];
}

/** Evaluation with warning thresholds (fractions of a target, or negative ms before it). Not public. */
export function evaluateAt(
  policyFor: (ticket: Ticket) => SlaPolicy | null,
  events: readonly TicketEvent[],
  at: number,
  thresholds: readonly number[] = [],
): DetailedEvaluation {
  const { ticket, cycles, regimes } = buildTimeline(events, at, policyFor);
  const history: SlaTargetStatus[] = [];
  const crossings: (number | null)[][] = [];
  const latest = new Map<SlaMetric, SlaTargetStatus>();
  for (const cycle of cycles) {
    const found: (number | null)[] = [];
    const status = evaluateCycle(cycle, regimes, at, thresholds, found);
    if (status === undefined) continue;
    history.push(status);
    crossings.push(found);
    latest.set(cycle.metric, status);
  }
  const current = regimes[regimes.length - 1]!;
  return {
    ticket,
    crossings,
    status: {
      ticketId: ticket.id,
      policyId: current.policy?.id ?? null,
      priority: ticket.priority,
      at: new Date(at),
      targets: [...latest.values()],
      history,
    },
  };
}

/** Fixed policy, or re-selection from a list after each event. */
export function policyResolver(
  policy: SlaPolicy | readonly SlaPolicy[],
): (ticket: Ticket) => SlaPolicy | null {
  if (!Array.isArray(policy)) return () => policy as SlaPolicy;
  const list = policy as readonly SlaPolicy[];
  return (ticket) => selectPolicy(list, ticket)?.policy ?? null;
}

function targetOf(regime: Regime, metric: SlaMetric): SlaTarget | undefined {
  return regime.policy?.targets[metric]?.[regime.priority];
}

function clockOf(regime: Regime, target: SlaTarget): BusinessClock {
  return target.clock === "calendar" ? alwaysOpenClock : regime.policy!.calendar!;
}

/** Running (unpaused) spans of a cycle up to `until`, or on forever when `openEnded` (no pause open). */
function activeSpans(cycle: Cycle, until: number, openEnded: boolean): [number, number][] {
  const spans: [number, number][] = [];
  let cursor = cycle.start;
  for (const pause of cycle.pauses) {
    if (!openEnded && pause.from >= until) break;
    if (pause.from > cursor) spans.push([cursor, openEnded ? pause.from : Math.min(pause.from, until)]);
    cursor = pause.to ?? Number.POSITIVE_INFINITY;
  }
  if (openEnded) {
    if (cursor !== Number.POSITIVE_INFINITY) spans.push([cursor, Number.POSITIVE_INFINITY]);
  } else if (cursor < until) spans.push([cursor, until]);
  return spans.filter(([a, b]) => b > a);
}

function elapsedUntil(clock: BusinessClock, spans: readonly [number, number][], t: number): number {
  let sum = 0;
  for (const [a, b] of spans) {
    if (a >= t) break;
    sum += clock.between(new Date(a), new Date(Math.min(b, t)));
  }
  return sum;
}

/** The first instant at which `amount` of clock time has run over the spans, or `null` if it never does. */
function instantAfter(
  clock: BusinessClock,
  spans: readonly [number, number][],
  amount: number,
): number | null {
  let left = amount;
  for (const [a, b] of spans) {
    const available =
      b === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : clock.between(new Date(a), new Date(b));
    if (left <= available) return clock.add(new Date(a), left).getTime();
    left -= available;
  }
  return null;
}

/** Evaluates one cycle against the regimes; `crossings` receives the instants (or `null`) at which the final
 * target's clock reaches each of `thresholds` (fractions of the target, or negative: ms before it). */
function evaluateCycle(
  cycle: Cycle,
  regimes: readonly Regime[],
  now: number,
  thresholds: readonly number[] = [],
  crossings: (number | null)[] = [],
): SlaTargetStatus | undefined {
  const end = cycle.end ?? now;
  const running = cycle.end === undefined;
  const lastPause = cycle.pauses[cycle.pauses.length - 1];
  const paused = running && lastPause !== undefined && lastPause.to === undefined;
  const closedSpans = activeSpans(cycle, end, false);
  // For due times: known pauses, and running on from `now` unless paused (an achieved cycle's due time is
  // where it would have fallen had it kept running).
  const projected = running
    ? activeSpans(cycle, end, !paused)
    : activeSpans(cycle, Number.POSITIVE_INFINITY, true);

  // The regime in force at the cycle's end (or now) is the one reported.
  let inForce: Regime | undefined;
  for (const regime of regimes) {
    if (regime.at > end) break;
    inForce = regime;
  }
  const finalTarget = inForce === undefined ? undefined : targetOf(inForce, cycle.metric);
  const final =
    inForce !== undefined && finalTarget !== undefined ? { regime: inForce, target: finalTarget } : undefined;
  let hadTarget = false;
  // Regimes that applied during the cycle: [pieceStart, pieceEnd) each.
  const pieces: { regime: Regime; target: SlaTarget; from: number; to: number; last: boolean }[] = [];
  for (let i = 0; i < regimes.length; i++) {
    const regime = regimes[i]!;
    if (regime.at > end) break;
    const next = regimes[i + 1];
    const last = next === undefined || next.at > end;
    const from = Math.max(regime.at, cycle.start);
    const to = last ? end : Math.min(next.at, end);
    if (!last && to <= from) continue;
    const target = targetOf(regime, cycle.metric);
    if (target === undefined) continue;
    hadTarget = true;
    pieces.push({ regime, target, from, to, last });
  }
  if (!hadTarget) return undefined;

  /**
   * The first instant the cycle's time reached `amountOf(target)` under the target in force at that
   * instant: within a piece at its due instant, or at the piece's start when a stricter target took over
   * already exceeded. A cycle still running at the instant counts; one achieved exactly then does not.
   */
  const crossing = (amountOf: (target: SlaTarget) => number): number | null => {
    for (const piece of pieces) {
      const amount = amountOf(piece.target);
      const due =
        amount <= 0 ? cycle.start : instantAfter(clockOf(piece.regime, piece.target), projected, amount);
      if (due === null) continue;
      const at = Math.max(due, piece.from);
      if ((at < end || (running && at === end)) && (at < piece.to || piece.last)) return at;
    }
    return null;
  };
  /** Where `amountOf(target)` falls under the final target, projecting a running cycle forward. */
  const projection = (amountOf: (target: SlaTarget) => number): number | null => {
    if (final === undefined) return null;
    const amount = amountOf(final.target);
    return amount <= 0 ? cycle.start : instantAfter(clockOf(final.regime, final.target), projected, amount);
  };

  const breachedAt = crossing((target) => target.ms);
  const dueAt = projection((target) => target.ms);
  const target = final?.target ?? null;
  const elapsed = final ? elapsedUntil(clockOf(final.regime, final.target), closedSpans, end) : 0;
  for (const threshold of thresholds) {
    const amountOf = (t: SlaTarget) => (threshold > 0 ? Math.round(t.ms * threshold) : t.ms + threshold);
    crossings.push(crossing(amountOf) ?? projection(amountOf));
  }
  const reference = running ? now : end;
  return {
    metric: cycle.metric,
    cycle: cycle.index,
    state: running ? (paused ? "paused" : "active") : "achieved",
    breached: breachedAt !== null,
    target,
    startedAt: new Date(cycle.start),
    dueAt: target !== null && dueAt !== null && !paused ? new Date(dueAt) : null,
    achievedAt: running ? null : new Date(end),
    breachedAt: breachedAt === null ? null : new Date(breachedAt),
    elapsed,
    remaining: target === null ? null : target.ms - elapsed,
    calendarRemaining: target !== null && dueAt !== null && !paused ? dueAt - reference : null,
  };
}
