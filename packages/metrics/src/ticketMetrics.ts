import {
  type BusinessClock,
  BusinessClockSchema,
  type Channel,
  canTransition,
  createOptionsChecker,
  explainTransition,
  type InstantInput,
  isBusinessClock,
  type Priority,
  ReplayError,
  type TicketEvent,
  type TicketStatus,
  TransitionError,
  toDate,
} from "@supportkit/core";
import { z } from "zod";
import { checkArray, fail } from "./_lib/validate";
import {
  type CsatRule,
  type FirstReplyStart,
  METRIC_PRESETS,
  type MetricDefinitions,
  type MetricPreset,
  type OneTouchRule,
  type ResolutionRule,
} from "./presets";

/**
 * A duration in calendar and business milliseconds.
 *
 * @example
 * ```ts
 * const d: MetricDuration = { calendarMs: 7_200_000, businessMs: 3_600_000 };
 * ```
 */
export interface MetricDuration {
  /** Wall-clock milliseconds. */
  readonly calendarMs: number;
  /** Business milliseconds by the clock given to {@link ticketMetrics}; `null` when no clock was given. */
  readonly businessMs: number | null;
}

/**
 * A duration that ended at a known instant (a reply, a solve), for bucketing by event time.
 *
 * @example
 * ```ts
 * const reply: TimedDuration = { at: new Date("2026-03-02T10:00:00Z"), calendarMs: 600_000, businessMs: 600_000 };
 * ```
 */
export interface TimedDuration extends MetricDuration {
  /** When the duration ended. */
  readonly at: Date;
}

/**
 * SLA outcome of one ticket for one target, as plain data. `@supportkit/sla`'s `evaluateSla` results map
 * onto it: one record per target with its name, whether it was met (achieved before breach), and the
 * agent accountable (usually the assignee when the target completed).
 *
 * @example
 * ```ts
 * const outcome: SlaOutcome = { target: "firstReply", met: true, agentId: "a-mia" };
 * ```
 */
export interface SlaOutcome {
  /** Target name, e.g. `"firstReply"`, `"nextReply"`, `"resolution"`. */
  readonly target: string;
  /** Whether the target was met. */
  readonly met: boolean;
  /** Agent credited; default: the ticket's assignee. */
  readonly agentId?: string | null;
}

/**
 * Everything metrics know about one ticket, folded from its event log by {@link ticketMetrics}. Flat and
 * JSON-friendly; accumulators add these, and {@link toRows} exports them.
 *
 * @example
 * ```ts
 * const facts: TicketFacts = ticketMetrics(events);
 * facts.firstReply?.calendarMs; //=> 3_120_000
 * ```
 */
export interface TicketFacts {
  /** Ticket id. */
  readonly ticketId: string;
  /** Current channel. */
  readonly channel: Channel;
  /** Current priority. */
  readonly priority: Priority;
  /** Status after the last event. */
  readonly status: TicketStatus;
  /** Current assignee. */
  readonly assigneeId: string | null;
  /** Current group. */
  readonly groupId: string | null;
  /** Current tags. */
  readonly tags: readonly string[];
  /** The custom field `category`, as a string, when set. */
  readonly category: string | null;
  /** Requester id. */
  readonly requesterId: string;
  /** Whether an agent opened the ticket (its opening public comment is not a reply). */
  readonly agentCreated: boolean;
  /** Creation instant. */
  readonly createdAt: Date;
  /** First agent reply instant, `null` without one. */
  readonly firstReplyAt: Date | null;
  /** First time solved, `null` if never. */
  readonly firstSolvedAt: Date | null;
  /** Last time solved while the ticket is solved or closed after solving, else `null`. */
  readonly solvedAt: Date | null;
  /** Whether the ticket was closed by merging into another. */
  readonly merged: boolean;
  /** First reply time from the start chosen by `firstReplyStart`; `null` without a reply (or a start). */
  readonly firstReply: MetricDuration | null;
  /** Reply times: each agent reply measured from the oldest unanswered public customer message. */
  readonly replies: readonly TimedDuration[];
  /** Creation to first solve; `null` if never solved. */
  readonly firstResolution: MetricDuration | null;
  /** Creation to the last solve, when the ticket is (still) solved; `null` otherwise. */
  readonly fullResolution: MetricDuration | null;
  /** Resolution samples by the `resolution` rule: the full resolution once, or one per solve. */
  readonly resolutions: readonly TimedDuration[];
  /** Time in `new`, `open` and `on_hold` (the customer waits on us). */
  readonly requesterWait: MetricDuration;
  /** Time in `pending` (we wait on the customer). */
  readonly agentWait: MetricDuration;
  /** Time in `on_hold` (we wait on a third party). */
  readonly onHold: MetricDuration;
  /** Time in `new` and `open` (agents are expected to work on it). */
  readonly agentWork: MetricDuration;
  /** Public agent comments that count as replies. */
  readonly agentReplies: number;
  /** Times the ticket went from solved to an unsolved status (explicitly or by a customer message). */
  readonly reopens: number;
  /** When each reopen happened. */
  readonly reopenedAt: readonly Date[];
  /** Solved with one agent reply, by the `oneTouch` rule. */
  readonly oneTouch: boolean;
  /** Solved with exactly two agent replies. */
  readonly twoTouch: boolean;
  /** Solved one-touch and never reopened: the ticket-level first-contact resolution. */
  readonly firstContactResolved: boolean;
  /** Assignments to an agent that changed the assignee. */
  readonly assignments: number;
  /** Latest CSAT rating (1–5), `null` without one. */
  readonly csat: number | null;
  /** Latest NPS answer (0–10), `null` without one. */
  readonly nps: number | null;
  /** Latest CES answer (1–7), `null` without one. */
  readonly ces: number | null;
  /** Instant of the last rating, `null` without one. */
  readonly ratedAt: Date | null;
  /** SLA outcomes attached with {@link withSla}. */
  readonly sla?: readonly SlaOutcome[];
}

/**
 * Options of {@link ticketMetrics}. Named choices override the preset's.
 *
 * @example
 * ```ts
 * ticketMetrics(events, { clock, preset: "intercom", firstReplyIsReplyTime: false }).replies.length; //=> 1
 * ```
 */
export interface TicketMetricsOptions {
  /** Business clock for business-time durations (e.g. an `@supportkit/sla` calendar); none: `businessMs` is `null`. */
  readonly clock?: BusinessClock;
  /** Definitions preset; default `"zendesk"`. */
  readonly preset?: MetricPreset;
  /** Measure status durations of an unsolved ticket up to this instant instead of its last event. */
  readonly now?: InstantInput;
  /** Overrides the preset's first reply start. */
  readonly firstReplyStart?: FirstReplyStart;
  /** Overrides whether the first reply is also a reply time. */
  readonly firstReplyIsReplyTime?: boolean;
  /** Overrides the one-touch rule. */
  readonly oneTouch?: OneTouchRule;
  /** Overrides the resolution rule. */
  readonly resolution?: ResolutionRule;
  /** Overrides the headline CSAT (used by accumulators; kept here so one options object configures both). */
  readonly csat?: CsatRule;
}

const OptionsSchema = z.strictObject({
  clock: BusinessClockSchema.optional(),
  preset: z
    .string()
    .refine(
      (name) => Object.hasOwn(METRIC_PRESETS, name),
      `must be one of ${Object.keys(METRIC_PRESETS).join(", ")}`,
    )
    .optional(),
  now: z
    .custom<InstantInput>(
      (value) => value instanceof Date || typeof value === "number" || typeof value === "string",
      "expected a Date, epoch milliseconds or an ISO 8601 string",
    )
    .optional(),
  firstReplyStart: z.enum(["created", "firstCustomerMessage", "firstAssignment"]).optional(),
  firstReplyIsReplyTime: z.boolean().optional(),
  oneTouch: z.enum(["atMostOne", "exactlyOne"]).optional(),
  resolution: z.enum(["perTicket", "perEvent"]).optional(),
  csat: z.enum(["topTwoBox", "mean"]).optional(),
});

// A misspelt option (`onetouch`) or a clock without `between` fails here, naming it, rather than being
// ignored or surfacing as a TypeError in the middle of the fold. This runs once per ticket, often with a
// fresh options literal: valid options pass plain checks of their keys (see `createOptionsChecker`).
const parseOptions = createOptionsChecker(OptionsSchema, "metric options", {
  clock: isBusinessClock,
  preset: (value) => typeof value === "string" && Object.hasOwn(METRIC_PRESETS, value),
  now: (value) => value instanceof Date || typeof value === "number" || typeof value === "string",
  firstReplyStart: (value) =>
    value === "created" || value === "firstCustomerMessage" || value === "firstAssignment",
  firstReplyIsReplyTime: (value) => typeof value === "boolean",
  oneTouch: (value) => value === "atMostOne" || value === "exactlyOne",
  resolution: (value) => value === "perTicket" || value === "perEvent",
  csat: (value) => value === "topTwoBox" || value === "mean",
}) as (input: unknown) => TicketMetricsOptions;

/**
 * The definitions an options object selects: the preset (default `zendesk`) with named overrides applied.
 * Accepts a whole {@link TicketMetricsOptions} object (its `clock` and `now` are checked and not used).
 *
 * @param options - a preset name and/or overrides
 * @returns the full set of definitions
 * @throws ValidationError (code `VALIDATION`) for an unknown preset, an unknown key or a value of the wrong kind
 * @example
 * ```ts
 * resolveDefinitions({ preset: "chatwoot", oneTouch: "atMostOne" }).resolution; //=> "perEvent"
 * ```
 */
export function resolveDefinitions(
  options: Omit<TicketMetricsOptions, "clock" | "now"> = {},
): MetricDefinitions {
  return definitionsOf(parseOptions(options));
}

function definitionsOf(options: TicketMetricsOptions): MetricDefinitions {
  const base = METRIC_PRESETS[options.preset ?? "zendesk"];
  return {
    firstReplyStart: options.firstReplyStart ?? base.firstReplyStart,
    firstReplyIsReplyTime: options.firstReplyIsReplyTime ?? base.firstReplyIsReplyTime,
    oneTouch: options.oneTouch ?? base.oneTouch,
    resolution: options.resolution ?? base.resolution,
    csat: options.csat ?? base.csat,
  };
}

const ZERO_NULL: MetricDuration = Object.freeze({ calendarMs: 0, businessMs: null });

/**
 * Folds one ticket's event log into its metric facts: first reply time, every next reply time, first and
 * full resolution, requester wait, agent wait, on-hold and agent work time, agent replies, reopens,
 * one-touch / two-touch, assignments and the latest ratings, in calendar ms and (with a `clock`) business
 * ms. Follows core's event rules: a public customer message reopens a pending or solved ticket, assigning a
 * new ticket opens it, `merged` closes it. Definitions follow Zendesk unless a preset or option says
 * otherwise; private notes and bot or system messages are never agent replies.
 *
 * @param events - one ticket's already-parsed events, oldest first, starting with `ticket.created`
 * @param options - `clock`, `preset`, `now` and named definition overrides
 * @returns the ticket's facts
 * @throws ReplayError (codes `EMPTY_EVENT_LOG`, `EVENT_BEFORE_CREATED`, `DUPLICATE_CREATED`, `EVENT_WRONG_TICKET`,
 *   `EVENT_OUT_OF_ORDER`, `EVENT_INCONSISTENT`) when the log does not fit together, as core's `replay` would
 * @throws TransitionError (code `INVALID_TRANSITION`) when a status change breaks the lifecycle
 * @throws ValidationError (code `VALIDATION`) when `events` is not an array or holds a non-event, for an
 *   unknown option key, a `clock` that is not a `BusinessClock`, an unknown preset or a `now` before the last event
 * @example
 * ```ts
 * const facts = ticketMetrics(parseTicketEvents(log), { clock: berlinOffice, preset: "zendesk" });
 * facts.firstReply; //=> { calendarMs: 3_120_000, businessMs: 1_200_000 }
 * facts.agentReplies; //=> 2
 * ```
 */
export function ticketMetrics(
  events: readonly TicketEvent[],
  options: TicketMetricsOptions = {},
): TicketFacts {
  // Not `Array.isArray` inline: on a readonly array it would narrow `events` to `any[]`.
  checkArray("ticket events", "events", events, "ticket events (see parseTicketEvents)");
  const parsed = parseOptions(options);
  const defs = definitionsOf(parsed);
  const clock = parsed.clock;
  const biz = clock === undefined ? null : (a: number, b: number) => clock.between(new Date(a), new Date(b));
  const first = events[0];
  if (first === undefined) throw new ReplayError("EMPTY_EVENT_LOG", "Cannot fold an empty event log");
  checkEvent(first, 0);
  if (first.type !== "ticket.created") {
    throw new ReplayError(
      "EVENT_BEFORE_CREATED",
      `Event ${first.id} (${first.type}) comes before ticket ${first.ticketId} was created`,
      first.id,
    );
  }
  const ticketId = first.ticketId;
  const created = first.at.getTime();
  const agentCreated = first.actor?.role === "agent";
  const channel = first.channel;
  let priority = first.priority;
  let status = first.status as TicketStatus;
  let assigneeId = first.assigneeId ?? null;
  let groupId = first.groupId ?? null;
  const tags = new Set(first.tags ?? []);
  let category = categoryOf(first.fields?.category);
  const requesterId = first.requester.id;

  // Status time, calendar and business, indexed new, open, pending, on_hold.
  const cal = [0, 0, 0, 0];
  const bus = [0, 0, 0, 0];
  let since = created;
  let last = created;

  let firstCustomerAt: number | null = null;
  let assignedAt: number | null = null;
  let firstReplyAt: number | null = null;
  let firstReply: MetricDuration | null = null;
  let unanswered: number | null = null;
  const replies: TimedDuration[] = [];
  const solves: number[] = [];
  let solvedNow = false;
  let merged = false;
  let agentReplies = 0;
  const reopenedAt: Date[] = [];
  let assignments = 0;
  let csat: number | null = null;
  let nps: number | null = null;
  let ces: number | null = null;
  let ratedAt: number | null = null;

  const move = (to: TicketStatus, at: number): void => {
    const idx = STATUS_INDEX[status];
    if (idx !== undefined && at > since) {
      cal[idx] = (cal[idx] as number) + (at - since);
      if (biz !== null) bus[idx] = (bus[idx] as number) + biz(since, at);
    }
    if (status === "solved" && to !== "closed") reopenedAt.push(new Date(at));
    if (to === "solved") {
      solves.push(at);
      solvedNow = true;
      unanswered = null; // solving fulfils a pending reply target
    } else if (to !== "closed") {
      solvedNow = false;
    }
    status = to;
    since = at;
  };

  for (let i = 1; i < events.length; i++) {
    const event = events[i] as TicketEvent;
    checkEvent(event, i);
    const at = event.at.getTime();
    if (event.ticketId !== ticketId) {
      throw new ReplayError(
        "EVENT_WRONG_TICKET",
        `Event ${event.id} belongs to ticket ${event.ticketId}, not to ticket ${ticketId}`,
        event.id,
      );
    }
    if (event.type === "ticket.created") {
      throw new ReplayError(
        "DUPLICATE_CREATED",
        `Ticket ${ticketId} is created twice (event ${event.id})`,
        event.id,
      );
    }
    if (at < last) {
      throw new ReplayError(
        "EVENT_OUT_OF_ORDER",
        `Event ${event.id} at ${event.at.toISOString()} is earlier than the ticket's last change at ${new Date(last).toISOString()}`,
        event.id,
      );
    }
    if (status === "closed" && event.type !== "rated" && event.type !== "status.changed") {
      throw new ReplayError(
        "EVENT_INCONSISTENT",
        `Ticket ${ticketId} is closed and takes no more changes (event ${event.id}, ${event.type}); open a follow-up ticket`,
        event.id,
      );
    }
    last = at;
    switch (event.type) {
      case "message.added": {
        const { author, visibility } = event.message;
        if (visibility !== "public") break;
        if (author.role === "customer") {
          if (status === "pending" || status === "solved") move("open", at);
          if (firstCustomerAt === null) firstCustomerAt = at;
          if (unanswered === null) unanswered = at;
        } else if (author.role === "agent") {
          if (agentCreated && firstCustomerAt === null) break; // the opening comment of an agent-created ticket
          agentReplies++;
          const isFirst = firstReplyAt === null;
          if (isFirst) {
            firstReplyAt = at;
            const start = firstReplyStartOf(
              defs.firstReplyStart,
              created,
              agentCreated,
              firstCustomerAt,
              assignedAt,
            );
            firstReply = { calendarMs: at - start, businessMs: biz === null ? null : biz(start, at) };
          }
          if (unanswered !== null) {
            if (!isFirst || defs.firstReplyIsReplyTime) {
              replies.push({
                at: new Date(at),
                calendarMs: at - unanswered,
                businessMs: biz === null ? null : biz(unanswered, at),
              });
            }
            unanswered = null;
          }
        }
        break;
      }
      case "status.changed": {
        if (event.from !== undefined && event.from !== status) {
          throw new ReplayError(
            "EVENT_INCONSISTENT",
            `Event ${event.id} changes status from "${event.from}", but the ticket's status is "${status}"`,
            event.id,
          );
        }
        if (!canTransition(status, event.to)) {
          throw new TransitionError(status, event.to, explainTransition(status, event.to) ?? "not allowed");
        }
        move(event.to, at);
        break;
      }
      case "priority.changed":
        if (event.from !== undefined && event.from !== priority) {
          throw new ReplayError(
            "EVENT_INCONSISTENT",
            `Event ${event.id} changes priority from "${event.from}", but the ticket's priority is "${priority}"`,
            event.id,
          );
        }
        priority = event.to;
        break;
      case "assigned":
        if (event.groupId !== undefined) groupId = event.groupId;
        if (event.assigneeId !== null) {
          if (event.assigneeId !== assigneeId) assignments++;
          if (assignedAt === null) assignedAt = at;
          if (status === "new") move("open", at);
        }
        assigneeId = event.assigneeId;
        break;
      case "tags.changed":
        for (const tag of event.removed) tags.delete(tag);
        for (const tag of event.added) tags.add(tag);
        break;
      case "field.changed":
        if (event.field === "category") category = categoryOf(event.value);
        break;
      case "rated":
        if (event.rating.kind === "csat") csat = event.rating.score;
        else if (event.rating.kind === "nps") nps = event.rating.score;
        else ces = event.rating.score;
        ratedAt = at;
        break;
      case "merged":
        merged = true;
        unanswered = null;
        move("closed", at);
        solvedNow = false;
        break;
    }
  }
  let end = last;
  if (parsed.now !== undefined) {
    const now = toDate(parsed.now, "now").getTime();
    if (now < last)
      fail("metric options", "now", "must not be before the ticket's last event", "out_of_range");
    end = now;
  }
  const idx = STATUS_INDEX[status];
  if (idx !== undefined && end > since) {
    cal[idx] = (cal[idx] as number) + (end - since);
    if (biz !== null) bus[idx] = (bus[idx] as number) + biz(since, end);
  }

  const duration = (c: number, b: number): MetricDuration =>
    biz === null
      ? c === 0
        ? ZERO_NULL
        : { calendarMs: c, businessMs: null }
      : { calendarMs: c, businessMs: b };
  const since0 = (at: number): TimedDuration => ({
    at: new Date(at),
    calendarMs: at - created,
    businessMs: biz === null ? null : biz(created, at),
  });
  const lastSolve = solves[solves.length - 1];
  const solved = solvedNow && lastSolve !== undefined;
  const firstSolved = solves[0];
  const fullResolution = solved ? since0(lastSolve) : null;
  const resolutions: TimedDuration[] =
    defs.resolution === "perEvent"
      ? solves.map(since0)
      : fullResolution === null
        ? []
        : [fullResolution as TimedDuration];
  const oneTouch = solved && (defs.oneTouch === "atMostOne" ? agentReplies <= 1 : agentReplies === 1);

  return {
    ticketId,
    channel,
    priority,
    status,
    assigneeId,
    groupId,
    tags: [...tags],
    category,
    requesterId,
    agentCreated,
    // A copy, not the event's own Date, as every instant here: the record shares nothing mutable with the
    // input, and sits with its other fields in memory, which the accumulator reads for every ticket.
    createdAt: new Date(created),
    firstReplyAt: firstReplyAt === null ? null : new Date(firstReplyAt),
    firstSolvedAt: firstSolved === undefined ? null : new Date(firstSolved),
    solvedAt: fullResolution === null ? null : fullResolution.at,
    merged,
    firstReply,
    replies,
    firstResolution: firstSolved === undefined ? null : since0(firstSolved),
    fullResolution:
      fullResolution === null
        ? null
        : { calendarMs: fullResolution.calendarMs, businessMs: fullResolution.businessMs },
    resolutions,
    requesterWait: duration(
      (cal[0] as number) + (cal[1] as number) + (cal[3] as number),
      (bus[0] as number) + (bus[1] as number) + (bus[3] as number),
    ),
    agentWait: duration(cal[2] as number, bus[2] as number),
    onHold: duration(cal[3] as number, bus[3] as number),
    agentWork: duration((cal[0] as number) + (cal[1] as number), (bus[0] as number) + (bus[1] as number)),
    agentReplies,
    reopens: reopenedAt.length,
    reopenedAt,
    oneTouch,
    twoTouch: solved && agentReplies === 2,
    firstContactResolved: oneTouch && reopenedAt.length === 0,
    assignments,
    csat,
    nps,
    ces,
    ratedAt: ratedAt === null ? null : new Date(ratedAt),
  };
}

// Events are typed input and not re-parsed here (the fold is the hot path); this catches the usual mistakes
// that would otherwise be a TypeError mid-fold: a hole or `null` in the array, or JSON not yet parsed, whose
// `at` is a string.
function checkEvent(event: TicketEvent, index: number): void {
  if (typeof event !== "object" || event === null) {
    fail("ticket events", `events.${index}`, "must be a ticket event", "invalid_type");
  }
  if (!(event.at instanceof Date)) {
    fail(
      "ticket events",
      `events.${index}.at`,
      "must be a Date (parse JSON logs with parseTicketEvents first)",
      "invalid_type",
    );
  }
}

// Where the first reply clock starts; an agent-created ticket starts at the customer's first message.
function firstReplyStartOf(
  rule: FirstReplyStart,
  created: number,
  agentCreated: boolean,
  firstCustomerAt: number | null,
  assignedAt: number | null,
): number {
  const base = agentCreated ? (firstCustomerAt ?? created) : created;
  if (rule === "firstCustomerMessage") return firstCustomerAt ?? created;
  if (rule === "firstAssignment") return assignedAt !== null && assignedAt >= base ? assignedAt : base;
  return base;
}

const STATUS_INDEX: Partial<Record<TicketStatus, number>> = { new: 0, open: 1, pending: 2, on_hold: 3 };

function categoryOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/**
 * Attaches SLA outcomes (for example from `@supportkit/sla`'s `evaluateSla`, one record per target) to a
 * ticket's facts, so accumulators report SLA met share per target and per agent.
 *
 * @param facts - the ticket's facts
 * @param outcomes - one record per target: name, met, optional agent (default: the ticket's assignee)
 * @returns new facts with `sla` set (the input is not changed)
 * @throws ValidationError (code `VALIDATION`) when `facts` is not an object, or a record has no target name or a
 *   non-boolean `met`
 * @example
 * ```ts
 * const facts = withSla(ticketMetrics(events), [{ target: "firstReply", met: true }]);
 * facts.sla?.[0]?.met; //=> true
 * ```
 */
export function withSla(facts: TicketFacts, outcomes: readonly SlaOutcome[]): TicketFacts {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) {
    fail(
      "SLA outcomes",
      "facts",
      "must be the TicketFacts of one ticket (from ticketMetrics)",
      "invalid_type",
    );
  }
  if (!Array.isArray(outcomes)) fail("SLA outcomes", "", "must be an array");
  outcomes.forEach((o, i) => {
    if (typeof o?.target !== "string" || o.target === "")
      fail("SLA outcomes", `${i}.target`, "must be a non-empty string");
    if (typeof o.met !== "boolean") fail("SLA outcomes", `${i}.met`, "must be true or false");
  });
  return { ...facts, sla: outcomes.map((o) => ({ ...o })) };
}
