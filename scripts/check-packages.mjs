// Package gates: every published package must pass publint --strict and attw --pack.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// Ceilings on each package's built ESM entry, gzipped: a jump means an accidental dependency or a bundled
// copy of core. Raise one on purpose, with a changeset.
const CEILINGS_KB = { core: 10, sla: 16, routing: 31, templates: 36, metrics: 27, automations: 20 };

const root = new URL("..", import.meta.url).pathname;
const packagesDir = join(root, "packages");
const bin = (name) => join(root, "node_modules", ".bin", name);
let failed = 0;

for (const dir of readdirSync(packagesDir).sort()) {
  const packageDir = join(packagesDir, dir);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  } catch {
    continue;
  }
  if (manifest.private) continue;
  const bundle = readFileSync(join(packageDir, "dist", "index.js"));
  const kb = gzipSync(bundle).length / 1024;
  const ceiling = CEILINGS_KB[dir];
  const sharesCore = dir === "core" || bundle.toString().includes('from "@supportkit/core"');
  if (ceiling === undefined || kb > ceiling || !sharesCore) {
    failed++;
    console.log(
      `FAIL size ${manifest.name}: ${kb.toFixed(1)} kB gzipped (ceiling ${ceiling ?? "not set"} kB)` +
        (sharesCore ? "" : "; it does not import @supportkit/core (bundled a copy?)"),
    );
  } else {
    console.log(`ok   size ${manifest.name}: ${kb.toFixed(1)} kB gzipped (ceiling ${ceiling} kB)`);
  }
  for (const [tool, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", ".", "--format", "table-flipped"]],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd: packageDir, stdio: "pipe", encoding: "utf8" });
      console.log(`ok   ${tool} ${manifest.name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${tool} ${manifest.name}\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  }
}

if (failed > 0) {
  console.log(`${failed} package check(s) failed`);
  process.exit(1);
}
console.log("all package checks passed");
