// `pnpm bench` runs every package's benchmarks; `pnpm bench <package>` runs one package's.
// Benchmarks measure the built packages, as users import them (and as the peer libraries they are compared
// with ship): each package and its workspace dependencies are built first, and the benchmark resolves
// `@supportkit/*` to `dist/`. The TypeScript sources run through tsx measured up to a quarter slower.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const packagesDir = join(root, "packages");
const [only] = process.argv.slice(2);

for (const name of readdirSync(packagesDir).sort()) {
  if (only && only !== name) continue;
  const benchDir = join(packagesDir, name, "bench");
  if (!existsSync(join(benchDir, "package.json"))) continue;
  console.log(`\n▶ build: @supportkit/${name} and its dependencies`);
  const build = spawnSync("pnpm", ["--filter", `@supportkit/${name}...`, "run", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const scripts = readdirSync(benchDir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  for (const script of scripts) {
    console.log(`\n▶ bench: ${name}/${script}\n`);
    const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(benchDir, script)], {
      stdio: "inherit",
      cwd: benchDir,
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
