import { SupportKitError } from "@supportkit/core";

/**
 * Stable codes of {@link AutomationError}.
 *
 * @example
 * ```ts
 * const code: AutomationErrorCode = "WORKFLOW_INVALID_TRANSITION";
 * ```
 */
export type AutomationErrorCode =
  | "RENDERER_MISSING"
  | "CLOCK_MISSING"
  | "WORKFLOW_INVALID_TRANSITION"
  | "WORKFLOW_FORBIDDEN"
  | "WORKFLOW_GUARD_FAILED"
  | "WORKFLOW_FINISHED"
  | "WORKFLOW_OUT_OF_ORDER"
  | "WORKFLOW_MISMATCH";

/**
 * A rule or workflow could not run as asked: a reply without a renderer, a workflow action that the
 * current step does not allow, an actor without the role, a failed guard.
 *
 * @example
 * ```ts
 * try {
 *   advanceWorkflow(returnWorkflow, instance, { action: "refunded", actor: { role: "finance" }, at: now });
 * } catch (error) {
 *   if (error instanceof AutomationError) error.code; //=> "WORKFLOW_INVALID_TRANSITION"
 * }
 * ```
 */
export class AutomationError extends SupportKitError {
  static override readonly brand: string = "@supportkit/automations:AutomationError";

  /** Extra facts for the caller (allowed actions, failed conditions, rule ids). */
  readonly details: Readonly<Record<string, unknown>>;

  /**
   * @param code - stable code of the failure
   * @param message - what went wrong, for people
   * @param details - facts for the caller
   */
  constructor(code: AutomationErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message);
    this.name = "AutomationError";
    this.details = details;
  }
}
