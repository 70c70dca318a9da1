import type { z } from "zod";
import { AgentSchema } from "./agent";
import { CustomerSchema } from "./customer";
import { ValidationError, type ValidationIssue } from "./errors";
import { TicketEventSchema } from "./events";
import { MessageSchema } from "./message";
import { SatisfactionRatingSchema } from "./rating";
import { TicketSchema } from "./ticket";

/**
 * The result form of a parse: the value, or the issues that stopped it (as zod's `safeParse`).
 *
 * @example
 * ```ts
 * const result: ParseResult<Ticket> = safeParseTicket(input);
 * if (!result.ok) result.issues[0]?.path; //=> "requester.id"
 * ```
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: readonly ValidationIssue[] };

/**
 * Converts zod's issues into supportkit's, with dotted paths and plain messages.
 *
 * @param error - a zod error
 * @returns one issue per problem
 * @example
 * ```ts
 * const result = TicketSchema.safeParse({});
 * if (!result.success) toValidationIssues(result.error)[0]?.path; //=> "id"
 * ```
 */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    } else if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
      message = "is required";
    }
    return { path: issue.path.map(String).join("."), code: issue.code, message };
  });
}

/**
 * Builds a `parseX` function from any zod schema: returns the typed value or throws a `ValidationError`.
 * Other packages use it for their configs so every error reads the same way.
 *
 * @param schema - the zod schema
 * @param subject - what the value is, for the message (`"calendar config"`)
 * @returns a function that parses untrusted input
 * @throws ValidationError (code `VALIDATION`) from the returned function, naming each failing field
 * @example
 * ```ts
 * const parseRule = createParser(RuleSchema, "routing rule");
 * parseRule({ skill: 3 }); // throws: Invalid routing rule: skill: expected string, received number
 * ```
 */
export function createParser<S extends z.ZodType>(
  schema: S,
  subject: string,
): (input: unknown) => z.output<S> {
  return (input) => {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    throw new ValidationError(subject, toValidationIssues(result.error), { cause: result.error });
  };
}

/**
 * Builds a checker for an options object given on every call of a hot function (once per ticket, per
 * update): options whose every own key has a check in `checks` that its value passes (or is `undefined`)
 * are returned as they are, without a schema parse; anything else goes through `schema`, which accepts
 * what it accepts and words the error. So `checks` must accept nothing the schema refuses (a value it
 * rejects that the schema accepts only costs the slower path), and the schema must return valid options
 * unchanged: no defaults, no transforms. Plain property checks are about ten
 * times cheaper than a zod parse, which was a fifth of a small ticket's fold.
 *
 * @param schema - the options schema, normally a `z.strictObject` (unknown keys are errors)
 * @param subject - what the options are, for the message (`"runTriggers options"`)
 * @param checks - per key, whether a value is certainly valid
 * @returns a function that returns the options or throws a `ValidationError` naming each failing field
 * @example
 * ```ts
 * const schema = z.strictObject({ clock: BusinessClockSchema.optional() });
 * const checkOptions = createOptionsChecker(schema, "metric options", { clock: isBusinessClock });
 * checkOptions({ clock: alwaysOpenClock }).clock === alwaysOpenClock; //=> true
 * checkOptions({ clok: alwaysOpenClock }); // throws: Invalid metric options: unknown field "clok"
 * ```
 */
export function createOptionsChecker<S extends z.ZodType>(
  schema: S,
  subject: string,
  checks: Readonly<Record<string, (value: unknown) => boolean>>,
): (input: unknown) => z.output<S> {
  const parse = createParser(schema, subject);
  const names = Object.keys(checks);
  return (input) => {
    // Plain objects only: zod reads each field as `input[field]`, which also finds getters on a prototype.
    if (typeof input !== "object" || input === null) return parse(input);
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return parse(input);
    const record = input as Record<string, unknown>;
    // Every field as zod reads it (a non-enumerable own property included) ...
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = record[name];
      if (value !== undefined && !(checks[name] as (value: unknown) => boolean)(value)) return parse(input);
    }
    // ... and no key the checks do not know.
    for (const key in record) if (!Object.hasOwn(checks, key)) return parse(input);
    return input as z.output<S>;
  };
}

/**
 * Builds a `safeParseX` function from any zod schema: returns `{ ok, value }` or `{ ok: false, issues }`.
 *
 * @param schema - the zod schema
 * @returns a function that parses untrusted input without throwing
 * @example
 * ```ts
 * createSafeParser(TicketSchema)({}).ok; //=> false
 * ```
 */
export function createSafeParser<S extends z.ZodType>(
  schema: S,
): (input: unknown) => ParseResult<z.output<S>> {
  return (input) => {
    const result = schema.safeParse(input);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: toValidationIssues(result.error) };
  };
}

/**
 * Parses untrusted input (e.g. JSON from an API) into a {@link Ticket}.
 *
 * @param input - anything
 * @returns the ticket, with instants as `Date` and defaults filled in
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseTicket(JSON.parse(JSON.stringify(ticket))); // deep-equals ticket
 * ```
 */
export const parseTicket: (input: unknown) => z.output<typeof TicketSchema> = createParser(
  TicketSchema,
  "ticket",
);
/**
 * Parses untrusted input into a {@link Message}.
 *
 * @param input - anything
 * @returns the message
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseMessage({ id: "m1", author: { role: "customer" }, visibility: "public", channel: "chat", body: "Hi", createdAt: 0 }).body; //=> "Hi"
 * ```
 */
export const parseMessage: (input: unknown) => z.output<typeof MessageSchema> = createParser(
  MessageSchema,
  "message",
);
/**
 * Parses untrusted input into a {@link Customer}.
 *
 * @param input - anything
 * @returns the customer
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseCustomer({ id: "c1", timeZone: "Mars/Base" }); // throws: Invalid customer: timeZone: unknown IANA time zone ...
 * ```
 */
export const parseCustomer: (input: unknown) => z.output<typeof CustomerSchema> = createParser(
  CustomerSchema,
  "customer",
);
/**
 * Parses untrusted input into an {@link Agent}.
 *
 * @param input - anything
 * @returns the agent, with defaults (no skills, offline, zero capacity) filled in
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseAgent({ id: "a1", name: "Mia" }).presence; //=> "offline"
 * ```
 */
export const parseAgent: (input: unknown) => z.output<typeof AgentSchema> = createParser(
  AgentSchema,
  "agent",
);
/**
 * Parses untrusted input into a {@link SatisfactionRating}.
 *
 * @param input - anything
 * @returns the rating
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseSatisfactionRating({ kind: "ces", score: 6 }).score; //=> 6
 * ```
 */
export const parseSatisfactionRating: (input: unknown) => z.output<typeof SatisfactionRatingSchema> =
  createParser(SatisfactionRatingSchema, "satisfaction rating");
/**
 * Parses untrusted input into a {@link TicketEvent}.
 *
 * @param input - anything
 * @returns the event
 * @throws ValidationError (code `VALIDATION`) naming each failing field
 * @example
 * ```ts
 * parseTicketEvent({ type: "merged", id: "e9", ticketId: "t2", at: "2026-03-03T10:00:00Z", into: "t1" }).type; //=> "merged"
 * ```
 */
export const parseTicketEvent: (input: unknown) => z.output<typeof TicketEventSchema> = createParser(
  TicketEventSchema,
  "ticket event",
);
/**
 * Parses an array of untrusted events (an event log) into {@link TicketEvent}s.
 *
 * @param input - anything
 * @returns the events, in the given order
 * @throws ValidationError (code `VALIDATION`) naming the index and field of each problem
 * @example
 * ```ts
 * replay(parseTicketEvents(JSON.parse(body)));
 * ```
 */
export const parseTicketEvents: (input: unknown) => z.output<typeof TicketEventSchema>[] = createParser(
  TicketEventSchema.array(),
  "ticket events",
);
/**
 * Parses a ticket without throwing.
 *
 * @param input - anything
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * safeParseTicket({ id: "" }).ok; //=> false
 * ```
 */
export const safeParseTicket: (input: unknown) => ParseResult<z.output<typeof TicketSchema>> =
  createSafeParser(TicketSchema);
/**
 * Parses a ticket event without throwing.
 *
 * @param input - anything
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * safeParseTicketEvent({ type: "exploded" }).ok; //=> false
 * ```
 */
export const safeParseTicketEvent: (input: unknown) => ParseResult<z.output<typeof TicketEventSchema>> =
  createSafeParser(TicketEventSchema);
