// The printed summary: plain text, one section per question a support lead asks about the week.
import type { Share, Summary } from "./analyse";
import { duration, hourLabel, num, pct, utcHour } from "./format";

const pad = (text: string, width: number) => text.padEnd(width);
const shareText = (s: Share) => (s.total === 0 ? "—" : `${pct(s.share)} of ${s.total}`);
const signed = (n: number | null) => (n === null ? "—" : `${n >= 0 ? "+" : ""}${n.toFixed(0)}`);

export function formatSummary(s: Summary): string {
  const lines: string[] = [];
  const total = s.tickets;
  lines.push(
    `Storefront week · seed ${s.seed} · ${total} tickets · ${utcHour(s.start)} → ${utcHour(s.end)} (worked until ${utcHour(s.now)})`,
  );
  if (s.holidays.length > 0) lines.push(`Calendar: ${s.holidays.join(" · ")}`);
  lines.push("");
  lines.push("Volume");
  lines.push(`  by channel   ${s.byChannel.map(([k, v]) => `${k} ${v} (${pct(v / total)})`).join(" · ")}`);
  lines.push(`  by language  ${s.byLanguage.map(([k, v]) => `${k} ${v}`).join(" · ")}`);
  lines.push("");
  lines.push("Times in business hours of the handling team (Zendesk definitions)");
  lines.push(
    `  first reply  p50 ${duration(s.firstReply.p50)} · p90 ${duration(s.firstReply.p90)} (${s.firstReply.count} tickets)`,
  );
  lines.push(
    `  resolution   p50 ${duration(s.resolution.p50)} · p90 ${duration(s.resolution.p90)} (${s.resolution.count} tickets)`,
  );
  lines.push(
    `  first reply by channel  ${s.firstReplyByChannel.map((c) => `${c.channel} p50 ${duration(c.p50)} / p90 ${duration(c.p90)}`).join(" · ")}`,
  );
  lines.push("");
  lines.push(`SLA compliance          ${pad("first reply", 20)} resolution`);
  for (const row of [...s.slaByPriority, ...s.slaByTeam]) {
    lines.push(`  ${pad(row.key, 21)} ${pad(shareText(row.firstReply), 20)} ${shareText(row.resolution)}`);
  }
  lines.push("");
  lines.push("Customers");
  lines.push(
    `  CSAT ${pct(s.csat.share)} satisfied (${s.csat.count} answers, mean ${num(s.csat.mean, 2)}) · ` +
      `NPS ${signed(s.nps.score)} (${s.nps.count}) · CES mean ${num(s.ces.mean, 2)}, ${pct(s.ces.agreeShare)} easy (${s.ces.count})`,
  );
  lines.push(
    `  one-touch ${pct(s.oneTouchRate)} · reopened ${pct(s.reopenRate)} · FCR ${pct(s.fcrRate)} · solved ${s.solved}, open ${s.unsolved}`,
  );
  lines.push(
    `  routing: ${s.stickyAssignments} follow-ups back to the same agent, ${s.relaxedAssignments} assignments with relaxed skill requirements`,
  );
  const count = (r: Readonly<Record<string, number>>, metric: string) => r[metric] ?? 0;
  lines.push(
    `  live SLA watch on VIP tickets: ${count(s.live.warnings, "firstReply")} first-reply and ${count(s.live.warnings, "totalResolution")} resolution warnings (75 %), ` +
      `${count(s.live.breaches, "firstReply")} and ${count(s.live.breaches, "totalResolution")} breaches`,
  );
  if (s.explained !== null) {
    const e = s.explained;
    lines.push(
      `  routing explained: ${e.ticketId} (ja, payment) on arrival, ${utcHour(e.at)}: ${e.agent ?? "no agent yet"} (${e.reason}); requires ${e.requirements}`,
    );
    lines.push(`    eligible in rank order: ${e.eligible.join(", ") || "none"}`);
    for (const [code, names] of e.rejected) lines.push(`    rejected (${code}): ${names.join(", ")}`);
    if (e.assigned !== null) {
      lines.push(
        `    → assigned to ${e.assigned.agent} at ${utcHour(e.assigned.at)}${e.assigned.relaxed ? " once the skill requirement had relaxed" : ""}`,
      );
    }
  }
  lines.push("");
  lines.push(`Busiest hours  ${s.busiestHours.map((h) => `${utcHour(h.at)}: ${h.count}`).join(" · ")}`);
  const load = [...s.agentLoad].sort((a, b) => b.touches - a.touches);
  lines.push(
    `Agent load     ${load
      .slice(0, 4)
      .map((a) => `${a.name} ${a.touches}`)
      .join(" · ")} … ${load.at(-1)?.name} ${load.at(-1)?.touches}`,
  );
  lines.push("");
  lines.push(
    "Staffing advice for next week (Erlang C: chat 80 % in 60 s, e-mail-like 90 % in 4 h, 30 % shrinkage)",
  );
  lines.push("  UTC     chat/h  other/h  chat  other  schedule  on shift this week");
  for (const row of s.staffing) {
    lines.push(
      `  ${hourLabel(row.hour)}  ${row.chatPerHour.toFixed(1).padStart(6)}  ${row.asyncPerHour.toFixed(1).padStart(7)}  ` +
        `${String(row.chatAgents).padStart(4)}  ${String(row.asyncAgents).padStart(5)}  ${String(row.scheduled).padStart(8)}  ${row.onShift.toFixed(1).padStart(12)}`,
    );
  }
  if (s.peakWhatIf !== null) {
    const w = s.peakWhatIf;
    lines.push(
      `  chat peak ${hourLabel(w.hour)} with ${w.agents} agent(s) on chat instead: ${pct(w.serviceLevel)} answered in 60 s, ASA ${Number.isFinite(w.asaSeconds) ? `${w.asaSeconds.toFixed(0)} s` : "unbounded"}`,
    );
  }
  return lines.join("\n");
}
