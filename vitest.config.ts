import { defineConfig } from "vitest/config";

// The source condition lets every package's tests import the others' `src/` without a build.
const conditions = ["@supportkit/source", "module", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "examples/**/*.test.ts",
      "docs/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    setupFiles: ["./scripts/vitest-setup.ts"],
    typecheck: {
      enabled: true,
      include: ["packages/*/src/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 30_000,
  },
});
