// `pnpm bench` runs every package's benchmarks; `pnpm bench <package>` runs one package's.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const packagesDir = new URL("../packages", import.meta.url).pathname;
const [only] = process.argv.slice(2);

for (const name of readdirSync(packagesDir).sort()) {
  if (only && only !== name) continue;
  const benchDir = join(packagesDir, name, "bench");
  if (!existsSync(join(benchDir, "package.json"))) continue;
  const scripts = readdirSync(benchDir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort();
  for (const script of scripts) {
    console.log(`\n▶ bench: ${name}/${script}\n`);
    const result = spawnSync(
      process.execPath,
      ["--conditions=@supportkit/source", "--expose-gc", "--import", "tsx", join(benchDir, script)],
      { stdio: "inherit", cwd: benchDir },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
