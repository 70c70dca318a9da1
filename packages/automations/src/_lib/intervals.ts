/** A union of disjoint half-open intervals [start, end) of epoch ms, sorted. */
export type IntervalSet = readonly (readonly [number, number])[];

export const EVERYTHING: IntervalSet = [[Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]];
export const NOTHING: IntervalSet = [];

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i] as readonly [number, number];
    const [bStart, bEnd] = b[j] as readonly [number, number];
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (start < end) out.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [start, end] of all) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

export function complement(a: IntervalSet): IntervalSet {
  const out: [number, number][] = [];
  let cursor = Number.NEGATIVE_INFINITY;
  for (const [start, end] of a) {
    if (start > cursor) out.push([cursor, start]);
    cursor = end;
  }
  if (cursor < Number.POSITIVE_INFINITY) out.push([cursor, Number.POSITIVE_INFINITY]);
  return out;
}

/** The first instant at or after `from` inside the set, or `undefined`. */
export function firstAtOrAfter(set: IntervalSet, from: number): number | undefined {
  for (const [start, end] of set) {
    if (end > from) return Math.max(start, from);
  }
  return undefined;
}
