import { describe, expect, it } from "vitest";
import { berlinOffice } from "./berlinClock";

const d = (iso: string) => new Date(iso);
const H = 3_600_000;

describe("test clock berlinOffice", () => {
  it("opens 09:00–17:00 Berlin on weekdays across both DST changes", () => {
    // Winter (UTC+1): Friday 2026-03-27 opens at 08:00Z; summer (UTC+2): Monday 2026-03-30 at 07:00Z.
    expect(berlinOffice.isOpen(d("2026-03-27T08:00:00Z"))).toBe(true);
    expect(berlinOffice.isOpen(d("2026-03-27T16:00:00Z"))).toBe(false);
    expect(berlinOffice.isOpen(d("2026-03-30T07:00:00Z"))).toBe(true);
    expect(berlinOffice.isOpen(d("2026-03-30T15:00:00Z"))).toBe(false);
    expect(berlinOffice.nextOpen(d("2026-03-27T16:00:00Z"))).toEqual(d("2026-03-30T07:00:00Z"));
    // Autumn change: Friday 2026-10-23 (UTC+2) to Monday 2026-10-26 (UTC+1).
    expect(berlinOffice.between(d("2026-10-23T14:00:00Z"), d("2026-10-26T09:00:00Z"))).toBe(2 * H);
    expect(berlinOffice.between(d("2026-03-27T15:00:00Z"), d("2026-03-30T08:00:00Z"))).toBe(2 * H);
  });

  it("adds business time and inverts between", () => {
    const start = d("2026-03-27T15:00:00Z");
    const end = berlinOffice.add(start, 2 * H);
    expect(end).toEqual(d("2026-03-30T08:00:00Z"));
    expect(berlinOffice.add(end, -2 * H)).toEqual(start);
    expect(berlinOffice.between(end, start)).toBe(-2 * H);
  });
});
