/**
 * `@supportkit/automations`: triggers, time-based automations and multi-step workflows as JSON data.
 * Rules and workflows produce core ticket events and commands; the caller stores and carries them out.
 * Business time comes in as a core `BusinessClock`, replies through an injected renderer.
 *
 * @packageDocumentation
 */

// Running rules
export type { FieldValue } from "./_lib/read";
export { type Action, ActionSchema } from "./actions";
export {
  type AutomationRunResult,
  type AutomationState,
  type AutomationStateJSON,
  automationStateToJSON,
  createAutomationState,
  type FiredRecord,
  nextMatchAt,
  type RunAutomationsOptions,
  restoreAutomationState,
  runAutomations,
} from "./automations";
export type {
  AutomationCommand,
  RenderedReply,
  ReplyRenderer,
  ReplyRenderRequest,
  SkippedAction,
} from "./commands";
// Rules as data
export {
  CONDITION_OPERATORS,
  type Condition,
  type ConditionLeaf,
  ConditionLeafSchema,
  type ConditionOperator,
  ConditionSchema,
  MAX_CONDITION_DEPTH,
} from "./conditions";
// Errors
export { AutomationError, type AutomationErrorCode } from "./errors";
export {
  type ConditionExplanation,
  dryRun,
  type ExplainOptions,
  explain,
  type RuleExplanation,
} from "./explain";
export { RETURN_WORKFLOW_MESSAGES, returnWorkflow } from "./returnWorkflow";
export { parseRule, parseRules, type Rule, type RuleInput, RuleSchema } from "./rules";
export { type RuleLoop, type RunTriggersOptions, runTriggers, type TriggerRunResult } from "./triggers";
export {
  advanceWorkflow,
  availableActions,
  type OverdueStep,
  overdueSteps,
  replayWorkflow,
  type StartWorkflowInput,
  startWorkflow,
  stepDueAt,
  type WorkflowActionInput,
  type WorkflowOptions,
  type WorkflowResult,
} from "./workflow";
// Workflows
export {
  defineWorkflow,
  restoreWorkflowInstance,
  type WorkflowActor,
  WorkflowActorSchema,
  type WorkflowAuditEntry,
  WorkflowAuditEntrySchema,
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
  WorkflowDefinitionSchema,
  type WorkflowInstance,
  WorkflowInstanceSchema,
} from "./workflowSchema";
