import { ValidationError } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { parseBusinessCalendarConfig } from "./calendarConfig";
import { createBusinessCalendar } from "./createBusinessCalendar";

function issues(input: unknown): string[] {
  try {
    parseBusinessCalendarConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error("expected a ValidationError");
}

const monday = { mon: [["09:00", "17:00"]] };

describe("calendar config validation", () => {
  it("names an unknown time zone", () => {
    expect(issues({ timeZone: "Mars/Olympus", weekly: monday })).toEqual([
      "timeZone: unknown IANA time zone (e.g. Asia/Shanghai)",
    ]);
    expect(issues({ timeZone: "+08:00", weekly: monday })[0]).toMatch(/^timeZone:/);
  });
  it("names a malformed HH:MM", () => {
    expect(issues({ timeZone: "UTC", weekly: { mon: [["9:00", "17:00"]] } })[0]).toMatch(
      /^weekly\.mon\.0\.0: /,
    );
    expect(issues({ timeZone: "UTC", weekly: { mon: [["24:00", "02:00"]] } })[0]).toMatch(
      /^weekly\.mon\.0\.0: /,
    );
    expect(issues({ timeZone: "UTC", weekly: { mon: [["09:00", "24:30"]] } })[0]).toMatch(
      /^weekly\.mon\.0\.1: /,
    );
    expect(issues({ timeZone: "UTC", weekly: { mon: [["09:00"]] } })[0]).toMatch(/^weekly\.mon\.0/);
  });
  it("names a date that does not exist", () => {
    const out = issues({ timeZone: "UTC", weekly: monday, holidays: [{ date: "2026-02-29" }] });
    expect(out).toEqual(['holidays.0.date: expected an existing date "YYYY-MM-DD"']);
    expect(issues({ timeZone: "UTC", weekly: monday, workdays: [{ date: "2026-13-01" }] })[0]).toMatch(
      /^workdays\.0\.date/,
    );
  });
  it("names a date listed twice", () => {
    const out = issues({
      timeZone: "UTC",
      weekly: monday,
      holidays: [{ date: "2026-01-01" }],
      workdays: [{ date: "2026-01-01" }],
    });
    expect(out).toEqual(["workdays.0.date: 2026-01-01 is already listed (holidays[0])"]);
  });
  it("rejects a calendar that is never open", () => {
    expect(issues({ timeZone: "UTC", weekly: { mon: [], sun: [] } })).toEqual([
      "weekly: the calendar is never open: give at least one weekday an interval",
    ]);
    expect(() => createBusinessCalendar({ timeZone: "UTC", weekly: {} })).toThrow(ValidationError);
  });
  it("rejects unknown fields and weekday names", () => {
    expect(issues({ timeZone: "UTC", weekly: { monday: [] } })[0]).toMatch(/^weekly: unknown field "monday"/);
  });
  it("accepts overnight, 24:00 and short days", () => {
    const config = parseBusinessCalendarConfig({
      timeZone: "Asia/Shanghai",
      weekly: { fri: [["22:00", "06:00"]], sat: [["18:00", "24:00"]] },
      holidays: [{ date: "2026-02-16", hours: [["09:00", "12:00"]] }],
    });
    expect(config.timeZone).toBe("Asia/Shanghai");
  });
});
