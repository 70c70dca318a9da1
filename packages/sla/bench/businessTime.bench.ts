// Benchmark: @supportkit/sla against moment-business-time and dayjs-business-time on one calendar
// (Mon–Fri 09:00–17:00, US federal holidays 2026–2027) and the same inputs. Run: `pnpm bench sla`.
//
// The peers read wall-clock hours in the process's local zone and keep one global calendar per process,
// so this process runs in America/New_York (set before any date is made) and configures each peer once.
process.env.TZ = "America/New_York";

import { spawnSync } from "node:child_process";
import { hours } from "@supportkit/core";
import { addBusinessTime, businessTimeBetween, createBusinessCalendar } from "@supportkit/sla";
import dayjs from "dayjs";
import dayjsBusinessTime from "dayjs-business-time";
import { do_not_optimize, measure } from "mitata";
import moment from "moment-business-time";
import { US_FEDERAL_HOLIDAYS_2026_2027 } from "../src/_test/usHolidays";

const holidayDates = US_FEDERAL_HOLIDAYS_2026_2027.map((h) => h.date);
const nineToFive = [["09:00", "17:00"]] as [string, string][];
const config = {
  timeZone: "America/New_York",
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: US_FEDERAL_HOLIDAYS_2026_2027.map((h) => ({ date: h.date, name: h.name })),
};
const cal = createBusinessCalendar(config);

// --- peers, configured once (their configuration is global) ---
const workinghours = {
  0: null,
  1: ["09:00:00", "17:00:00"],
  2: ["09:00:00", "17:00:00"],
  3: ["09:00:00", "17:00:00"],
  4: ["09:00:00", "17:00:00"],
  5: ["09:00:00", "17:00:00"],
  6: null,
};
// biome-ignore lint/suspicious/noExplicitAny: moment-business-time ships no types
const m = moment as any;
m.updateLocale("en", { workinghours, holidays: holidayDates });
dayjs.extend(dayjsBusinessTime);
const segment = [{ start: "09:00:00", end: "17:00:00" }];
// biome-ignore lint/suspicious/noExplicitAny: the plugin's static methods are not on dayjs's types
const dj = dayjs as any;
dj.setBusinessTime({
  sunday: null,
  monday: segment,
  tuesday: segment,
  wednesday: segment,
  thursday: segment,
  friday: segment,
  saturday: null,
});
dj.setHolidays(holidayDates);

// --- inputs: 64 starts through 2026 on working days, at whole minutes inside and outside hours ---
const starts: Date[] = [];
for (let i = 0; i < 64; i++) {
  const day = new Date(Date.UTC(2026, 0, 5 + i * 5));
  const minute = [8 * 60 + 30, 10 * 60 + 15, 13 * 60, 16 * 60 + 45][i % 4]!;
  const local = `${day.toISOString().slice(0, 10)}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00`;
  starts.push(new Date(local)); // parsed as New York local time (TZ above)
}

type Impl = { add: (start: Date, h: number) => number; between: (a: Date, b: Date) => number };
const impls: Record<string, Impl> = {
  "@supportkit/sla": {
    add: (s, h) => addBusinessTime(cal, s, h * 3_600_000).getTime(),
    between: (a, b) => businessTimeBetween(cal, a, b),
  },
  "moment-business-time": {
    add: (s, h) => m(s).addWorkingTime(h, "hours").valueOf(),
    between: (a, b) => m(b).workingDiff(m(a), "milliseconds"),
  },
  "dayjs-business-time": {
    add: (s, h) =>
      dayjs(s)
        .addBusinessMinutes(h * 60)
        .valueOf(),
    between: (a, b) => dayjs(a).businessMinutesDiff(dayjs(b)) * 60_000,
  },
};

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toPrecision(3));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

async function opsPerSecond(fn: (i: number) => unknown, slow: boolean): Promise<number> {
  let i = 0;
  const stats = await measure(
    () => {
      do_not_optimize(fn(i++ & 63));
    },
    slow ? { min_cpu_time: 400e6, max_samples: 40, min_samples: 4 } : { min_cpu_time: 500e6 },
  );
  return 1e9 / stats.p50;
}

const SIZES = [8, 80, 2000];
const TARGETS: Record<number, number> = { 8: 100, 2000: 10_000 };
const lines: string[] = [];
const results: { op: string; size: number; ours: number; best: number; bestName: string }[] = [];

console.log(
  "Calendar: Mon–Fri 09:00–17:00 America/New_York, US federal holidays 2026–2027; 64 starts in 2026.\n",
);

// Agreement check first: a speed comparison means little if the answers differ.
for (const size of SIZES) {
  for (const [name, impl] of Object.entries(impls)) {
    if (name === "@supportkit/sla") continue;
    let addSame = 0;
    let betweenSame = 0;
    for (const s of starts) {
      const expected = impls["@supportkit/sla"]!.add(s, size);
      if (impl.add(s, size) === expected) addSame++;
      if (Math.abs(impl.between(s, new Date(expected)) - size * 3_600_000) < 1) betweenSame++;
    }
    lines.push(
      `  ${pad(name, 22)} ${lpad(String(size), 5)} h: add agrees ${addSame}/64, between agrees ${betweenSame}/64`,
    );
  }
}
console.log("Agreement with @supportkit/sla on the benchmark inputs:");
console.log(lines.join("\n"), "\n");

for (const op of ["add", "between"] as const) {
  for (const size of SIZES) {
    const ends = starts.map((s) => new Date(impls["@supportkit/sla"]!.add(s, size)));
    const row: Record<string, number> = {};
    for (const [name, impl] of Object.entries(impls)) {
      const fn =
        op === "add"
          ? (i: number) => impl.add(starts[i]!, size)
          : (i: number) => impl.between(starts[i]!, ends[i]!);
      row[name] = await opsPerSecond(fn, name !== "@supportkit/sla" && size > 8);
    }
    const ours = row["@supportkit/sla"]!;
    const peers = Object.entries(row).filter(([name]) => name !== "@supportkit/sla");
    const [bestName, best] = peers.sort((a, b) => b[1] - a[1])[0]!;
    results.push({ op, size, ours, best, bestName });
    console.log(
      `${pad(op === "add" ? "addBusinessTime" : "businessTimeBetween", 20)} ${lpad(`${size} h`, 7)}  ` +
        Object.entries(row)
          .map(([name, ops]) => `${name} ${lpad(fmt(ops), 11)} ops/s`)
          .join("  "),
    );
  }
}

console.log("\nRatio against the faster peer (higher is better):");
for (const r of results) {
  const ratio = r.ours / r.best;
  const target = TARGETS[r.size];
  const verdict =
    target === undefined
      ? "(no target)"
      : ratio >= target
        ? `target ≥ ${fmt(target)}×: MET`
        : `target ≥ ${fmt(target)}×: MISSED`;
  console.log(
    `  ${pad(r.op, 8)} ${lpad(`${r.size} h`, 7)}  ${lpad(fmt(ratio), 9)}×  (vs ${r.bestName} at ${fmt(r.best)} ops/s)  ${verdict}`,
  );
}

// --- cold builds ---
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
const start = new Date("2026-03-02T10:00:00-05:00");
const createTimes: number[] = [];
const firstAddTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  const fresh = createBusinessCalendar(config);
  const t1 = performance.now();
  fresh.add(start, hours(8));
  firstAddTimes.push(performance.now() - t1);
  createTimes.push(t1 - t0);
}
// A zone this process has never used: nothing of it is cached.
const zones = Intl.supportedValuesOf("timeZone").filter(
  (z) => z.includes("/") && !z.startsWith("America/New_York"),
);
const coldZoneTimes: number[] = [];
for (const zone of zones.slice(0, 100)) {
  const fresh = createBusinessCalendar({ ...config, timeZone: zone });
  const t1 = performance.now();
  fresh.add(start, hours(8));
  coldZoneTimes.push(performance.now() - t1);
}
// A brand-new process: first calendar and first add, after imports.
const script = `
const t0 = performance.now();
const { createBusinessCalendar } = await import("@supportkit/sla");
const t1 = performance.now();
const cal = createBusinessCalendar(${JSON.stringify(config)});
const t2 = performance.now();
cal.add(new Date("2026-03-02T15:00:00Z"), 28800000);
const t3 = performance.now();
console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));`;
const proc: number[][] = [];
for (let i = 0; i < 5; i++) {
  const out = spawnSync(
    process.execPath,
    ["--conditions=@supportkit/source", "--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
    },
  );
  if (out.status === 0) proc.push(JSON.parse(out.stdout.trim().split("\n").pop()!));
}
const ms = (v: number) => `${v.toFixed(3)} ms`;
console.log("\nCold calendar (median):");
console.log(`  createBusinessCalendar (validate + compile), warm process: ${ms(median(createTimes))}`);
console.log(
  `  first 8 h add on a new calendar, zone already seen:        ${ms(median(firstAddTimes))}  target < 1 ms: ${median(firstAddTimes) < 1 ? "MET" : "MISSED"}`,
);
console.log(
  `  first 8 h add on a new calendar, zone never seen:          ${ms(median(coldZoneTimes))}  target < 1 ms: ${median(coldZoneTimes) < 1 ? "MET" : "MISSED"}`,
);
if (proc.length > 0) {
  console.log(
    `  new process (5 runs): import ${ms(median(proc.map((p) => p[0]!)))}, first createBusinessCalendar ${ms(median(proc.map((p) => p[1]!)))}, first 8 h add ${ms(median(proc.map((p) => p[2]!)))}  target < 1 ms: ${median(proc.map((p) => p[2]!)) < 1 ? "MET" : "MISSED"}`,
  );
}
