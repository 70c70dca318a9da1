import { expect, it } from "vitest";
import * as api from "./index";

// Pins the public surface: a change here is an API change and needs a changeset.
it("exports exactly the documented names", () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "METRIC_PRESETS",
      "MetricsError",
      "abandonmentRate",
      "agentsRequired",
      "asyncAgentsRequired",
      "averageHandleTime",
      "ces",
      "createAccumulator",
      "csat",
      "erlangA",
      "erlangC",
      "firstContactResolution",
      "nps",
      "occupancy",
      "percentile",
      "percentiles",
      "resolveDefinitions",
      "restoreAccumulator",
      "serviceLevel",
      "ticketMetrics",
      "toCsv",
      "toRows",
      "withSla",
    ]
  `);
});
