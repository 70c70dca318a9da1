import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Bucketer } from "./zonedBucket";

// The local calendar day of an instant in a zone, straight from Intl: the oracle.
function localDay(ms: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return f.format(new Date(ms));
}

const zones = fc.constantFrom("Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "Asia/Shanghai");
// Instants from 1990 to 2060, so some fall far outside the days cached in an array around the first one.
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

test.prop([zones, fc.array(instant, { minLength: 1, maxLength: 40 })])(
  "day buckets equal Intl's local day, near the first instant seen and far from it",
  (zone, instants) => {
    const bucketer = new Bucketer(zone, "day");
    for (const ms of instants) expect(bucketer.labelOf(bucketer.key(ms))).toBe(localDay(ms, zone));
  },
);
