// Package gates: every published package must pass publint --strict and attw --pack.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
