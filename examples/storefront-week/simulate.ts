// The simulation: tickets arrive, are triaged and routed (@supportkit/routing) to agents on their team's
// shift, answered with a template in the customer's language (@supportkit/templates), followed up,
// reopened and rated. Everything that happens is a core TicketEvent in each ticket's log, folded with
// applyEvent as it goes, so the log is exactly what a help desk would have stored.

import { parseRules, runTriggers } from "@supportkit/automations";
import {
  applyEvent,
  createEventBus,
  hours,
  type Message,
  minutes,
  type SatisfactionRating,
  type Ticket,
  type TicketEvent,
} from "@supportkit/core";
import {
  type CandidateExplanations,
  createRouter,
  explainCandidates,
  type Router,
  triage,
  workItemFromTicket,
} from "@supportkit/routing";
import { createSlaTracker, type SlaEventMap } from "@supportkit/sla";
import { createAgents, type StoreAgent } from "./agents";
import { type Arrival, generateArrivals } from "./arrivals";
import { createTeams, type Team, type TeamId } from "./calendars";
import { createPolicies } from "./policies";
import { createRandom, type Random } from "./random";
import { renderReply } from "./replies";

export interface SimulationOptions {
  /** Number of tickets in the week. */
  readonly tickets: number;
  /** Seed of the random source: same seed and size, same week. */
  readonly seed: number;
  /** First instant of the simulated week. */
  readonly start: Date;
  /** Called now and then with the simulated instant and the tickets created so far. */
  readonly onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationProgress {
  readonly at: Date;
  readonly created: number;
  readonly total: number;
  readonly open: number;
}

/** One agent handling one piece of work: from assignment to the reply that ends the touch. */
export interface Touch {
  readonly ticketId: string;
  readonly agentId: string;
  readonly team: TeamId;
  readonly channel: string;
  readonly assignedAt: Date;
  readonly repliedAt: Date;
  readonly relaxed: boolean;
  readonly sticky: boolean;
}

export interface SimulatedTicket {
  readonly arrival: Arrival;
  readonly events: TicketEvent[];
  ticket: Ticket;
  touches: number;
}

export interface Simulation {
  readonly start: Date;
  readonly end: Date;
  /** When the simulation stopped (the last event, or the drain limit). */
  readonly now: Date;
  readonly teams: Record<TeamId, Team>;
  readonly agents: readonly StoreAgent[];
  readonly tickets: readonly SimulatedTicket[];
  readonly touches: readonly Touch[];
  /** Agents on shift, per UTC hour of the week (index 0 = the start hour). */
  readonly onShift: readonly number[];
  /** Items still in the router's queue at the end. */
  readonly unassigned: number;
  /** What the live SLA tracker, following VIP tickets, emitted during the run (warnings at 75 % of a target, breaches), per metric. */
  readonly live: {
    readonly warnings: Readonly<Record<string, number>>;
    readonly breaches: Readonly<Record<string, number>>;
  };
  /** The router's explanation for the week's first Japanese payment question, as it arrived. */
  readonly explained: { readonly ticketId: string; readonly explanation: CandidateExplanations } | null;
}

type Action =
  | { readonly kind: "arrive"; readonly at: number; readonly ticket: SimulatedTicket }
  | { readonly kind: "reply"; readonly at: number; readonly ticket: SimulatedTicket; readonly touch: Touch }
  | {
      readonly kind: "customer";
      readonly at: number;
      readonly ticket: SimulatedTicket;
      readonly text: string;
    }
  | { readonly kind: "rate"; readonly at: number; readonly ticket: SimulatedTicket };

/** A binary min-heap of actions by time, then by insertion order (deterministic ties). */
class ActionQueue {
  private readonly items: { action: Action; seq: number }[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  peekAt(): number {
    return this.items[0]?.action.at ?? Number.POSITIVE_INFINITY;
  }
  private less(i: number, j: number): boolean {
    const a = this.items[i]!;
    const b = this.items[j]!;
    return a.action.at < b.action.at || (a.action.at === b.action.at && a.seq < b.seq);
  }
  private swap(i: number, j: number): void {
    const t = this.items[i]!;
    this.items[i] = this.items[j]!;
    this.items[j] = t;
  }
  push(action: Action): void {
    this.items.push({ action, seq: this.seq++ });
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): Action | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.items.length > 0) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top.action;
  }
}

const HANDLE_MEDIAN_MS: Readonly<Record<string, number>> = {
  chat: minutes(9),
  email: minutes(14),
  marketplace: minutes(11),
  web_form: minutes(12),
};
const FOLLOW_UP_TEXT: Readonly<Record<string, string>> = {
  en: "Thanks, but I still have a question about this.",
  de: "Danke, aber ich habe noch eine Frage dazu.",
  "zh-Hans": "谢谢，不过我还有一个问题。",
  "zh-Hant": "謝謝，不過我還有一個問題。",
  ja: "ありがとうございます。もう一つ質問があります。",
  es: "Gracias, pero todavía tengo una pregunta.",
};
const REOPEN_TEXT: Readonly<Record<string, string>> = {
  en: "This is not solved, it happened again.",
  de: "Das ist nicht gelöst, es ist wieder passiert.",
  "zh-Hans": "问题没有解决，又出现了。",
  "zh-Hant": "問題沒有解決，又出現了。",
  ja: "解決していません。また同じことが起きました。",
  es: "No está resuelto, volvió a pasar.",
};

/** Business rules as data: VIP customers never wait in the low-priority lane. */
const TRIGGERS = parseRules([
  {
    id: "vip-not-low",
    when: {
      all: [
        { field: "customer.tier", op: "is", value: "vip" },
        { field: "priority", op: "is", value: "low" },
      ],
    },
    actions: [{ type: "set_priority", priority: "normal" }],
  },
]);

/** Drain limit: after the week, keep working the backlog for at most this long. */
const DRAIN_MS = hours(24 * 10);

export function simulateWeek(options: SimulationOptions): Simulation {
  const random = createRandom(options.seed);
  const start = options.start;
  const end = new Date(start.getTime() + hours(24 * 7));
  const teams = createTeams(start, end);
  const agents = createAgents(teams);
  const agentById = new Map(agents.map((agent) => [agent.id, agent]));
  const router: Router = createRouter({
    strategy: "least-busy",
    shifts: {
      shanghai: teams.shanghai.calendar,
      berlin: teams.berlin.calendar,
      "new-york": teams["new-york"].calendar,
    },
    stickyWaitMs: minutes(30),
  });
  for (const agent of agents) router.upsertAgent(agent.input);

  // A live SLA tracker on VIP tickets: fed their events as they happen, ticked every simulated hour; a help
  // desk would page a lead on `sla.warning`. Here we count what it says.
  const bus = createEventBus<SlaEventMap>();
  const tracker = createSlaTracker({ policies: createPolicies(teams), bus, warnings: [{ share: 0.75 }] });
  const live = { warnings: {} as Record<string, number>, breaches: {} as Record<string, number> };
  bus.on("sla.warning", (e) => {
    live.warnings[e.metric] = (live.warnings[e.metric] ?? 0) + 1;
  });
  bus.on("sla.breached", (e) => {
    live.breaches[e.metric] = (live.breaches[e.metric] ?? 0) + 1;
  });

  const arrivals = generateArrivals(random, start, options.tickets);
  const tickets = new Map<string, SimulatedTicket>();
  const queue = new ActionQueue();
  const touches: Touch[] = [];
  const onShift = Array.from({ length: 168 }, (_, hour) => {
    const at = new Date(start.getTime() + hour * 3_600_000 + 1_800_000);
    return agents.filter((agent) => teams[agent.team].calendar.isOpen(at)).length;
  });

  for (const arrival of arrivals) {
    const created: TicketEvent = {
      type: "ticket.created",
      id: `${arrival.id}-e1`,
      ticketId: arrival.id,
      at: arrival.at,
      actor: { role: "customer", id: arrival.customer.id },
      subject: arrival.segment.texts[arrival.topic][0],
      priority: arrival.priority,
      channel: arrival.channel,
      requester: arrival.customer,
      status: "new",
      groupId: arrival.segment.home,
      tags: [arrival.topic, `lang:${arrival.language}`],
      language: arrival.language,
      fields: { order: arrival.order, category: arrival.topic },
    };
    // Triggers run on the new ticket (@supportkit/automations): their events join the log at the same instant.
    const triggered = runTriggers(TRIGGERS, undefined, created);
    const ticket: SimulatedTicket = {
      arrival,
      events: [created, ...triggered.events],
      ticket: triggered.ticket,
      touches: 0,
    };
    tickets.set(arrival.id, ticket);
    queue.push({ kind: "arrive", at: arrival.at.getTime(), ticket });
  }

  const record = (sim: SimulatedTicket, event: TicketEvent): void => {
    sim.ticket = applyEvent(sim.ticket, event);
    sim.events.push(event);
    if (sim.arrival.customer.tier === "vip") tracker.record(event);
  };
  const nextId = (sim: SimulatedTicket): string => `${sim.arrival.id}-e${sim.events.length + 1}`;
  const customerMessage = (sim: SimulatedTicket, at: Date, body: string): Message => ({
    id: `${sim.arrival.id}-m${sim.events.length + 1}`,
    author: { role: "customer", id: sim.arrival.customer.id },
    visibility: "public",
    channel: sim.arrival.channel,
    body,
    language: sim.arrival.language,
    createdAt: at,
  });

  const enqueue = (sim: SimulatedTicket, at: Date): void => {
    const text = `${sim.ticket.subject}\n${sim.ticket.messages[0]?.body ?? ""}`;
    const skills = triage(text, { language: sim.arrival.language }).skills;
    const item = workItemFromTicket(sim.ticket, {
      // Keyword triage finds the skill. Payment questions need a billing specialist (level 7); the level
      // relaxes by one every 30 minutes down to 4, and any skill is dropped after 2 hours of waiting.
      requiredSkills: skills.map((s) =>
        s.skill === "payment"
          ? {
              name: s.skill,
              minLevel: 7,
              relax: { everyMs: minutes(30), step: 1, floor: 4 },
              dropAfterMs: hours(2),
            }
          : { name: s.skill, minLevel: s.minLevel, dropAfterMs: hours(2) },
      ),
      preferredSkills: skills.map((s) => s.skill),
    });
    // Follow the sun: any team may answer (the ticket's group is only its home market), and a follow-up
    // waits from the customer's new message, not from when the ticket was created.
    const { groupId: _homeTeam, ...anyTeam } = item;
    router.enqueue({ ...anyTeam, createdAt: at });
  };

  const settle = (sim: SimulatedTicket, at: number): void => {
    const a = sim.arrival;
    const wantsRating = a.answers.csat || a.answers.nps || a.answers.ces;
    if (wantsRating)
      queue.push({ kind: "rate", at: at + Math.round(random.logNormal(hours(3), 0.8)), ticket: sim });
  };

  const drainUntil = end.getTime() + DRAIN_MS;
  let now = start.getTime();
  let created = 0;
  let lastProgress = -1;
  let lastEventAt = start.getTime();
  let explained: Simulation["explained"] = null;
  let nextTick = start.getTime() + hours(1);
  for (;;) {
    const wake = router.nextWakeAt()?.getTime() ?? Number.POSITIVE_INFINITY;
    const next = Math.min(queue.peekAt(), wake);
    if (!Number.isFinite(next) || next > drainUntil) break;
    now = Math.max(now, next);
    while (queue.peekAt() <= now) {
      const action = queue.pop()!;
      const sim = action.ticket;
      const at = new Date(action.at);
      lastEventAt = Math.max(lastEventAt, action.at);
      switch (action.kind) {
        case "arrive": {
          created++;
          // The creation and its triggers' events were built up front; they happen now.
          if (sim.arrival.customer.tier === "vip") for (const event of sim.events) tracker.record(event);
          record(sim, {
            type: "message.added",
            id: nextId(sim),
            ticketId: sim.arrival.id,
            at,
            actor: { role: "customer", id: sim.arrival.customer.id },
            message: customerMessage(sim, at, sim.arrival.segment.texts[sim.arrival.topic][1]),
          });
          enqueue(sim, at);
          if (explained === null && sim.arrival.language === "ja" && sim.arrival.topic === "payment") {
            explained = {
              ticketId: sim.arrival.id,
              explanation: explainCandidates(router, sim.arrival.id, at),
            };
          }
          break;
        }
        case "reply": {
          const touch = action.touch;
          const agent = agentById.get(touch.agentId)!;
          const a = sim.arrival;
          const reply = renderReply({
            topic: a.topic,
            channel: a.channel,
            locale: a.customer.locale ?? "en",
            timeZone: a.customer.timeZone ?? "UTC",
            at,
            data: {
              name: a.customer.name ?? "",
              order: a.order,
              subject: sim.ticket.subject,
              agent: agent.name,
              eta: new Date(action.at + hours(24 * 3)),
              amount: a.amount,
              currency: a.customer.currency ?? "USD",
            },
          });
          record(sim, {
            type: "message.added",
            id: nextId(sim),
            ticketId: a.id,
            at,
            actor: { role: "agent", id: agent.id },
            message: {
              id: `${a.id}-m${sim.events.length + 1}`,
              author: { role: "agent", id: agent.id },
              visibility: "public",
              channel: a.channel,
              body: reply.text,
              language: reply.locale,
              createdAt: at,
            },
          });
          router.release(a.id);
          touches.push(touch);
          sim.touches++;
          const firstTouch = sim.touches === 1;
          const waitForCustomer = firstTouch && a.followUpAfterMs !== null;
          record(sim, {
            type: "status.changed",
            id: nextId(sim),
            ticketId: a.id,
            at,
            actor: { role: "agent", id: agent.id },
            to: waitForCustomer ? "pending" : "solved",
          });
          if (waitForCustomer) {
            queue.push({
              kind: "customer",
              at: action.at + a.followUpAfterMs!,
              ticket: sim,
              text: FOLLOW_UP_TEXT[a.language]!,
            });
          } else if (sim.ticket.reopenCount === 0 && a.reopenAfterMs !== null) {
            queue.push({
              kind: "customer",
              at: action.at + a.reopenAfterMs,
              ticket: sim,
              text: REOPEN_TEXT[a.language]!,
            });
          } else {
            settle(sim, action.at);
          }
          break;
        }
        case "customer": {
          // A public customer message on a pending or solved ticket reopens it (core's rule).
          record(sim, {
            type: "message.added",
            id: nextId(sim),
            ticketId: sim.arrival.id,
            at,
            actor: { role: "customer", id: sim.arrival.customer.id },
            message: customerMessage(sim, at, action.text),
          });
          enqueue(sim, at);
          break;
        }
        case "rate": {
          for (const rating of rate(random, sim, action.at)) {
            record(sim, { type: "rated", id: nextId(sim), ticketId: sim.arrival.id, at, rating });
          }
          break;
        }
      }
    }
    while (nextTick <= now) {
      tracker.tick(new Date(nextTick));
      nextTick += hours(1);
    }
    const result = router.dispatch(new Date(now));
    for (const assignment of result.assignments) {
      const sim = tickets.get(assignment.itemId)!;
      const agent = agentById.get(assignment.agentId)!;
      record(sim, {
        type: "assigned",
        id: nextId(sim),
        ticketId: sim.arrival.id,
        at: assignment.at,
        actor: { role: "system", id: "router" },
        assigneeId: agent.id,
        groupId: agent.team,
      });
      const handle = Math.max(
        minutes(1),
        Math.round(random.logNormal(HANDLE_MEDIAN_MS[sim.arrival.channel]!, 0.5)),
      );
      const touch: Touch = {
        ticketId: sim.arrival.id,
        agentId: agent.id,
        team: agent.team,
        channel: sim.arrival.channel,
        assignedAt: assignment.at,
        repliedAt: new Date(assignment.at.getTime() + handle),
        relaxed: assignment.relaxed,
        sticky: assignment.reason === "sticky",
      };
      queue.push({ kind: "reply", at: touch.repliedAt.getTime(), ticket: sim, touch });
    }
    const day = Math.floor((now - start.getTime()) / hours(6));
    if (options.onProgress !== undefined && day !== lastProgress) {
      lastProgress = day;
      options.onProgress({
        at: new Date(now),
        created,
        total: arrivals.length,
        open: [...tickets.values()].filter(
          (t) =>
            t.arrival.at.getTime() <= now && t.ticket.status !== "solved" && t.ticket.status !== "closed",
        ).length,
      });
    }
  }
  const finalNow = new Date(Math.max(lastEventAt, end.getTime()));
  tracker.tick(finalNow);
  return {
    start,
    end,
    now: finalNow,
    teams,
    agents,
    tickets: [...tickets.values()],
    touches,
    onShift,
    unassigned: router.queue().length,
    live,
    explained,
  };
}

/** The customer's answers to the surveys: happier when the first reply came fast and nothing reopened. */
function rate(random: Random, sim: SimulatedTicket, at: number): SatisfactionRating[] {
  const created = sim.arrival.at.getTime();
  const firstReply = sim.ticket.messages.find((m) => m.author.role === "agent")?.createdAt.getTime() ?? at;
  const waitHours = (firstReply - created) / 3_600_000;
  const mood =
    0.9 - Math.min(0.45, waitHours / 60) - 0.25 * sim.ticket.reopenCount - (sim.touches > 1 ? 0.05 : 0);
  const ratedAt = new Date(at);
  const out: SatisfactionRating[] = [];
  const answers = sim.arrival.answers;
  if (answers.csat) {
    const score = random.chance(mood)
      ? random.weighted([4, 5], (s) => (s === 5 ? 0.65 : 0.35))
      : random.int(1, 3);
    out.push({ kind: "csat", score, at: ratedAt });
  }
  if (answers.nps) {
    const score = random.chance(mood) ? random.int(8, 10) : random.int(0, 7);
    out.push({ kind: "nps", score, at: ratedAt });
  }
  if (answers.ces) {
    const score = random.chance(mood) ? random.int(5, 7) : random.int(1, 4);
    out.push({ kind: "ces", score, at: ratedAt });
  }
  return out;
}
