// SLA policies per team (its calendar is the business clock) and VIP tier, with targets per priority.
import { hours, minutes } from "@supportkit/core";
import { defineSlaPolicy, type SlaPolicy } from "@supportkit/sla";
import type { Team, TeamId } from "./calendars";

// Business time on the team's calendar, except VIP resolution, which is promised in calendar hours.
const standardTargets = {
  firstReply: { urgent: minutes(15), high: minutes(30), normal: hours(1), low: hours(4) },
  totalResolution: { urgent: hours(4), high: hours(8), normal: hours(16), low: hours(40) },
};
const vipTargets = {
  firstReply: { urgent: minutes(10), high: minutes(15), normal: minutes(30), low: hours(2) },
  totalResolution: {
    urgent: { ms: hours(12), clock: "calendar" as const },
    high: { ms: hours(24), clock: "calendar" as const },
    normal: { ms: hours(48), clock: "calendar" as const },
    low: { ms: hours(72), clock: "calendar" as const },
  },
};

/** First match wins: VIP before standard, per team; a ticket's group is the team that handles it. */
export function createPolicies(teams: Record<TeamId, Team>): SlaPolicy[] {
  return (Object.values(teams) as Team[]).flatMap((team) => [
    defineSlaPolicy({
      id: `${team.id}-vip`,
      name: `${team.name} VIP`,
      conditions: { group: [team.id], tier: ["vip"] },
      calendar: team.calendar,
      targets: vipTargets,
    }),
    defineSlaPolicy({
      id: `${team.id}-standard`,
      name: `${team.name} standard`,
      conditions: { group: [team.id] },
      calendar: team.calendar,
      targets: standardTargets,
    }),
  ]);
}
