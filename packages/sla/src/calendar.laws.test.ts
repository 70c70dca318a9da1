import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { calendarCaseArb } from "./_test/arbitraries";
import { createBusinessCalendar } from "./createBusinessCalendar";

const HOUR = 3_600_000;
const from = Date.UTC(2025, 0, 1);
const to = Date.UTC(2027, 0, 1);
const instantArb = fc.integer({ min: from, max: to }).map((t) => new Date(t));
const durationArb = fc.integer({ min: -3000 * HOUR, max: 3000 * HOUR });
const positiveArb = fc.integer({ min: 1, max: 1500 * HOUR });

describe("business calendar laws", () => {
  test.prop([calendarCaseArb, instantArb, durationArb])(
    "businessTimeBetween(c, s, addBusinessTime(c, s, d)) === d",
    (c, s, d) => {
      const cal = createBusinessCalendar(c.config);
      expect(cal.between(s, cal.add(s, d))).toBe(d);
    },
  );

  test.prop([calendarCaseArb, instantArb, positiveArb, positiveArb, fc.boolean()])(
    "adding d1 then d2 equals adding d1 + d2 (same sign)",
    (c, s, d1, d2, back) => {
      const cal = createBusinessCalendar(c.config);
      const [a, b] = back ? [-d1, -d2] : [d1, d2];
      expect(cal.add(cal.add(s, a), b).getTime()).toBe(cal.add(s, a + b).getTime());
    },
  );

  test.prop([calendarCaseArb, instantArb, durationArb])("results are open instants or closes", (c, s, d) => {
    const cal = createBusinessCalendar(c.config);
    const r = cal.add(s, d);
    const isClose = !cal.isOpen(r) && cal.isOpen(new Date(r.getTime() - 1));
    expect(cal.isOpen(r) || (d > 0 && isClose)).toBe(true);
    // Backward results are open instants; zero is nextOpen.
    if (d <= 0) expect(cal.isOpen(r)).toBe(true);
  });

  test.prop([calendarCaseArb, instantArb])(
    "nextOpen is idempotent and open; nextClose is a close",
    (c, t) => {
      const cal = createBusinessCalendar(c.config);
      const open = cal.nextOpen(t);
      expect(cal.nextOpen(open).getTime()).toBe(open.getTime());
      expect(cal.isOpen(open)).toBe(true);
      expect(cal.add(t, 0).getTime()).toBe(open.getTime());
      const close = cal.nextClose(t);
      expect(cal.isOpen(close)).toBe(false);
      expect(cal.isOpen(new Date(close.getTime() - 1))).toBe(true);
      expect(close.getTime()).toBeGreaterThan(open.getTime());
      // Nothing closes between the opening and the close.
      expect(cal.between(open, close)).toBe(close.getTime() - open.getTime());
    },
  );

  test.prop([calendarCaseArb, instantArb, instantArb, instantArb])(
    "businessTimeBetween is antisymmetric and additive",
    (c, a, b, m) => {
      const cal = createBusinessCalendar(c.config);
      expect(cal.between(a, b) + cal.between(b, a)).toBe(0);
      expect(cal.between(a, m) + cal.between(m, b)).toBe(cal.between(a, b));
    },
  );

  test.prop([calendarCaseArb, instantArb, durationArb, fc.integer({ min: -80, max: 80 })])(
    "results do not depend on what the cache already holds",
    (c, s, d, yearsAway) => {
      const fresh = createBusinessCalendar(c.config);
      const warmed = createBusinessCalendar(c.config);
      // Touch a far instant first so the warmed calendar's cache starts elsewhere (or is evicted).
      warmed.isOpen(new Date(s.getTime() + yearsAway * 365 * 86_400_000));
      warmed.add(new Date(s.getTime() - 40 * 86_400_000), 5 * HOUR);
      expect(warmed.add(s, d).getTime()).toBe(fresh.add(s, d).getTime());
      expect(warmed.isOpen(s)).toBe(fresh.isOpen(s));
    },
  );
});
