import { expect, it } from "vitest";
import * as routing from "./index";

// The public surface: a change here is an API change and needs a changeset.
it("exports exactly the public API", () => {
  expect(Object.keys(routing).sort()).toEqual([
    "DEFAULT_QUEUE_WEIGHTS",
    "DEFAULT_TRIAGE_RULES",
    "REJECTION_CODES",
    "ROUTING_STRATEGIES",
    "RequiredSkillSchema",
    "RouterSnapshotSchema",
    "RoutingAgentSchema",
    "RoutingError",
    "TRIAGE_RULES",
    "TRIAGE_SKILLS",
    "WorkItemSchema",
    "checkEligibility",
    "createRouter",
    "effectiveRequirements",
    "explainCandidates",
    "languageMatches",
    "parseRoutingAgent",
    "parseWorkItem",
    "pickAgent",
    "triage",
    "workItemFromTicket",
  ]);
});
