// The report's browser test drives Debian's Chromium through playwright-core (never a browser download).
// `pnpm test` calls this first so the README's test command works on a fresh Debian machine.
import { execFileSync, execSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const sudo = root ? "" : "sudo ";
  console.log(
    `Chromium not found at ${CHROMIUM}: installing Debian's package (${sudo}apt-get install chromium)`,
  );
  try {
    execSync(
      `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium`,
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
  } catch {
    console.error(
      "Could not install Chromium. Install Debian's `chromium` package (or set CHROMIUM_PATH) and rerun.",
    );
    process.exit(1);
  }
}
console.log(execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim());
