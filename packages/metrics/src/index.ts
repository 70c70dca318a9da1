/**
 * `@supportkit/metrics`: support metrics as the leading help desks define them, computed from the core
 * event log (first and next reply times, resolution, waits, reopens, one-touch), in calendar and business
 * time; mergeable accumulators with exact or sketched percentiles; CSAT, NPS and CES; contact-centre
 * formulas; and Erlang C / Erlang A staffing.
 *
 * @packageDocumentation
 */

export type { AbandonmentInput, AbandonmentOptions, AbandonmentResult } from "./abandonmentRate";
export { abandonmentRate } from "./abandonmentRate";
// Accumulators and export
export type {
  Accumulator,
  AccumulatorJSON,
  AccumulatorOptions,
  BucketAnchor,
  BucketUnit,
  DurationMetric,
  DurationSummary,
  GroupDimension,
  GroupJSON,
  GroupKey,
  GroupResult,
  MetricSummary,
  NormalizedOptions,
  PercentileStoreJSON,
  SketchJSON,
  SlaShare,
  StatJSON,
} from "./accumulator";
export { createAccumulator, restoreAccumulator } from "./accumulator";
export type { AgentsRequiredInput, AgentsRequiredResult } from "./agentsRequired";
export { agentsRequired } from "./agentsRequired";
export type { AsyncAgentsRequiredInput } from "./asyncAgentsRequired";
export { asyncAgentsRequired } from "./asyncAgentsRequired";
export type { AverageHandleTimeResult, HandledContact } from "./averageHandleTime";
export { averageHandleTime } from "./averageHandleTime";
export type { CesOptions, CesResult } from "./ces";
export { ces } from "./ces";
// Satisfaction scores
export type { ConfidenceInterval, CsatOptions, CsatResult } from "./csat";
export { csat } from "./csat";
export type { ErlangAInput, ErlangAResult } from "./erlangA";
export { erlangA } from "./erlangA";
// Staffing
export type { ErlangCInput, ErlangCResult } from "./erlangC";
export { erlangC } from "./erlangC";
// Errors
export type { MetricsErrorCode } from "./errors";
export { MetricsError } from "./errors";
// Contact-centre formulas
export type {
  Contact,
  FirstContactResolutionOptions,
  FirstContactResolutionResult,
} from "./firstContactResolution";
export { firstContactResolution } from "./firstContactResolution";
export type { NpsOptions, NpsResult } from "./nps";
export { nps } from "./nps";
export type { AgentTime, OccupancyResult } from "./occupancy";
export { occupancy } from "./occupancy";
// Percentiles
export type { PercentileMethod, PercentileOptions } from "./percentile";
export { percentile, percentiles } from "./percentile";
// Per-ticket metrics from the event log
export type {
  CsatRule,
  FirstReplyStart,
  MetricDefinitions,
  MetricPreset,
  OneTouchRule,
  ResolutionRule,
} from "./presets";
export { METRIC_PRESETS } from "./presets";
export type {
  ServiceLevelCounts,
  ServiceLevelFormula,
  ServiceLevelOptions,
  ServiceLevelResult,
} from "./serviceLevel";
export { serviceLevel } from "./serviceLevel";
export type {
  MetricDuration,
  SlaOutcome,
  TicketFacts,
  TicketMetricsOptions,
  TimedDuration,
} from "./ticketMetrics";
export { resolveDefinitions, ticketMetrics, withSla } from "./ticketMetrics";
export type { CsvOptions, TicketRow } from "./ticketRows";
export { toCsv, toRows } from "./ticketRows";
