import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { calendarCaseArb } from "./_test/arbitraries";
import { buildOracle } from "./_test/oracle";
import { createBusinessCalendar } from "./createBusinessCalendar";

const DAY = 86_400_000;
const MINUTE = 60_000;

// Differential test: the indexed calendar against a brute-force model that steps minute by minute.
describe("calendar against a brute-force oracle", () => {
  test.prop(
    [
      calendarCaseArb,
      fc.array(fc.tuple(fc.integer({ min: 0, max: 8 * 1440 }), fc.integer({ min: -3000, max: 3000 })), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.integer({ min: 0, max: 8 * 1440 }),
    ],
    { numRuns: 80 },
  )(
    "isOpen, nextOpen, addBusinessTime and businessTimeBetween agree with minute stepping",
    (c, queries, other) => {
      const cal = createBusinessCalendar(c.config);
      const oracle = buildOracle(c.config, c.fromDay, c.fromDay + c.days - 1);
      // Instants two days inside the window, so days outside it cannot matter.
      const min = (c.fromDay + 2) * DAY;
      const max = (c.fromDay + c.days - 2) * DAY;
      for (const [minuteOffset, durationMinutes] of queries) {
        const t = min + minuteOffset * MINUTE;
        const at = new Date(t);
        expect(cal.isOpen(at)).toBe(oracle.isOpen(t));
        const open = oracle.nextOpen(t, max);
        if (open !== undefined) expect(cal.nextOpen(at).getTime()).toBe(open);
        const ms = durationMinutes * MINUTE;
        const expected = oracle.add(t, ms, [min, max]);
        if (expected !== undefined) expect(cal.add(at, ms).getTime()).toBe(expected);
        const b = min + other * MINUTE;
        expect(cal.between(at, new Date(b))).toBe(oracle.between(t, b));
      }
    },
  );
});
