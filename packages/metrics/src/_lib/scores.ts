import { zFor } from "./normal";
import { fail, inRange } from "./validate";

/** Checks every score is a whole number in [min, max] and returns a histogram indexed by score. */
export function histogramOf(subject: string, scores: readonly number[], min: number, max: number): number[] {
  if (!Array.isArray(scores)) fail(subject, "scores", "must be an array of whole numbers");
  const hist = new Array<number>(max + 1).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (typeof s !== "number" || !Number.isInteger(s)) {
      fail(
        subject,
        `scores.${i}`,
        `must be a whole number from ${min} to ${max} (got ${String(s)})`,
        "not_integer",
      );
    }
    if (s < min || s > max) {
      fail(subject, `scores.${i}`, `must be from ${min} to ${max} (got ${s})`, "out_of_range");
    }
    hist[s] = (hist[s] as number) + 1;
  }
  return hist;
}

export function levelOf(subject: string, level: number | undefined): number {
  return level === undefined
    ? 0.95
    : inRange(subject, "confidenceLevel", level, 0, 1, { minExclusive: true, maxExclusive: true });
}

export interface Interval {
  readonly level: number;
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval of a share `k / n` (good for small n and shares near 0 or 1). */
export function wilson(k: number, n: number, level: number): Interval | null {
  if (n === 0) return null;
  const z = zFor(level);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { level, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Normal interval of the mean from a histogram (sample standard deviation); `null` below two values. */
export function meanInterval(
  hist: readonly number[],
  level: number,
  min: number,
  max: number,
): Interval | null {
  let n = 0;
  let sum = 0;
  for (let s = 0; s < hist.length; s++) {
    const c = hist[s] as number;
    n += c;
    sum += c * s;
  }
  if (n < 2) return null;
  const mean = sum / n;
  let ss = 0;
  for (let s = 0; s < hist.length; s++) ss += (hist[s] as number) * (s - mean) ** 2;
  const half = zFor(level) * Math.sqrt(ss / (n - 1) / n);
  return { level, low: Math.max(min, mean - half), high: Math.min(max, mean + half) };
}
