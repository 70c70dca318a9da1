// Shared scenario builder for the routing benchmarks (a deterministic PRNG, no Math.random).
import type { RoutingAgentInput, WorkItemInput } from "@supportkit/routing";

export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
export const LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "zh-Hans", "zh-Hant", "ko"];
export const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${String(i).padStart(2, "0")}`);

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeAgents(count: number, seed = 1): RoutingAgentInput[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const languages = new Set<string>([pick(LANGUAGES), pick(LANGUAGES)]);
    const skills = new Map<string, number>();
    while (skills.size < 6) skills.set(pick(SKILLS), 3 + Math.floor(rnd() * 8));
    return {
      id: `agent-${String(i).padStart(5, "0")}`,
      name: `Agent ${i}`,
      languages: [...languages],
      skills: [...skills].map(([name, level]) => ({ name, level })),
      capacity: { email: 60, chat: 5 },
      presence: "online" as const,
    };
  });
}

export function makeItems(count: number, seed = 2, maxMinLevel = 5): WorkItemInput[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const priorities = ["low", "normal", "normal", "normal", "high", "urgent"] as const;
  return Array.from({ length: count }, (_, i) => ({
    id: `item-${String(i).padStart(6, "0")}`,
    channel: rnd() < 0.8 ? ("email" as const) : ("chat" as const),
    priority: pick(priorities),
    vipTier: rnd() < 0.1 ? 1 : 0,
    language: pick(LANGUAGES),
    requiredSkills: [{ name: pick(SKILLS), minLevel: 1 + Math.floor(rnd() * maxMinLevel) }],
    createdAt: T0 - Math.floor(rnd() * 3_600_000),
  }));
}
