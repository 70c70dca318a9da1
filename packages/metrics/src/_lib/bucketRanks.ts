import { select } from "./select";

// Order statistics of a large sample by bucketing instead of repeated partitioning. The high 32 bits of a
// double, with the sign handled, order like the values themselves and grow roughly with their logarithm,
// so equal-width buckets over them split skewed data (durations, amounts) about as evenly as flat data.
// One pass counts the values per bucket, which tells which bucket holds each wanted rank; a second pass
// copies out only those buckets, and a selection within each finishes. Both passes are plain loops with
// predictable branches, where quickselect mispredicts about once per element and pass.

/** Index of a double's high word in a Uint32Array view of a Float64Array (platform byte order). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/** Below this many values quickselect alone is as fast. */
export const BUCKET_MIN = 16_384;
/** Bucket counts up to this size reuse one pair of tables; a call never returns with them in use. */
const SHARED_BUCKETS = 4_096;
let sharedCounts = new Int32Array(0);
let sharedLists = new Int32Array(0);

/** A high word as an unsigned key that orders like the value (sign bit flipped, or every bit). */
function keyOf(high: number): number {
  return (high ^ ((high >> 31) | 0x80000000)) >>> 0;
}

function keyOfValue(value: number): number {
  BITS[0] = value;
  return keyOf(WORDS[HIGH] as number);
}

/**
 * The values at the given 0-based `ranks` (ascending, distinct, each below `values.length`) of the sorted
 * sample: a copy of finite numbers, checked by the caller, with `min` and `max` its smallest and largest.
 * `null` when bucketing cannot narrow the search enough (the wanted buckets hold over a quarter of the
 * values): the caller then selects over the whole sample.
 */
export function valuesAtRanks(
  values: Float64Array,
  ranks: readonly number[],
  min: number,
  max: number,
): number[] | null {
  const n = values.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // -0 keys below +0: a minimum of zero takes the smaller key, a maximum of zero the larger.
  const low = keyOfValue(min === 0 ? -0 : min);
  const range = keyOfValue(max === 0 ? 0 : max) - low;
  // About eight values a bucket on average; a power-of-two width makes the index a subtraction and a shift.
  const wanted = Math.max(64, Math.min(1 << 16, n >>> 3));
  const shift = Math.max(0, 32 - Math.clz32(Math.floor(range / wanted)));
  const buckets = Math.floor(range / 2 ** shift) + 1;
  let counts: Int32Array;
  let listOf: Int32Array;
  if (buckets <= SHARED_BUCKETS) {
    if (sharedCounts.length === 0) {
      sharedCounts = new Int32Array(SHARED_BUCKETS);
      sharedLists = new Int32Array(SHARED_BUCKETS);
    }
    counts = sharedCounts;
    listOf = sharedLists;
    counts.fill(0, 0, buckets);
  } else {
    counts = new Int32Array(buckets);
    listOf = new Int32Array(buckets);
  }
  listOf.fill(-1, 0, buckets);

  for (let i = 0; i < n; i++) {
    const bucket = (keyOf(words[2 * i + HIGH] as number) - low) >>> shift;
    counts[bucket] = (counts[bucket] as number) + 1;
  }

  // Which bucket holds each rank, and how many values come before that bucket.
  const bucketOfRank: number[] = [];
  const before: number[] = [];
  let bucket = 0;
  let seen = 0;
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r] as number;
    while (seen + (counts[bucket] as number) <= rank) seen += counts[bucket++] as number;
    bucketOfRank.push(bucket);
    before.push(seen);
  }

  // The wanted buckets' values; a bucket wanted by several ranks is copied once.
  const lists: number[][] = [];
  let copied = 0;
  for (const b of bucketOfRank) {
    if (listOf[b] !== -1) continue;
    listOf[b] = lists.length;
    lists.push([]);
    copied += counts[b] as number;
  }
  if (copied * 4 > n) return null;
  for (let i = 0; i < n; i++) {
    const list = listOf[(keyOf(words[2 * i + HIGH] as number) - low) >>> shift] as number;
    if (list !== -1) (lists[list] as number[]).push(values[i] as number);
  }

  const out: number[] = [];
  for (let r = 0; r < ranks.length; r++) {
    const b = bucketOfRank[r] as number;
    const list = lists[listOf[b] as number] as number[];
    const local = (ranks[r] as number) - (before[r] as number);
    // Ranks ascend: a later rank in the same bucket is selected among the values above the earlier one.
    const from =
      r > 0 && bucketOfRank[r - 1] === b ? (ranks[r - 1] as number) - (before[r] as number) + 1 : 0;
    select(list, local, from, list.length - 1);
    out.push(list[local] as number);
  }
  signZeros(values, ranks, out);
  return out;
}

// Selection compares -0 and +0 as equal, so a zero found in a bucket holding both may carry either sign;
// the sorted sample has every -0 before every +0. Rare (a zero at a wanted rank), so counting is cheap.
function signZeros(values: Float64Array, ranks: readonly number[], out: number[]): void {
  if (!out.includes(0)) return;
  let belowPositiveZero = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0 || Object.is(v, -0)) belowPositiveZero++;
  }
  for (let r = 0; r < out.length; r++) {
    if (out[r] === 0) out[r] = (ranks[r] as number) < belowPositiveZero ? -0 : 0;
  }
}
