import { expect, it } from "vitest";
import * as automations from "./index";

// The public surface, pinned: a change here is an API change and needs a changeset.
it("exports exactly the public API", () => {
  expect(Object.keys(automations).sort()).toEqual([
    "ActionSchema",
    "AutomationError",
    "CONDITION_OPERATORS",
    "ConditionLeafSchema",
    "ConditionSchema",
    "MAX_CONDITION_DEPTH",
    "RETURN_WORKFLOW_MESSAGES",
    "RuleSchema",
    "WorkflowActorSchema",
    "WorkflowAuditEntrySchema",
    "WorkflowDefinitionSchema",
    "WorkflowInstanceSchema",
    "advanceWorkflow",
    "automationStateToJSON",
    "availableActions",
    "createAutomationState",
    "defineWorkflow",
    "dryRun",
    "explain",
    "nextMatchAt",
    "overdueSteps",
    "parseRule",
    "parseRules",
    "replayWorkflow",
    "restoreAutomationState",
    "restoreWorkflowInstance",
    "returnWorkflow",
    "runAutomations",
    "runTriggers",
    "startWorkflow",
    "stepDueAt",
  ]);
});
