import {
  applyEvent,
  type InstantInput,
  type Ticket,
  type TicketEvent,
  toDate,
  ValidationError,
} from "@supportkit/core";
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
 * Options of {@link explain} and {@link dryRun}.
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
  const [entry] = compileRules([{ ...rule, enabled: true }]);
  const context = contextFor(ticket, event, options);
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
 * @param options - clock and renderer
 * @returns the trigger result plus each rule's explanation against the updated ticket
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
  options: RunTriggersOptions = {},
): TriggerRunResult & { readonly explanations: readonly RuleExplanation[] } {
  const result = runTriggers(rules, ticket, event, options);
  const explanations = rules.map((rule) => explain(rule, ticket, event, options));
  return { ...result, explanations };
}

function contextFor(
  ticket: Ticket | undefined,
  event: TicketEvent | undefined,
  options: ExplainOptions,
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
