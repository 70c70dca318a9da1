import { type InstantInput, toDate, ValidationError } from "@supportkit/core";
import { rankEligible } from "./_lib/rank";
import { resolveOptions } from "./_lib/resolveOptions";
import { type AgentState, compileAgent, compileRequirements, rejection } from "./_lib/state";
import { parseRoutingAgent, type RoutingAgentInput } from "./agent";
import type { RoutingDecision } from "./decision";
import type { RejectionCode } from "./eligibility";
import { RoutingError } from "./errors";
import type { RoutingOptions } from "./options";
import { parseWorkItem, type WorkItemInput } from "./workItem";

/**
 * Options of {@link pickAgent}: the routing options plus the instant and the state a router would hold.
 *
 * @example
 * ```ts
 * const options: PickAgentOptions = { now: Date.UTC(2026, 2, 2, 9), strategy: "round-robin", roundRobinCursor: "a3" };
 * ```
 */
export interface PickAgentOptions extends RoutingOptions {
  /** The instant of the decision (shifts, relaxation, sticky wait, fair-limit window). */
  readonly now: InstantInput;
  /** Round-robin cursor: the id of the agent that got the previous item. Default none (start at the smallest id). */
  readonly roundRobinCursor?: string | null;
  /** Earlier assignment instants per agent id, for the fair limit. Default none. */
  readonly recentAssignments?: Readonly<Record<string, readonly InstantInput[]>>;
}

/**
 * Picks the agent for one work item, purely: no state is kept or changed. Checks every agent in the
 * fixed order (presence, shift, group, language, skill, capacity, fair-limit), honours the previous agent
 * (sticky routing), then ranks the eligible agents by the strategy with ties to the longest idle, then the
 * smallest id. `createRouter` makes the same decisions with indexes; this is the reference.
 *
 * @param agents - the agents (inputs are validated)
 * @param request - the work item
 * @param options - `now`, the strategy and the other routing options
 * @returns the decision: the agent (or none) with the reason and ranking key
 * @throws ValidationError (code `VALIDATION`) when an agent, the item or an option is invalid
 * @throws RoutingError (code `UNKNOWN_SHIFT`) when an agent names a shift not in `options.shifts`
 * @throws RoutingError (code `DUPLICATE_AGENT`) when two agents share an id
 * @example
 * ```ts
 * const agents = [
 *   { id: "a1", name: "Ana", languages: ["es"], capacity: { chat: 2 }, load: { chat: 1 }, presence: "online" as const },
 *   { id: "a2", name: "Bo", languages: ["es-MX"], capacity: { chat: 2 }, presence: "online" as const },
 * ];
 * pickAgent(agents, { id: "t1", channel: "chat", language: "es-MX", createdAt: 0 }, { now: 0 }).agentId; //=> "a2"
 * ```
 */
export function pickAgent(
  agents: readonly RoutingAgentInput[],
  request: WorkItemInput,
  options: PickAgentOptions,
): RoutingDecision {
  const resolved = resolveOptions(options, "pickAgent");
  const nowDate = toDate(options.now, "now");
  const now = nowDate.getTime();
  const item = parseWorkItem(request);
  const req = compileRequirements(item, now);
  if (!Array.isArray(agents)) {
    throw new ValidationError("pickAgent agents", [
      { path: "", code: "invalid_type", message: "expected an array of agents" },
    ]);
  }
  const seen = new Set<string>();
  const states = agents.map((input) => {
    const state = compileAgent(parseRoutingAgent(input), resolved);
    // Two agents with one id would make the decision depend on input order.
    if (seen.has(state.id)) throw new RoutingError("DUPLICATE_AGENT", `Agent "${state.id}" is listed twice`);
    seen.add(state.id);
    const recent = options.recentAssignments?.[state.id];
    if (recent !== undefined) {
      state.recent = recent.map((at) => toDate(at, "recentAssignments").getTime()).sort((a, b) => a - b);
    }
    return state;
  });
  const cursor = options.roundRobinCursor ?? null;
  const base = { relaxed: req.relaxed, roundRobinCursor: cursor };

  if (item.previousAgentId !== undefined) {
    const previous = states.find((state) => state.id === item.previousAgentId);
    if (previous !== undefined) {
      const code = rejection(previous, req, now, nowDate, resolved);
      if (code === null) {
        return {
          ...base,
          agentId: previous.id,
          reason: "sticky",
          key: null,
          waitUntil: null,
          rejections: null,
        };
      }
      const until = item.createdAt.getTime() + (item.stickyWaitMs ?? resolved.stickyWaitMs);
      if (code === "capacity" && now < until) {
        return {
          ...base,
          agentId: null,
          reason: "waiting-for-previous-agent",
          key: null,
          waitUntil: new Date(until),
          rejections: null,
        };
      }
    }
  }

  const eligible: AgentState[] = [];
  const rejections: Record<string, RejectionCode> = {};
  for (const state of states) {
    const code = rejection(state, req, now, nowDate, resolved);
    if (code === null) eligible.push(state);
    else rejections[state.id] = code;
  }
  if (eligible.length === 0) {
    return { ...base, agentId: null, reason: "no-eligible-agent", key: null, waitUntil: null, rejections };
  }
  const best = rankEligible(eligible, req, item, resolved, cursor)[0]!;
  return {
    ...base,
    agentId: best.agent.id,
    reason: "strategy",
    key: best.key,
    waitUntil: null,
    rejections: null,
    roundRobinCursor: resolved.strategy === "round-robin" ? best.agent.id : cursor,
  };
}
