import { type InstantInput, toDate } from "@supportkit/core";
import type { WorkItem } from "./workItem";

/**
 * One required skill as it applies at an instant: its current minimum level, or dropped.
 *
 * @example
 * ```ts
 * const skill: EffectiveSkill = { name: "refunds", minLevel: 4, dropped: false };
 * ```
 */
export interface EffectiveSkill {
  readonly name: string;
  /** Minimum level now (after stepwise lowering). */
  readonly minLevel: number;
  /** Whether `dropAfterMs` has passed, so the skill no longer filters. */
  readonly dropped: boolean;
}

/**
 * A work item's skill requirements at an instant, and when they next change.
 *
 * @example
 * ```ts
 * const requirements: EffectiveRequirements = { skills: [], relaxed: false, nextChangeAt: null };
 * ```
 */
export interface EffectiveRequirements {
  /** Required skills in the item's order. */
  readonly skills: readonly EffectiveSkill[];
  /** Whether any requirement was lowered or dropped. */
  readonly relaxed: boolean;
  /** The next instant a requirement lowers or drops, `null` when none will. */
  readonly nextChangeAt: Date | null;
}

/**
 * Works out which skill levels a waiting item requires at `now`. A requirement with `relax` lowers its
 * minimum by `step` at every full `everyMs` waited (at exactly `createdAt + everyMs` the first step
 * applies), never below `floor`; one with `dropAfterMs` stops filtering at exactly `createdAt + dropAfterMs`.
 *
 * @param item - the work item
 * @param now - the instant of evaluation
 * @returns the requirements and the next instant they change
 * @throws ValidationError (code `VALIDATION`) when `now` is not an instant
 * @example
 * ```ts
 * const item = parseWorkItem({ id: "t1", channel: "chat", createdAt: 0,
 *   requiredSkills: [{ name: "refunds", minLevel: 8, relax: { everyMs: 60_000, step: 2, floor: 4 } }] });
 * effectiveRequirements(item, 120_000).skills[0]?.minLevel; //=> 4
 * effectiveRequirements(item, 60_000).nextChangeAt?.getTime(); //=> 120_000
 * ```
 */
export function effectiveRequirements(item: WorkItem, now: InstantInput): EffectiveRequirements {
  const at = toDate(now, "now").getTime();
  const created = item.createdAt.getTime();
  let relaxed = false;
  let next = Number.POSITIVE_INFINITY;
  const skills = item.requiredSkills.map((skill): EffectiveSkill => {
    const state = requirementAt(skill, created, at);
    if (state.minLevel !== skill.minLevel || state.dropped) relaxed = true;
    if (state.next < next) next = state.next;
    return { name: skill.name, minLevel: state.minLevel, dropped: state.dropped };
  });
  return { skills, relaxed, nextChangeAt: Number.isFinite(next) ? new Date(next) : null };
}

/** One requirement at epoch `at`: level, dropped flag and the next epoch it changes (Infinity: never). */
export function requirementAt(
  skill: WorkItem["requiredSkills"][number],
  created: number,
  at: number,
): { minLevel: number; dropped: boolean; next: number } {
  const waited = at - created;
  const dropAt = skill.dropAfterMs === undefined ? Number.POSITIVE_INFINITY : created + skill.dropAfterMs;
  if (at >= dropAt) return { minLevel: skill.minLevel, dropped: true, next: Number.POSITIVE_INFINITY };
  const relax = skill.relax;
  if (relax === undefined || skill.minLevel <= relax.floor) {
    return { minLevel: skill.minLevel, dropped: false, next: dropAt };
  }
  const steps = waited <= 0 ? 0 : Math.floor(waited / relax.everyMs);
  const minLevel = Math.max(relax.floor, skill.minLevel - steps * relax.step);
  const nextStep = minLevel > relax.floor ? created + (steps + 1) * relax.everyMs : Number.POSITIVE_INFINITY;
  return { minLevel, dropped: false, next: Math.min(nextStep, dropAt) };
}
