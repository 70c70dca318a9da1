import { fail, finite, inRange, positive } from "./validate";

/** Erlang B blocking probability by the stable recursion B(k) = A·B(k−1) / (k + A·B(k−1)); no factorials. */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Erlang C probability of waiting from the Erlang B value; 1 when the queue is not stable. */
export function erlangCFromB(agents: number, traffic: number, b: number): number {
  if (agents <= traffic) return 1;
  return (agents * b) / (agents - traffic * (1 - b));
}

/**
 * Every field any staffing function reads. Each accepts all of them, so one scenario object can be spread into
 * `agentsRequired`, then `erlangC({ ...scenario, agents })` and `erlangA`; a key outside the list is a typo
 * (`shrinkge`) that would silently fall back to a default, and is rejected.
 */
export const STAFFING_KEYS: readonly string[] = [
  "arrivalRatePerHour",
  "ahtSeconds",
  "agents",
  "targetAnswerSeconds",
  "targetServiceLevel",
  "maxOccupancy",
  "shrinkage",
  "targetAverageSpeedOfAnswerSeconds",
  "patienceSeconds",
  "responseTargetHours",
];

export interface QueueInput {
  readonly lambda: number; // arrivals per second
  readonly aht: number; // seconds
  readonly traffic: number; // erlangs
}

export function readQueue(
  subject: string,
  input: { arrivalRatePerHour: unknown; ahtSeconds: unknown },
): QueueInput {
  if (typeof input !== "object" || input === null) fail(subject, "", "must be an object");
  const rate = finite(subject, "arrivalRatePerHour", input.arrivalRatePerHour);
  if (rate < 0) fail(subject, "arrivalRatePerHour", `must not be negative (got ${rate})`, "out_of_range");
  const aht = positive(subject, "ahtSeconds", input.ahtSeconds);
  const traffic = (rate * aht) / 3600;
  if (traffic > 1e7)
    fail(
      subject,
      "arrivalRatePerHour",
      "offered traffic above 10,000,000 erlangs is not supported",
      "out_of_range",
    );
  return { lambda: rate / 3600, aht, traffic };
}

export function readAgents(subject: string, value: unknown): number {
  const n = inRange(subject, "agents", value, 1, 1e7);
  if (!Number.isInteger(n)) fail(subject, "agents", `must be a whole number (got ${n})`, "not_integer");
  return n;
}

export function readTarget(subject: string, value: unknown): number {
  const t = finite(subject, "targetAnswerSeconds", value);
  if (t < 0) fail(subject, "targetAnswerSeconds", `must not be negative (got ${t})`, "out_of_range");
  return t;
}
