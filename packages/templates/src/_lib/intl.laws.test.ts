import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { zonedToEpoch } from "./intl";

// Laws of reading a zone-less wall time in a zone, against an oracle built on Intl's `longOffset` names (a
// different path from the `timeZoneOffset` arithmetic the code uses). The rule is RFC 5545 / Temporal
// "compatible", as in @supportkit/sla: an existing wall time round-trips exactly (the first occurrence when it
// occurs twice); one in a spring-forward gap lands at the end of the gap plus how far into the gap it was.

const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Australia/Sydney",
  "Australia/Lord_Howe", // 30-minute DST
  "America/Santiago",
  "Pacific/Chatham", // +12:45 / +13:45
  "America/St_Johns", // -03:30
  "Asia/Kolkata", // no DST
] as const;

const HOUR = 3_600_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset at an instant, in ms, read from Intl's "GMT-04:00" names. */
function oracleOffset(zone: string, epoch: number): number {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    formats.set(zone, format);
  }
  const name = format.formatToParts(epoch).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (m === null) throw new Error(`unexpected offset name ${name}`);
  if (m[1] === undefined) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/** Every instant whose wall time in `zone` is `wall` (local ms), earliest first: 0 (gap), 1 or 2 (overlap). */
function oracleInstants(zone: string, wall: number): number[] {
  const offsets = new Set([-36, 0, 36].map((h) => oracleOffset(zone, wall + h * HOUR)));
  const found = [...offsets].map((o) => wall - o).filter((at) => at + oracleOffset(zone, at) === wall);
  return [...new Set(found)].sort((a, b) => a - b);
}

interface Transition {
  readonly zone: string;
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** Offset changes of the zones in 2024–2028 and 2037–2038, found by a daily scan and a binary search. */
const TRANSITIONS: readonly Transition[] = ZONES.flatMap((zone) => {
  const out: Transition[] = [];
  for (const [from, to] of [
    [2024, 2029],
    [2037, 2039],
  ] as const) {
    for (let day = Date.UTC(from, 0, 1); day < Date.UTC(to, 0, 1); day += 24 * HOUR) {
      const before = oracleOffset(zone, day);
      const after = oracleOffset(zone, day + 24 * HOUR);
      if (before === after) continue;
      let lo = day;
      let hi = day + 24 * HOUR;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (oracleOffset(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      out.push({ zone, at: hi, before, after });
    }
  }
  return out;
});

const fieldsOf = (wall: number) => {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
};

const anyInstant = fc.tuple(
  fc.constantFrom(...ZONES),
  fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
);
const nearTransition = fc
  .constantFrom(...TRANSITIONS)
  .chain((t) => fc.tuple(fc.constant(t.zone), fc.integer({ min: t.at - 3 * HOUR, max: t.at + 3 * HOUR })));
const gaps = TRANSITIONS.filter((t) => t.after > t.before);

describe("zonedToEpoch laws", () => {
  test("the oracle found spring-forward gaps and fall-back overlaps in every DST zone", () => {
    for (const zone of ZONES.filter((z) => z !== "Asia/Kolkata")) {
      expect(gaps.some((t) => t.zone === zone)).toBe(true);
      expect(TRANSITIONS.some((t) => t.zone === zone && t.after < t.before)).toBe(true);
    }
  });

  test.prop([fc.oneof(anyInstant, nearTransition)], { numRuns: 1500 })(
    "an existing wall time round-trips exactly, to its first occurrence when it occurs twice",
    ([zone, epoch]) => {
      const wall = epoch + oracleOffset(zone, epoch);
      const instants = oracleInstants(zone, wall);
      expect(instants).toContain(epoch);
      expect(zonedToEpoch(fieldsOf(wall), zone)).toBe(instants[0]);
    },
  );

  test.prop(
    [fc.constantFrom(...gaps).chain((t) => fc.tuple(fc.constant(t), fc.nat(t.after - t.before - 1)))],
    {
      numRuns: 500,
    },
  )("a wall time in a gap lands at the end of the gap plus how far into the gap it was", ([gap, into]) => {
    const wall = gap.at + gap.before + into; // the wall clock read `wall - into` just before the change
    expect(oracleInstants(gap.zone, wall)).toEqual([]);
    expect(zonedToEpoch(fieldsOf(wall), gap.zone)).toBe(gap.at + into);
  });
});
