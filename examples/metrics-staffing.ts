// A day's staffing plan for a cross-border shop's support team: phone and chat from an hourly forecast
// with Erlang C (80 % answered within 20 s, at most 85 % occupancy, 30 % shrinkage), what Erlang A says
// about abandonment at that staffing, and the e-mail team against a 4-hour response target.
// Run: cd /work/main && pnpm example metrics-staffing
import { agentsRequired, asyncAgentsRequired, erlangA, erlangC } from "@supportkit/metrics";

const forecast = [
  { hour: "08:00", calls: 40 },
  { hour: "09:00", calls: 110 },
  { hour: "10:00", calls: 180 },
  { hour: "11:00", calls: 200 },
  { hour: "12:00", calls: 150 },
  { hour: "13:00", calls: 160 },
  { hour: "14:00", calls: 190 },
  { hour: "15:00", calls: 170 },
  { hour: "16:00", calls: 120 },
  { hour: "17:00", calls: 60 },
];
const ahtSeconds = 180;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

console.log("Phone: 80/20 service level, ≤ 85 % occupancy, 30 % shrinkage, AHT 3 min, patience 2 min\n");
console.log(
  "hour   calls/h  erlangs  on phones  scheduled  SL (Erlang C)  ASA     occupancy  abandon (Erlang A)  SL (Erlang A)",
);
let agentHours = 0;
for (const { hour, calls } of forecast) {
  const plan = agentsRequired({
    arrivalRatePerHour: calls,
    ahtSeconds,
    targetAnswerSeconds: 20,
    targetServiceLevel: 0.8,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
  });
  const withAbandon = erlangA({
    arrivalRatePerHour: calls,
    ahtSeconds,
    agents: plan.agents,
    targetAnswerSeconds: 20,
    patienceSeconds: 120,
  });
  agentHours += plan.scheduledAgents;
  console.log(
    [
      hour.padEnd(5),
      String(calls).padStart(8),
      plan.trafficErlangs.toFixed(1).padStart(8),
      String(plan.agents).padStart(10),
      String(plan.scheduledAgents).padStart(10),
      pct(plan.serviceLevel).padStart(14),
      `${plan.averageSpeedOfAnswerSeconds.toFixed(1)} s`.padStart(7),
      pct(plan.occupancy).padStart(10),
      pct(withAbandon.probabilityOfAbandon).padStart(19),
      pct(withAbandon.serviceLevel).padStart(14),
    ].join(" "),
  );
}
console.log(`\nScheduled agent-hours for phone: ${agentHours}`);

// What one agent fewer at the peak would cost.
const peak = erlangC({ arrivalRatePerHour: 200, ahtSeconds, agents: 12, targetAnswerSeconds: 20 });
console.log(
  `At 11:00 with 12 agents instead: ${pct(peak.serviceLevel)} within 20 s, ${pct(peak.probabilityOfWaiting)} wait, ASA ${peak.averageSpeedOfAnswerSeconds.toFixed(0)} s`,
);

// E-mail: 45 messages an hour, 6 minutes each, 90 % answered within 4 business hours.
const email = asyncAgentsRequired({
  arrivalRatePerHour: 45,
  ahtSeconds: 360,
  responseTargetHours: 4,
  shrinkage: 0.3,
});
console.log(
  `\nE-mail: ${email.trafficErlangs.toFixed(1)} erlangs of work → ${email.agents} agents on e-mail (${email.scheduledAgents} scheduled), occupancy ${pct(email.occupancy)}`,
);
