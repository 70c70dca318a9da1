import type { Rule } from "../rules";
import { type CompiledCondition, compileCondition } from "./compile";
import { eventTypeMask, fieldBit, fieldMask } from "./masks";

export interface CompiledRule {
  readonly rule: Rule;
  readonly condition: CompiledCondition;
  /** Event types of which one must be in the update (0: none needed). */
  readonly requiredTypeMask: number;
  /** Fields the condition reads that events can change (tags apart: see `tagValues`). */
  readonly readMask: number;
  /** Whether the condition reads tags at all. */
  readonly readsTags: boolean;
  /** The tags it tests, or `null` when any tag change matters. */
  readonly tagValues: ReadonlySet<unknown> | null;
}

const cache = new WeakMap<readonly Rule[], readonly CompiledRule[]>();

/**
 * Compiles each enabled rule's condition once per rules array (rules are immutable data), so a run does
 * no parsing or path lookup.
 */
export function compileRules(rules: readonly Rule[]): readonly CompiledRule[] {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = rules
      .filter((rule) => rule.enabled)
      .map((rule) => {
        const condition = compileCondition(rule.when);
        return {
          rule,
          condition,
          requiredTypeMask: eventTypeMask(condition.requiredEventTypes),
          readMask: fieldMask(condition.reads) & ~fieldBit("tags"),
          readsTags: condition.reads.has("tags"),
          tagValues: condition.tagValues,
        };
      });
    cache.set(rules, compiled);
  }
  return compiled;
}
