import { expect, it } from "vitest";
import * as sla from "./index";

// The public surface, pinned: a change here is an API change and needs a changeset.
it("exports exactly the public API", () => {
  expect(Object.keys(sla).sort()).toEqual([
    "BusinessCalendarConfigSchema",
    "CalendarHorizonError",
    "IntervalSchema",
    "SLA_METRICS",
    "SlaError",
    "addBusinessTime",
    "businessTimeBetween",
    "createBusinessCalendar",
    "createSlaTracker",
    "defineSlaPolicy",
    "evaluateSla",
    "isOpen",
    "nextClose",
    "nextOpen",
    "parseBusinessCalendarConfig",
    "selectPolicy",
  ]);
});
