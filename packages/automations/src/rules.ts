import { createParser } from "@supportkit/core";
import { z } from "zod";
import { ActionSchema } from "./actions";
import { ConditionSchema } from "./conditions";

/**
 * Schema of a rule: a trigger (runs on every ticket update) or an automation (runs on a schedule).
 *
 * @example
 * ```ts
 * RuleSchema.parse({
 *   id: "vip-urgent", name: "VIP tickets are high priority",
 *   when: { all: [{ field: "event.type", op: "is", value: "ticket.created" }, { field: "customer.tier", op: "is", value: "vip" }] },
 *   actions: [{ type: "set_priority", priority: "high" }],
 * }).enabled; //=> true
 * ```
 */
export const RuleSchema = z.strictObject({
  id: z.string().min(1).max(256),
  name: z.string().max(512).default(""),
  /** Disabled rules are kept but never fire. Default `true`. */
  enabled: z.boolean().default(true),
  /** The condition that must hold for the rule to fire. */
  when: ConditionSchema,
  /** What to do, in order. */
  actions: z.array(ActionSchema).min(1, "a rule needs at least one action").max(100),
});

/**
 * A trigger or automation rule, as parsed by {@link RuleSchema}.
 *
 * @example
 * ```ts
 * const rule: Rule = parseRule(json);
 * ```
 */
export type Rule = z.output<typeof RuleSchema>;

/**
 * A rule as an author writes it (defaults may be left out).
 *
 * @example
 * ```ts
 * const input: RuleInput = { id: "r1", when: { field: "status", op: "is", value: "new" }, actions: [{ type: "set_group", group: "tier1" }] };
 * ```
 */
export type RuleInput = z.input<typeof RuleSchema>;

const parseRuleList = createParser(
  z.array(RuleSchema).superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `rule id "${rule.id}" is used twice` });
      seen.add(rule.id);
    });
  }),
  "rules",
);

/**
 * Parses one rule from untrusted JSON.
 *
 * @param input - anything
 * @returns the rule, with defaults filled in
 * @throws ValidationError (code `VALIDATION`) naming each failing field (`when.all.1.op`)
 * @example
 * ```ts
 * parseRule({ id: "r1", when: { field: "status", op: "is", value: "new" }, actions: [] });
 * // throws: Invalid rule: actions: a rule needs at least one action
 * ```
 */
export const parseRule: (input: unknown) => Rule = createParser(RuleSchema, "rule");

/**
 * Parses a list of rules from untrusted JSON; ids must be unique. Order is kept: it is the run order.
 *
 * @param input - anything
 * @returns the rules
 * @throws ValidationError (code `VALIDATION`) naming each failing field (`3.actions.0.type`)
 * @example
 * ```ts
 * const triggers = parseRules(JSON.parse(await storage.get("triggers")));
 * ```
 */
export function parseRules(input: unknown): Rule[] {
  return parseRuleList(input);
}
