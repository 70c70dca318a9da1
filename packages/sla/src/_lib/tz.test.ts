import { describe, expect, it } from "vitest";
import { dayNumberOfDate, instantToWall, offsetAt, wallToInstant } from "./tz";

const wall = (local: string) => Date.parse(`${local}Z`);
const iso = (t: number) => new Date(t).toISOString();
const H = 3_600_000;

describe("tz", () => {
  it("reads offsets, including half-hour ones and the instant of a change", () => {
    expect(offsetAt("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBe(5.5 * H);
    expect(offsetAt("Australia/Lord_Howe", Date.UTC(2026, 0, 1))).toBe(11 * H);
    expect(offsetAt("Australia/Lord_Howe", Date.UTC(2026, 6, 1))).toBe(10.5 * H);
    // Berlin springs forward at 01:00 UTC on 2026-03-29.
    expect(offsetAt("Europe/Berlin", Date.parse("2026-03-29T00:59:59.999Z"))).toBe(H);
    expect(offsetAt("Europe/Berlin", Date.parse("2026-03-29T01:00:00Z"))).toBe(2 * H);
    // Santiago falls back at 03:00 UTC on 2026-04-05 (midnight local).
    expect(offsetAt("America/Santiago", Date.parse("2026-04-05T02:59:59Z"))).toBe(-3 * H);
    expect(offsetAt("America/Santiago", Date.parse("2026-04-05T03:00:00Z"))).toBe(-4 * H);
  });

  it("resolves wall times the compatible way", () => {
    expect(iso(wallToInstant("America/New_York", wall("2026-03-08T02:30:00")))).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(iso(wallToInstant("America/New_York", wall("2026-11-01T01:30:00")))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(iso(wallToInstant("Australia/Lord_Howe", wall("2026-10-04T02:15:00")))).toBe(
      "2026-10-03T15:45:00.000Z",
    );
    expect(iso(wallToInstant("Australia/Lord_Howe", wall("2026-04-05T01:45:00")))).toBe(
      "2026-04-04T14:45:00.000Z",
    );
    expect(iso(wallToInstant("America/Santiago", wall("2026-04-04T23:30:00")))).toBe(
      "2026-04-05T02:30:00.000Z",
    );
    expect(instantToWall("Asia/Shanghai", Date.parse("2026-01-01T00:00:00Z"))).toBe(
      wall("2026-01-01T08:00:00"),
    );
  });

  it("reads dates that exist and only those", () => {
    expect(dayNumberOfDate("1970-01-02")).toBe(1);
    expect(dayNumberOfDate("2028-02-29")).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
    expect(dayNumberOfDate("2026-02-29")).toBeUndefined();
    expect(dayNumberOfDate("2026-04-31")).toBeUndefined();
    expect(dayNumberOfDate("2026-4-1")).toBeUndefined();
  });
});
