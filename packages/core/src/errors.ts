/**
 * Where one problem in an input was found and what it is.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: "requester.email", code: "invalid_format", message: "Invalid email address" };
 * ```
 */
export interface ValidationIssue {
  /** Dotted path of the failing field (`messages.0.body`); empty for the value itself. */
  readonly path: string;
  /** Machine-readable kind of problem (zod's issue code or one of ours). */
  readonly code: string;
  /** The problem in plain words. */
  readonly message: string;
}

/** Options shared by every supportkit error. */
export interface SupportKitErrorOptions {
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
}

/**
 * Base class of every error supportkit throws. `code` is stable across versions: match on it, not on the message.
 *
 * @example
 * ```ts
 * try {
 *   parseTicket({});
 * } catch (error) {
 *   if (error instanceof SupportKitError) console.log(error.code); //=> "VALIDATION"
 * }
 * ```
 */
export class SupportKitError extends Error {
  /**
   * Names the class across copies of a package. An app that loads a package both through `import` and
   * `require` gets two copies of each class, and `instanceof` with one copy's class would miss the other
   * copy's errors; a class with its own `brand` also matches errors whose class chain has that brand.
   */
  static readonly brand: string = "@supportkit/core:SupportKitError";

  /** Stable identifier of the kind of failure, e.g. `"VALIDATION"`, `"INVALID_TRANSITION"`. */
  readonly code: string;

  /**
   * @param code - stable identifier of the kind of failure
   * @param message - what went wrong, for people
   * @param options - `cause` of the failure
   */
  constructor(code: string, message: string, options: SupportKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SupportKitError";
    this.code = code;
    Object.defineProperty(this, BRANDS, { value: brandsOf(new.target) });
  }

  /** `instanceof` that also recognises errors from another copy of the package (see {@link SupportKitError.brand}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the class right of `instanceof`, a subclass as often as not
    // biome-ignore lint/complexity/noUselessThisAlias: one name for it below
    const cls: typeof SupportKitError = this;
    if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
    if (typeof value !== "object" || value === null || !Object.hasOwn(cls, "brand")) return false;
    const brands = (value as { [BRANDS]?: unknown })[BRANDS];
    return Array.isArray(brands) && brands.includes(cls.brand);
  }
}

/** Where an error keeps the brands of its class chain; `Symbol.for`, so every copy of core agrees on it. */
const BRANDS = Symbol.for("@supportkit/error-brands");

/** The brands a class and its ancestors declare themselves, most derived first. */
function brandsOf(target: abstract new (...args: never[]) => unknown): string[] {
  const brands: string[] = [];
  for (let c: unknown = target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, "brand")) brands.push((c as unknown as { brand: string }).brand);
  }
  return brands;
}

/**
 * Untrusted input did not match a schema. The message names every failing field and the problem;
 * `issues` holds them as data.
 *
 * @example
 * ```ts
 * try {
 *   parseAgent({ id: "a1", name: "Mia", presence: "asleep" });
 * } catch (error) {
 *   if (error instanceof ValidationError) error.issues[0]?.path; //=> "presence"
 * }
 * ```
 */
export class ValidationError extends SupportKitError {
  static override readonly brand: string = "@supportkit/core:ValidationError";

  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated (`"ticket"`, `"calendar config"`). */
  readonly subject: string;

  /**
   * @param subject - what was being validated, e.g. `"ticket"`
   * @param issues - the problems found (at least one)
   * @param options - `cause` of the failure
   */
  constructor(subject: string, issues: readonly ValidationIssue[], options: SupportKitErrorOptions = {}) {
    const details = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    super("VALIDATION", `Invalid ${subject}: ${details.join("; ")}`, options);
    this.name = "ValidationError";
    this.subject = subject;
    this.issues = issues;
  }
}

/**
 * A ticket was asked to move between two statuses the lifecycle does not connect.
 *
 * @example
 * ```ts
 * try {
 *   canTransition("closed", "open"); //=> false
 *   transition(closedTicket, "open", new Date());
 * } catch (error) {
 *   if (error instanceof TransitionError) error.reason; //=> "a closed ticket is final; open a follow-up ticket instead"
 * }
 * ```
 */
export class TransitionError extends SupportKitError {
  static override readonly brand: string = "@supportkit/core:TransitionError";

  /** Status the ticket was in. */
  readonly from: string;
  /** Status that was requested. */
  readonly to: string;
  /** Why the lifecycle forbids it. */
  readonly reason: string;

  /**
   * @param from - current status
   * @param to - requested status
   * @param reason - why the move is not allowed
   */
  constructor(from: string, to: string, reason: string) {
    super("INVALID_TRANSITION", `Cannot move a ticket from "${from}" to "${to}": ${reason}`);
    this.name = "TransitionError";
    this.from = from;
    this.to = to;
    this.reason = reason;
  }
}

/** Why an event could not be applied to a ticket. */
export type ReplayErrorCode =
  | "EVENT_WRONG_TICKET"
  | "EVENT_OUT_OF_ORDER"
  | "EVENT_BEFORE_CREATED"
  | "DUPLICATE_CREATED"
  | "DUPLICATE_EVENT"
  | "EMPTY_EVENT_LOG"
  | "EVENT_INCONSISTENT";

/**
 * An event log cannot be applied: it belongs to another ticket, is out of order, repeats an event,
 * or contradicts the ticket's state.
 *
 * @example
 * ```ts
 * try {
 *   replay([]);
 * } catch (error) {
 *   if (error instanceof ReplayError) error.code; //=> "EMPTY_EVENT_LOG"
 * }
 * ```
 */
export class ReplayError extends SupportKitError {
  static override readonly brand: string = "@supportkit/core:ReplayError";

  /** Id of the offending event, when there is one. */
  readonly eventId: string | undefined;

  /**
   * @param code - which rule the log broke
   * @param message - the problem in plain words
   * @param eventId - id of the offending event
   */
  constructor(code: ReplayErrorCode, message: string, eventId?: string) {
    super(code, message);
    this.name = "ReplayError";
    this.eventId = eventId;
  }
}
