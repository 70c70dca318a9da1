import { fc } from "@fast-check/vitest";
import type { Presence } from "@supportkit/core";
import type { RoutingAgentInput } from "../agent";
import type { RoutingOptions } from "../options";
import type { WorkItemInput } from "../workItem";
import { MIN, T0, windowShift } from "./fixtures";

export const AGENT_IDS = ["a1", "a2", "a3", "a4", "a5"] as const;
const SKILLS = ["refunds", "payments", "returns"] as const;

/** Named test shifts: "early" is open in the first 30 minutes, "late" from minute 20 to 60. */
export const SHIFTS = {
  early: windowShift(T0, T0 + 30 * MIN),
  late: windowShift(T0 + 20 * MIN, T0 + 60 * MIN),
};

export const agentArb: fc.Arbitrary<RoutingAgentInput> = fc
  .record({
    id: fc.constantFrom(...AGENT_IDS),
    skills: fc.uniqueArray(
      fc.record({ name: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 10 }) }),
      { selector: (s) => s.name, maxLength: 3 },
    ),
    languages: fc.subarray(["en", "de", "es", "es-MX"]),
    chat: fc.integer({ min: 0, max: 3 }),
    email: fc.integer({ min: 0, max: 3 }),
    baseChat: fc.integer({ min: 0, max: 1 }),
    presence: fc.constantFrom<Presence>("online", "online", "online", "away", "offline"),
    groups: fc.subarray(["g1", "g2"]),
    shift: fc.constantFrom(undefined, undefined, "early", "late"),
    idle: fc.option(fc.integer({ min: -60, max: 0 }), { nil: undefined }),
    units: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 3 }),
  })
  .map((r) => ({
    id: r.id,
    name: r.id,
    skills: r.skills,
    languages: r.languages,
    capacity: { chat: r.chat, email: r.email },
    load: r.baseChat > 0 ? { chat: r.baseChat } : {},
    presence: r.presence,
    groups: r.groups,
    ...(r.shift === undefined ? {} : { shift: r.shift }),
    ...(r.idle === undefined ? {} : { lastAssignedAt: T0 + r.idle * MIN }),
    ...(r.units === undefined ? {} : { unitCapacity: r.units }),
  }));

/** A work item without id and creation time: `age` minutes before the enqueue instant. */
export type ItemTemplate = Omit<WorkItemInput, "id" | "createdAt"> & { age: number };

export const itemArb: fc.Arbitrary<ItemTemplate> = fc
  .record({
    channel: fc.constantFrom("chat" as const, "email" as const),
    priority: fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const),
    vipTier: fc.integer({ min: 0, max: 2 }),
    language: fc.constantFrom(undefined, "en", "de-AT", "es-MX", "es"),
    age: fc.integer({ min: 0, max: 20 }),
    required: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...SKILLS),
        minLevel: fc.integer({ min: 1, max: 10 }),
        relax: fc.option(
          fc.record({ everyMs: fc.constantFrom(MIN, 5 * MIN), step: fc.integer({ min: 1, max: 3 }) }),
          { nil: undefined },
        ),
        dropAfterMs: fc.option(fc.constantFrom(0, 3 * MIN, 10 * MIN), { nil: undefined }),
      }),
      { selector: (s) => s.name, maxLength: 2 },
    ),
    preferred: fc.subarray([...SKILLS]),
    groupId: fc.constantFrom(undefined, undefined, "g1"),
    previousAgentId: fc.constantFrom(undefined, undefined, ...AGENT_IDS),
    stickyWaitMs: fc.constantFrom(undefined, 0, 4 * MIN),
  })
  .map((r) => ({
    age: r.age,
    channel: r.channel,
    priority: r.priority,
    vipTier: r.vipTier,
    ...(r.language === undefined ? {} : { language: r.language }),
    requiredSkills: r.required.map((s) => ({
      name: s.name,
      minLevel: s.minLevel,
      ...(s.relax === undefined ? {} : { relax: s.relax }),
      ...(s.dropAfterMs === undefined ? {} : { dropAfterMs: s.dropAfterMs }),
    })),
    preferredSkills: r.preferred,
    ...(r.groupId === undefined ? {} : { groupId: r.groupId }),
    ...(r.previousAgentId === undefined ? {} : { previousAgentId: r.previousAgentId }),
    ...(r.stickyWaitMs === undefined ? {} : { stickyWaitMs: r.stickyWaitMs }),
  }));

export type Step =
  | { kind: "upsert"; agent: RoutingAgentInput }
  | { kind: "remove"; agentId: string }
  | { kind: "presence"; agentId: string; presence: Presence }
  | { kind: "enqueue"; seed: number }
  | { kind: "release"; pick: number }
  | { kind: "cancel"; pick: number }
  | { kind: "dispatch"; advanceMinutes: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: agentArb.map((agent) => ({ kind: "upsert" as const, agent })) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("remove" as const), agentId: fc.constantFrom(...AGENT_IDS) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("presence" as const),
      agentId: fc.constantFrom(...AGENT_IDS),
      presence: fc.constantFrom<Presence>("online", "away", "offline"),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("enqueue" as const), seed: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("dispatch" as const),
      advanceMinutes: fc.integer({ min: 0, max: 7 }),
    }),
  },
);

export const optionsArb: fc.Arbitrary<RoutingOptions> = fc
  .record({
    strategy: fc.constantFrom(
      "least-busy" as const,
      "round-robin" as const,
      "longest-idle" as const,
      "best-skill-match" as const,
      "custom" as const,
    ),
    loadMeasure: fc.constantFrom("utilisation" as const, "spare" as const, "count" as const),
    fair: fc.boolean(),
    chatUnits: fc.constantFrom(undefined, 0, 2),
    stickyWaitMs: fc.constantFrom(0, 2 * MIN, 10 * MIN),
  })
  .map((r) => ({
    strategy: r.strategy,
    loadMeasure: r.loadMeasure,
    stickyWaitMs: r.stickyWaitMs,
    shifts: SHIFTS,
    ...(r.chatUnits === undefined ? {} : { channelUnits: { chat: r.chatUnits } }),
    ...(r.fair ? { fairLimit: { maxAssignments: 2, windowMs: 5 * MIN } } : {}),
    ...(r.strategy === "custom"
      ? {
          score: (view: { agent: { skills: readonly { level: number }[] }; load: { chat?: number } }) =>
            view.agent.skills.reduce((sum, s) => sum + s.level, 0) - 2 * (view.load.chat ?? 0),
        }
      : {}),
  }));

export function fromTemplate(template: ItemTemplate, id: string, now: number): WorkItemInput {
  const { age, ...rest } = template;
  return { ...rest, id, createdAt: now - age * MIN };
}
