/**
 * `@supportkit/routing`: skill-, language-, capacity-, shift- and priority-aware routing of support work,
 * with strategies, a work-conserving priority queue, sticky routing, skill relaxation, fair limits, batch
 * drains, keyword triage, and an explanation for every decision.
 *
 * @packageDocumentation
 */

// Agents and work items
export type { RoutingAgent, RoutingAgentInput } from "./agent";
export { parseRoutingAgent, RoutingAgentSchema } from "./agent";
export type { CandidateExplanation, DecisionReason, RankingKey, RoutingDecision } from "./decision";
export type { CheckEligibilityOptions, RejectionCode } from "./eligibility";
export { checkEligibility, REJECTION_CODES } from "./eligibility";
// Errors
export type { RoutingErrorCode } from "./errors";
export { RoutingError } from "./errors";
export type { Assignment, RoutingEventMap } from "./events";
export { explainCandidates } from "./explainCandidates";
// Matching rules
export { languageMatches } from "./language";
// Strategies and decisions
export type {
  AgentView,
  FairLimit,
  LoadMeasure,
  QueueWeights,
  RoutingOptions,
  RoutingStrategy,
  ScoreFunction,
} from "./options";
export { DEFAULT_QUEUE_WEIGHTS, ROUTING_STRATEGIES } from "./options";
export type { PickAgentOptions } from "./pickAgent";
export { pickAgent } from "./pickAgent";
export type { EffectiveRequirements, EffectiveSkill } from "./relaxation";
export { effectiveRequirements } from "./relaxation";
export { createRouter } from "./router";
// The router
export type {
  CandidateExplanations,
  DispatchOptions,
  DispatchResult,
  QueuedItem,
  Router,
  RouterOptions,
} from "./routerTypes";
export type { RouterSnapshot, SnapshotAgent, SnapshotItem } from "./snapshot";
export { RouterSnapshotSchema } from "./snapshot";

// Triage
export type { LanguageDetector, TriageMatch, TriageOptions, TriageResult } from "./triage";
export { triage } from "./triage";
export type { TriageLanguage, TriageRule } from "./triageRules";
export { DEFAULT_TRIAGE_RULES, TRIAGE_RULES, TRIAGE_SKILLS } from "./triageRules";
export type { RequiredSkill, WorkItem, WorkItemFromTicketOptions, WorkItemInput } from "./workItem";
export { parseWorkItem, RequiredSkillSchema, WorkItemSchema, workItemFromTicket } from "./workItem";
