// Every ```ts block in docs/**/*.md is a complete program: this test type-checks all of them with the
// repository's compiler options and runs each one with tsx (source condition on, so packages need no
// build). A block whose fence reads ```ts no-run is skipped: a temporary opt-out, to be removed.
// A one-line `console.log(…); //=> expected` must print what its comment says (see `expectOutput.ts`).
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const docsDir = join(root, "docs");
// Inside examples/ so that @supportkit/* and the examples' dependencies resolve; node_modules keeps the
// files out of git, Biome and the project's own typecheck. One folder per run: runs may overlap.
const workDir = join(root, "examples", "node_modules", `.docs-test-${process.pid}`);

interface Block {
  readonly doc: string;
  readonly line: number;
  readonly code: string;
  readonly noRun: boolean;
  readonly file: string;
}

/** The block, with each one-line `console.log(…); //=> expected` checked by `expectOutput`. */
function withOutputChecks(block: { doc: string; line: number; code: string }): string {
  const checker = relative(workDir, join(docsDir, "expectOutput"));
  const lines = block.code.split("\n").map((line, i) => {
    const match = /^(\s*)console\.log\((.*)\);\s*\/\/=>\s*(.+)$/.exec(line);
    if (match === null) return line;
    const where = JSON.stringify(`${block.doc}:${block.line + i + 1}`);
    return `${match[1]}expectOutput(${where}, ${JSON.stringify(match[3])}, ${match[2]});`;
  });
  return `import { expectOutput } from ${JSON.stringify(checker)};\n${lines.join("\n")}`;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === "api" && dir === docsDir) return [];
      return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
    })
    .sort();
}

function extractBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const path of markdownFiles(docsDir)) {
    const doc = relative(root, path);
    const lines = readFileSync(path, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(ts|typescript)(?:\s+(.*))?$/.exec(lines[i]!.trim());
      if (open === null) continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end]!.trim() !== "```") end++;
      const slug = doc.replace(/[^a-z0-9]+/gi, "-").replace(/-md$/, "");
      blocks.push({
        doc,
        line: start,
        code: lines.slice(start, end).join("\n"),
        noRun: (open[2] ?? "").split(/\s+/).includes("no-run"),
        file: join(workDir, `${slug}-L${start}.ts`),
      });
      i = end;
    }
  }
  return blocks;
}

const blocks = extractBlocks();
const runnable = blocks.filter((b) => !b.noRun);
const diagnostics = new Map<string, string[]>();
const results = new Map<string, { ok: boolean; output: string }>();

beforeAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, "package.json"), JSON.stringify({ type: "module", private: true }));
  for (const block of runnable) writeFileSync(block.file, `${withOutputChecks(block)}\nexport {};\n`);
  writeFileSync(
    join(workDir, "tsconfig.json"),
    JSON.stringify({
      extends: relative(workDir, join(root, "tsconfig.base.json")),
      compilerOptions: { noEmit: true, types: ["node"], declaration: false, sourceMap: false },
      files: runnable.map((b) => relative(workDir, b.file)),
    }),
  );
  // One compiler run for every block.
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const compiled = await run(process.execPath, [tsc, "-p", join(workDir, "tsconfig.json")], {
    cwd: root,
  }).then(
    () => "",
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  for (const line of compiled.split("\n")) {
    const block = runnable.find((b) => line.includes(`${b.file.split("/").pop()}(`));
    if (block !== undefined)
      diagnostics.set(block.file, [...(diagnostics.get(block.file) ?? []), line.trim()]);
  }
  // Then run them, two at a time.
  const queue = [...runnable];
  const worker = async () => {
    for (let block = queue.shift(); block !== undefined; block = queue.shift()) {
      const result = await run(
        process.execPath,
        ["--conditions=@supportkit/source", "--import", "tsx", block.file],
        { cwd: join(root, "examples"), timeout: 60_000 },
      ).then(
        (r) => ({ ok: true, output: r.stdout + r.stderr }),
        (error: { stdout?: string; stderr?: string; message: string }) => ({
          ok: false,
          output: `${error.message}\n${error.stdout ?? ""}${error.stderr ?? ""}`,
        }),
      );
      results.set(block.file, result);
    }
  };
  await Promise.all([worker(), worker()]);
}, 300_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe("docs code blocks", () => {
  test("the docs hold ts blocks", () => {
    expect(runnable.length).toBeGreaterThan(0);
  });

  test.each(runnable.map((b) => [`${b.doc}:${b.line}`, b] as const))(
    "%s compiles and runs",
    (_name, block) => {
      expect(diagnostics.get(block.file) ?? [], "type errors").toEqual([]);
      const result = results.get(block.file);
      expect(result?.ok, result?.output).toBe(true);
    },
  );
});
