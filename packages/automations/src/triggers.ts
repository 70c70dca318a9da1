import {
  applyEvent,
  type BusinessClock,
  type Ticket,
  type TicketEvent,
  type TicketEventType,
} from "@supportkit/core";
import { parseTriggerOptions, requireArray, requireEvent, requireTicket } from "./_lib/args";
import { CHANGED_BY_EVENT, eventTypeBit, fieldBit } from "./_lib/masks";
import { perform } from "./_lib/perform";
import type { EvaluationContext } from "./_lib/read";
import { type CompiledRule, compileRuleSet } from "./_lib/ruleSet";
import type { AutomationCommand, ReplyRenderer, SkippedAction } from "./commands";
import type { Rule } from "./rules";

/**
 * Options of {@link runTriggers}. Unknown keys are rejected (a `ValidationError` naming the key), as is a `clock` without
 * `add`, `between`, `isOpen` and `nextOpen` or a `renderer` that is not a function.
 *
 * @example
 * ```ts
 * const options: RunTriggersOptions = { clock: berlinHours, renderer };
 * ```
 */
export interface RunTriggersOptions {
  /** Business clock for `hours_since_*` conditions with `business: true`. */
  clock?: BusinessClock;
  /** Renders `send_reply` and templated `create_ticket` actions; required when a firing rule has one. */
  renderer?: ReplyRenderer;
}

/**
 * Rules that undid each other's change to a field within one update (A set it, B set it back).
 *
 * @example
 * ```ts
 * const loop: RuleLoop = { field: "status", values: ["open", "pending", "open"], ruleIds: ["park", "wake"] };
 * ```
 */
export interface RuleLoop {
  /** `status`, `priority`, `group`, `assignee`, `tags` or `fields.<name>`. */
  readonly field: string;
  /** The values the field went through, first to last. */
  readonly values: readonly unknown[];
  /** The rules whose changes formed the cycle, in firing order. */
  readonly ruleIds: readonly string[];
}

/**
 * What the triggers did to one update.
 *
 * @example
 * ```ts
 * const { fired, events, commands } = runTriggers(triggers, before, event);
 * ```
 */
export interface TriggerRunResult {
  /** The ticket after the update and every change the triggers made. */
  readonly ticket: Ticket;
  /** Ids of the rules that fired, in firing order (each at most once). */
  readonly fired: readonly string[];
  /** Events the rules produced (not the input event), in order: store them. */
  readonly events: readonly TicketEvent[];
  /** Effects for the caller to carry out. */
  readonly commands: readonly AutomationCommand[];
  /** Actions that could not apply, with the reason. */
  readonly skipped: readonly SkippedAction[];
  /** Changes that rules undid within this update: a sign that two rules fight. */
  readonly loops: readonly RuleLoop[];
}

/**
 * Runs trigger rules on one ticket update, the way Zendesk triggers run: in their defined order; after a
 * rule fires the cycle starts again from the top, so later and earlier rules see its changes; each rule
 * fires at most once per update, which bounds the run (the loop guard), and rules that undo each other's
 * changes are reported in `loops`. `changed*` conditions compare with the ticket before the update.
 *
 * @param rules - the triggers, in order (from `parseRules`)
 * @param ticket - the ticket BEFORE the event, or `undefined` when the event is `ticket.created`
 * @param event - the update (already parsed)
 * @param options - clock and reply renderer
 * @returns the final ticket, fired rule ids, produced events and commands
 * @throws AutomationError (code `RENDERER_MISSING`, `CLOCK_MISSING`) when a firing rule needs what was not given
 * @throws ValidationError (code `VALIDATION`) when `rules` is not an array of rules, `ticket` or `event` is not
 *   one, or `options` has an unknown key or a `clock` / `renderer` of the wrong kind
 * @throws ReplayError / TransitionError from core when the event does not fit the ticket
 * @example
 * ```ts
 * const result = runTriggers(triggers, undefined, createdEvent);
 * result.fired; //=> ["vip-priority", "route-german"]
 * result.ticket.priority; //=> "high"
 * ```
 */
export function runTriggers(
  rules: readonly Rule[],
  ticket: Ticket | undefined,
  event: TicketEvent,
  options: RunTriggersOptions = {},
): TriggerRunResult {
  requireArray("runTriggers", "rules", rules, "rules (see parseRules)");
  if (ticket !== undefined) requireTicket("runTriggers", "ticket", ticket);
  requireEvent("runTriggers", "event", event);
  const { clock, renderer } = parseTriggerOptions(options);
  const ruleSet = compileRuleSet(rules);
  const compiled = ruleSet.rules;
  let current = applyEvent(ticket, event);
  const ticketBeforeRules = current;
  const fired: string[] = [];
  const events: TicketEvent[] = [];
  const commands: AutomationCommand[] = [];
  const skipped: SkippedAction[] = [];
  let history: FieldHistory | undefined;
  // KNOWN_FALSE: the rule was false on the current ticket. A firing clears the mark of the rules that read a
  // field it changed: exactly the rules a restart from the top could find true now.
  const state = new Uint8Array(compiled.length); // 0 unknown, FIRED, or KNOWN_FALSE
  const now = event.at.getTime();
  let typeMask = eventTypeBit(event.type);
  // Only rules that need no event type, or one present in the update, and that accept the ticket's channel
  // can match; the set grows when rules produce events of new types, and a grown set contains the old one.
  let candidates = ruleSet.candidates(typeMask, current.channel);
  let context: EvaluationContext = { ticket: current, before: ticket, event, now, clock };

  for (let position = 0; position < candidates.length; position++) {
    const index = candidates[position] as number;
    if (state[index] !== 0) continue;
    const entry = compiled[index] as CompiledRule;
    if (!entry.condition.test(context)) {
      state[index] = KNOWN_FALSE;
      continue;
    }
    state[index] = FIRED;
    fired.push(entry.rule.id);
    const done = perform(entry.rule, current, event.at, event.id, renderer);
    for (const command of done.commands) commands.push(command);
    for (const skip of done.skipped) skipped.push(skip);
    if (done.events.length === 0) continue;
    current = done.ticket;
    context = { ticket: current, before: ticket, event, now, clock };
    let changed = 0;
    let changedTags: Set<string> | undefined;
    for (const produced of done.events) {
      typeMask |= eventTypeBit(produced.type);
      events.push(produced);
      changed |= changedFieldMask(produced);
      if (produced.type === "tags.changed") {
        changedTags ??= new Set();
        for (const tag of produced.added) changedTags.add(tag);
        for (const tag of produced.removed) changedTags.add(tag);
      }
    }
    history ??= new FieldHistory(ticketBeforeRules);
    history.record(done.events, current, entry.rule.id);
    for (const other of candidates) {
      if (
        state[other] === KNOWN_FALSE &&
        mayHaveChanged(compiled[other] as CompiledRule, changed, changedTags)
      ) {
        state[other] = 0;
      }
    }
    candidates = ruleSet.candidates(typeMask, current.channel);
    position = -1; // start again from the top
  }
  return { ticket: current, fired, events, commands, skipped, loops: history?.loops() ?? [] };
}

const FIRED = 1;
const KNOWN_FALSE = 2;

function mayHaveChanged(
  rule: CompiledRule,
  changed: number,
  changedTags: ReadonlySet<string> | undefined,
): boolean {
  if ((rule.readMask & changed) !== 0) return true;
  if (!changedTags || !rule.readsTags) return false;
  if (rule.tagValues === null) return true;
  for (const tag of changedTags) if (rule.tagValues.has(tag)) return true;
  return false;
}

function changedFieldMask(event: TicketEvent): number {
  return event.type === "field.changed"
    ? fieldBit(`fields.${event.field}`) | fieldBit("updated_at")
    : CHANGED_BY_EVENT[event.type];
}

const TRACKED: Readonly<Record<string, (ticket: Ticket) => unknown>> = {
  status: (ticket) => ticket.status,
  priority: (ticket) => ticket.priority,
  group: (ticket) => ticket.groupId,
  assignee: (ticket) => ticket.assigneeId,
  tags: (ticket) => [...ticket.tags].sort().join("\u0000"),
};

const TRACKED_BY_EVENT: Readonly<Partial<Record<TicketEventType, readonly string[]>>> = {
  "status.changed": ["status"],
  merged: ["status"],
  "message.added": ["status"],
  "priority.changed": ["priority"],
  assigned: ["group", "assignee", "status"],
  "tags.changed": ["tags"],
};

/** Follows the values of the fields rules change, to spot a rule setting back what another changed. */
class FieldHistory {
  private readonly values = new Map<string, { value: unknown; ruleId: string | undefined }[]>();
  private readonly initial: Ticket;

  constructor(ticket: Ticket) {
    this.initial = ticket;
  }

  record(events: readonly TicketEvent[], ticket: Ticket, ruleId: string): void {
    for (const event of events) {
      const fields =
        event.type === "field.changed" ? [`fields.${event.field}`] : (TRACKED_BY_EVENT[event.type] ?? []);
      for (const field of fields) {
        let steps = this.values.get(field);
        if (!steps) {
          steps = [{ value: this.read(field, this.initial), ruleId: undefined }];
          this.values.set(field, steps);
        }
        const value = this.read(field, ticket);
        if (steps[steps.length - 1]?.value !== value) steps.push({ value, ruleId });
      }
    }
  }

  private read(field: string, ticket: Ticket): unknown {
    const tracked = TRACKED[field];
    if (tracked) return tracked(ticket);
    const name = field.slice("fields.".length);
    return Object.hasOwn(ticket.fields, name) ? ticket.fields[name] : undefined;
  }

  loops(): RuleLoop[] {
    const loops: RuleLoop[] = [];
    for (const [field, steps] of this.values) {
      const seen = new Map<unknown, number>();
      steps.forEach((step, index) => {
        const first = seen.get(step.value);
        if (first !== undefined && index > first) {
          const cycle = steps.slice(first, index + 1);
          loops.push({
            field,
            values: cycle.map((item) =>
              field === "tags" ? String(item.value).split("\u0000").filter(Boolean) : item.value,
            ),
            ruleIds: cycle.slice(1).map((item) => item.ruleId as string),
          });
        }
        seen.set(step.value, index);
      });
    }
    return loops;
  }
}
