import { hours, minutes, ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import cn from "./_test/cn-holidays-2025-2026.json";
import { US_FEDERAL_HOLIDAYS_2026_2027 } from "./_test/usHolidays";
import { addBusinessTime } from "./addBusinessTime";
import { businessTimeBetween } from "./businessTimeBetween";
import { createBusinessCalendar } from "./createBusinessCalendar";
import { CalendarHorizonError } from "./errors";
import { isOpen } from "./isOpen";
import { nextClose } from "./nextClose";
import { nextOpen } from "./nextOpen";

// Every expected value below was worked out by hand from the zone's published rules (and the longer ones
// cross-checked with Python's zoneinfo), not taken from this implementation.

const nineToFive = [["09:00", "17:00"]] as [string, string][];
const allDay = [["00:00", "24:00"]] as [string, string][];
const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const always = {
  ...{ mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay },
  sat: allDay,
  sun: allDay,
};
const iso = (d: Date) => d.toISOString();

describe("America/New_York", () => {
  const us = createBusinessCalendar({
    timeZone: "America/New_York",
    weekly: weekdays,
    holidays: [...US_FEDERAL_HOLIDAYS_2026_2027],
  });
  const nonstop = createBusinessCalendar({ timeZone: "America/New_York", weekly: always });

  it("a 24/7 weekend over spring forward 2026-03-08 has 47 hours", () => {
    expect(businessTimeBetween(nonstop, "2026-03-07T00:00:00-05:00", "2026-03-09T00:00:00-04:00")).toBe(
      hours(47),
    );
  });

  it("a 24/7 weekend over fall back 2026-11-01 has 49 hours (the repeated hour counts)", () => {
    expect(businessTimeBetween(nonstop, "2026-10-31T00:00:00-04:00", "2026-11-02T00:00:00-05:00")).toBe(
      hours(49),
    );
  });

  it("2025: Friday 16:00 EST plus 2 h crosses the 2025-03-09 change to Monday 10:00 EDT", () => {
    const cal = createBusinessCalendar({ timeZone: "America/New_York", weekly: weekdays });
    expect(iso(addBusinessTime(cal, "2025-03-07T16:00:00-05:00", hours(2)))).toBe("2025-03-10T14:00:00.000Z");
    // 2025-11-02: Friday 16:00 EDT plus 2 h is Monday 10:00 EST.
    expect(iso(addBusinessTime(cal, "2025-10-31T16:00:00-04:00", hours(2)))).toBe("2025-11-03T15:00:00.000Z");
  });

  it("a night shift is 7 h on the spring-forward night and 9 h on the fall-back night", () => {
    const cal = createBusinessCalendar({
      timeZone: "America/New_York",
      weekly: { sat: [["22:00", "06:00"]] },
    });
    expect(businessTimeBetween(cal, "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z")).toBe(hours(7));
    expect(businessTimeBetween(cal, "2026-10-31T12:00:00Z", "2026-11-02T12:00:00Z")).toBe(hours(9));
    expect(iso(nextClose(cal, "2026-11-01T03:00:00Z"))).toBe("2026-11-01T11:00:00.000Z");
  });

  it("a wall time in the spring-forward gap moves forward by the gap; a repeated one takes its first occurrence", () => {
    const gap = createBusinessCalendar({
      timeZone: "America/New_York",
      weekly: { sun: [["02:30", "05:00"]] },
    });
    expect(iso(nextOpen(gap, "2026-03-08T00:00:00Z"))).toBe("2026-03-08T07:30:00.000Z"); // 03:30 EDT
    expect(businessTimeBetween(gap, "2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")).toBe(minutes(90));
    const twice = createBusinessCalendar({
      timeZone: "America/New_York",
      weekly: { sun: [["01:30", "03:00"]] },
    });
    expect(iso(nextOpen(twice, "2026-11-01T00:00:00Z"))).toBe("2026-11-01T05:30:00.000Z"); // 01:30 EDT
    expect(businessTimeBetween(twice, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")).toBe(minutes(150));
  });

  it("a Friday holiday (2026-07-03) pushes Thursday's work to Monday", () => {
    expect(iso(addBusinessTime(us, "2026-07-02T16:00:00-04:00", hours(2)))).toBe("2026-07-06T14:00:00.000Z");
  });

  it("80 business hours cross a DST change and a weekend", () => {
    // Monday 2026-03-02 13:00 EST: 4 h that day, 9 more full days, then 4 h on Monday 03-16 (EDT).
    expect(iso(addBusinessTime(us, "2026-03-02T13:00:00-05:00", hours(80)))).toBe("2026-03-16T17:00:00.000Z");
  });

  it("2,000 business hours from 2026-01-02 end at the close of 2026-12-31, and come back", () => {
    const end = addBusinessTime(us, "2026-01-02T09:00:00-05:00", hours(2000));
    expect(iso(end)).toBe("2026-12-31T22:00:00.000Z");
    expect(businessTimeBetween(us, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")).toBe(hours(2000));
    expect(iso(addBusinessTime(us, end, -hours(2000)))).toBe("2026-01-02T14:00:00.000Z");
  });

  it("starts outside hours, zero and negative durations", () => {
    // Saturday noon plus 1 h is Monday 10:00 EST; plus 0 is Monday's opening.
    expect(iso(addBusinessTime(us, "2026-01-10T12:00:00-05:00", hours(1)))).toBe("2026-01-12T15:00:00.000Z");
    expect(iso(addBusinessTime(us, "2026-01-10T12:00:00-05:00", 0))).toBe("2026-01-12T14:00:00.000Z");
    expect(iso(addBusinessTime(us, "2026-01-12T11:15:00-05:00", 0))).toBe("2026-01-12T16:15:00.000Z");
    // One hour before Monday 09:00 is Friday 16:00; one before Monday 10:00 is Monday 09:00.
    expect(iso(addBusinessTime(us, "2026-01-12T09:00:00-05:00", -hours(1)))).toBe("2026-01-09T21:00:00.000Z");
    expect(iso(addBusinessTime(us, "2026-01-12T10:00:00-05:00", -hours(1)))).toBe("2026-01-12T14:00:00.000Z");
    // An add may end exactly at a close, which is not open.
    const close = addBusinessTime(us, "2026-01-12T09:00:00-05:00", hours(8));
    expect(iso(close)).toBe("2026-01-12T22:00:00.000Z");
    expect(isOpen(us, close)).toBe(false);
    expect(isOpen(us, "2026-01-12T09:00:00-05:00")).toBe(true);
  });

  it("millisecond precision", () => {
    expect(iso(addBusinessTime(us, "2026-01-12T16:59:59.999-05:00", 2))).toBe("2026-01-13T14:00:00.001Z");
    expect(businessTimeBetween(us, "2026-01-12T16:59:59.999-05:00", "2026-01-13T09:00:00.001-05:00")).toBe(2);
  });
});

describe("Europe/Berlin", () => {
  const nonstop = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: always });

  it("24/7 weekends over 2026-03-29 and 2026-10-25 have 47 and 49 hours", () => {
    expect(businessTimeBetween(nonstop, "2026-03-28T00:00:00+01:00", "2026-03-30T00:00:00+02:00")).toBe(
      hours(47),
    );
    expect(businessTimeBetween(nonstop, "2026-10-24T00:00:00+02:00", "2026-10-26T00:00:00+01:00")).toBe(
      hours(49),
    );
  });

  it("Sunday 02:00–04:00 is 1 h on 2025-03-30 and 3 h on 2025-10-26", () => {
    const cal = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { sun: [["02:00", "04:00"]] } });
    expect(iso(nextOpen(cal, "2025-03-29T12:00:00Z"))).toBe("2025-03-30T01:00:00.000Z"); // 03:00 CEST
    expect(businessTimeBetween(cal, "2025-03-29T12:00:00Z", "2025-03-31T00:00:00Z")).toBe(hours(1));
    expect(iso(nextOpen(cal, "2025-10-25T12:00:00Z"))).toBe("2025-10-26T00:00:00.000Z"); // first 02:00 (CEST)
    expect(businessTimeBetween(cal, "2025-10-25T12:00:00Z", "2025-10-27T00:00:00Z")).toBe(hours(3));
  });

  it("a holiday after a night shift keeps the shift's tail (Friday 2026-05-01)", () => {
    const night = [["22:00", "06:00"]] as [string, string][];
    const cal = createBusinessCalendar({
      timeZone: "Europe/Berlin",
      weekly: { mon: night, tue: night, wed: night, thu: night, fri: night },
      holidays: [{ date: "2026-05-01", name: "Tag der Arbeit" }],
    });
    // Thursday's shift runs into the holiday; Friday's is cancelled; next is Monday 22:00 CEST.
    expect(isOpen(cal, "2026-05-01T05:59:00+02:00")).toBe(true);
    expect(iso(nextClose(cal, "2026-04-30T23:00:00+02:00"))).toBe("2026-05-01T04:00:00.000Z");
    expect(iso(nextOpen(cal, "2026-05-01T07:00:00+02:00"))).toBe("2026-05-04T20:00:00.000Z");
    expect(businessTimeBetween(cal, "2026-04-30T20:00:00+02:00", "2026-05-04T12:00:00+02:00")).toBe(hours(8));
    expect(iso(addBusinessTime(cal, "2026-05-01T05:00:00+02:00", hours(2)))).toBe("2026-05-04T21:00:00.000Z");
  });
});

describe("Asia/Kolkata (+05:30)", () => {
  it("09:30–18:00 is 8.5 h and 10 h from Monday's opening ends Tuesday 11:00 IST", () => {
    const day = [["09:30", "18:00"]] as [string, string][];
    const cal = createBusinessCalendar({ timeZone: "Asia/Kolkata", weekly: { mon: day, tue: day } });
    expect(businessTimeBetween(cal, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toBe(minutes(510));
    expect(iso(addBusinessTime(cal, "2026-03-02T09:30:00+05:30", hours(10)))).toBe(
      "2026-03-03T05:30:00.000Z",
    );
  });
});

describe("Australia/Lord_Howe (30-minute DST)", () => {
  const nonstop = createBusinessCalendar({ timeZone: "Australia/Lord_Howe", weekly: always });
  it("24/7 weekends have 47.5 h (2026-10-04) and 48.5 h (2026-04-05)", () => {
    expect(businessTimeBetween(nonstop, "2026-10-03T00:00:00+10:30", "2026-10-05T00:00:00+11:00")).toBe(
      minutes(2850),
    );
    expect(businessTimeBetween(nonstop, "2026-04-04T00:00:00+11:00", "2026-04-06T00:00:00+10:30")).toBe(
      minutes(2910),
    );
  });
  it("a 02:15 opening in the 2025-10-05 gap moves forward 30 minutes", () => {
    const cal = createBusinessCalendar({
      timeZone: "Australia/Lord_Howe",
      weekly: { sun: [["02:15", "04:00"]] },
    });
    expect(iso(nextOpen(cal, "2025-10-04T00:00:00Z"))).toBe("2025-10-04T15:45:00.000Z"); // 02:45 +11:00
  });
});

describe("Asia/Shanghai with the 2025 and 2026 holidays and make-up workdays", () => {
  const cal = createBusinessCalendar({
    timeZone: "Asia/Shanghai",
    weekly: {
      mon: [["09:00", "18:00"]],
      tue: [["09:00", "18:00"]],
      wed: [["09:00", "18:00"]],
      thu: [["09:00", "18:00"]],
      fri: [["09:00", "18:00"]],
    },
    holidays: cn.holidays,
    workdays: cn.workdays,
  });

  it("National Day 2025: Tuesday 09-30 17:00 plus 2 h is Thursday 10-09 10:00", () => {
    expect(iso(addBusinessTime(cal, "2025-09-30T17:00:00+08:00", hours(2)))).toBe("2025-10-09T02:00:00.000Z");
  });
  it("the make-up Sunday 2025-09-28 is a working day", () => {
    expect(iso(addBusinessTime(cal, "2025-09-26T17:00:00+08:00", hours(2)))).toBe("2025-09-28T02:00:00.000Z");
    expect(businessTimeBetween(cal, "2025-09-29T00:00:00+08:00", "2025-10-13T00:00:00+08:00")).toBe(
      hours(45),
    );
  });
  it("Spring Festival 2026: make-up Saturday 02-14, closed 02-15 to 02-23", () => {
    expect(iso(addBusinessTime(cal, "2026-02-13T17:00:00+08:00", hours(2)))).toBe("2026-02-14T02:00:00.000Z");
    expect(iso(addBusinessTime(cal, "2026-02-14T17:00:00+08:00", hours(2)))).toBe("2026-02-24T02:00:00.000Z");
  });
  it("each year has 2,232 business hours, and 2,000 h from 2025-01-02 end 2025-11-26 11:00", () => {
    expect(businessTimeBetween(cal, "2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00")).toBe(
      hours(2232),
    );
    expect(businessTimeBetween(cal, "2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00")).toBe(
      hours(2232),
    );
    expect(iso(addBusinessTime(cal, "2025-01-02T09:00:00+08:00", hours(2000)))).toBe(
      "2025-11-26T03:00:00.000Z",
    );
  });
});

describe("intervals", () => {
  it("a 24:00 close joins the next day's 00:00 opening", () => {
    const cal = createBusinessCalendar({
      timeZone: "America/New_York",
      weekly: { mon: [["18:00", "24:00"]], tue: [["00:00", "02:00"]] },
    });
    expect(iso(nextClose(cal, "2026-01-05T19:00:00-05:00"))).toBe("2026-01-06T07:00:00.000Z");
    expect(iso(addBusinessTime(cal, "2026-01-05T23:00:00-05:00", hours(2)))).toBe("2026-01-06T06:00:00.000Z");
    expect(isOpen(cal, "2026-01-06T00:00:00-05:00")).toBe(true);
  });
  it("several windows a day and short days", () => {
    const cal = createBusinessCalendar({
      timeZone: "Europe/Berlin",
      weekly: {
        thu: [
          ["09:00", "12:00"],
          ["13:00", "17:00"],
        ],
      },
      holidays: [{ date: "2026-12-24", name: "Heiligabend", hours: [["09:00", "11:00"]] }],
    });
    expect(businessTimeBetween(cal, "2026-12-17T00:00:00+01:00", "2026-12-18T00:00:00+01:00")).toBe(hours(7));
    expect(isOpen(cal, "2026-12-17T12:30:00+01:00")).toBe(false);
    expect(businessTimeBetween(cal, "2026-12-24T00:00:00+01:00", "2026-12-25T00:00:00+01:00")).toBe(hours(2));
  });
  it("a workday without hours takes the hours of `like` (default Monday)", () => {
    const cal = createBusinessCalendar({
      timeZone: "UTC",
      weekly: { mon: [["08:00", "10:00"]], tue: [["08:00", "12:00"]] },
      workdays: [{ date: "2026-01-03" }, { date: "2026-01-04", like: "tue" }],
    });
    expect(businessTimeBetween(cal, "2026-01-03T00:00:00Z", "2026-01-04T00:00:00Z")).toBe(hours(2));
    expect(businessTimeBetween(cal, "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z")).toBe(hours(4));
  });
  it("implements core's BusinessClock", () => {
    const cal = createBusinessCalendar({ timeZone: "UTC", weekly: { mon: nineToFive } });
    const clock: import("@supportkit/core").BusinessClock = cal;
    expect(clock.between(new Date("2026-01-05T00:00:00Z"), new Date("2026-01-06T00:00:00Z"))).toBe(hours(8));
  });
});

describe("bounded searches and bad arguments", () => {
  it("throws CALENDAR_HORIZON when no business time is left within the horizon", () => {
    const cal = createBusinessCalendar({
      timeZone: "UTC",
      weekly: {},
      workdays: [{ date: "2026-01-05", hours: nineToFive }],
    });
    expect(iso(addBusinessTime(cal, "2026-01-01T00:00:00Z", hours(8)))).toBe("2026-01-05T17:00:00.000Z");
    expect(() => addBusinessTime(cal, "2026-01-01T00:00:00Z", hours(9))).toThrow(CalendarHorizonError);
    expect(() => addBusinessTime(cal, "2026-01-01T00:00:00Z", -1)).toThrow(CalendarHorizonError);
    expect(() => nextOpen(cal, "2026-01-06T00:00:00Z")).toThrow(CalendarHorizonError);
  });
  it("throws CALENDAR_HORIZON for nextClose on a 24/7 calendar and for spans over 100 years", () => {
    const cal = createBusinessCalendar({ timeZone: "UTC", weekly: always });
    expect(() => nextClose(cal, "2026-01-01T00:00:00Z")).toThrow(
      expect.objectContaining({ code: "CALENDAR_HORIZON" }),
    );
    expect(() => addBusinessTime(cal, "2026-01-01T00:00:00Z", hours(24 * 366 * 101))).toThrow(
      CalendarHorizonError,
    );
    expect(() => businessTimeBetween(cal, "1900-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toThrow(
      CalendarHorizonError,
    );
  });
  it("throws CALENDAR_HORIZON, never a RangeError, at either end of the Date range", () => {
    const cal = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: nineToFive } });
    const day = 86_400_000;
    for (const at of [8.64e15, 8.64e15 - day, -8.64e15, -8.64e15 + day]) {
      expect(() => isOpen(cal, at)).toThrow(CalendarHorizonError);
      expect(() => nextOpen(cal, at)).toThrow(CalendarHorizonError);
      expect(() => nextClose(cal, at)).toThrow(CalendarHorizonError);
    }
    expect(() => addBusinessTime(cal, 8.64e15 - 30 * day, hours(100))).toThrow(CalendarHorizonError);
    expect(isOpen(cal, 8.64e15 - 30 * day)).toBe(false); // a month before the end still answers
  });
  it("rejects invalid instants and fractional durations with a ValidationError", () => {
    const cal = createBusinessCalendar({ timeZone: "UTC", weekly: { mon: nineToFive } });
    expect(() => addBusinessTime(cal, "tomorrow", 1)).toThrow(ValidationError);
    expect(() => addBusinessTime(cal, 0, 0.5)).toThrow(/whole number/);
    expect(() => cal.isOpen(new Date(Number.NaN))).toThrow(ValidationError);
    expect(() => addBusinessTime(cal, 0, Number.POSITIVE_INFINITY)).toThrow(ValidationError);
  });
});

describe("the search horizon does not depend on the cache", () => {
  it("a calendar open only on dates 9 years apart fails the same way cold and warmed", () => {
    const config = {
      timeZone: "UTC",
      weekly: {},
      workdays: [
        { date: "2026-01-05", hours: nineToFive },
        { date: "2035-01-08", hours: nineToFive },
      ],
    };
    const cold = createBusinessCalendar(config);
    expect(() => addBusinessTime(cold, "2026-01-05T09:00:00Z", hours(9))).toThrow(CalendarHorizonError);
    const warmed = createBusinessCalendar(config);
    // between() bridges the gap and caches every chunk in it.
    expect(businessTimeBetween(warmed, "2026-01-01T00:00:00Z", "2035-02-01T00:00:00Z")).toBe(hours(16));
    expect(() => addBusinessTime(warmed, "2026-01-05T09:00:00Z", hours(9))).toThrow(CalendarHorizonError);
    expect(() => addBusinessTime(warmed, "2035-01-08T10:00:00Z", -hours(2))).toThrow(CalendarHorizonError);
    // A wider horizon lets it through.
    const patient = createBusinessCalendar({ ...config, searchHorizonDays: 3_660 });
    expect(iso(addBusinessTime(patient, "2026-01-05T09:00:00Z", hours(9)))).toBe("2035-01-08T10:00:00.000Z");
  });
});
