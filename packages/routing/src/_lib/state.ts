import { type BusinessClock, CHANNELS, type Channel } from "@supportkit/core";
import type { RoutingAgent } from "../agent";
import { RoutingError } from "../errors";
import type { AgentView } from "../options";
import { requirementAt } from "../relaxation";
import type { WorkItem } from "../workItem";
import type { ResolvedOptions } from "./resolveOptions";

export const CHANNEL_INDEX: ReadonlyMap<Channel, number> = new Map(CHANNELS.map((c, i) => [c, i]));

import type { RejectionCode } from "../eligibility";

export type { RejectionCode };

/**
 * A per-channel row of numbers: an array, or (inside a router) a view into the router's flat tables.
 */
export interface Row {
  [channel: number]: number;
  readonly length: number;
}

/** Everything routing needs about one agent, in hot-path form. */
export interface AgentState {
  readonly id: string;
  /** The agent as last upserted. */
  agent: RoutingAgent;
  online: boolean;
  shift: BusinessClock | undefined;
  languages: string[];
  skills: Map<string, number>;
  groups: Set<string>;
  capacity: Row;
  /** Load held outside the router (from the agent input). */
  baseLoad: number[];
  /** Base load plus routed assignments. */
  load: Row;
  totalLoad: number;
  usedUnits: number;
  unitCapacity: number;
  /** Epoch ms of the last assignment, -Infinity when never. */
  lastAssignedAt: number;
  /** Epoch ms of assignments within the fair-limit window, ascending. */
  recent: number[];
}

export function resolveShift(
  shift: RoutingAgent["shift"],
  shifts: Readonly<Record<string, BusinessClock>>,
): BusinessClock | undefined {
  if (shift === undefined) return undefined;
  if (typeof shift !== "string") return shift;
  const clock = Object.hasOwn(shifts, shift) ? shifts[shift] : undefined;
  if (clock === undefined) {
    throw new RoutingError(
      "UNKNOWN_SHIFT",
      `Agent shift "${shift}" is not defined in the router's shifts option`,
    );
  }
  return clock;
}

export function compileAgent(agent: RoutingAgent, options: ResolvedOptions): AgentState {
  const capacity = CHANNELS.map((channel) => agent.capacity[channel] ?? 0);
  const baseLoad = CHANNELS.map((channel) => agent.load[channel] ?? 0);
  const state: AgentState = {
    id: agent.id,
    agent,
    online: agent.presence === "online",
    shift: resolveShift(agent.shift, options.shifts),
    languages: agent.languages.map((tag) => tag.toLowerCase()),
    skills: new Map(agent.skills.map((skill) => [skill.name, skill.level])),
    groups: new Set(agent.groups),
    capacity,
    baseLoad,
    load: baseLoad.slice(),
    totalLoad: 0,
    usedUnits: 0,
    unitCapacity: agent.unitCapacity ?? Number.POSITIVE_INFINITY,
    lastAssignedAt:
      agent.lastAssignedAt === undefined ? Number.NEGATIVE_INFINITY : agent.lastAssignedAt.getTime(),
    recent: [],
  };
  recomputeLoad(state, options);
  return state;
}

export function recomputeLoad(state: AgentState, options: ResolvedOptions): void {
  let total = 0;
  let units = 0;
  for (let c = 0; c < state.load.length; c++) {
    const load = state.load[c] as number;
    total += load;
    units += load * (options.units[c] as number);
  }
  state.totalLoad = total;
  state.usedUnits = units;
}

export function addLoad(state: AgentState, channel: number, delta: number, options: ResolvedOptions): void {
  state.load[channel] = (state.load[channel] as number) + delta;
  state.totalLoad += delta;
  state.usedUnits += delta * (options.units[channel] as number);
}

/** A work item's requirements at one instant, in hot-path form. */
export interface Requirements {
  readonly channel: number;
  /** Lower-cased language, or undefined for any. */
  readonly language: string | undefined;
  readonly groupId: string | undefined;
  /** Effective (not dropped) required skills: name, minimum level. */
  readonly skills: readonly (readonly [string, number])[];
  /** Names summed by best-skill-match: all required (even dropped) then preferred, unique. */
  readonly rankSkills: readonly string[];
  readonly relaxed: boolean;
  /** Next epoch the requirements change (Infinity: never). */
  readonly nextChange: number;
  /** A stable string naming these requirements; equal keys have equal eligible agents. */
  readonly key: string;
}

export function compileRequirements(item: WorkItem, now: number): Requirements {
  const created = item.createdAt.getTime();
  const skills: [string, number][] = [];
  let relaxed = false;
  let next = Number.POSITIVE_INFINITY;
  const rankSkills: string[] = [];
  const seen = new Set<string>();
  for (const skill of item.requiredSkills) {
    const state = requirementAt(skill, created, now);
    if (state.dropped || state.minLevel !== skill.minLevel) relaxed = true;
    if (!state.dropped) skills.push([skill.name, state.minLevel]);
    if (state.next < next) next = state.next;
    if (!seen.has(skill.name)) {
      seen.add(skill.name);
      rankSkills.push(skill.name);
    }
  }
  for (const name of item.preferredSkills) {
    if (!seen.has(name)) {
      seen.add(name);
      rankSkills.push(name);
    }
  }
  // The same skill listed twice: the highest level wins.
  let canonical: [string, number][];
  if (skills.length <= 1) canonical = skills;
  else {
    const merged = new Map<string, number>();
    for (const [name, level] of skills) merged.set(name, Math.max(level, merged.get(name) ?? 0));
    canonical = [...merged].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  }
  const language = item.language?.toLowerCase();
  const channel = CHANNEL_INDEX.get(item.channel) as number;
  // JSON-encoded names keep the key unambiguous whatever characters they contain.
  let key = `${channel}|${language ?? ""}|${item.groupId === undefined ? "" : JSON.stringify(item.groupId)}|`;
  for (const [name, level] of canonical) key += `${JSON.stringify(name)}:${level},`;
  key += "|";
  const ranked = rankSkills.length <= 1 ? rankSkills : [...rankSkills].sort();
  for (const name of ranked) key += `${JSON.stringify(name)},`;
  return {
    channel,
    language,
    groupId: item.groupId,
    skills: canonical,
    rankSkills,
    relaxed,
    nextChange: next,
    key,
  };
}

/** The static checks (group, language, skill) in their fixed order; null when all pass. */
export function staticRejection(agent: AgentState, req: Requirements): RejectionCode | null {
  if (req.groupId !== undefined && !agent.groups.has(req.groupId)) return "group";
  if (req.language !== undefined) {
    let ok = false;
    const item = req.language;
    for (const tag of agent.languages) {
      if (
        tag === item ||
        (tag.length < item.length && item.charCodeAt(tag.length) === 45 && item.startsWith(tag))
      ) {
        ok = true;
        break;
      }
    }
    if (!ok) return "language";
  }
  for (const [name, level] of req.skills) {
    const has = agent.skills.get(name);
    if (has === undefined || has < level) return "skill";
  }
  return null;
}

export function hasRoom(agent: AgentState, channel: number, options: ResolvedOptions): boolean {
  return (
    (agent.load[channel] as number) < (agent.capacity[channel] as number) &&
    agent.usedUnits + (options.units[channel] as number) <= agent.unitCapacity
  );
}

/** Assignments of `agent` that count against the fair limit at `now`. */
export function fairCount(agent: AgentState, now: number, options: ResolvedOptions): number {
  if (options.fairMax === Number.POSITIVE_INFINITY) return 0;
  const from = now - options.fairWindowMs;
  const recent = agent.recent;
  // First index with t > from.
  let lo = 0;
  let hi = recent.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((recent[mid] as number) > from) hi = mid;
    else lo = mid + 1;
  }
  let count = 0;
  for (let i = lo; i < recent.length && (recent[i] as number) <= now; i++) count++;
  return count;
}

/** The epoch at which the fair limit next lets `agent` in, when it blocks it at `now`. */
export function fairReopensAt(agent: AgentState, now: number, options: ResolvedOptions): number {
  const from = now - options.fairWindowMs;
  const inWindow = agent.recent.filter((t) => t > from && t <= now);
  // After the (count − max + 1)-th oldest assignment leaves the window, one slot is free.
  const index = inWindow.length - options.fairMax;
  return (inWindow[Math.max(0, index)] as number) + options.fairWindowMs;
}

/** Whether the agent is at work at `now`: presence, then shift. */
function absence(agent: AgentState, nowDate: Date): RejectionCode | null {
  if (!agent.online) return "presence";
  if (agent.shift !== undefined && !agent.shift.isOpen(nowDate)) return "shift";
  return null;
}

/** Whether the agent can take one more item on `channel` at `now`: capacity, then the fair limit. */
function fullness(
  agent: AgentState,
  channel: number,
  now: number,
  options: ResolvedOptions,
): RejectionCode | null {
  if (!hasRoom(agent, channel, options)) return "capacity";
  if (fairCount(agent, now, options) >= options.fairMax) return "fair-limit";
  return null;
}

/** Checks that change with time and load: presence, shift (at `now`), capacity, fair-limit. */
export function dynamicRejection(
  agent: AgentState,
  channel: number,
  now: number,
  nowDate: Date,
  options: ResolvedOptions,
): RejectionCode | null {
  return absence(agent, nowDate) ?? fullness(agent, channel, now, options);
}

/** The full check in the fixed order: presence, shift, group, language, skill, capacity, fair-limit. */
export function rejection(
  agent: AgentState,
  req: Requirements,
  now: number,
  nowDate: Date,
  options: ResolvedOptions,
): RejectionCode | null {
  return absence(agent, nowDate) ?? staticRejection(agent, req) ?? fullness(agent, req.channel, now, options);
}

export function agentView(agent: AgentState): AgentView {
  const load: Partial<Record<Channel, number>> = {};
  CHANNELS.forEach((channel, index) => {
    const value = agent.load[index] as number;
    if (value !== 0) load[channel] = value;
  });
  return {
    agent: agent.agent,
    load,
    lastAssignedAt: Number.isFinite(agent.lastAssignedAt) ? new Date(agent.lastAssignedAt) : null,
  };
}

/** The least-busy primary on `channel` (the configured load measure, lower ranks first). */
export function loadPrimary(agent: AgentState, c: number, options: ResolvedOptions): number {
  if (options.loadMeasure === "utilisation") return (agent.load[c] as number) / (agent.capacity[c] as number);
  if (options.loadMeasure === "spare") return (agent.load[c] as number) - (agent.capacity[c] as number);
  return agent.totalLoad;
}

/** The strategy's primary ranking value for the key strategies, lower ranks first; allocation-free. */
export function primaryValue(agent: AgentState, req: Requirements, options: ResolvedOptions): number {
  if (options.strategy === "least-busy") return loadPrimary(agent, req.channel, options);
  if (options.strategy === "best-skill-match") {
    let sum = 0;
    for (const name of req.rankSkills) sum += agent.skills.get(name) ?? 0;
    return -sum;
  }
  return 0;
}

/**
 * The strategy's primary ranking value, lower ranks first (round-robin ranks by rotation elsewhere).
 * `value` is the human-facing measure shown in explanations.
 */
export function primaryOf(
  agent: AgentState,
  req: Requirements,
  item: WorkItem,
  options: ResolvedOptions,
): { primary: number; value: number } {
  if (options.strategy === "custom") {
    const raw = (options.score as NonNullable<ResolvedOptions["score"]>)(agentView(agent), item);
    const value = Number.isFinite(raw) ? raw : Number.NEGATIVE_INFINITY;
    return { primary: -value, value };
  }
  const primary = primaryValue(agent, req, options);
  const flip =
    options.strategy === "best-skill-match" ||
    (options.strategy === "least-busy" && options.loadMeasure === "spare");
  return { primary, value: flip ? -primary : primary };
}

/** Ranking order for key strategies: primary, then longest idle, then id. */
export function rankLess(
  aPrimary: number,
  aIdle: number,
  aId: string,
  bPrimary: number,
  bIdle: number,
  bId: string,
): boolean {
  if (aPrimary !== bPrimary) return aPrimary < bPrimary;
  if (aIdle !== bIdle) return aIdle < bIdle;
  return aId < bId;
}
