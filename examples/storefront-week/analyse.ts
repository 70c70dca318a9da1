// From the event logs to the numbers: SLA outcomes per ticket (@supportkit/sla), per-ticket metrics in the
// handling team's business hours and mergeable accumulators (@supportkit/metrics), satisfaction scores and
// Erlang C staffing advice per hour for next week.
import type { Priority } from "@supportkit/core";
import {
  agentsRequired,
  asyncAgentsRequired,
  createAccumulator,
  erlangC,
  type GroupResult,
  type SlaOutcome,
  ticketMetrics,
  withSla,
} from "@supportkit/metrics";
import { evaluateSla, type SlaPolicy } from "@supportkit/sla";
import type { TeamId } from "./calendars";
import { CHANNELS, LANGUAGES, PRIORITY_ORDER } from "./catalog";
import { createPolicies } from "./policies";
import type { Simulation } from "./simulate";

export interface Share {
  readonly key: string;
  readonly met: number;
  readonly total: number;
  readonly share: number | null;
}

export interface StaffingRow {
  readonly hour: number;
  /** Forecast contacts per hour (this week's average at this UTC hour). */
  readonly chatPerHour: number;
  readonly asyncPerHour: number;
  /** Agents Erlang C asks for on chat (80 % answered in 60 s, ≤ 85 % occupancy) and for e-mail-like work (90 % in 4 h). */
  readonly chatAgents: number;
  readonly asyncAgents: number;
  /** With 30 % shrinkage. */
  readonly scheduled: number;
  /** Agents on shift at this hour this week, averaged over the seven days. */
  readonly onShift: number;
  readonly chatServiceLevel: number | null;
}

export interface Summary {
  readonly seed: number;
  readonly tickets: number;
  readonly start: Date;
  readonly end: Date;
  readonly now: Date;
  readonly holidays: readonly string[];
  readonly byChannel: readonly (readonly [string, number])[];
  readonly byLanguage: readonly (readonly [string, number])[];
  readonly firstReply: { readonly p50: number | null; readonly p90: number | null; readonly count: number };
  readonly resolution: { readonly p50: number | null; readonly p90: number | null; readonly count: number };
  readonly firstReplyByChannel: readonly {
    readonly channel: string;
    readonly p50: number | null;
    readonly p90: number | null;
  }[];
  readonly slaByPriority: readonly {
    readonly key: string;
    readonly firstReply: Share;
    readonly resolution: Share;
  }[];
  readonly slaByTeam: readonly {
    readonly key: string;
    readonly firstReply: Share;
    readonly resolution: Share;
  }[];
  readonly csat: { readonly share: number | null; readonly count: number; readonly mean: number | null };
  readonly nps: { readonly score: number | null; readonly count: number };
  readonly ces: { readonly mean: number | null; readonly agreeShare: number | null; readonly count: number };
  readonly oneTouchRate: number | null;
  readonly reopenRate: number | null;
  readonly fcrRate: number | null;
  readonly solved: number;
  readonly unsolved: number;
  readonly relaxedAssignments: number;
  readonly stickyAssignments: number;
  readonly volumeByHour: readonly number[];
  readonly busiestHours: readonly { readonly at: Date; readonly count: number }[];
  /** First reply in business hours, bucketed. */
  readonly frtHistogram: readonly { readonly label: string; readonly count: number }[];
  readonly agentLoad: readonly {
    readonly agentId: string;
    readonly name: string;
    readonly team: TeamId;
    readonly touches: number;
    readonly handleHours: number;
  }[];
  readonly staffing: readonly StaffingRow[];
  readonly live: Simulation["live"];
  /** One routing decision, explained: who could take the ticket, who could not and why. */
  readonly explained: {
    readonly ticketId: string;
    readonly at: Date;
    readonly agent: string | null;
    readonly reason: string;
    readonly requirements: string;
    readonly eligible: readonly string[];
    readonly rejected: readonly (readonly [code: string, names: readonly string[]])[];
    /** Where it went in the end. */
    readonly assigned: { readonly agent: string; readonly at: Date; readonly relaxed: boolean } | null;
  } | null;
  readonly peakWhatIf: {
    readonly hour: number;
    readonly agents: number;
    readonly serviceLevel: number;
    readonly asaSeconds: number;
  } | null;
}

const FRT_BUCKETS: readonly (readonly [string, number])[] = [
  ["< 15 min", 15 * 60_000],
  ["15–60 min", 3_600_000],
  ["1–2 h", 2 * 3_600_000],
  ["2–4 h", 4 * 3_600_000],
  ["4–8 h", 8 * 3_600_000],
  ["8–24 h", 24 * 3_600_000],
  ["≥ 24 h", Number.POSITIVE_INFINITY],
];

function share(result: GroupResult | undefined, target: string, key: string): Share {
  const s = result?.sla[target];
  return {
    key,
    met: s?.met ?? 0,
    total: s?.total ?? 0,
    share: s === undefined || s.total === 0 ? null : s.share,
  };
}

/** SLA outcomes of one ticket: each metric is met when none of its cycles breached. Running, unbreached cycles are left out. */
function slaOutcomes(policies: readonly SlaPolicy[], sim: Simulation, index: number): SlaOutcome[] {
  const ticket = sim.tickets[index]!;
  const status = evaluateSla(policies, ticket.events, sim.now);
  const outcomes: SlaOutcome[] = [];
  for (const metric of ["firstReply", "totalResolution"] as const) {
    const cycles = status.history.filter((c) => c.metric === metric && c.target !== null);
    if (cycles.length === 0) continue;
    const breached = cycles.some((c) => c.breached);
    const decided = breached || cycles.every((c) => c.state === "achieved");
    if (decided) outcomes.push({ target: metric, met: !breached, agentId: ticket.ticket.assigneeId });
  }
  return outcomes;
}

export function analyse(sim: Simulation, seed: number): Summary {
  const policies = createPolicies(sim.teams);
  // Keep every sample (a week is small), so percentiles are exact rather than sketched.
  const options = { preset: "zendesk" as const, exactLimit: 1_000_000 };
  const overall = createAccumulator(options);
  const byPriority = createAccumulator({ ...options, groupBy: ["priority"] });
  const byTeam = createAccumulator({ ...options, groupBy: ["group"] });
  const byChannelAcc = createAccumulator({ ...options, groupBy: ["channel"] });
  const languages = new Map<string, number>(LANGUAGES.map((l) => [l, 0]));
  const histogram = FRT_BUCKETS.map(([label]) => ({ label, count: 0 }));
  const volumeByHour = Array.from({ length: 168 }, () => 0);
  let unsolved = 0;

  sim.tickets.forEach((ticket, index) => {
    const team = (ticket.ticket.groupId ?? ticket.arrival.segment.home) as TeamId;
    // Business time on the calendar of the team that handled the ticket.
    const facts = withSla(
      ticketMetrics(ticket.events, { clock: sim.teams[team].calendar, preset: "zendesk", now: sim.now }),
      slaOutcomes(policies, sim, index),
    );
    overall.add(facts);
    byPriority.add(facts);
    byTeam.add(facts);
    byChannelAcc.add(facts);
    languages.set(ticket.arrival.language, (languages.get(ticket.arrival.language) ?? 0) + 1);
    const frt = facts.firstReply?.businessMs;
    if (frt !== undefined && frt !== null) {
      const bucket = FRT_BUCKETS.findIndex(([, upper]) => frt < upper);
      histogram[bucket]!.count++;
    }
    const hour = Math.floor((ticket.arrival.at.getTime() - sim.start.getTime()) / 3_600_000);
    if (hour >= 0 && hour < 168) volumeByHour[hour]!++;
    if (ticket.ticket.status !== "solved" && ticket.ticket.status !== "closed") unsolved++;
  });

  const all = overall.result()[0];
  const group = (results: GroupResult[], dim: "priority" | "group" | "channel", key: string) =>
    results.find((r) => r.key[dim] === key);
  const priorityResults = byPriority.result();
  const teamResults = byTeam.result();
  const channelResults = byChannelAcc.result();

  const busiestHours = volumeByHour
    .map((count, hour) => ({ at: new Date(sim.start.getTime() + hour * 3_600_000), count, hour }))
    .sort((a, b) => b.count - a.count || a.hour - b.hour)
    .slice(0, 5)
    .map(({ at, count }) => ({ at, count }));

  const load = new Map<string, { touches: number; handleMs: number }>();
  for (const touch of sim.touches) {
    const entry = load.get(touch.agentId) ?? { touches: 0, handleMs: 0 };
    entry.touches++;
    entry.handleMs += touch.repliedAt.getTime() - touch.assignedAt.getTime();
    load.set(touch.agentId, entry);
  }
  const agentLoad = sim.agents.map((agent) => ({
    agentId: agent.id,
    name: agent.name,
    team: agent.team,
    touches: load.get(agent.id)?.touches ?? 0,
    handleHours: (load.get(agent.id)?.handleMs ?? 0) / 3_600_000,
  }));

  const { staffing, peakWhatIf } = staffingAdvice(sim);
  const nameOf = new Map(sim.agents.map((a) => [a.id, a.name]));
  let explained: Summary["explained"] = null;
  if (sim.explained !== null) {
    const e = sim.explained.explanation;
    const rejected = new Map<string, string[]>();
    for (const c of e.candidates) {
      if (!c.eligible)
        rejected.set(c.code, [...(rejected.get(c.code) ?? []), nameOf.get(c.agentId) ?? c.agentId]);
    }
    explained = {
      ticketId: sim.explained.ticketId,
      at: e.at,
      agent: e.agentId === null ? null : (nameOf.get(e.agentId) ?? e.agentId),
      reason: e.reason,
      requirements:
        e.requirements.skills
          .map((skill) => `${skill.name} ≥ ${skill.minLevel}${skill.dropped ? " (dropped)" : ""}`)
          .join(", ") || "none",
      eligible: e.candidates
        .filter((c) => c.eligible)
        .sort((a, b) => (a.eligible && b.eligible ? a.rank - b.rank : 0))
        .map((c) => nameOf.get(c.agentId) ?? c.agentId),
      rejected: [...rejected.entries()],
      assigned: (() => {
        const touch = sim.touches.find((t) => t.ticketId === sim.explained?.ticketId);
        return touch === undefined
          ? null
          : {
              agent: nameOf.get(touch.agentId) ?? touch.agentId,
              at: touch.assignedAt,
              relaxed: touch.relaxed,
            };
      })(),
    };
  }
  const durationOf = (metric: "firstReply" | "resolution", result: GroupResult | undefined) => {
    const summary = result?.metrics[metric].business;
    return { p50: summary?.median ?? null, p90: summary?.p90 ?? null, count: summary?.count ?? 0 };
  };

  return {
    seed,
    tickets: sim.tickets.length,
    start: sim.start,
    end: sim.end,
    now: sim.now,
    holidays: Object.values(sim.teams).flatMap((team) => team.notes.map((note) => `${team.name}: ${note}`)),
    byChannel: CHANNELS.map((c) => [c, all?.volumeByChannel[c] ?? 0] as const),
    byLanguage: [...languages.entries()],
    firstReply: durationOf("firstReply", all),
    resolution: durationOf("resolution", all),
    firstReplyByChannel: CHANNELS.map((channel) => {
      const d = durationOf("firstReply", group(channelResults, "channel", channel));
      return { channel, p50: d.p50, p90: d.p90 };
    }),
    slaByPriority: PRIORITY_ORDER.map((p: Priority) => {
      const r = group(priorityResults, "priority", p);
      return { key: p, firstReply: share(r, "firstReply", p), resolution: share(r, "totalResolution", p) };
    }),
    slaByTeam: (Object.keys(sim.teams) as TeamId[]).map((team) => {
      const r = group(teamResults, "group", team);
      const name = sim.teams[team].name;
      return {
        key: name,
        firstReply: share(r, "firstReply", name),
        resolution: share(r, "totalResolution", name),
      };
    }),
    csat: { share: all?.csat.share ?? null, count: all?.csat.count ?? 0, mean: all?.csat.mean ?? null },
    nps: { score: all?.nps.score ?? null, count: all?.nps.count ?? 0 },
    ces: { mean: all?.ces.mean ?? null, agreeShare: all?.ces.agreeShare ?? null, count: all?.ces.count ?? 0 },
    oneTouchRate: all?.oneTouchRate ?? null,
    reopenRate: all?.reopenRate ?? null,
    fcrRate: all?.fcrRate ?? null,
    solved: sim.tickets.length - unsolved,
    unsolved,
    relaxedAssignments: sim.touches.filter((t) => t.relaxed).length,
    stickyAssignments: sim.touches.filter((t) => t.sticky).length,
    volumeByHour,
    busiestHours,
    frtHistogram: histogram,
    agentLoad,
    staffing,
    live: sim.live,
    explained,
    peakWhatIf,
  };
}

/** Next week's forecast is this week's contacts per UTC hour of day; AHT is this week's mean handle time. */
function staffingAdvice(sim: Simulation): { staffing: StaffingRow[]; peakWhatIf: Summary["peakWhatIf"] } {
  const contacts = { chat: Array.from({ length: 24 }, () => 0), async: Array.from({ length: 24 }, () => 0) };
  const handle = { chat: [0, 0], async: [0, 0] };
  for (const ticket of sim.tickets) {
    const kind = ticket.arrival.channel === "chat" ? "chat" : "async";
    for (const message of ticket.ticket.messages) {
      if (message.author.role !== "customer") continue;
      const t = message.createdAt.getTime();
      if (t < sim.start.getTime() || t >= sim.end.getTime()) continue;
      contacts[kind][message.createdAt.getUTCHours()]!++;
    }
  }
  for (const touch of sim.touches) {
    const kind = touch.channel === "chat" ? "chat" : "async";
    handle[kind][0]! += touch.repliedAt.getTime() - touch.assignedAt.getTime();
    handle[kind][1]!++;
  }
  const aht = (kind: "chat" | "async") =>
    handle[kind][1]! > 0 ? handle[kind][0]! / handle[kind][1]! / 1000 : 300;
  const days = 7;
  const staffing = Array.from({ length: 24 }, (_, hour): StaffingRow => {
    const chatPerHour = contacts.chat[hour]! / days;
    const asyncPerHour = contacts.async[hour]! / days;
    const chat =
      chatPerHour > 0
        ? agentsRequired({
            arrivalRatePerHour: chatPerHour,
            ahtSeconds: aht("chat"),
            targetAnswerSeconds: 60,
            targetServiceLevel: 0.8,
            maxOccupancy: 0.85,
            shrinkage: 0.3,
          })
        : null;
    const async =
      asyncPerHour > 0
        ? asyncAgentsRequired({
            arrivalRatePerHour: asyncPerHour,
            ahtSeconds: aht("async"),
            responseTargetHours: 4,
            targetServiceLevel: 0.9,
            shrinkage: 0.3,
          })
        : null;
    let onShift = 0;
    for (let day = 0; day < days; day++) onShift += sim.onShift[day * 24 + hour] ?? 0;
    return {
      hour,
      chatPerHour,
      asyncPerHour,
      chatAgents: chat?.agents ?? 0,
      asyncAgents: async?.agents ?? 0,
      scheduled: (chat?.scheduledAgents ?? 0) + (async?.scheduledAgents ?? 0),
      onShift: onShift / days,
      chatServiceLevel: chat?.serviceLevel ?? null,
    };
  });
  // What Erlang C says about the chat peak hour with one agent fewer than advised.
  const peak = staffing.reduce((a, b) => (b.chatPerHour > a.chatPerHour ? b : a));
  let peakWhatIf: Summary["peakWhatIf"] = null;
  if (peak.chatAgents > 1) {
    const agents = peak.chatAgents - 1;
    const result = erlangC({
      arrivalRatePerHour: peak.chatPerHour,
      ahtSeconds: aht("chat"),
      agents,
      targetAnswerSeconds: 60,
    });
    peakWhatIf = {
      hour: peak.hour,
      agents,
      serviceLevel: result.serviceLevel,
      asaSeconds: result.averageSpeedOfAnswerSeconds,
    };
  }
  return { staffing, peakWhatIf };
}
