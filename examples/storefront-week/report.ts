// The HTML report: one self-contained page (inline CSS and SVG, no scripts, no network).
import type { Summary } from "./analyse";
import { duration, hourLabel, pct, utcHour } from "./format";
import { escapeXml, horizontalBars, verticalBars } from "./svg";

const TEAM_COLOR: Readonly<Record<string, string>> = {
  shanghai: "#d9534f",
  berlin: "#f0ad4e",
  "new-york": "#337ab7",
};

function figure(id: string, title: string, caption: string, svg: string): string {
  return (
    `<figure class="chart" data-chart="${id}"><figcaption><h2>${escapeXml(title)}</h2><p>${escapeXml(caption)}</p></figcaption>` +
    `${svg}</figure>`
  );
}

export function renderReport(s: Summary): string {
  const pctTicks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: `${value * 100} %` }));
  const top = new Set(s.busiestHours.map((h) => h.at.getTime()));
  const volume = verticalBars({
    id: "chart-volume",
    series: [{ name: "tickets", color: "#5b7db1" }],
    groups: s.volumeByHour.map((count, hour) => {
      const at = new Date(s.start.getTime() + hour * 3_600_000);
      return {
        label: hour % 24 === 0 ? utcHour(at).slice(0, 10) : "",
        values: [count],
        texts: [top.has(at.getTime()) ? String(count) : null],
        titles: [`${utcHour(at)}: ${count}`],
      };
    }),
    labelEvery: 24,
  });
  const slaRows = [...s.slaByPriority, ...s.slaByTeam];
  const sla = verticalBars({
    id: "chart-sla",
    series: [
      { name: "first reply", color: "#4a9d5b" },
      { name: "resolution", color: "#8a6bb8" },
    ],
    groups: slaRows.map((row) => ({
      label: row.key,
      values: [row.firstReply.share ?? 0, row.resolution.share ?? 0],
      texts: [pct(row.firstReply.share), pct(row.resolution.share)],
      titles: [
        `${row.key} first reply: ${row.firstReply.met} of ${row.firstReply.total} in time`,
        `${row.key} resolution: ${row.resolution.met} of ${row.resolution.total} in time`,
      ],
    })),
    max: 1,
    yTicks: pctTicks,
    height: 280,
  });
  const frtTotal = s.frtHistogram.reduce((sum, b) => sum + b.count, 0);
  const frt = verticalBars({
    id: "chart-frt",
    series: [{ name: "tickets", color: "#2e8b9a" }],
    groups: s.frtHistogram.map((b) => ({
      label: b.label,
      values: [b.count],
      texts: [`${b.count} (${pct(frtTotal === 0 ? null : b.count / frtTotal)})`],
    })),
    height: 260,
  });
  const agents = horizontalBars({
    id: "chart-agents",
    color: "#777",
    rows: [...s.agentLoad]
      .sort((a, b) => a.team.localeCompare(b.team) || b.touches - a.touches)
      .map((a) => ({
        label: `${a.name} (${a.team})`,
        value: a.touches,
        text: `${a.touches} · ${a.handleHours.toFixed(1)} h`,
        color: TEAM_COLOR[a.team] ?? "#777",
      })),
  });
  const staffing = verticalBars({
    id: "chart-staffing",
    series: [
      { name: "advised (scheduled)", color: "#c0504d" },
      { name: "on shift this week (avg)", color: "#9bbb59" },
    ],
    groups: s.staffing.map((row) => ({
      label: hourLabel(row.hour),
      values: [row.scheduled, row.onShift],
      texts: [String(row.scheduled), null],
      titles: [
        `${hourLabel(row.hour)} UTC: ${row.chatAgents} on chat + ${row.asyncAgents} on e-mail-like work, ${row.scheduled} scheduled`,
        `${hourLabel(row.hour)} UTC: ${row.onShift.toFixed(1)} on shift on average this week`,
      ],
    })),
    labelEvery: 2,
    height: 280,
  });
  const kpi = (label: string, value: string) =>
    `<div class="kpi"><div class="v" data-kpi="${escapeXml(label)}">${escapeXml(value)}</div><div class="l">${escapeXml(label)}</div></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Storefront week · seed ${s.seed}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0}figcaption p{margin:2px 0 8px;color:#555}
.kpis{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}.kpi{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}
.kpi .v{font-size:20px;font-weight:600}table.volume{border-collapse:collapse;margin:8px 0}table.volume caption{text-align:left;font-weight:600;margin-bottom:4px}table.volume th,table.volume td{border:1px solid #ddd;padding:2px 8px;text-align:right}.kpi .l{color:#666;font-size:12px}figure{margin:24px 0}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Storefront week</h1>
<p>Seed ${s.seed}, ${s.tickets} tickets, ${escapeXml(utcHour(s.start))} → ${escapeXml(utcHour(s.end))}. ${escapeXml(s.holidays.join(" · "))}</p>
<div class="kpis">
${kpi("tickets", String(s.tickets))}
${kpi("first reply p50", duration(s.firstReply.p50))}
${kpi("first reply p90", duration(s.firstReply.p90))}
${kpi("resolution p50", duration(s.resolution.p50))}
${kpi("resolution p90", duration(s.resolution.p90))}
${kpi("CSAT", pct(s.csat.share))}
${kpi("NPS", s.nps.score === null ? "—" : `${s.nps.score >= 0 ? "+" : ""}${s.nps.score.toFixed(0)}`)}
${kpi("CES mean", s.ces.mean === null ? "—" : s.ces.mean.toFixed(2))}
${kpi("one-touch", pct(s.oneTouchRate))}
${kpi("reopened", pct(s.reopenRate))}
${kpi("FCR", pct(s.fcrRate))}
</div>
<table class="volume"><caption>Volume by channel and language</caption>
<tr>${s.byChannel.map(([k]) => `<th>${escapeXml(k)}</th>`).join("")}</tr>
<tr>${s.byChannel.map(([k, v]) => `<td data-channel="${escapeXml(k)}">${v}</td>`).join("")}</tr>
<tr>${s.byLanguage.map(([k]) => `<th>${escapeXml(k)}</th>`).join("")}</tr>
<tr>${s.byLanguage.map(([k, v]) => `<td data-language="${escapeXml(k)}">${v}</td>`).join("")}</tr>
</table>
${figure("volume", "Volume by hour", "Tickets created per UTC hour of the week; the five busiest hours are labelled.", volume)}
${figure("sla", "SLA compliance", "Share of tickets whose first reply and resolution met the policy's target, by priority and by handling team.", sla)}
${figure("frt", "First reply time", `Business hours of the handling team; p50 ${duration(s.firstReply.p50)}, p90 ${duration(s.firstReply.p90)}.`, frt)}
${figure("agents", "Agent load", "Replies sent (touches) and hours of handling per agent.", agents)}
${figure("staffing", "Staffing for next week", "Agents to schedule per UTC hour (Erlang C for chat, 90 % within 4 h for e-mail-like work, 30 % shrinkage) against this week's average on shift.", staffing)}
</body></html>
`;
}
