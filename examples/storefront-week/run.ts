// One run of the storefront week, without I/O: used by index.ts and by the browser test.
import { analyse, type Summary } from "./analyse";
import { renderReport } from "./report";
import { type SimulationProgress, simulateWeek } from "./simulate";
import { formatSummary } from "./summary";

/** The simulated week: Monday 29 December 2025 to Sunday 4 January 2026 (UTC), with New Year's Day in all three teams' calendars and China's make-up workday on Sunday 4 January. */
export const WEEK_START = new Date("2025-12-29T00:00:00Z");

export interface RunOptions {
  readonly tickets?: number;
  readonly seed?: number;
  readonly onProgress?: (progress: SimulationProgress) => void;
}

export interface RunResult {
  readonly summary: Summary;
  readonly text: string;
  readonly html: string;
}

export function runStorefrontWeek(options: RunOptions = {}): RunResult {
  const seed = options.seed ?? 42;
  const sim = simulateWeek({
    tickets: options.tickets ?? 3000,
    seed,
    start: WEEK_START,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const summary = analyse(sim, seed);
  return { summary, text: formatSummary(summary), html: renderReport(summary) };
}
