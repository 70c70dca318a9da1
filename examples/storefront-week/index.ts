// A week of cross-border e-commerce support, end to end: `pnpm example storefront-week [--tickets N] [--seed S]`.
// Prints a summary and writes examples/out/report.html.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runStorefrontWeek } from "./run";

const usage = "usage: pnpm example storefront-week [--tickets N] [--seed S]";
let values: { tickets: string; seed: string };
try {
  ({ values } = parseArgs({
    options: { tickets: { type: "string", default: "3000" }, seed: { type: "string", default: "42" } },
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const tickets = Number(values.tickets);
const seed = Number(values.seed);
if (!Number.isInteger(tickets) || tickets < 1 || tickets > 200_000) {
  console.error(`--tickets must be a whole number from 1 to 200000, got "${values.tickets}"`);
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${values.seed}"`);
  process.exit(2);
}

const started = performance.now();
const tty = process.stderr.isTTY === true;
const result = runStorefrontWeek({
  tickets,
  seed,
  onProgress: (p) => {
    const line = `  simulating ${p.at.toISOString().slice(0, 16).replace("T", " ")} UTC · ${p.created}/${p.total} tickets created · ${p.open} open`;
    if (tty) process.stderr.write(`\r${line.padEnd(90)}`);
    else if (p.at.getUTCHours() === 0) process.stderr.write(`${line}\n`);
  },
});
if (tty) process.stderr.write(`\r${" ".repeat(90)}\r`);

console.log(result.text);
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "out", "report.html");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.html);
console.log(`\nReport: ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
