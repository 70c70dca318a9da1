import { defineConfig } from "tsup";

/** Shared build: ESM + CJS + declarations for both, one entry per package. */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  splitting: false,
  treeshake: false,
});
