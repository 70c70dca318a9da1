// The straightforward baseline: for every item, scan every agent with the same checks and ranking.
import type { RoutingAgentInput, WorkItemInput } from "@supportkit/routing";

interface FlatAgent {
  id: string;
  online: boolean;
  languages: string[];
  skills: Map<string, number>;
  capacity: Record<string, number>;
  load: Record<string, number>;
  lastAssignedAt: number;
}

export interface LinearRouter {
  /** Picks (and with `commit`, assigns) the least-busy eligible agent for one item; null when none. */
  decide(item: WorkItemInput, now: number, commit: boolean): string | null;
}

export function createLinearRouter(agents: readonly RoutingAgentInput[]): LinearRouter {
  const flat: FlatAgent[] = agents.map((agent) => ({
    id: agent.id,
    online: agent.presence === "online",
    languages: (agent.languages ?? []).map((tag) => tag.toLowerCase()),
    skills: new Map((agent.skills ?? []).map((skill) => [skill.name, skill.level])),
    capacity: { ...(agent.capacity ?? {}) } as Record<string, number>,
    load: {},
    lastAssignedAt: Number.NEGATIVE_INFINITY,
  }));
  return {
    decide(item, now, commit) {
      const language = item.language?.toLowerCase();
      const channel = item.channel;
      let best: FlatAgent | null = null;
      let bestUtil = 0;
      for (const agent of flat) {
        if (!agent.online) continue;
        if (language !== undefined) {
          let ok = false;
          for (const tag of agent.languages) {
            if (tag === language || (language.startsWith(tag) && language.charCodeAt(tag.length) === 45)) {
              ok = true;
              break;
            }
          }
          if (!ok) continue;
        }
        let skilled = true;
        for (const skill of item.requiredSkills ?? []) {
          const level = agent.skills.get(skill.name);
          if (level === undefined || level < (skill.minLevel ?? 1)) {
            skilled = false;
            break;
          }
        }
        if (!skilled) continue;
        const capacity = agent.capacity[channel] ?? 0;
        const load = agent.load[channel] ?? 0;
        if (load >= capacity) continue;
        const util = load / capacity;
        if (
          best === null ||
          util < bestUtil ||
          (util === bestUtil &&
            (agent.lastAssignedAt < best.lastAssignedAt ||
              (agent.lastAssignedAt === best.lastAssignedAt && agent.id < best.id)))
        ) {
          best = agent;
          bestUtil = util;
        }
      }
      if (best !== null && commit) {
        best.load[channel] = (best.load[channel] ?? 0) + 1;
        best.lastAssignedAt = now;
      }
      return best?.id ?? null;
    },
  };
}
