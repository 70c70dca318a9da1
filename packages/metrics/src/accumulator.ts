import { isValidTimeZone } from "@supportkit/core";
import { z } from "zod";
import { BufferPool } from "./_lib/bufferPool";
import { GroupLogs } from "./_lib/groupLogs";
import { QuantileStore, type StoreOptions } from "./_lib/quantileStore";
import { checkKeys, fail } from "./_lib/validate";
import { type Bucketer, createBucketer } from "./_lib/zonedBucket";
import { type CesResult, cesFromHistogram } from "./ces";
import { type CsatResult, csatFromHistogram } from "./csat";
import { MetricsError } from "./errors";
import { type NpsResult, npsFromHistogram } from "./nps";
import type { CsatRule, MetricPreset } from "./presets";
import { METRIC_PRESETS } from "./presets";
import type { MetricDuration, TicketFacts } from "./ticketMetrics";

/**
 * A dimension accumulators can group by. `agent` is the assignee, `group` the team, `tag` puts a ticket in
 * one group per tag (and `null` without tags), `category` is the custom field `category`.
 *
 * @example
 * ```ts
 * const by: GroupDimension[] = ["channel", "agent"];
 * ```
 */
export type GroupDimension = "channel" | "priority" | "agent" | "group" | "tag" | "category";

/**
 * Local calendar bucket: `day`, `week` (ISO week, labelled by its Monday, `"2026-03-02"`) or `month`
 * (`"2026-03"`). Days are labelled `"2026-03-04"`.
 *
 * @example
 * ```ts
 * const unit: BucketUnit = "week";
 * ```
 */
export type BucketUnit = "day" | "week" | "month";

/**
 * Serialised DDSketch: the zero-bucket count, the lowest key and the counts from that key up.
 *
 * @example
 * ```ts
 * const s: SketchJSON = { zero: 0, minKey: 460, counts: [1, 0, 2] };
 * ```
 */
export interface SketchJSON {
  /** Values below 0.001 (ms), reported as 0. */
  readonly zero: number;
  /**
   * Key of `counts[0]`. Key k holds the values v with L(v) in ((k − 1)/m, k/m], where L is the cubically
   * interpolated log₂ of DDSketch (for v = 2^e·(1 + s): e + (6/35)s³ − (3/5)s² + (10/7)s) and
   * m = 7 / (10·ln γ), γ = (1 + α) / (1 − α): each bucket spans at most a factor γ.
   */
  readonly minKey: number;
  /** Count per key. */
  readonly counts: number[];
}

/**
 * Serialised percentile store: the exact values (sorted) while the group is small, else the sketch.
 *
 * @example
 * ```ts
 * const s: PercentileStoreJSON = { values: [60_000, 120_000] };
 * ```
 */
export type PercentileStoreJSON = { readonly values: number[] } | { readonly sketch: SketchJSON };

/**
 * Which instant puts a ticket's numbers into a time bucket:
 *
 * - `created`: everything by the ticket's creation (cohort view)
 * - `solved`: everything by the last solve; unsolved tickets go to the `null` bucket
 * - `event`: each number by its own instant (a reply time by the reply, a resolution by the solve, a
 *   rating by the rating, reopens by the reopen, waits and SLA by the solve or else the creation) — the
 *   view of "what happened this week"
 *
 * @example
 * ```ts
 * const anchor: BucketAnchor = "event";
 * ```
 */
export type BucketAnchor = "created" | "solved" | "event";

/**
 * The durations an accumulator summarises.
 *
 * @example
 * ```ts
 * const name: DurationMetric = "firstReply";
 * ```
 */
export type DurationMetric =
  | "firstReply"
  | "reply"
  | "firstResolution"
  | "resolution"
  | "requesterWait"
  | "agentWait"
  | "onHold"
  | "agentWork";

const METRICS: readonly DurationMetric[] = [
  "firstReply",
  "reply",
  "firstResolution",
  "resolution",
  "requesterWait",
  "agentWait",
  "onHold",
  "agentWork",
];
const DIMENSIONS: readonly GroupDimension[] = ["channel", "priority", "agent", "group", "tag", "category"];

/**
 * Options of {@link createAccumulator}.
 *
 * @example
 * ```ts
 * createAccumulator({ groupBy: ["agent"], bucket: "month", timeZone: "Asia/Shanghai", anchor: "solved" }).options.anchor; //=> "solved"
 * ```
 */
export interface AccumulatorOptions {
  /** Dimensions to group by, in key order; default none (one group). */
  readonly groupBy?: readonly GroupDimension[];
  /** Local calendar bucket; default none (`null`). Needs `timeZone`. */
  readonly bucket?: BucketUnit | null;
  /** IANA zone the buckets are local to, e.g. `"Europe/Berlin"`; required with `bucket`. */
  readonly timeZone?: string | null;
  /** Which instant picks the bucket; default `"created"`. */
  readonly anchor?: BucketAnchor;
  /** Groups with up to this many samples of a metric keep them exactly (percentiles exact); beyond, a DDSketch. Default 256 (2 KB per metric). */
  readonly exactLimit?: number;
  /** Relative accuracy α of the sketch, greater than 0 and below 1; default 0.01 (1 %). */
  readonly relativeAccuracy?: number;
  /** Definitions preset for the headline CSAT; default `"zendesk"`. */
  readonly preset?: MetricPreset;
  /** Overrides the preset's headline CSAT rule. */
  readonly csat?: CsatRule;
}

/**
 * Summary of one duration metric in one group, in ms.
 *
 * @example
 * ```ts
 * const s: DurationSummary = { count: 3, mean: 20, median: 20, p90: 28, p95: 29, min: 10, max: 30, exact: true };
 * ```
 */
export interface DurationSummary {
  /** Number of samples. */
  readonly count: number;
  /** Mean. */
  readonly mean: number;
  /** 50th percentile (linear interpolation). */
  readonly median: number;
  /** 90th percentile. */
  readonly p90: number;
  /** 95th percentile. */
  readonly p95: number;
  /** Smallest sample (exact). */
  readonly min: number;
  /** Largest sample (exact). */
  readonly max: number;
  /** `true` when percentiles are exact; `false` when they come from the sketch (within α relative error). */
  readonly exact: boolean;
}

/**
 * A metric's summaries in calendar and business time; either is `null` without samples.
 *
 * @example
 * ```ts
 * const m: MetricSummary = { calendar: null, business: null };
 * ```
 */
export interface MetricSummary {
  /** Calendar-time summary. */
  readonly calendar: DurationSummary | null;
  /** Business-time summary (facts folded with a clock). */
  readonly business: DurationSummary | null;
}

/**
 * SLA achievement for one target.
 *
 * @example
 * ```ts
 * const s: SlaShare = { met: 9, total: 10, share: 0.9 };
 * ```
 */
export interface SlaShare {
  /** Outcomes met. */
  readonly met: number;
  /** Outcomes counted. */
  readonly total: number;
  /** `met / total`. */
  readonly share: number;
}

/**
 * The values of the grouping dimensions (and bucket) that identify a group; only the configured ones appear.
 *
 * @example
 * ```ts
 * const key: GroupKey = { channel: "email", bucket: "2026-03-02" };
 * ```
 */
export type GroupKey = Partial<Record<GroupDimension | "bucket", string | null>>;

/**
 * Everything an accumulator reports for one group.
 *
 * @example
 * ```ts
 * const [group]: GroupResult[] = acc.result();
 * group.metrics.firstReply.calendar?.median; //=> 1_800_000
 * ```
 */
export interface GroupResult {
  /** Which group. */
  readonly key: GroupKey;
  /** Tickets created (counted at creation). */
  readonly created: number;
  /** Tickets solved (counted at their last solve). */
  readonly solved: number;
  /** Tickets still unsolved (new, open, pending, on-hold). */
  readonly backlog: number;
  /** `created − solved`: how the backlog moved. */
  readonly netFlow: number;
  /** Reopen events. */
  readonly reopens: number;
  /** Solved tickets that were reopened at least once, over solved tickets. */
  readonly reopenRate: number | null;
  /** One-touch solved tickets over solved tickets. */
  readonly oneTouchRate: number | null;
  /** Two-touch solved tickets over solved tickets. */
  readonly twoTouchRate: number | null;
  /** One-touch, never reopened solved tickets over solved tickets (ticket-level FCR). */
  readonly fcrRate: number | null;
  /** Agent replies per solved ticket. */
  readonly repliesPerSolved: number | null;
  /** Tickets created per channel. */
  readonly volumeByChannel: Readonly<Record<string, number>>;
  /** Tickets created per category (`"(none)"` without one). */
  readonly volumeByCategory: Readonly<Record<string, number>>;
  /** Duration summaries. */
  readonly metrics: Readonly<Record<DurationMetric, MetricSummary>>;
  /** CSAT with `score` as the preset's headline (top-2-box share × 100, or mean). */
  readonly csat: CsatResult & { readonly score: number | null };
  /** NPS. */
  readonly nps: NpsResult;
  /** CES. */
  readonly ces: CesResult;
  /** SLA met share per target. */
  readonly sla: Readonly<Record<string, SlaShare>>;
  /** SLA met share per agent, per target (agent `"(unassigned)"` when none). */
  readonly slaByAgent: Readonly<Record<string, Readonly<Record<string, SlaShare>>>>;
}

/**
 * The JSON form of an accumulator (plain data): persist it, send it between shards, restore it with
 * {@link restoreAccumulator}.
 *
 * @example
 * ```ts
 * const json: AccumulatorJSON = acc.toJSON();
 * json.version; //=> 1
 * ```
 */
export interface AccumulatorJSON {
  /** Format version. */
  readonly version: 1;
  /** Normalised options. */
  readonly options: NormalizedOptions;
  /** Groups by key, sorted. */
  readonly groups: readonly (readonly [string, GroupJSON])[];
}

/**
 * Options after defaults, as stored in {@link AccumulatorJSON}.
 *
 * @example
 * ```ts
 * const o: NormalizedOptions = { groupBy: [], bucket: null, timeZone: null, anchor: "created", exactLimit: 256, relativeAccuracy: 0.01, csat: "topTwoBox" };
 * ```
 */
export interface NormalizedOptions {
  /** Dimensions. */
  readonly groupBy: readonly GroupDimension[];
  /** Bucket unit or `null`. */
  readonly bucket: BucketUnit | null;
  /** Zone or `null`. */
  readonly timeZone: string | null;
  /** Anchor. */
  readonly anchor: BucketAnchor;
  /** Exact-store size limit. */
  readonly exactLimit: number;
  /** Sketch α. */
  readonly relativeAccuracy: number;
  /** Headline CSAT rule. */
  readonly csat: CsatRule;
}

/**
 * Serialised state of one group (counts, sums, histograms and percentile stores).
 *
 * @example
 * ```ts
 * const g: GroupJSON = acc.toJSON().groups[0]![1];
 * g.counts.length; //=> 11
 * ```
 */
export interface GroupJSON {
  /** Dimension values and bucket, in key order. */
  readonly key: readonly (string | null)[];
  /** created, solved, backlog, reopens, reopenedSolved, oneTouch, twoTouch, fcr, agentReplies, assignments, merged. */
  readonly counts: readonly number[];
  /** CSAT histogram (index 1–5). */
  readonly csat: readonly number[];
  /** NPS histogram (index 0–10). */
  readonly nps: readonly number[];
  /** CES histogram (index 1–7). */
  readonly ces: readonly number[];
  /** Tickets per channel. */
  readonly channels: Readonly<Record<string, number>>;
  /** Tickets per category. */
  readonly categories: Readonly<Record<string, number>>;
  /** `[met, total]` per SLA target. */
  readonly sla: Readonly<Record<string, readonly [number, number]>>;
  /** `[met, total]` per agent per target. */
  readonly slaByAgent: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
  /** Per metric: calendar then business stats, each `[count, sum, min, max, store]` or `null`. */
  readonly metrics: Readonly<Record<DurationMetric, readonly [StatJSON | null, StatJSON | null]>>;
}

/**
 * One duration statistic: count, sum, min, max and the percentile store (exact values or a sketch).
 *
 * @example
 * ```ts
 * const s: StatJSON = [2, 30, 10, 20, { values: [10, 20] }];
 * ```
 */
export type StatJSON = readonly [number, number, number, number, PercentileStoreJSON];

/**
 * A mergeable accumulator of ticket facts (a monoid: `merge` is associative and commutative, and a fresh
 * accumulator with the same options is its identity). Counts, sums and histograms merge exactly;
 * percentiles are exact up to `exactLimit` values per group and metric and within `relativeAccuracy`
 * beyond, through a DDSketch whose merge is exact.
 *
 * @example
 * ```ts
 * const acc: Accumulator = createAccumulator({ groupBy: ["channel"] });
 * acc.add(facts).result()[0]?.created; //=> 1
 * ```
 */
export interface Accumulator {
  /** Options after defaults. */
  readonly options: NormalizedOptions;
  /** Adds one ticket's facts; returns the accumulator. Throws ValidationError when `facts` is not TicketFacts. */
  add(facts: TicketFacts): Accumulator;
  /** Adds many tickets' facts; returns the accumulator. Throws ValidationError for a non-iterable or non-facts item. */
  addAll(facts: Iterable<TicketFacts>): Accumulator;
  /**
   * Adds another accumulator's contents into this one (the other is not changed); returns this one.
   * Throws MetricsError `ACCUMULATOR_MISMATCH` when the options differ, ValidationError when `other` is not one.
   */
  merge(other: Accumulator): Accumulator;
  /** The report: one entry per group, sorted by key. */
  result(): GroupResult[];
  /** Plain-data state, canonical: equal contents give deep-equal JSON whatever the order of adds and merges. */
  toJSON(): AccumulatorJSON;
  /** Bytes held by percentile stores, per group key (for capacity planning and the benchmark). */
  storeBytes(): Map<string, number>;
}

const PERCENTILES = [50, 90, 95];

// Counter slots.
const CREATED = 0;
const SOLVED = 1;
const BACKLOG = 2;
const REOPENS = 3;
const REOPENED_SOLVED = 4;
const ONE_TOUCH = 5;
const TWO_TOUCH = 6;
const FCR = 7;
const REPLIES = 8;
const ASSIGNMENTS = 9;
const MERGED = 10;
const COUNTERS = 11;

// Operations in a group's pending log, each with one number. 0–15 are the 16 duration statistics
// (8 metrics × calendar / business, stat i = 2·metric + business) with the duration.
const OP_CREATED = 16; // 4 · assignments + 1 (backlog) + 2 (merged)
const OP_SOLVED = 17; // 16 · agent replies + 1 (reopened) + 2 (one-touch) + 4 (two-touch) + 8 (FCR)
const OP_REOPENS = 18; // reopen count
const OP_CHANNEL = 19; // channel id
const OP_CATEGORY = 20; // category id
// One entry for both volumes while the ids fit (they are dense, so past a million categories they do not).
const CHANNELS_MAX = 4_096;
const CATEGORIES_MAX = 1_048_576;
const OP_VOLUME = 24; // CHANNELS_MAX · category id + channel id, when both ids are small enough
const OP_CSAT = 21; // score
const OP_NPS = 22; // score
const OP_CES = 23; // score

// The pending log is a byte stream of entries: an op byte (ops are below 32), then the number in the
// fewest bytes that hold it exactly, the op's top bits saying which: an unsigned integer below 2⁸ (SMALL,
// 2 bytes an entry: zeros, counts, scores), below 2²⁴ (MEDIUM, 4 bytes: durations under 4.6 hours) or
// below 2³² (5 bytes), else a float64 (WIDE, 9 bytes), so every number comes back bit for bit. Logs live
// in GroupLogs, which grows each up to LOG_MAX bytes, after which it is flushed: fewer bytes a ticket means
// fewer cache lines written and read back, and more tickets sharing each flush's cache misses.
const SMALL = 32;
const MEDIUM = 64;
const WIDE = 128;

/**
 * What the groups of one accumulator share: store options, the names behind channel and category ids, and
 * the groups' pending logs.
 */
interface GroupContext {
  readonly store: StoreOptions;
  readonly channels: string[];
  readonly categories: string[];
  readonly logs: GroupLogs;
}

/**
 * Writes one log entry at byte `at` and returns the position after it: the op and an unsigned integer in
 * 1, 3 or 4 bytes (2, 4 or 5 in all), or for any other number (fractions, negatives, −0, which would come
 * back as 0) the op with the WIDE flag and the exact double (9 bytes).
 */
function writeEntry(log: DataView, at: number, op: number, value: number): number {
  if (value >>> 0 === value && (value !== 0 || 1 / value > 0)) {
    // Small values (zeros, counts, flags) and durations under 4.6 hours take one store, op in the low byte.
    if (value < 256) {
      log.setUint16(at, op + SMALL + value * 256, true);
      return at + 2;
    }
    if (value < 16_777_216) {
      log.setUint32(at, op + MEDIUM + value * 256, true);
      return at + 4;
    }
    log.setUint8(at, op);
    log.setUint32(at + 1, value, true);
    return at + 5;
  }
  log.setUint8(at, op + WIDE);
  log.setFloat64(at + 1, value, true);
  return at + 9;
}

// One group's state. With thousands of groups every ticket lands in a group whose data is no longer in
// cache, and touching counters, two maps, 16 statistics and their stores cost a cache miss each. So adding a
// ticket only appends (op, number) entries to its log in GroupLogs, a few adjacent cache lines, and flush() later
// applies them in arrival order while the group's state is hot: counts, histograms, volumes, sums (the same
// additions in the same order), exactness and stores end exactly as if each had been applied at once.
// Everything that reads the state flushes first.
class Group {
  readonly counts = new Array<number>(COUNTERS).fill(0);
  readonly csat = [0, 0, 0, 0, 0, 0];
  readonly nps = new Array<number>(11).fill(0);
  readonly ces = new Array<number>(8).fill(0);
  readonly channels = new Map<string, number>();
  readonly categories = new Map<string, number>();
  readonly sla = new Map<string, [number, number]>();
  readonly slaByAgent = new Map<string, Map<string, [number, number]>>();
  // count, sum, min, max per duration statistic.
  private readonly nums = new Float64Array(64);
  private readonly stores: (QuantileStore | null)[] = [];
  /** Number of the group's log in `context.logs`; -1 until the accumulator keeps the group (see Engine). */
  num = -1;

  constructor(
    readonly key: readonly (string | null)[],
    private readonly context: GroupContext,
  ) {
    for (let i = 0; i < 16; i++) {
      this.nums[4 * i + 2] = Number.POSITIVE_INFINITY;
      this.nums[4 * i + 3] = Number.NEGATIVE_INFINITY;
      this.stores.push(null);
    }
  }

  flush(): void {
    const num = this.num;
    if (num < 0) return;
    const logs = this.context.logs;
    const log = logs.view(num);
    let k = logs.offset(num);
    const end = k + (logs.used[num] as number);
    logs.used[num] = 0;
    const n = this.nums;
    const c = this.counts;
    while (k < end) {
      let op = log.getUint8(k);
      let v: number;
      if (op < SMALL) {
        v = log.getUint32(k + 1, true);
        k += 5;
      } else if (op < MEDIUM) {
        op -= SMALL;
        v = log.getUint8(k + 1);
        k += 2;
      } else if (op < WIDE) {
        op -= MEDIUM;
        v = log.getUint32(k, true) >>> 8;
        k += 4;
      } else {
        op -= WIDE;
        v = log.getFloat64(k + 1, true);
        k += 9;
      }
      if (op < 16) {
        const o = 4 * op;
        n[o] = (n[o] as number) + 1;
        n[o + 1] = (n[o + 1] as number) + v;
        if (v < (n[o + 2] as number)) n[o + 2] = v;
        if (v > (n[o + 3] as number)) n[o + 3] = v;
        this.store(op).add(v);
        continue;
      }
      switch (op) {
        case OP_CREATED: {
          const bits = v % 4;
          c[CREATED] = (c[CREATED] as number) + 1;
          c[BACKLOG] = (c[BACKLOG] as number) + (bits & 1);
          c[MERGED] = (c[MERGED] as number) + (bits >> 1);
          c[ASSIGNMENTS] = (c[ASSIGNMENTS] as number) + (v - bits) / 4;
          break;
        }
        case OP_SOLVED: {
          const bits = v % 16;
          c[SOLVED] = (c[SOLVED] as number) + 1;
          c[REOPENED_SOLVED] = (c[REOPENED_SOLVED] as number) + (bits & 1);
          c[ONE_TOUCH] = (c[ONE_TOUCH] as number) + ((bits >> 1) & 1);
          c[TWO_TOUCH] = (c[TWO_TOUCH] as number) + ((bits >> 2) & 1);
          c[FCR] = (c[FCR] as number) + (bits >> 3);
          c[REPLIES] = (c[REPLIES] as number) + (v - bits) / 16;
          break;
        }
        case OP_REOPENS:
          c[REOPENS] = (c[REOPENS] as number) + v;
          break;
        case OP_VOLUME: {
          const channel = v % CHANNELS_MAX;
          this.addChannel(channel);
          this.addCategory((v - channel) / CHANNELS_MAX);
          break;
        }
        case OP_CHANNEL:
          this.addChannel(v);
          break;
        case OP_CATEGORY:
          this.addCategory(v);
          break;
        case OP_CSAT:
          this.csat[v] = (this.csat[v] as number) + 1;
          break;
        case OP_NPS:
          this.nps[v] = (this.nps[v] as number) + 1;
          break;
        case OP_CES:
          this.ces[v] = (this.ces[v] as number) + 1;
          break;
      }
    }
  }

  private addChannel(id: number): void {
    const name = this.context.channels[id] as string;
    this.channels.set(name, (this.channels.get(name) ?? 0) + 1);
  }

  private addCategory(id: number): void {
    const name = this.context.categories[id] as string;
    this.categories.set(name, (this.categories.get(name) ?? 0) + 1);
  }

  private store(i: number): QuantileStore {
    let store = this.stores[i];
    if (store === null || store === undefined) {
      store = new QuantileStore(this.context.store);
      this.stores[i] = store;
    }
    return store;
  }

  /**
   * Adds another group's statistics (both flushed) into this one's. Into a `fresh` group (one just made
   * to copy `from`), sums are copied rather than added to 0, so a −0 sum stays −0 as a restore keeps it.
   */
  mergeStats(from: Group, fresh: boolean): void {
    for (let i = 0; i < 16; i++) {
      const o = 4 * i;
      if (from.nums[o] === 0) continue;
      this.nums[o] = (this.nums[o] as number) + (from.nums[o] as number);
      this.nums[o + 1] = fresh
        ? (from.nums[o + 1] as number)
        : (this.nums[o + 1] as number) + (from.nums[o + 1] as number);
      this.nums[o + 2] = Math.min(this.nums[o + 2] as number, from.nums[o + 2] as number);
      this.nums[o + 3] = Math.max(this.nums[o + 3] as number, from.nums[o + 3] as number);
      this.store(i).merge(from.stores[i] as QuantileStore);
    }
  }

  /** Summary of statistic i (flushed). */
  summary(i: number): DurationSummary | null {
    const o = 4 * i;
    const count = this.nums[o] as number;
    if (count === 0) return null;
    const min = this.nums[o + 2] as number;
    const max = this.nums[o + 3] as number;
    const store = this.stores[i] as QuantileStore;
    const [median, p90, p95] = store.percentiles(PERCENTILES, count, min, max) as [number, number, number];
    return {
      count,
      mean: (this.nums[o + 1] as number) / count,
      median,
      p90,
      p95,
      min,
      max,
      exact: store.exact,
    };
  }

  /** JSON of statistic i (flushed). */
  statJSON(i: number): StatJSON | null {
    const o = 4 * i;
    const n = this.nums;
    if (n[o] === 0) return null;
    return [
      n[o] as number,
      n[o + 1] as number,
      n[o + 2] as number,
      n[o + 3] as number,
      (this.stores[i] as QuantileStore).toJSON(),
    ];
  }

  /** Sets statistic i of a new group from its JSON. */
  fill(i: number, json: StatJSON): void {
    const o = 4 * i;
    this.nums[o] = json[0];
    this.nums[o + 1] = json[1];
    this.nums[o + 2] = json[2];
    this.nums[o + 3] = json[3];
    this.stores[i] = QuantileStore.fromJSON(this.context.store, json[4]);
  }

  /** Bytes held for percentiles: the statistics array, the pending log's capacity and the stores. */
  get bytes(): number {
    this.flush();
    let bytes = this.nums.byteLength + (this.num < 0 ? 0 : (this.context.logs.capacity[this.num] as number));
    for (const s of this.stores) if (s !== null) bytes += s.bytes;
    return bytes;
  }
}

const NormalizedOptionsSchema = z.strictObject({
  groupBy: z
    .array(z.enum(DIMENSIONS as [GroupDimension, ...GroupDimension[]]))
    .refine((a) => new Set(a).size === a.length, "must not repeat a dimension"),
  bucket: z.enum(["day", "week", "month"]).nullable(),
  timeZone: z.string().refine(isValidTimeZone, "unknown IANA time zone").nullable(),
  anchor: z.enum(["created", "solved", "event"]),
  exactLimit: z.number().int().min(0).max(1_000_000),
  relativeAccuracy: z.number().gt(0).lt(1),
  csat: z.enum(["topTwoBox", "mean"]),
});

const OPTION_KEYS: readonly (keyof AccumulatorOptions)[] = [
  "groupBy",
  "bucket",
  "timeZone",
  "anchor",
  "exactLimit",
  "relativeAccuracy",
  "preset",
  "csat",
];

function normalize(options: AccumulatorOptions): NormalizedOptions {
  const subject = "accumulator options";
  if (typeof options !== "object" || options === null) fail(subject, "", "must be an object");
  // A misspelt key (`groupby`) would otherwise give an ungrouped report without a word.
  checkKeys(subject, "", options, OPTION_KEYS);
  if (options.groupBy !== undefined && !Array.isArray(options.groupBy)) {
    fail(subject, "groupBy", "must be an array of dimensions", "invalid_type");
  }
  if (options.preset !== undefined && !Object.hasOwn(METRIC_PRESETS, options.preset)) {
    fail(subject, "preset", `must be one of ${Object.keys(METRIC_PRESETS).join(", ")}`);
  }
  const normalized = {
    groupBy: [...(options.groupBy ?? [])],
    bucket: options.bucket ?? null,
    timeZone: options.timeZone ?? null,
    anchor: options.anchor ?? "created",
    exactLimit: options.exactLimit ?? 256,
    relativeAccuracy: options.relativeAccuracy ?? 0.01,
    csat: options.csat ?? METRIC_PRESETS[options.preset ?? "zendesk"].csat,
  };
  const parsed = parseOptions(normalized);
  if (parsed.bucket !== null && parsed.timeZone === null) {
    fail(subject, "timeZone", "is required with bucket (an IANA name such as Europe/Berlin)");
  }
  return parsed;
}

function parseOptions(input: unknown): NormalizedOptions {
  const result = NormalizedOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return fail("accumulator options", issue?.path.map(String).join(".") ?? "", issue?.message ?? "is invalid");
}

const NONE = "\u0000";
const SEP = "\u001f";

/**
 * Creates an empty accumulator: a mergeable, serialisable aggregate of {@link TicketFacts}, grouped by
 * dimensions and (optionally) local day / week / month buckets in an explicit IANA zone. Reports counts,
 * backlog and net flow, reopen / one-touch / FCR rates, volume by channel and category, mean / median /
 * p90 / p95 of every duration in calendar and business time, CSAT / NPS / CES, and SLA met share per target
 * and per agent. Accumulators built on shards and merged in any split and order report the same.
 *
 * @param options - `groupBy`, `bucket` + `timeZone`, `anchor`, `exactLimit`, `relativeAccuracy`, `preset` / `csat`
 * @returns an empty accumulator
 * @throws ValidationError (code `VALIDATION`) for an unknown option key (`groupby`), an unknown dimension, a repeated one, a bucket without a
 *   zone, an unknown zone or an out-of-range limit
 * @example
 * ```ts
 * const acc = createAccumulator({ groupBy: ["channel"], bucket: "week", timeZone: "Europe/Berlin" });
 * for (const log of logs) acc.add(ticketMetrics(log, { clock }));
 * acc.result()[0]?.metrics.firstReply.business?.median; //=> 1_800_000
 * ```
 */
export function createAccumulator(options: AccumulatorOptions = {}): Accumulator {
  return build(normalize(options), []);
}

// Facts are typed input and not re-parsed on this hot path; this catches `null` or a hole in an array, and,
// when buckets read instants, facts that went through JSON (instants as strings): otherwise a TypeError deep
// in the engine. Without buckets the instants are never read (each Date is a cache miss), so not checked.
function checkFacts(facts: TicketFacts, path: string, timed: boolean): void {
  if (typeof facts !== "object" || facts === null || (timed && !(facts.createdAt instanceof Date))) {
    fail(
      "ticket facts",
      path,
      "must be TicketFacts from ticketMetrics (with createdAt a Date)",
      "invalid_type",
    );
  }
}

// The engine behind each accumulator this package built, so that merging two reads one directly.
const engines = new WeakMap<Accumulator, Engine>();

function build(options: NormalizedOptions, initial: readonly (readonly [string, GroupJSON])[]): Accumulator {
  const engine = new Engine(options);
  const timed = options.bucket !== null;
  for (const [k, json] of initial) engine.put(k, groupFromJSON(json, engine.context));
  const acc: Accumulator = {
    options,
    add(facts) {
      checkFacts(facts, "facts", timed);
      engine.add(facts);
      return acc;
    },
    addAll(all) {
      if (typeof (all as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function") {
        fail(
          "ticket facts",
          "facts",
          "must be an iterable of TicketFacts (from ticketMetrics)",
          "invalid_type",
        );
      }
      let index = 0;
      for (const f of all) {
        checkFacts(f, `facts.${index++}`, timed);
        engine.add(f);
      }
      return acc;
    },
    merge(other) {
      if (
        typeof other !== "object" ||
        other === null ||
        typeof other.toJSON !== "function" ||
        typeof other.options !== "object"
      ) {
        fail("accumulator", "other", "must be an accumulator (from createAccumulator)", "invalid_type");
      }
      if (JSON.stringify(other.options) !== JSON.stringify(options)) {
        throw new MetricsError(
          "ACCUMULATOR_MISMATCH",
          "Cannot merge accumulators built with different options",
        );
      }
      const theirs = engines.get(other);
      if (theirs !== undefined && theirs !== engine) {
        // Another accumulator of this package: its groups are read directly, without a round trip
        // through JSON (a merge into itself takes that path, as it reads what it is changing).
        for (const [k, from] of theirs.flat) {
          const mine = engine.flat.get(k);
          if (mine !== undefined) {
            mergeGroup(mine, from);
            continue;
          }
          const copy = new Group(from.key, engine.context);
          mergeGroup(copy, from, true);
          engine.put(k, copy);
        }
        return acc;
      }
      // Groups only merged in and dropped allocate their own buffers, not ones from the pool that nothing
      // would hand back.
      const { pool: _, ...unpooled } = engine.context.store;
      const context = { ...engine.context, store: unpooled };
      for (const [k, json] of other.toJSON().groups) {
        const incoming = groupFromJSON(json, context);
        const mine = engine.flat.get(k);
        if (mine === undefined) engine.put(k, incoming);
        else mergeGroup(mine, incoming);
      }
      return acc;
    },
    result() {
      return sortedGroups(engine.flat).map(([, g]) => groupResult(g, options));
    },
    toJSON() {
      return {
        version: 1,
        options,
        groups: sortedGroups(engine.flat).map(([k, g]) => [k, groupToJSON(g)] as const),
      };
    },
    storeBytes() {
      const out = new Map<string, number>();
      for (const [k, g] of engine.flat) {
        out.set(k, g.bytes);
      }
      return out;
    },
  };
  engines.set(acc, engine);
  return acc;
}

// The groups of one combination of dimension values: one per local bucket, found by the bucket's numeric
// key (its first local day), and the group of the `null` bucket (or the only group without buckets).
class Combo {
  /** Number of the `null` bucket's group, -1 for none. */
  none = -1;
  readonly byBucket = new Map<number, number>();
  // The same groups in an array indexed by key − base, for keys up to DENSE_SPAN / 2 days either side of
  // the first one seen: reading an array slot is one cache line, where a Map lookup hashes and walks its
  // table (a miss or two per ticket with thousands of groups). Other keys are only in the Map.
  private base = 0;
  private readonly dense: number[] = [];
  constructor(readonly dimKey: string) {}

  /** Number of the group of bucket `key`, -1 for none. */
  get(key: number): number {
    const i = key - this.base;
    if (i >= 0 && i < this.dense.length) {
      const g = this.dense[i] as number;
      if (g >= 0) return g;
    }
    return this.byBucket.get(key) ?? -1;
  }

  set(key: number, g: number): void {
    this.byBucket.set(key, g);
    // Centred on the first bucket seen: facts arrive in any time order.
    if (this.byBucket.size === 1) this.base = key - DENSE_SPAN / 2;
    const i = key - this.base;
    if (i < 0 || i >= DENSE_SPAN) return;
    while (this.dense.length <= i) this.dense.push(-1);
    this.dense[i] = g;
  }
}
const DENSE_SPAN = 1_024;
type PathNode = Map<string | null, PathNode | Combo>;

// The hot path, written without per-call closures: adding a fact must stay in the microsecond range.
class Engine {
  readonly context: GroupContext;
  private readonly channelIds = new Map<string, number>();
  private readonly categoryIds = new Map<string, number>();
  readonly flat = new Map<string, Group>();
  /** The kept groups by number (their logs' numbers in `context.logs`). */
  private readonly groups: Group[] = [];
  private readonly logs: GroupLogs;
  private readonly combos = new Map<string, Combo>();
  private readonly paths: PathNode = new Map();
  private readonly bucketer: Bucketer | null;
  private readonly dims: readonly GroupDimension[];
  private readonly tagAt: number;
  private readonly event: boolean;

  constructor(private readonly options: NormalizedOptions) {
    this.context = {
      store: { exactLimit: options.exactLimit, alpha: options.relativeAccuracy, pool: new BufferPool() },
      channels: [],
      categories: [],
      logs: new GroupLogs(),
    };
    this.logs = this.context.logs;
    this.bucketer =
      options.bucket === null ? null : createBucketer(options.timeZone as string, options.bucket);
    this.dims = options.groupBy;
    this.tagAt = options.groupBy.indexOf("tag");
    this.event = options.anchor === "event";
  }

  private combo(dimKey: string): Combo {
    let combo = this.combos.get(dimKey);
    if (combo === undefined) {
      combo = new Combo(dimKey);
      this.combos.set(dimKey, combo);
    }
    return combo;
  }

  // Numbers a group the accumulator keeps (only those get a log: a group merged into another is dropped).
  private keep(group: Group): number {
    const num = this.logs.add();
    group.num = num;
    this.groups.push(group);
    return num;
  }

  put(flatKey: string, group: Group): void {
    const num = this.keep(group);
    this.flat.set(flatKey, group);
    const cut = this.bucketer === null ? flatKey.length : flatKey.lastIndexOf(SEP);
    const combo = this.combo(flatKey.slice(0, cut));
    const bucket = this.bucketer === null ? NONE : flatKey.slice(cut + 1);
    if (bucket === NONE) {
      combo.none = num;
      return;
    }
    // A label adds never produce (restored JSON may hold one) keeps its group out of their way, as before.
    const key = (this.bucketer as Bucketer).keyOfLabel(bucket);
    if (key !== null) combo.set(key, num);
  }

  // Appends one entry to group `num`'s log (see `writeEntry` for the encoding).
  private log(num: number, op: number, value: number): void {
    const logs = this.logs;
    if ((logs.used[num] as number) + 9 > (logs.capacity[num] as number)) this.makeRoom(num);
    const used = logs.used[num] as number;
    const at = logs.offset(num) + used;
    logs.used[num] = used + writeEntry(logs.view(num), at, op, value) - at;
  }

  // Appends a duration's calendar and business entries to group `num`'s log, with one room check.
  private duration(num: number, metric: number, d: MetricDuration): void {
    const business = d.businessMs;
    const logs = this.logs;
    if ((logs.used[num] as number) + 18 > (logs.capacity[num] as number)) this.makeRoom(num);
    const used = logs.used[num] as number;
    const view = logs.view(num);
    const at = logs.offset(num) + used;
    const u = writeEntry(view, at, 2 * metric, d.calendarMs);
    logs.used[num] = used + (business === null ? u : writeEntry(view, u, 2 * metric + 1, business)) - at;
  }

  private makeRoom(num: number): void {
    if (!this.logs.grow(num)) (this.groups[num] as Group).flush();
  }

  // The bucket key of an instant; `null` for the `null` bucket (no buckets, or no instant).
  private bucketOf(ms: number | null): number | null {
    return this.bucketer === null || ms === null ? null : this.bucketer.key(ms);
  }

  private dimValue(f: TicketFacts, d: GroupDimension, tag: string | null): string | null {
    switch (d) {
      case "channel":
        return f.channel;
      case "priority":
        return f.priority;
      case "agent":
        return f.assigneeId;
      case "group":
        return f.groupId;
      case "category":
        return f.category;
      case "tag":
        return tag;
    }
  }

  private dimKey(f: TicketFacts, tag: string | null): string {
    let k = "";
    for (let i = 0; i < this.dims.length; i++) {
      if (i > 0) k += SEP;
      k += this.dimValue(f, this.dims[i] as GroupDimension, tag) ?? NONE;
    }
    return k;
  }

  /** Number of the group of `combo` and `bucket`, created when new. */
  private group(combo: Combo, f: TicketFacts, tag: string | null, bucket: number | null): number {
    const g = bucket === null ? combo.none : combo.get(bucket);
    return g >= 0 ? g : this.createGroup(combo, f, tag, bucket);
  }

  private createGroup(combo: Combo, f: TicketFacts, tag: string | null, bucket: number | null): number {
    const values: (string | null)[] = this.dims.map((d) => this.dimValue(f, d, tag));
    const label = bucket === null ? NONE : (this.bucketer as Bucketer).labelOf(bucket);
    if (this.bucketer !== null) values.push(bucket === null ? null : label);
    const g = new Group(values, this.context);
    const num = this.keep(g);
    if (bucket === null) combo.none = num;
    else combo.set(bucket, num);
    this.flat.set(this.bucketer === null ? combo.dimKey : combo.dimKey + SEP + label, g);
    return num;
  }

  // The combo of a fact's dimension values (with `tag` for the tag dimension). Building the joined key per
  // fact would allocate a string and hash it every time, so a tree of Maps keyed by the values themselves
  // (hashes cached in the strings) remembers which combo each path of values has; the combo itself is still
  // found by the joined key, once per path, so groups are exactly those the joined key defines.
  // A small id for a channel or category name (dense, per accumulator), so the pending log holds numbers.
  private static id(ids: Map<string, number>, names: string[], name: string): number {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      ids.set(name, id);
    }
    return id;
  }

  private comboOf(f: TicketFacts, tag: string | null): Combo {
    let node = this.paths;
    const last = this.dims.length - 1;
    for (let i = 0; i < last; i++) {
      const v = this.dimValue(f, this.dims[i] as GroupDimension, tag);
      let next = node.get(v) as PathNode | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(v, next);
      }
      node = next;
    }
    const v = last < 0 ? null : this.dimValue(f, this.dims[last] as GroupDimension, tag);
    let combo = node.get(v) as Combo | undefined;
    if (combo === undefined) {
      combo = this.combo(this.dimKey(f, tag));
      node.set(v, combo);
    }
    return combo;
  }

  add(f: TicketFacts): void {
    if (this.tagAt < 0 || f.tags.length === 0) {
      this.addCombo(f, this.comboOf(f, null), null);
    } else {
      for (const tag of f.tags) this.addCombo(f, this.comboOf(f, tag), tag);
    }
  }

  /** The group of the bucket holding instant `ms` (with the `event` anchor). */
  private groupAt(combo: Combo, f: TicketFacts, tag: string | null, ms: number): number {
    return this.group(combo, f, tag, this.bucketOf(ms));
  }

  private addCombo(f: TicketFacts, combo: Combo, tag: string | null): void {
    // Instants are read only where a time bucket needs them: each Date is a cache miss. Without buckets,
    // or with the created / solved anchor, everything lands in one group per combination.
    const timed = this.bucketer !== null;
    const anchor = this.options.anchor;
    const event = timed && this.event;
    const solved = f.solvedAt !== null;
    const created = timed ? f.createdAt.getTime() : 0;
    const solvedAt = solved && (anchor === "solved" || event) ? (f.solvedAt as Date).getTime() : null;
    const gc = this.group(
      combo,
      f,
      tag,
      timed ? this.bucketOf(anchor === "solved" ? solvedAt : created) : null,
    );
    const unsolved = f.status !== "solved" && f.status !== "closed";
    this.log(gc, OP_CREATED, 4 * f.assignments + (unsolved ? 1 : 0) + (f.merged ? 2 : 0));
    const channel = Engine.id(this.channelIds, this.context.channels, f.channel);
    const category = Engine.id(this.categoryIds, this.context.categories, f.category ?? "(none)");
    if (channel < CHANNELS_MAX && category < CATEGORIES_MAX) {
      this.log(gc, OP_VOLUME, category * CHANNELS_MAX + channel);
    } else {
      this.log(gc, OP_CHANNEL, channel);
      this.log(gc, OP_CATEGORY, category);
    }

    const go = event ? this.groupAt(combo, f, tag, solvedAt ?? created) : gc;
    if (solved) {
      const bits =
        (f.reopens > 0 ? 1 : 0) +
        (f.oneTouch ? 2 : 0) +
        (f.twoTouch ? 4 : 0) +
        (f.firstContactResolved ? 8 : 0);
      this.log(go, OP_SOLVED, 16 * f.agentReplies + bits);
    }
    this.duration(go, 4, f.requesterWait);
    this.duration(go, 5, f.agentWait);
    this.duration(go, 6, f.onHold);
    this.duration(go, 7, f.agentWork);
    if (f.sla !== undefined) addSla(this.groups[go] as Group, f);
    if (f.firstReply !== null) {
      const at = event && f.firstReplyAt !== null ? f.firstReplyAt.getTime() : created;
      this.duration(event ? this.groupAt(combo, f, tag, at) : gc, 0, f.firstReply);
    }
    if (event) for (const r of f.replies) this.duration(this.groupAt(combo, f, tag, r.at.getTime()), 1, r);
    else for (const r of f.replies) this.duration(gc, 1, r);
    if (f.firstResolution !== null) {
      const at = event && f.firstSolvedAt !== null ? f.firstSolvedAt.getTime() : created;
      this.duration(event ? this.groupAt(combo, f, tag, at) : gc, 2, f.firstResolution);
    }
    if (event)
      for (const r of f.resolutions) this.duration(this.groupAt(combo, f, tag, r.at.getTime()), 3, r);
    else for (const r of f.resolutions) this.duration(gc, 3, r);
    if (f.reopens > 0) {
      if (event) {
        for (const r of f.reopenedAt) this.log(this.groupAt(combo, f, tag, r.getTime()), OP_REOPENS, 1);
      } else {
        this.log(gc, OP_REOPENS, f.reopens);
      }
    }
    if (f.csat !== null || f.nps !== null || f.ces !== null) {
      const at = event && f.ratedAt !== null ? f.ratedAt.getTime() : created;
      const gr = event ? this.groupAt(combo, f, tag, at) : gc;
      if (f.csat !== null) this.log(gr, OP_CSAT, f.csat);
      if (f.nps !== null) this.log(gr, OP_NPS, f.nps);
      if (f.ces !== null) this.log(gr, OP_CES, f.ces);
    }
  }
}

function addSla(g: Group, f: TicketFacts): void {
  for (const o of f.sla ?? []) {
    const s = g.sla.get(o.target) ?? [0, 0];
    if (o.met) s[0]++;
    s[1]++;
    g.sla.set(o.target, s);
    const agent = (o.agentId === undefined ? f.assigneeId : o.agentId) ?? "(unassigned)";
    let byTarget = g.slaByAgent.get(agent);
    if (byTarget === undefined) {
      byTarget = new Map();
      g.slaByAgent.set(agent, byTarget);
    }
    const a = byTarget.get(o.target) ?? [0, 0];
    if (o.met) a[0]++;
    a[1]++;
    byTarget.set(o.target, a);
  }
}

function sortedGroups(groups: Map<string, Group>): [string, Group][] {
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function mergeGroup(into: Group, from: Group, fresh = false): void {
  into.flush();
  from.flush();
  for (let i = 0; i < COUNTERS; i++) into.counts[i] = (into.counts[i] as number) + (from.counts[i] as number);
  from.csat.forEach((c, i) => {
    into.csat[i] = (into.csat[i] as number) + c;
  });
  from.nps.forEach((c, i) => {
    into.nps[i] = (into.nps[i] as number) + c;
  });
  from.ces.forEach((c, i) => {
    into.ces[i] = (into.ces[i] as number) + c;
  });
  for (const [k, v] of from.channels) into.channels.set(k, (into.channels.get(k) ?? 0) + v);
  for (const [k, v] of from.categories) into.categories.set(k, (into.categories.get(k) ?? 0) + v);
  const addShare = (m: Map<string, [number, number]>, k: string, v: readonly [number, number]) => {
    const s = m.get(k) ?? [0, 0];
    m.set(k, [s[0] + v[0], s[1] + v[1]]);
  };
  for (const [k, v] of from.sla) addShare(into.sla, k, v);
  for (const [agent, targets] of from.slaByAgent) {
    let m = into.slaByAgent.get(agent);
    if (m === undefined) {
      m = new Map();
      into.slaByAgent.set(agent, m);
    }
    for (const [k, v] of targets) addShare(m, k, v);
  }
  into.mergeStats(from, fresh);
}

const sortedRecord = <V, W>(m: Map<string, V>, f: (v: V) => W): Record<string, W> => {
  const out: Record<string, W> = {};
  for (const k of [...m.keys()].sort()) out[k] = f(m.get(k) as V);
  return out;
};

function groupToJSON(g: Group): GroupJSON {
  g.flush();
  const metrics = {} as Record<DurationMetric, readonly [StatJSON | null, StatJSON | null]>;
  METRICS.forEach((name, i) => {
    metrics[name] = [g.statJSON(2 * i), g.statJSON(2 * i + 1)];
  });
  return {
    key: [...g.key],
    counts: [...g.counts],
    csat: [...g.csat],
    nps: [...g.nps],
    ces: [...g.ces],
    channels: sortedRecord(g.channels, (v) => v),
    categories: sortedRecord(g.categories, (v) => v),
    sla: sortedRecord(g.sla, (v) => [v[0], v[1]] as const),
    slaByAgent: sortedRecord(g.slaByAgent, (m) => sortedRecord(m, (v) => [v[0], v[1]] as const)),
    metrics,
  };
}

function groupFromJSON(json: GroupJSON, context: GroupContext): Group {
  const g = new Group(json.key, context);
  json.counts.forEach((c, i) => {
    g.counts[i] = c;
  });
  json.csat.forEach((c, i) => {
    g.csat[i] = c;
  });
  json.nps.forEach((c, i) => {
    g.nps[i] = c;
  });
  json.ces.forEach((c, i) => {
    g.ces[i] = c;
  });
  for (const [k, v] of Object.entries(json.channels)) g.channels.set(k, v);
  for (const [k, v] of Object.entries(json.categories)) g.categories.set(k, v);
  for (const [k, v] of Object.entries(json.sla)) g.sla.set(k, [v[0], v[1]]);
  for (const [agent, targets] of Object.entries(json.slaByAgent)) {
    g.slaByAgent.set(agent, new Map(Object.entries(targets).map(([k, v]) => [k, [v[0], v[1]]])));
  }
  METRICS.forEach((name, i) => {
    const [cal, bus] = json.metrics[name];
    if (cal !== null) g.fill(2 * i, cal);
    if (bus !== null) g.fill(2 * i + 1, bus);
  });
  return g;
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const shares = (m: Map<string, [number, number]>): Record<string, SlaShare> =>
  sortedRecord(m, ([met, total]) => ({ met, total, share: met / total }));

function groupResult(g: Group, options: NormalizedOptions): GroupResult {
  g.flush();
  const key: GroupKey = {};
  options.groupBy.forEach((d, i) => {
    key[d] = g.key[i] ?? null;
  });
  if (options.bucket !== null) key.bucket = g.key[options.groupBy.length] ?? null;
  const c = g.counts as number[];
  const solved = c[SOLVED] as number;
  const metrics = {} as Record<DurationMetric, MetricSummary>;
  METRICS.forEach((name, i) => {
    metrics[name] = { calendar: g.summary(2 * i), business: g.summary(2 * i + 1) };
  });
  const csat = csatFromHistogram(g.csat, undefined, 0.95);
  return {
    key,
    created: c[CREATED] as number,
    solved,
    backlog: c[BACKLOG] as number,
    netFlow: (c[CREATED] as number) - solved,
    reopens: c[REOPENS] as number,
    reopenRate: rate(c[REOPENED_SOLVED] as number, solved),
    oneTouchRate: rate(c[ONE_TOUCH] as number, solved),
    twoTouchRate: rate(c[TWO_TOUCH] as number, solved),
    fcrRate: rate(c[FCR] as number, solved),
    repliesPerSolved: rate(c[REPLIES] as number, solved),
    volumeByChannel: sortedRecord(g.channels, (v) => v),
    volumeByCategory: sortedRecord(g.categories, (v) => v),
    metrics,
    csat: {
      ...csat,
      score: options.csat === "mean" ? csat.mean : csat.share === null ? null : csat.share * 100,
    },
    nps: npsFromHistogram(g.nps, 0.95),
    ces: cesFromHistogram(g.ces, 0.95),
    sla: shares(g.sla),
    slaByAgent: sortedRecord(g.slaByAgent, shares),
  };
}

// zod 4's z.number() already refuses NaN and ±Infinity; no per-element refinements, restores are large.
const count = z.number().int().nonnegative();
const finiteNumber = z.number();
const StoreSchema = z.union([
  z.strictObject({ values: z.array(z.number().nonnegative()) }),
  z.strictObject({
    sketch: z.strictObject({ zero: count, minKey: z.number().int(), counts: z.array(count).max(100_000) }),
  }),
]);
const StatSchema = z.tuple([count, finiteNumber, finiteNumber, finiteNumber, StoreSchema]).nullable();
const pair = z.tuple([count, count]);
const GroupSchema = z.strictObject({
  key: z.array(z.string().nullable()),
  counts: z.array(count).length(COUNTERS),
  csat: z.array(count).length(6),
  nps: z.array(count).length(11),
  ces: z.array(count).length(8),
  channels: z.record(z.string(), count),
  categories: z.record(z.string(), count),
  sla: z.record(z.string(), pair),
  slaByAgent: z.record(z.string(), z.record(z.string(), pair)),
  metrics: z.strictObject(
    Object.fromEntries(METRICS.map((m) => [m, z.tuple([StatSchema, StatSchema])])) as Record<
      DurationMetric,
      z.ZodTuple<[typeof StatSchema, typeof StatSchema]>
    >,
  ),
});
const AccumulatorJSONSchema = z.strictObject({
  version: z.literal(1),
  options: NormalizedOptionsSchema,
  groups: z.array(z.tuple([z.string(), GroupSchema])),
});

/**
 * Restores an accumulator from its {@link AccumulatorJSON} (for example after `JSON.parse`), validating it.
 * The restored accumulator reports, serialises and merges exactly like the original.
 *
 * @param json - the output of `toJSON()`, possibly after a round trip through JSON text
 * @returns the accumulator
 * @throws ValidationError (code `VALIDATION`) naming the first field that does not fit the format
 * @example
 * ```ts
 * const copy = restoreAccumulator(JSON.parse(JSON.stringify(acc)));
 * copy.result(); // deep-equals acc.result()
 * ```
 */
export function restoreAccumulator(json: unknown): Accumulator {
  const result = AccumulatorJSONSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail("accumulator JSON", issue?.path.map(String).join(".") ?? "", issue?.message ?? "is invalid");
  }
  const data = result.data;
  if (data.options.bucket !== null && data.options.timeZone === null) {
    fail("accumulator JSON", "options.timeZone", "is required with bucket");
  }
  for (const [k, g] of data.groups) {
    const expected = data.options.groupBy.length + (data.options.bucket === null ? 0 : 1);
    if (g.key.length !== expected) fail("accumulator JSON", `groups.${k}.key`, `must have ${expected} parts`);
  }
  return build(data.options as NormalizedOptions, data.groups as unknown as (readonly [string, GroupJSON])[]);
}
