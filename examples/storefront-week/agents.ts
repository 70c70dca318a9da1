// The roster: agents in Shanghai, Berlin and New York, each on their team's calendar as routing shift.
import type { RoutingAgentInput } from "@supportkit/routing";
import type { Team, TeamId } from "./calendars";
import type { Topic } from "./catalog";

interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly languages: readonly string[];
  /** Skill levels 1–10; a missing topic is a skill the agent does not have. */
  readonly skills: Partial<Record<Topic, number>>;
}

const generalist = (level: number): Partial<Record<Topic, number>> => ({
  "delivery-delay": level,
  return: level,
  refund: level,
  "damaged-item": level,
  payment: Math.max(1, level - 2),
  account: level,
});
const billing = { ...generalist(6), payment: 9, refund: 9 };

const ROSTER: Readonly<Record<TeamId, readonly RosterEntry[]>> = {
  shanghai: [
    { id: "sh-wang-lei", name: "Wang Lei", languages: ["zh", "en"], skills: generalist(7) },
    { id: "sh-li-na", name: "Li Na", languages: ["zh", "en", "ja"], skills: generalist(6) },
    { id: "sh-zhang-wei", name: "Zhang Wei", languages: ["zh"], skills: generalist(5) },
    { id: "sh-chen-jing", name: "Chen Jing", languages: ["zh", "en"], skills: billing },
    { id: "sh-liu-yang", name: "Liu Yang", languages: ["zh", "ja"], skills: generalist(5) },
    { id: "sh-zhou-min", name: "Zhou Min", languages: ["zh", "en"], skills: generalist(4) },
    { id: "sh-tanaka-yui", name: "Tanaka Yui", languages: ["ja", "en", "zh"], skills: generalist(6) },
  ],
  berlin: [
    { id: "be-lena-krause", name: "Lena Krause", languages: ["de", "en"], skills: generalist(7) },
    { id: "be-jonas-weber", name: "Jonas Weber", languages: ["de", "en"], skills: billing },
    { id: "be-sara-romero", name: "Sara Romero", languages: ["de", "en", "es"], skills: generalist(6) },
    { id: "be-max-hoffmann", name: "Max Hoffmann", languages: ["de"], skills: generalist(5) },
    { id: "be-mei-schulz", name: "Mei Schulz", languages: ["de", "en", "zh"], skills: generalist(6) },
    { id: "be-paul-becker", name: "Paul Becker", languages: ["de", "en"], skills: generalist(4) },
  ],
  "new-york": [
    { id: "ny-emma-johnson", name: "Emma Johnson", languages: ["en"], skills: generalist(7) },
    { id: "ny-carlos-garcia", name: "Carlos García", languages: ["en", "es"], skills: generalist(6) },
    { id: "ny-ava-miller", name: "Ava Miller", languages: ["en"], skills: billing },
    { id: "ny-diego-lopez", name: "Diego López", languages: ["en", "es"], skills: generalist(5) },
    { id: "ny-kenji-ito", name: "Kenji Ito", languages: ["en", "ja"], skills: generalist(6) },
    { id: "ny-grace-lee", name: "Grace Lee", languages: ["en", "zh"], skills: generalist(5) },
    { id: "ny-hanna-fischer", name: "Hanna Fischer", languages: ["en", "de"], skills: generalist(5) },
  ],
};

export interface StoreAgent {
  readonly id: string;
  readonly name: string;
  readonly team: TeamId;
  readonly input: RoutingAgentInput;
}

export function createAgents(teams: Record<TeamId, Team>): StoreAgent[] {
  return (Object.keys(ROSTER) as TeamId[]).flatMap((team) =>
    ROSTER[team].map((entry) => ({
      id: entry.id,
      name: entry.name,
      team,
      input: {
        id: entry.id,
        name: entry.name,
        languages: [...entry.languages],
        skills: Object.entries(entry.skills).map(([name, level]) => ({ name, level: level ?? 1 })),
        capacity: { email: 4, web_form: 4, marketplace: 4, chat: 2 },
        presence: "online" as const,
        timeZone: teams[team].timeZone,
        groups: [team],
        shift: team, // resolved through the router's `shifts` option: the team calendar
      },
    })),
  );
}
