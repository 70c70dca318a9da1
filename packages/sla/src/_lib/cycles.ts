import {
  applyEvent,
  type Priority,
  ReplayError,
  type Ticket,
  type TicketEvent,
  type TicketStatus,
} from "@supportkit/core";
import type { SlaMetric, SlaPolicy } from "../slaPolicy";

/** One measured run of a metric: from `start` to `end` (absent while running), minus its pauses. */
export interface Cycle {
  readonly metric: SlaMetric;
  /** 0 for the metric's first cycle on the ticket, then 1, 2, … */
  readonly index: number;
  readonly start: number;
  end?: number;
  /** Paused spans `[from, to)`; `to` absent while paused. */
  readonly pauses: { from: number; to?: number }[];
}

/** Which policy and priority applied from `at` on (until the next regime). */
export interface Regime {
  readonly at: number;
  readonly policy: SlaPolicy | null;
  readonly priority: Priority;
}

export interface Timeline {
  readonly ticket: Ticket;
  readonly cycles: Cycle[];
  readonly regimes: Regime[];
}

const DONE: ReadonlySet<TicketStatus> = new Set(["solved", "closed"]);

function pausedIn(metric: SlaMetric, status: TicketStatus): boolean {
  switch (metric) {
    case "pausableUpdate":
    case "requesterWait":
      return status === "pending";
    case "agentWork":
      return status === "pending" || status === "on_hold";
    default:
      return false;
  }
}

/**
 * Replays the events (with core's `applyEvent`, so its reopen rules hold) and cuts each metric into cycles.
 * Events after `now` are ignored: the result is the state as of `now`.
 */
export function buildTimeline(
  events: readonly TicketEvent[],
  now: number,
  policyFor: (ticket: Ticket) => SlaPolicy | null,
): Timeline {
  let ticket: Ticket | undefined;
  const cycles: Cycle[] = [];
  const regimes: Regime[] = [];
  const running = new Map<SlaMetric, Cycle>();
  const counts = new Map<SlaMetric, number>();
  let replied = false;
  const seen = new Set<string>();

  const open = (metric: SlaMetric, at: number, status: TicketStatus) => {
    const index = counts.get(metric) ?? 0;
    counts.set(metric, index + 1);
    const cycle: Cycle = { metric, index, start: at, pauses: pausedIn(metric, status) ? [{ from: at }] : [] };
    cycles.push(cycle);
    running.set(metric, cycle);
  };
  const close = (metric: SlaMetric, at: number) => {
    const cycle = running.get(metric);
    if (cycle === undefined) return;
    const last = cycle.pauses[cycle.pauses.length - 1];
    if (last !== undefined && last.to === undefined) last.to = at;
    cycle.end = at;
    running.delete(metric);
  };

  for (const event of events) {
    const at = event.at.getTime();
    if (at > now) break;
    if (seen.has(event.id)) {
      throw new ReplayError("DUPLICATE_EVENT", `Event ${event.id} appears twice in the log`, event.id);
    }
    seen.add(event.id);
    const before = ticket;
    ticket = applyEvent(ticket, event);
    const from = before?.status;
    const to = ticket.status;

    if (event.type === "ticket.created") {
      for (const metric of ["firstReply", "requesterWait", "agentWork", "totalResolution"] as const)
        open(metric, at, to);
    }
    const reopened = from === "solved" && !DONE.has(to);
    if (reopened) {
      for (const metric of ["requesterWait", "agentWork", "totalResolution"] as const) open(metric, at, to);
    }
    if (event.type === "message.added" && event.message.visibility === "public") {
      const role = event.message.author.role;
      if (role === "agent") {
        close("firstReply", at);
        close("nextReply", at);
        replied = true;
        if (!DONE.has(to)) {
          close("periodicUpdate", at);
          open("periodicUpdate", at, to);
          close("pausableUpdate", at);
          open("pausableUpdate", at, to);
        }
      } else if (role === "customer" && replied && !running.has("nextReply") && !DONE.has(to)) {
        open("nextReply", at, to);
      }
    }
    if (DONE.has(to) && (from === undefined || !DONE.has(from))) {
      for (const metric of [...running.keys()]) close(metric, at);
    }
    // Pauses follow the status.
    for (const cycle of running.values()) {
      const paused = pausedIn(cycle.metric, to);
      const last = cycle.pauses[cycle.pauses.length - 1];
      const isPaused = last !== undefined && last.to === undefined;
      if (paused && !isPaused) cycle.pauses.push({ from: at });
      else if (!paused && isPaused) last.to = at;
    }
    const policy = policyFor(ticket);
    const previous = regimes[regimes.length - 1];
    if (previous === undefined || previous.policy !== policy || previous.priority !== ticket.priority) {
      regimes.push({ at, policy, priority: ticket.priority });
    }
  }
  if (ticket === undefined) throw new ReplayError("EMPTY_EVENT_LOG", "No ticket events at or before `now`");
  return { ticket, cycles, regimes };
}
