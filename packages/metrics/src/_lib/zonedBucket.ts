import { timeZoneOffset } from "@supportkit/core";
import type { BucketUnit } from "../accumulator";

// Local day / week / month labels of instants in one IANA zone, fast: the zone offset is read (core's
// timeZoneOffset, from Intl) at the start and end of each UTC day and cached; only on a day whose two
// offsets differ (a DST change) is it read per quarter hour (offsets only change on quarter-hour
// boundaries).
const QUARTER = 900_000;
const DAY = 86_400_000;
// Days around the first one seen whose offsets are kept in an array (about eleven years), so the common
// lookup is an index rather than a hash; days outside fall back to the map.
const NEAR_DAYS = 4_096;
const UNKNOWN = Number.POSITIVE_INFINITY;

export class Bucketer {
  private readonly days = new Map<number, number>(); // UTC day → offset, or NaN when it changes that day
  private nearBase = Number.NaN; // UTC day of near[0]
  private readonly near = new Float64Array(NEAR_DAYS).fill(UNKNOWN); // as `days`, for days near nearBase
  private readonly quarters = new Map<number, number>();
  private readonly labels = new Map<number, string>();
  private readonly monthStarts = new Map<number, number>(); // local day → first day of its month

  constructor(
    private readonly timeZone: string,
    private readonly unit: BucketUnit,
  ) {}

  private dayOffset(day: number): number {
    const start = timeZoneOffset(this.timeZone, day * DAY);
    const end = timeZoneOffset(this.timeZone, (day + 1) * DAY - QUARTER);
    return start === end ? start : Number.NaN;
  }

  private offset(ms: number): number {
    const day = Math.floor(ms / DAY);
    if (Number.isNaN(this.nearBase)) this.nearBase = day - NEAR_DAYS / 2;
    const i = day - this.nearBase;
    let offset: number | undefined;
    if (i >= 0 && i < NEAR_DAYS) {
      offset = this.near[i] as number;
      if (offset === UNKNOWN) {
        offset = this.dayOffset(day);
        this.near[i] = offset;
      }
    } else {
      offset = this.days.get(day);
      if (offset === undefined) {
        offset = this.dayOffset(day);
        this.days.set(day, offset);
      }
    }
    if (!Number.isNaN(offset)) return offset;
    const q = Math.floor(ms / QUARTER);
    let exact = this.quarters.get(q);
    if (exact === undefined) {
      exact = timeZoneOffset(this.timeZone, q * QUARTER);
      this.quarters.set(q, exact);
    }
    return exact;
  }

  /**
   * The bucket of an instant as a number (the local day number of the bucket's first day), so the
   * accumulator can find a group by a small-integer Map key instead of hashing a label string per ticket.
   */
  key(ms: number): number {
    return this.firstDay(Math.floor((ms + this.offset(ms)) / DAY));
  }

  private firstDay(localDay: number): number {
    let day = localDay;
    if (this.unit === "week")
      day -= (((day + 3) % 7) + 7) % 7; // back to Monday (day 0 was a Thursday)
    else if (this.unit === "month") {
      let first = this.monthStarts.get(day);
      if (first === undefined) {
        first = day - (new Date(day * DAY).getUTCDate() - 1);
        this.monthStarts.set(day, first);
      }
      day = first;
    }
    return day;
  }

  /** The label of a bucket key. */
  labelOf(key: number): string {
    let label = this.labels.get(key);
    if (label === undefined) {
      const iso = new Date(key * DAY).toISOString();
      label = this.unit === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
      this.labels.set(key, label);
    }
    return label;
  }

  /** The key of a label this bucketer produces, or `null` for any other string (restored JSON may hold one). */
  keyOfLabel(label: string): number | null {
    const ms = Date.parse(this.unit === "month" ? `${label}-01` : label);
    if (!Number.isFinite(ms)) return null;
    const day = Math.floor(ms / DAY);
    // A bucket's key is its first day, and only a first day's label is one this bucketer writes.
    return this.firstDay(day) === day && this.labelOf(day) === label ? day : null;
  }
}

export function createBucketer(timeZone: string, unit: BucketUnit): Bucketer {
  return new Bucketer(timeZone, unit);
}
