import { ValidationError } from "@supportkit/core";
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

/** Compiled rules, in order, and the indexes of those an update with given event types can match. */
export interface CompiledRuleSet {
  readonly rules: readonly CompiledRule[];
  /**
   * Indexes, ascending, of the rules that need none of the event types or one of those in `typeMask`
   * (a bit set from `eventTypeBit`), and that can hold on a ticket of `channel` (which no event changes).
   * Cached per mask and channel: an update touches few distinct masks.
   */
  candidates(typeMask: number, channel: string): Int32Array;
}

// Rules are typed input (from parseRules) and not re-parsed; a hand-built or garbage entry is caught once per
// rules array, naming its index, rather than as a TypeError in the middle of a run.
function checkRule(rule: unknown, index: number): void {
  const problem =
    typeof rule !== "object" || rule === null || Array.isArray(rule)
      ? "must be a rule (see parseRules)"
      : typeof (rule as Rule).id !== "string"
        ? "must have a string id (see parseRules)"
        : !Array.isArray((rule as Rule).actions)
          ? "must have a list of actions (see parseRules)"
          : undefined;
  if (problem !== undefined) {
    throw new ValidationError("rules", [{ path: String(index), code: "invalid_type", message: problem }]);
  }
}

const cache = new WeakMap<readonly Rule[], CompiledRuleSet>();

/**
 * Compiles each enabled rule's condition once per rules array (rules are immutable data), so a run does
 * no parsing or path lookup.
 */
export function compileRules(rules: readonly Rule[]): readonly CompiledRule[] {
  return compileRuleSet(rules).rules;
}

/**
 * {@link compileRules} plus the per-event-type candidate index the trigger loop walks.
 */
export function compileRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  let set = cache.get(rules);
  if (!set) {
    rules.forEach(checkRule);
    const compiled: readonly CompiledRule[] = rules.flatMap((rule, index) => {
      if (!rule.enabled) return [];
      const condition = compileCondition(rule.when, `${index}.when`);
      return [
        {
          rule,
          condition,
          requiredTypeMask: eventTypeMask(condition.requiredEventTypes),
          readMask: fieldMask(condition.reads) & ~fieldBit("tags"),
          readsTags: condition.reads.has("tags"),
          tagValues: condition.tagValues,
        },
      ];
    });
    const byKey = new Map<string, Int32Array>();
    set = {
      rules: compiled,
      candidates(typeMask, channel) {
        const key = `${typeMask}|${channel}`;
        let indexes = byKey.get(key);
        if (!indexes) {
          const picked: number[] = [];
          compiled.forEach((entry, index) => {
            const typeOk = entry.requiredTypeMask === 0 || (entry.requiredTypeMask & typeMask) !== 0;
            const channels = entry.condition.requiredChannels;
            if (typeOk && (channels === undefined || channels.has(channel))) picked.push(index);
          });
          indexes = Int32Array.from(picked);
          byKey.set(key, indexes);
        }
        return indexes;
      },
    };
    cache.set(rules, set);
  }
  return set;
}
