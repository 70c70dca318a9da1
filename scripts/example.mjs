// `pnpm example` runs every example; `pnpm example <name>` runs one (a folder with index.ts or a .ts file).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const examplesDir = new URL("../examples", import.meta.url).pathname;
const [requested, ...rest] = process.argv.slice(2);

function entryOf(name) {
  const folder = join(examplesDir, name);
  if (existsSync(join(folder, "index.ts")) && statSync(folder).isDirectory()) return join(folder, "index.ts");
  const file = join(examplesDir, name.endsWith(".ts") ? name : `${name}.ts`);
  return existsSync(file) ? file : undefined;
}

const all = readdirSync(examplesDir)
  .filter((name) => !name.startsWith(".") && !["node_modules", "out"].includes(name))
  .map((name) => name.replace(/\.ts$/, ""))
  .filter((name) => entryOf(name) && !name.endsWith(".test"))
  .sort();

const names = requested ? [requested] : all;
for (const name of names) {
  const entry = entryOf(name);
  if (!entry) {
    console.error(`No example named "${name}". Available: ${all.join(", ")}`);
    process.exit(1);
  }
  console.log(`\n▶ example: ${name}\n`);
  const result = spawnSync(
    process.execPath,
    ["--conditions=@supportkit/source", "--import", "tsx", entry, ...rest],
    { stdio: "inherit", cwd: examplesDir },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
