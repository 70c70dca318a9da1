import { type InstantInput, toDate } from "@supportkit/core";
import { resolveOptions } from "./_lib/resolveOptions";
import { compileAgent, compileRequirements, rejection } from "./_lib/state";
import { parseRoutingAgent, type RoutingAgentInput } from "./agent";
import type { RoutingOptions } from "./options";
import { parseWorkItem, type WorkItemInput } from "./workItem";

/**
 * Why an agent cannot take a work item: the first failing check, in this fixed order.
 *
 * - `presence`: not online
 * - `shift`: the agent's shift clock is closed at that instant
 * - `group`: the item names a group the agent is not in
 * - `language`: none of the agent's languages covers the item's
 * - `skill`: a required skill is missing or below its (possibly relaxed) minimum level
 * - `capacity`: no room on the item's channel (or not enough capacity units)
 * - `fair-limit`: the agent already had the maximum assignments within the fair-limit window
 *
 * @example
 * ```ts
 * const code: RejectionCode = "capacity";
 * ```
 */
export type RejectionCode = "presence" | "shift" | "group" | "language" | "skill" | "capacity" | "fair-limit";

/**
 * Every rejection code, in check order.
 *
 * @example
 * ```ts
 * REJECTION_CODES[0]; //=> "presence"
 * ```
 */
export const REJECTION_CODES: readonly RejectionCode[] = Object.freeze([
  "presence",
  "shift",
  "group",
  "language",
  "skill",
  "capacity",
  "fair-limit",
]);

/**
 * Options of {@link checkEligibility}.
 *
 * @example
 * ```ts
 * const options: CheckEligibilityOptions = { now: "2026-03-02T09:00:00Z", recentAssignments: [], fairLimit: { maxAssignments: 3, windowMs: 600_000 } };
 * ```
 */
export interface CheckEligibilityOptions extends RoutingOptions {
  /** The instant of the check (shift, relaxation, fair-limit window). */
  readonly now: InstantInput;
  /** Instants of the agent's earlier assignments, for the fair limit. Default none. */
  readonly recentAssignments?: readonly InstantInput[];
}

/**
 * Checks whether one agent may take one work item at an instant; the first failing check wins.
 *
 * @param agent - the agent (validated with `RoutingAgentSchema`)
 * @param item - the work item (validated with `WorkItemSchema`)
 * @param options - `now`, the fair limit and the other routing options
 * @returns `null` when eligible, otherwise the {@link RejectionCode}
 * @throws ValidationError (code `VALIDATION`) when the agent, item or options are invalid
 * @throws RoutingError (code `UNKNOWN_SHIFT`) when the agent names a shift not in `options.shifts`
 * @example
 * ```ts
 * const agent = { id: "a1", name: "Mia", languages: ["es"], capacity: { chat: 1 }, presence: "online" as const };
 * checkEligibility(agent, { id: "t1", channel: "chat", language: "es-MX", createdAt: 0 }, { now: 0 }); //=> null
 * checkEligibility(agent, { id: "t2", channel: "email", createdAt: 0 }, { now: 0 }); //=> "capacity"
 * ```
 */
export function checkEligibility(
  agent: RoutingAgentInput,
  item: WorkItemInput,
  options: CheckEligibilityOptions,
): RejectionCode | null {
  const resolved = resolveOptions(options, "eligibility");
  const now = toDate(options.now, "now");
  const state = compileAgent(parseRoutingAgent(agent), resolved);
  state.recent = (options.recentAssignments ?? []).map((at) => toDate(at, "recentAssignments").getTime());
  state.recent.sort((a, b) => a - b);
  const req = compileRequirements(parseWorkItem(item), now.getTime());
  return rejection(state, req, now.getTime(), now, resolved);
}
