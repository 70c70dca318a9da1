import {
  type BusinessClock,
  BusinessClockSchema,
  createOptionsChecker,
  createParser,
  type InstantInput,
  isBusinessClock,
  ValidationError,
} from "@supportkit/core";
import { z } from "zod";
import type { AutomationState } from "../automations";
import type { ReplyRenderer } from "../commands";

// Rules, tickets and definitions are typed input and not re-parsed on each run; these checks catch what
// would otherwise surface as a TypeError deep inside (`null`, a JSON string, a hole in an array) and say
// which argument it was.

export function argumentError(fn: string, path: string, message: string): never {
  throw new ValidationError(`${fn} arguments`, [{ path, code: "invalid_type", message }]);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireArray(fn: string, path: string, value: unknown, what: string): void {
  if (!Array.isArray(value)) argumentError(fn, path, `must be an array of ${what}`);
}

export function requireObject(fn: string, path: string, value: unknown, what: string): void {
  if (!isObject(value)) argumentError(fn, path, `must be ${what}`);
}

/** A ticket as core's `TicketSchema` outputs it; checked only as far as the engine would crash on it. */
export function requireTicket(fn: string, path: string, value: unknown): void {
  if (!isObject(value) || typeof value.id !== "string" || !Array.isArray(value.tags)) {
    argumentError(fn, path, "must be a ticket (see parseTicket)");
  }
}

export function requireEvent(fn: string, path: string, value: unknown): void {
  if (!isObject(value) || typeof value.type !== "string" || !(value.at instanceof Date)) {
    argumentError(fn, path, "must be a ticket event with `at` a Date (see parseTicketEvent)");
  }
}

export function requireDefinition(fn: string, value: unknown): void {
  if (!isObject(value) || !Array.isArray(value.steps) || !Array.isArray(value.transitions)) {
    argumentError(fn, "definition", "must be a workflow definition (see defineWorkflow)");
  }
}

export function requireInstance(fn: string, path: string, value: unknown): void {
  if (!isObject(value) || typeof value.step !== "string" || !Array.isArray(value.history)) {
    argumentError(fn, path, "must be a workflow instance (see startWorkflow, restoreWorkflowInstance)");
  }
}

const isFunction = (value: unknown) => typeof value === "function";
const isState = (value: unknown) => isObject(value) && value.fired instanceof Map;
const isInstantInput = (value: unknown) =>
  value instanceof Date || typeof value === "number" || typeof value === "string";

const renderer = z.custom<ReplyRenderer>(isFunction, "expected a ReplyRenderer function");
const state = z.custom<AutomationState>(
  isState,
  "expected an AutomationState (from createAutomationState or restoreAutomationState, not its JSON)",
);
const instant = z.custom<InstantInput>(
  isInstantInput,
  "expected a Date, epoch milliseconds or an ISO 8601 string",
);
const clock = BusinessClockSchema.optional();

// Strict: a misspelt key (`clok`, `rendrer`) would otherwise be ignored and fail later, far from the typo,
// or not at all. A clock is checked for its four methods here, not on first use mid-run.
export const parseTriggerOptions: (input: unknown) => {
  clock?: BusinessClock | undefined;
  renderer?: ReplyRenderer | undefined;
} = createOptionsChecker(z.strictObject({ clock, renderer: renderer.optional() }), "runTriggers options", {
  clock: isBusinessClock,
  renderer: isFunction,
});

export const parseAutomationOptions: (input: unknown) => {
  state?: AutomationState | undefined;
  clock?: BusinessClock | undefined;
  renderer?: ReplyRenderer | undefined;
} = createOptionsChecker(
  z.strictObject({ state: state.optional(), clock, renderer: renderer.optional() }),
  "runAutomations options",
  { state: isState, clock: isBusinessClock, renderer: isFunction },
);

const ExplainOptionsSchema = z.strictObject({
  now: instant.optional(),
  clock,
  renderer: renderer.optional(),
});
type ParsedExplainOptions = {
  now?: InstantInput | undefined;
  clock?: BusinessClock | undefined;
  renderer?: ReplyRenderer | undefined;
};

const explainChecks = { now: isInstantInput, clock: isBusinessClock, renderer: isFunction };

export const parseExplainOptions: (input: unknown) => ParsedExplainOptions = createOptionsChecker(
  ExplainOptionsSchema,
  "explain options",
  explainChecks,
);

/** `dryRun` takes `explain`'s options (`now` included), and its errors name `dryRun`. */
export const parseDryRunOptions: (input: unknown) => ParsedExplainOptions = createOptionsChecker(
  ExplainOptionsSchema,
  "dryRun options",
  explainChecks,
);

const ClockOptionsSchema = z.strictObject({ clock });
const clockParsers = new Map<string, (input: unknown) => { clock?: BusinessClock | undefined }>();

export function parseClockOptions(fn: string, input: unknown): { clock?: BusinessClock | undefined } {
  let parse = clockParsers.get(fn);
  if (!parse) {
    parse = createParser(ClockOptionsSchema, `${fn} options`);
    clockParsers.set(fn, parse);
  }
  return parse(input);
}

export const parseWorkflowOptions: (input: unknown) => { renderer?: ReplyRenderer | undefined } =
  createParser(z.strictObject({ renderer: renderer.optional() }), "workflow options");
