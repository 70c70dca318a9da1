// Opens the storefront-week report in headless Chromium (Debian's `chromium` package, driven by
// playwright-core; no browser download) and checks that every chart renders and shows the numbers the
// run printed. Needs /usr/bin/chromium: `apt-get install -y chromium`. It fails, never skips, without it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunResult, runStorefrontWeek } from "./run";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CHARTS = ["volume", "sla", "frt", "agents", "staffing"];

let run: RunResult;
let dir: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install Debian's package with \`apt-get install -y chromium\``,
    );
  }
  run = runStorefrontWeek({ tickets: 400, seed: 7 });
  dir = mkdtempSync(join(tmpdir(), "storefront-report-"));
  const file = join(dir, "report.html");
  writeFileSync(file, run.html);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  page = await browser.newPage();
  page.on("request", (request) => {
    if (!request.url().startsWith("file://")) requests.push(request.url());
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** The lines of the printed summary. */
const printed = () => run.text.split("\n");

/** Texts of the `<text class="value">` labels of one chart, in document order. */
const valueTexts = (chart: string) =>
  page.$$eval(`figure[data-chart="${chart}"] svg text.value`, (nodes) =>
    nodes.map((n) => n.textContent ?? ""),
  );

describe("storefront-week report in Chromium", () => {
  test("loads without network requests or script errors", () => {
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("every chart renders a non-empty SVG", async () => {
    const charts = await page.$$eval("figure[data-chart]", (figures) =>
      figures.map((f) => f.getAttribute("data-chart")),
    );
    expect(charts).toEqual(CHARTS);
    for (const chart of CHARTS) {
      const bars = await page.$$eval(`figure[data-chart="${chart}"] svg rect.bar`, (rects) =>
        rects.map((r) => {
          const box = (r as SVGGraphicsElement).getBBox();
          const shown = r.getBoundingClientRect();
          return { width: box.width, height: box.height, shown: shown.width > 0 && shown.height > 0 };
        }),
      );
      expect(bars.length, chart).toBeGreaterThan(0);
      expect(
        bars.every((b) => b.shown),
        chart,
      ).toBe(true);
      expect(
        bars.some((b) => b.width >= 1 && b.height >= 2),
        `${chart} has a bar of visible size`,
      ).toBe(true);
    }
  });

  test("the volume chart holds every ticket and labels the busiest hours as printed", async () => {
    const values = await page.$$eval('figure[data-chart="volume"] rect.bar', (rects) =>
      rects.map((r) => Number(r.getAttribute("data-value"))),
    );
    expect(values).toHaveLength(168);
    expect(values.reduce((a, b) => a + b, 0)).toBe(run.summary.tickets);
    expect(run.text).toContain(`· ${run.summary.tickets} tickets ·`);
    const line = printed().find((l) => l.startsWith("Busiest hours"));
    expect(line).toBeDefined();
    const busiest = line!.replace("Busiest hours", "").trim().split(" · ");
    expect(busiest).toHaveLength(5);
    const titles = await page.$$eval('figure[data-chart="volume"] rect.bar title', (ts) =>
      ts.map((t) => t.textContent ?? ""),
    );
    for (const entry of busiest) expect(titles).toContain(entry);
    const labels = await valueTexts("volume");
    expect(labels.sort()).toEqual(busiest.map((entry) => entry.split(": ")[1]!).sort());
  });

  test("the volume table and the satisfaction tiles match the printed summary", async () => {
    const byChannel = printed().find((l) => l.trimStart().startsWith("by channel"))!;
    const channels = [...byChannel.matchAll(/(\w+) (\d+) \(/g)];
    expect(channels).toHaveLength(4);
    for (const [, channel, count] of channels) {
      expect(await page.textContent(`td[data-channel="${channel}"]`), channel).toBe(count);
    }
    const byLanguage = printed().find((l) => l.trimStart().startsWith("by language"))!;
    const languages = [...byLanguage.matchAll(/([\w-]+) (\d+)/g)];
    expect(languages).toHaveLength(6);
    for (const [, language, count] of languages) {
      expect(await page.textContent(`td[data-language="${language}"]`), language).toBe(count);
    }
    const customers = printed().find((l) => l.trimStart().startsWith("CSAT"))!;
    const rates = printed().find((l) => l.trimStart().startsWith("one-touch"))!;
    expect(customers).toContain(`CSAT ${await page.textContent('[data-kpi="CSAT"]')} satisfied`);
    expect(customers).toContain(`NPS ${await page.textContent('[data-kpi="NPS"]')} (`);
    expect(customers).toContain(`CES mean ${await page.textContent('[data-kpi="CES mean"]')},`);
    expect(rates).toContain(`one-touch ${await page.textContent('[data-kpi="one-touch"]')} ·`);
    expect(rates).toContain(`reopened ${await page.textContent('[data-kpi="reopened"]')} ·`);
    expect(rates).toContain(`FCR ${await page.textContent('[data-kpi="FCR"]')} ·`);
  });

  test("the SLA chart shows the printed compliance per priority and team", async () => {
    const lines = printed();
    const header = lines.findIndex((l) => l.startsWith("SLA compliance"));
    const rows = lines.slice(header + 1, header + 8).map((l) => {
      const match = /^ {2}(.+?)\s{2,}(\d+\.\d %|—)(?: of \d+)?\s+(\d+\.\d %|—)/.exec(l);
      expect(match, l).not.toBeNull();
      return { key: match![1]!.trim(), firstReply: match![2]!, resolution: match![3]! };
    });
    expect(rows.map((r) => r.key)).toEqual([
      "urgent",
      "high",
      "normal",
      "low",
      "Shanghai",
      "Berlin",
      "New York",
    ]);
    expect(await valueTexts("sla")).toEqual(rows.flatMap((r) => [r.firstReply, r.resolution]));
    const labels = await page.$$eval('figure[data-chart="sla"] text.label', (ts) =>
      ts.map((t) => t.textContent),
    );
    expect(labels).toEqual(rows.map((r) => r.key));
  });

  test("the first-reply chart and the headline tiles match the printed times", async () => {
    const line = printed().find((l) => l.trimStart().startsWith("first reply  p50"));
    const match = /p50 (.+?) · p90 (.+?) \((\d+) tickets\)/.exec(line ?? "");
    expect(match, line).not.toBeNull();
    const [, p50, p90, count] = match!;
    const caption = await page.textContent('figure[data-chart="frt"] figcaption');
    expect(caption).toContain(`p50 ${p50}, p90 ${p90}`);
    expect(await page.textContent('[data-kpi="first reply p50"]')).toBe(p50);
    expect(await page.textContent('[data-kpi="first reply p90"]')).toBe(p90);
    const counts = await page.$$eval('figure[data-chart="frt"] rect.bar', (rects) =>
      rects.map((r) => Number(r.getAttribute("data-value"))),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(count));
  });

  test("the agent-load chart shows the printed load", async () => {
    const line = printed().find((l) => l.startsWith("Agent load"));
    const entries = [...(line ?? "").matchAll(/([^·…]+?) (\d+)(?= ·| …|$)/g)].map((m) => ({
      name: m[1]!.replace("Agent load", "").trim(),
      touches: Number(m[2]),
    }));
    expect(entries.length).toBe(5);
    const bars = await page.$$eval('figure[data-chart="agents"] rect.bar', (rects) =>
      rects.map((r) => ({
        label: r.getAttribute("data-label") ?? "",
        value: Number(r.getAttribute("data-value")),
      })),
    );
    expect(bars).toHaveLength(run.summary.agentLoad.length);
    for (const { name, touches } of entries) {
      expect(bars.find((b) => b.label.startsWith(`${name} (`))?.value, name).toBe(touches);
    }
  });

  test("the staffing chart shows the printed advice per hour", async () => {
    const lines = printed();
    const header = lines.findIndex((l) => l.trimStart().startsWith("UTC     chat/h"));
    const scheduled = lines.slice(header + 1, header + 25).map((l) => {
      const cols = l.trim().split(/\s+/);
      expect(cols[0], l).toMatch(/^\d\d:00$/);
      return cols[5]!;
    });
    expect(await valueTexts("staffing")).toEqual(scheduled);
  });
});
