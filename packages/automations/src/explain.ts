import {
  applyEvent,
  type InstantInput,
  type Ticket,
  type TicketEvent,
  toDate,
  ValidationError,
} from "@supportkit/core";
import {
  argumentError,
  isObject,
  parseDryRunOptions,
  parseExplainOptions,
  requireArray,
  requireEvent,
  requireTicket,
} from "./_lib/args";
import type { ConditionExplanation } from "./_lib/compile";
import type { EvaluationContext } from "./_lib/read";
import { compileRules } from "./_lib/ruleSet";
import type { Rule } from "./rules";
import { type RunTriggersOptions, runTriggers, type TriggerRunResult } from "./triggers";

export type { ConditionExplanation } from "./_lib/compile";

/**
 * Why a rule does or does not match.
 *
 * @example
 * ```ts
 * const why: RuleExplanation = explain(rule, before, event);
 * why.matched; //=> false
 * ```
 */
export interface RuleExplanation {
  readonly ruleId: string;
  /** Whether the condition holds (a disabled rule never fires, whatever this says). */
  readonly matched: boolean;
  readonly enabled: boolean;
  /** The condition tree with each node's result and, for leaves, the value seen. */
  readonly conditions: ConditionExplanation;
}

/**
 * Options of {@link explain} and {@link dryRun}. Unknown keys are rejected (a `ValidationError` naming the key), as is a `clock` without
 * `add`, `between`, `isOpen` and `nextOpen` or a `renderer` that is not a function.
 *
 * @example
 * ```ts
 * const options: ExplainOptions = { now: "2026-03-02T10:00:00Z", clock };
 * ```
 */
export interface ExplainOptions extends RunTriggersOptions {
  /** The instant to evaluate at when there is no event (automations). Default: the event's instant, else the ticket's `updatedAt`. */
  now?: InstantInput;
}

/**
 * Explains a rule against a ticket: which conditions held and which did not, with the values they saw.
 * With an event it is read as a trigger (the event is applied to `ticket`, which is the state before it);
 * without one as an automation at `options.now`.
 *
 * @param rule - the rule
 * @param ticket - the ticket (before the event, when one is given; `undefined` with a `ticket.created` event)
 * @param event - the update, or `undefined` for an automation
 * @param options - `now` and `clock`
 * @returns the explanation tree
 * @throws ValidationError (code `VALIDATION`) when `rule`, `ticket` or `event` is not one, or `options` has an
 *   unknown key or a value of the wrong kind
 * @example
 * ```ts
 * const why = explain(vipRule, undefined, createdEvent);
 * why.conditions; //=> { kind: "all", result: false, children: [{ kind: "leaf", result: false, actual: "standard", … }] }
 * ```
 */
export function explain(
  rule: Rule,
  ticket: Ticket | undefined,
  event?: TicketEvent,
  options: ExplainOptions = {},
): RuleExplanation {
  if (!isObject(rule)) argumentError("explain", "rule", "must be a rule (see parseRule)");
  if (ticket !== undefined) requireTicket("explain", "ticket", ticket);
  if (event !== undefined) requireEvent("explain", "event", event);
  const parsed = parseExplainOptions(options);
  const [entry] = compileRules([{ ...rule, enabled: true }]);
  const context = contextFor(ticket, event, parsed);
  const conditions = (entry as NonNullable<typeof entry>).condition.explain(context);
  return { ruleId: rule.id, matched: conditions.result, enabled: rule.enabled, conditions };
}

/**
 * What running these triggers on an update would do, with an explanation for every rule, without
 * changing anything (every run is pure; this adds the explanations).
 *
 * @param rules - the triggers
 * @param ticket - the ticket before the event, or `undefined` with a `ticket.created` event
 * @param event - the update
 * @param options - clock, renderer and `now` (the explanations' instant; triggers run at the event's)
 * @returns the trigger result plus each rule's explanation against the updated ticket
 * @throws ValidationError (code `VALIDATION`) as {@link runTriggers} does
 * @example
 * ```ts
 * const preview = dryRun(triggers, before, event, { renderer });
 * preview.fired; //=> ["vip-priority"]
 * preview.explanations.find((e) => !e.matched)?.ruleId; //=> "route-german"
 * ```
 */
export function dryRun(
  rules: readonly Rule[],
  ticket: Ticket | undefined,
  event: TicketEvent,
  options: ExplainOptions = {},
): TriggerRunResult & { readonly explanations: readonly RuleExplanation[] } {
  requireArray("dryRun", "rules", rules, "rules (see parseRules)");
  // `now` only moves the explanations' instant: triggers run at their event, as they will for real.
  parseDryRunOptions(options);
  const { now: _now, ...triggerOptions } = options;
  const result = runTriggers(rules, ticket, event, triggerOptions);
  const explanations = rules.map((rule) => explain(rule, ticket, event, options));
  return { ...result, explanations };
}

function contextFor(
  ticket: Ticket | undefined,
  event: TicketEvent | undefined,
  options: ReturnType<typeof parseExplainOptions>,
): EvaluationContext {
  if (event) {
    const now = options.now === undefined ? event.at.getTime() : toDate(options.now, "now").getTime();
    return { ticket: applyEvent(ticket, event), before: ticket, event, now, clock: options.clock };
  }
  if (!ticket) {
    throw new ValidationError("explain arguments", [
      { path: "ticket", code: "invalid_type", message: "is required when no event is given" },
    ]);
  }
  const now = options.now === undefined ? ticket.updatedAt.getTime() : toDate(options.now, "now").getTime();
  return { ticket, before: undefined, event: undefined, now, clock: options.clock };
}
