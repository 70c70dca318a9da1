import {
  type BusinessClock,
  type InstantInput,
  type Ticket,
  type TicketEvent,
  toDate,
} from "@supportkit/core";
import {
  argumentError,
  isObject,
  parseAutomationOptions,
  parseClockOptions,
  requireArray,
  requireTicket,
} from "./_lib/args";
import { firstAtOrAfter } from "./_lib/intervals";
import { perform } from "./_lib/perform";
import type { EvaluationContext } from "./_lib/read";
import { type CompiledRule, compileRules } from "./_lib/ruleSet";
import { parseAutomationStateJson } from "./_lib/stateSchema";
import type { AutomationCommand, ReplyRenderer, SkippedAction } from "./commands";
import type { Rule } from "./rules";

/**
 * Which automation fired on which ticket in which matching period. Plain data: keep it between runs
 * (`toJSON` / `restoreAutomationState`) so a rule fires once per period even across restarts.
 *
 * @example
 * ```ts
 * const state: AutomationState = createAutomationState();
 * ```
 */
export interface AutomationState {
  /** ruleId → ticketId → the period it fired in. */
  readonly fired: ReadonlyMap<string, ReadonlyMap<string, FiredRecord>>;
}

/**
 * When an automation fired on a ticket and the period key it fired for.
 *
 * @example
 * ```ts
 * const record: FiredRecord = { at: new Date("2026-03-02T10:00:00Z"), period: "1772445600000" };
 * ```
 */
export interface FiredRecord {
  readonly at: Date;
  /** The anchors of the rule's time conditions (e.g. when the ticket became pending), joined. */
  readonly period: string;
}

/**
 * An empty automation state.
 *
 * @returns a state in which nothing has fired
 * @example
 * ```ts
 * runAutomations(rules, tickets, now, { state: createAutomationState() });
 * ```
 */
export function createAutomationState(): AutomationState {
  return { fired: new Map() };
}

/**
 * The state as JSON-ready data (`[ruleId, ticketId, firedAt, period]` rows, sorted).
 *
 * @param state - the state
 * @returns plain data for `JSON.stringify`
 * @throws ValidationError (code `VALIDATION`) when `state` is not an AutomationState
 * @example
 * ```ts
 * const saved = JSON.stringify(automationStateToJSON(result.state));
 * ```
 */
export function automationStateToJSON(state: AutomationState): AutomationStateJSON {
  if (!isObject(state) || !(state.fired instanceof Map)) {
    argumentError("automationStateToJSON", "state", "must be an AutomationState (see createAutomationState)");
  }
  const rows: [string, string, string, string][] = [];
  for (const [ruleId, tickets] of state.fired) {
    for (const [ticketId, record] of tickets)
      rows.push([ruleId, ticketId, record.at.toISOString(), record.period]);
  }
  rows.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return { version: 1, fired: rows };
}

/**
 * The JSON form of an {@link AutomationState}.
 *
 * @example
 * ```ts
 * const json: AutomationStateJSON = { version: 1, fired: [["remind", "t1", "2026-03-02T10:00:00.000Z", "1772445600000"]] };
 * ```
 */
export interface AutomationStateJSON {
  readonly version: 1;
  readonly fired: readonly (readonly [string, string, string, string])[];
}

/**
 * Restores a state saved with {@link automationStateToJSON}.
 *
 * @param json - the parsed JSON (untrusted)
 * @returns the state
 * @throws ValidationError (code `VALIDATION`) when the data is not a saved state
 * @example
 * ```ts
 * const state = restoreAutomationState(JSON.parse(saved));
 * ```
 */
export function restoreAutomationState(json: unknown): AutomationState {
  const parsed = parseAutomationStateJson(json);
  const fired = new Map<string, Map<string, FiredRecord>>();
  for (const [ruleId, ticketId, at, period] of parsed.fired) {
    const tickets = fired.get(ruleId) ?? new Map<string, FiredRecord>();
    fired.set(ruleId, tickets);
    tickets.set(ticketId, { at: toDate(at), period });
  }
  return { fired };
}

/**
 * Options of {@link runAutomations}. Unknown keys are rejected (a `ValidationError` naming the key), as is a `clock` without
 * `add`, `between`, `isOpen` and `nextOpen` or a `renderer` that is not a function.
 *
 * @example
 * ```ts
 * const options: RunAutomationsOptions = { state, clock: shanghaiHours, renderer };
 * ```
 */
export interface RunAutomationsOptions {
  /** What fired in earlier runs; default: nothing. */
  state?: AutomationState;
  /** Business clock for `hours_since_*` conditions with `business: true`. */
  clock?: BusinessClock;
  /** Renders `send_reply` actions. */
  renderer?: ReplyRenderer;
}

/**
 * What one scheduled run did.
 *
 * @example
 * ```ts
 * const { fired, events, commands, state, nextRunAt } = runAutomations(rules, tickets, now, { state });
 * ```
 */
export interface AutomationRunResult {
  /** `{ ruleId, ticketId }` of each firing, in order. */
  readonly fired: readonly { ruleId: string; ticketId: string }[];
  /** Tickets after the run, in input order. */
  readonly tickets: readonly Ticket[];
  readonly events: readonly TicketEvent[];
  readonly commands: readonly AutomationCommand[];
  readonly skipped: readonly SkippedAction[];
  /** The state to pass to the next run. */
  readonly state: AutomationState;
  /** The earliest instant after `now` at which some rule will newly match a ticket (if nothing else changes); `null` when none will. */
  readonly nextRunAt: Date | null;
}

/**
 * Runs time-based automations over tickets at `now`. Each rule fires at most once per ticket per
 * matching period: a period starts when the rule's conditions start to hold, and a new anchor of its time
 * conditions (the ticket became pending again, a new tracking update) starts a new one. Zendesk asks
 * authors for a "nullifying" action to stop refiring; here the state does it, so rules need none. Rules
 * run in order per ticket, later rules seeing earlier changes. `nextRunAt` says when to run again instead
 * of polling.
 *
 * @param rules - the automations, in order (from `parseRules`); they must not use `changed*` or `event.*`
 *   conditions, which never hold without an update
 * @param tickets - the tickets to check
 * @param now - the run instant
 * @param options - state from the previous run, clock, renderer
 * @returns firings, events, commands, the new state and the next instant worth a run
 * @throws AutomationError (code `RENDERER_MISSING`, `CLOCK_MISSING`) when a rule needs what was not given
 * @throws ValidationError (code `VALIDATION`) when `rules` or `tickets` is not an array of them, or `options` has
 *   an unknown key or a `state` / `clock` / `renderer` of the wrong kind
 * @example
 * ```ts
 * const remind = parseRule({
 *   id: "unpaid-15m",
 *   when: { all: [{ field: "fields.payment", op: "is", value: "unpaid" }, { field: "created_at", op: "hours_since_gte", value: 0.25 }] },
 *   actions: [{ type: "send_reply", template: "payment_reminder" }],
 * });
 * const run = runAutomations([remind], tickets, "2026-03-02T10:15:00Z", { renderer });
 * run.fired; //=> [{ ruleId: "unpaid-15m", ticketId: "t1" }]
 * runAutomations([remind], run.tickets, "2026-03-02T10:30:00Z", { renderer, state: run.state }).fired; //=> []
 * ```
 */
export function runAutomations(
  rules: readonly Rule[],
  tickets: readonly Ticket[],
  now: InstantInput,
  options: RunAutomationsOptions = {},
): AutomationRunResult {
  requireArray("runAutomations", "rules", rules, "rules (see parseRules)");
  requireArray("runAutomations", "tickets", tickets, "tickets (see parseTicket)");
  tickets.forEach((ticket, index) => {
    requireTicket("runAutomations", `tickets.${index}`, ticket);
  });
  const { state, clock, renderer } = parseAutomationOptions(options);
  const at = toDate(now, "now");
  const nowMs = at.getTime();
  const compiled = compileRules(rules);
  const fired = copyState(state);
  const firings: { ruleId: string; ticketId: string }[] = [];
  const events: TicketEvent[] = [];
  const commands: AutomationCommand[] = [];
  const skipped: SkippedAction[] = [];
  const after: Ticket[] = [];
  let nextRunAt = Number.POSITIVE_INFINITY;

  for (const original of tickets) {
    let ticket = original;
    for (const entry of compiled) {
      const context: EvaluationContext = {
        ticket,
        before: undefined,
        event: undefined,
        now: nowMs,
        clock,
      };
      const byTicket = fired.get(entry.rule.id);
      const record = byTicket?.get(ticket.id);
      if (entry.condition.test(context)) {
        if (record && record.period === periodOf(entry, context)) continue;
        firings.push({ ruleId: entry.rule.id, ticketId: ticket.id });
        const done = perform(entry.rule, ticket, at, `auto:${nowMs}`, renderer);
        ticket = done.ticket;
        // The period is read after the rule's own actions: a rule that moves its own anchor (sets the
        // status it times) must not count that as a new period.
        const tickets = byTicket ?? new Map<string, FiredRecord>();
        fired.set(entry.rule.id, tickets);
        tickets.set(ticket.id, { at, period: periodOf(entry, { ...context, ticket }) });
        events.push(...done.events);
        commands.push(...done.commands);
        skipped.push(...done.skipped);
      } else {
        // The period is over: the rule may fire again when its conditions next hold.
        if (record) byTicket?.delete(ticket.id);
        const next = firstAtOrAfter(entry.condition.window(context), nowMs + 1);
        if (next !== undefined && next < nextRunAt) nextRunAt = next;
      }
    }
    after.push(ticket);
  }
  return {
    fired: firings,
    tickets: after,
    events,
    commands,
    skipped,
    state: { fired },
    nextRunAt: Number.isFinite(nextRunAt) ? new Date(nextRunAt) : null,
  };
}

/**
 * When a rule will next match a ticket, assuming nothing but time changes: `now` when it matches already,
 * the instant a time condition crosses its threshold (in calendar or business hours), or `null` when it never will.
 *
 * @param rule - the automation
 * @param ticket - the ticket
 * @param now - from when to look
 * @param options - `clock` for business-hour conditions
 * @returns the instant, or `null`
 * @throws AutomationError (code `CLOCK_MISSING`) for business-hour conditions without a clock
 * @throws ValidationError (code `VALIDATION`) when `rule` or `ticket` is not one, or `options` has an unknown key
 *   or a `clock` that is not a BusinessClock
 * @example
 * ```ts
 * // "pending for 48 hours": the ticket became pending on 2 March at 10:00 UTC
 * nextMatchAt(nudge, ticket, "2026-03-02T12:00:00Z")?.toISOString(); //=> "2026-03-04T10:00:00.000Z"
 * ```
 */
export function nextMatchAt(
  rule: Rule,
  ticket: Ticket,
  now: InstantInput,
  options: { clock?: BusinessClock } = {},
): Date | null {
  if (!isObject(rule)) argumentError("nextMatchAt", "rule", "must be a rule (see parseRule)");
  requireTicket("nextMatchAt", "ticket", ticket);
  const { clock } = parseClockOptions("nextMatchAt", options);
  const [entry] = compileRules([rule]);
  if (!entry) return null;
  const nowMs = toDate(now, "now").getTime();
  const context: EvaluationContext = {
    ticket,
    before: undefined,
    event: undefined,
    now: nowMs,
    clock,
  };
  const next = firstAtOrAfter(entry.condition.window(context), nowMs);
  return next === undefined ? null : new Date(next);
}

function periodOf(entry: CompiledRule, context: EvaluationContext): string {
  const anchors: number[] = [];
  entry.condition.anchors(context, anchors);
  return anchors.join(",");
}

function copyState(state: AutomationState | undefined): Map<string, Map<string, FiredRecord>> {
  const copy = new Map<string, Map<string, FiredRecord>>();
  if (!state) return copy;
  for (const [ruleId, tickets] of state.fired) copy.set(ruleId, new Map(tickets));
  return copy;
}
