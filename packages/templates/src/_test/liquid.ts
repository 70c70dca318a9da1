import { createRequire } from "node:module";
import { Liquid } from "liquidjs";

// liquidjs is the reference implementation for the Liquid subset: differential tests render the same
// template and data with both and compare. Its version is recorded so a change of reference shows up.
const require = createRequire(import.meta.url);
export const LIQUIDJS_VERSION: string = require("liquidjs/package.json").version;

const engine = new Liquid({ ownPropertyOnly: true, timezoneOffset: "UTC", locale: "en-US" });

/** Renders with liquidjs, the oracle. */
export function renderWithLiquidjs(source: string, data: Record<string, unknown> = {}): string {
  return engine.parseAndRenderSync(source, data);
}
