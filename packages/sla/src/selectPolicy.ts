import type { Ticket } from "@supportkit/core";
import type { SlaConditions, SlaPolicy } from "./slaPolicy";

/**
 * One condition of the chosen policy and the ticket value that satisfied it.
 *
 * @example
 * ```ts
 * const match: SlaConditionMatch = { field: "tier", expected: ["vip"], actual: "vip" };
 * ```
 */
export interface SlaConditionMatch {
  /** Which condition: `priority`, `channel`, `tier`, `tags.all`, `tags.any`, `tags.none` or `group`. */
  readonly field: string;
  /** The values the policy asks for. */
  readonly expected: readonly string[];
  /** The ticket's value (its tags for tag conditions). */
  readonly actual: string | readonly string[] | null;
}

/**
 * The policy chosen for a ticket and why.
 *
 * @example
 * ```ts
 * const selection: PolicySelection = { policy, policyId: "vip", index: 0, matched: [{ field: "tier", expected: ["vip"], actual: "vip" }] };
 * ```
 */
export interface PolicySelection {
  /** The chosen policy. */
  readonly policy: SlaPolicy;
  /** The policy's id. */
  readonly policyId: string;
  /** Its position in the list given. */
  readonly index: number;
  /** Every condition of the policy, each with the ticket value that met it (empty for a catch-all policy). */
  readonly matched: readonly SlaConditionMatch[];
}

/**
 * Picks the first policy (by position) whose conditions the ticket meets: priority, channel, customer tier,
 * tags and group. Put specific policies first and a catch-all (no conditions) last.
 *
 * @param policies - candidate policies, in priority order
 * @param ticket - the ticket (e.g. from core's `replay`)
 * @returns the chosen policy with the conditions that matched, or `null` when none applies
 * @example
 * ```ts
 * const vip = defineSlaPolicy({ id: "vip", conditions: { tier: ["vip"] }, targets: {} });
 * const standard = defineSlaPolicy({ id: "standard", targets: {} });
 * selectPolicy([vip, standard], ticket)?.policyId; //=> "vip" when ticket.requester.tier is "vip"
 * ```
 */
export function selectPolicy(policies: readonly SlaPolicy[], ticket: Ticket): PolicySelection | null {
  for (let index = 0; index < policies.length; index++) {
    const policy = policies[index]!;
    const matched = match(policy.conditions, ticket);
    if (matched !== undefined) return { policy, policyId: policy.id, index, matched };
  }
  return null;
}

/** The matches, or `undefined` as soon as one condition fails. */
function match(conditions: SlaConditions, ticket: Ticket): SlaConditionMatch[] | undefined {
  const matched: SlaConditionMatch[] = [];
  const oneOf = (
    field: string,
    expected: readonly string[] | undefined,
    actual: string | null | undefined,
  ) => {
    if (expected === undefined) return true;
    if (actual === null || actual === undefined || !expected.includes(actual)) return false;
    matched.push({ field, expected, actual });
    return true;
  };
  if (!oneOf("priority", conditions.priority, ticket.priority)) return undefined;
  if (!oneOf("channel", conditions.channel, ticket.channel)) return undefined;
  if (!oneOf("tier", conditions.tier, ticket.requester.tier)) return undefined;
  if (!oneOf("group", conditions.group, ticket.groupId)) return undefined;
  const tags = conditions.tags;
  if (tags !== undefined) {
    const has = new Set(ticket.tags);
    if (tags.all !== undefined) {
      if (!tags.all.every((tag) => has.has(tag))) return undefined;
      matched.push({ field: "tags.all", expected: tags.all, actual: ticket.tags });
    }
    if (tags.any !== undefined) {
      if (!tags.any.some((tag) => has.has(tag))) return undefined;
      matched.push({ field: "tags.any", expected: tags.any, actual: ticket.tags });
    }
    if (tags.none !== undefined) {
      if (tags.none.some((tag) => has.has(tag))) return undefined;
      matched.push({ field: "tags.none", expected: tags.none, actual: ticket.tags });
    }
  }
  return matched;
}
