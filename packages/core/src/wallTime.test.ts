import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { timeZoneOffset } from "./timeZone";
import { instantToWallTime, wallTimeToInstant } from "./wallTime";

const wall = (local: string) => Date.parse(`${local}Z`);
const iso = (t: number) => new Date(t).toISOString();
const H = 3_600_000;
const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Asia/Shanghai",
  "Pacific/Chatham",
  "America/St_Johns",
];

describe("wall time", () => {
  it("reads the wall time of instants, half-hour zones and both sides of a change included", () => {
    expect(iso(instantToWallTime("Asia/Shanghai", Date.parse("2026-01-01T00:00:00Z")))).toBe(
      "2026-01-01T08:00:00.000Z",
    );
    expect(instantToWallTime("Asia/Kolkata", Date.UTC(2026, 0, 1)) - Date.UTC(2026, 0, 1)).toBe(5.5 * H);
    expect(instantToWallTime("Australia/Lord_Howe", Date.UTC(2026, 6, 1)) - Date.UTC(2026, 6, 1)).toBe(
      10.5 * H,
    );
    // Berlin springs forward at 01:00 UTC on 2026-03-29; Santiago falls back at 03:00 UTC on 2026-04-05.
    expect(iso(instantToWallTime("Europe/Berlin", Date.parse("2026-03-29T00:59:59.999Z")))).toBe(
      "2026-03-29T01:59:59.999Z",
    );
    expect(iso(instantToWallTime("Europe/Berlin", Date.parse("2026-03-29T01:00:00Z")))).toBe(
      "2026-03-29T03:00:00.000Z",
    );
    expect(iso(instantToWallTime("America/Santiago", Date.parse("2026-04-05T02:59:59Z")))).toBe(
      "2026-04-04T23:59:59.000Z",
    );
    expect(iso(instantToWallTime("America/Santiago", Date.parse("2026-04-05T03:00:00Z")))).toBe(
      "2026-04-04T23:00:00.000Z",
    );
  });

  it("resolves wall times the compatible way: gaps forward, repeats to the first", () => {
    expect(iso(wallTimeToInstant("America/New_York", wall("2026-03-08T02:30:00")))).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(iso(wallTimeToInstant("America/New_York", wall("2026-11-01T01:30:00")))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(iso(wallTimeToInstant("Australia/Lord_Howe", wall("2026-10-04T02:15:00")))).toBe(
      "2026-10-03T15:45:00.000Z",
    );
    expect(iso(wallTimeToInstant("Australia/Lord_Howe", wall("2026-04-05T01:45:00")))).toBe(
      "2026-04-04T14:45:00.000Z",
    );
    expect(iso(wallTimeToInstant("America/Santiago", wall("2026-04-04T23:30:00")))).toBe(
      "2026-04-05T02:30:00.000Z",
    );
  });

  it("refuses unknown zones and instants outside the Date range with a ValidationError naming them", () => {
    expect(() => wallTimeToInstant("Mars/Base", 0)).toThrow(/timeZone: unknown IANA time zone "Mars\/Base"/);
    expect(() => instantToWallTime("UTC", Number.NaN)).toThrow(ValidationError);
    expect(() => instantToWallTime("UTC", 9e15)).toThrow(/epochMs/);
    expect(() => wallTimeToInstant("UTC", Number.POSITIVE_INFINITY)).toThrow(/wallMs/);
    // At the ends of the range: a wall time or an instant that would fall outside it is refused, not shifted.
    expect(() => wallTimeToInstant("America/New_York", 8.64e15)).toThrow(
      /wallMs: converts to a time outside/,
    );
    expect(() => instantToWallTime("Pacific/Kiritimati", 8.64e15)).toThrow(
      /epochMs: converts to a time outside/,
    );
    // Anything else at the ends answers within the range or is that ValidationError: never a RangeError.
    for (const zone of ["Pacific/Kiritimati", "America/New_York", "Asia/Tokyo"]) {
      for (const at of [-8.64e15, -8.64e15 + 3.6e6 * 20, 8.64e15 - 3.6e6 * 20, 8.64e15]) {
        for (const convert of [instantToWallTime, wallTimeToInstant]) {
          try {
            expect(Math.abs(convert(zone, at))).toBeLessThanOrEqual(8.64e15);
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
          }
        }
      }
    }
  });

  const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) });

  test.prop([fc.constantFrom(...ZONES), instant])(
    "instantToWallTime agrees with Intl's offset at every instant",
    (zone, at) => {
      expect(instantToWallTime(zone, at) - at).toBe(timeZoneOffset(zone, at));
    },
  );

  test.prop([fc.constantFrom(...ZONES), instant])(
    "an existing wall time round-trips to its first occurrence, and no earlier instant has that wall time",
    (zone, at) => {
      const local = instantToWallTime(zone, at);
      const back = wallTimeToInstant(zone, local);
      expect(instantToWallTime(zone, back)).toBe(local);
      expect(back).toBeLessThanOrEqual(at);
    },
  );

  test.prop([fc.constantFrom(...ZONES), instant])(
    "every wall time maps to an instant whose wall time is it, or lies past a gap by its distance into the gap",
    (zone, at) => {
      const local = at; // any wall time
      const resolved = wallTimeToInstant(zone, local);
      const shown = instantToWallTime(zone, resolved);
      if (shown !== local) {
        // In a gap: the offset just before the change reads it, so it lands past the gap by the gap's length.
        const before = timeZoneOffset(zone, resolved - H * 6);
        expect(shown - local).toBe(timeZoneOffset(zone, resolved) - before);
        expect(shown).toBeGreaterThan(local);
      }
    },
  );
});
