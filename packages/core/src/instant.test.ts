import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { alwaysOpenClock } from "./businessClock";
import { hours, minutes, seconds } from "./durations";
import { ValidationError } from "./errors";
import { IdSchema, InstantSchema, LocaleSchema, TimeZoneSchema } from "./fieldSchemas";
import { instantToEpoch, toDate } from "./instant";
import { isValidLocale, isValidTimeZone, timeZoneOffset } from "./timeZone";

describe("instants", () => {
  it("accepts Date, epoch ms and ISO 8601 with an offset", () => {
    expect(instantToEpoch("2026-01-01T00:00:00Z")).toBe(1_767_225_600_000);
    expect(instantToEpoch("2026-01-01T08:00:00+08:00")).toBe(1_767_225_600_000);
    expect(instantToEpoch("2026-01-01T08:00:00+0800")).toBe(1_767_225_600_000);
    expect(instantToEpoch(new Date(5))).toBe(5);
    expect(instantToEpoch(0)).toBe(0);
  });

  it("refuses local times, impossible dates, non-finite numbers and other types", () => {
    for (const bad of [
      "2026-01-01T00:00:00",
      "2026-02-29T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "",
      "soon",
    ]) {
      expect(instantToEpoch(bad), bad).toBeUndefined();
    }
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 9e15, null, undefined, {}, new Date("x")]) {
      expect(instantToEpoch(bad)).toBeUndefined();
    }
    expect(instantToEpoch("2028-02-29T00:00:00Z")).toBe(Date.UTC(2028, 1, 29));
  });

  it("toDate names the field", () => {
    expect(() => toDate("2026-02-30T00:00:00Z", "dueAt")).toThrow(ValidationError);
    expect(() => toDate("2026-02-30T00:00:00Z", "dueAt")).toThrow(
      'Invalid dueAt: expected an instant (Date, epoch ms or ISO 8601 string with offset), got "2026-02-30T00:00:00Z"',
    );
  });

  test.prop([fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true })])(
    "an instant's ISO string reads back as the same instant",
    (date) => {
      expect(toDate(date.toISOString()).getTime()).toBe(date.getTime());
    },
  );
});

describe("time zones and locales", () => {
  it("knows IANA zones and refuses the rest", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Australia/Lord_Howe")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("+08:00")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("knows BCP 47 tags", () => {
    expect(isValidLocale("zh-Hant-HK")).toBe(true);
    expect(isValidLocale("pt-BR")).toBe(true);
    expect(isValidLocale("en_US")).toBe(false);
    expect(isValidLocale("")).toBe(false);
  });

  it("reads a zone's offset at an instant, across DST, before 1 CE and in the years 0–99", () => {
    expect(timeZoneOffset("Europe/Berlin", Date.UTC(2026, 0, 15))).toBe(3_600_000);
    expect(timeZoneOffset("Europe/Berlin", Date.UTC(2026, 6, 15))).toBe(7_200_000);
    // Berlin springs forward at 01:00 UTC on 2026-03-29: one millisecond either side.
    expect(timeZoneOffset("Europe/Berlin", Date.UTC(2026, 2, 29, 1) - 1)).toBe(3_600_000);
    expect(timeZoneOffset("Europe/Berlin", Date.UTC(2026, 2, 29, 1))).toBe(7_200_000);
    expect(timeZoneOffset("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBe(19_800_000);
    expect(timeZoneOffset("UTC", Date.UTC(2026, 0, 1))).toBe(0);
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 5, 1);
    expect(timeZoneOffset("UTC", year50.getTime())).toBe(0);
    const bc = new Date(0);
    bc.setUTCFullYear(-100, 0, 1);
    expect(timeZoneOffset("UTC", bc.getTime())).toBe(0);
  });

  it("answers a bad zone or instant with a ValidationError naming it", () => {
    expect(() => timeZoneOffset("Mars/Olympus", 0)).toThrow(ValidationError);
    expect(() => timeZoneOffset("Mars/Olympus", 0)).toThrow(/timeZone/);
    expect(() => timeZoneOffset("UTC", Number.NaN)).toThrow(/epochMs/);
    expect(() => timeZoneOffset("UTC", "0" as unknown as number)).toThrow(ValidationError);
  });

  it("gives the same answers from its caches, also after they overflow and empty", () => {
    for (let i = 0; i < 2_100; i++) {
      expect(isValidLocale(`en-x-q${i}`)).toBe(true);
      expect(isValidTimeZone(`Mars/Q${i}`)).toBe(false);
    }
    for (let round = 0; round < 2; round++) {
      expect([isValidLocale("zh-Hant-HK"), isValidLocale("en_US")]).toEqual([true, false]);
      expect([isValidTimeZone("Asia/Shanghai"), isValidTimeZone("+08:00")]).toEqual([true, false]);
    }
  });
});

describe("durations and the always-open clock", () => {
  it("converts to milliseconds", () => {
    expect([seconds(1.5), minutes(2), hours(-1)]).toEqual([1_500, 120_000, -3_600_000]);
  });

  test.prop([fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e10, max: 1e10 })])(
    "always-open: between(s, add(s, d)) === d",
    (start, duration) => {
      const from = new Date(start);
      expect(alwaysOpenClock.between(from, alwaysOpenClock.add(from, duration))).toBe(duration);
      expect(alwaysOpenClock.nextOpen(from)).toEqual(from);
      expect(alwaysOpenClock.isOpen(from)).toBe(true);
    },
  );
});

describe("field schemas for other packages' configs", () => {
  it("parse and refuse like the ticket schemas do", () => {
    expect(InstantSchema.parse("2026-03-02T09:00:00+01:00")).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(InstantSchema.safeParse("2026-02-30T09:00:00Z").success).toBe(false);
    expect(IdSchema.safeParse("").success).toBe(false);
    expect(LocaleSchema.safeParse("zh-Hant-HK").success).toBe(true);
    expect(LocaleSchema.safeParse("en_US").success).toBe(false);
    expect(TimeZoneSchema.safeParse("Asia/Kolkata").success).toBe(true);
    expect(TimeZoneSchema.safeParse("+05:30").success).toBe(false);
  });
});
