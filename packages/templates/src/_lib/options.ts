import { createParser, isValidLocale, isValidTimeZone, ValidationError } from "@supportkit/core";
import { z } from "zod";
import { isPlainObject } from "./values";

// Schemas shared by the public options objects, so every entry point rejects the same bad input with the same
// words. Objects are strict: a misspelt key (`timezone`) is an error, never a silently ignored option.

const positive = z.number().int().positive();

/** Budgets as options take them: every field optional, unknown budget names rejected. */
export const LimitsOptionSchema = z.strictObject({
  maxTemplateSize: positive.optional(),
  maxNestingDepth: positive.optional(),
  maxRenderSteps: positive.optional(),
  maxLoopIterations: positive.optional(),
  maxRangeSize: positive.optional(),
  maxOutputSize: positive.optional(),
});

const checkedLocales = new Map<string, boolean>();

/** `isValidLocale`, remembered: render options repeat the same few locales. */
function isKnownLocale(locale: string): boolean {
  let ok = checkedLocales.get(locale);
  if (ok === undefined) {
    ok = isValidLocale(locale);
    if (checkedLocales.size > 1000) checkedLocales.clear();
    checkedLocales.set(locale, ok);
  }
  return ok;
}

/** A BCP 47 locale used for formatting. */
export const LocaleOptionSchema = z
  .string()
  .refine(isKnownLocale, { error: (issue) => `${JSON.stringify(issue.input)} is not a valid BCP 47 locale` });

/** An IANA time zone; an unknown name is an error, never a silent UTC. */
export const TimeZoneOptionSchema = z.string().refine(isValidTimeZone, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a known IANA time zone`,
});

/**
 * The customer's locale request: one tag or several in preference order. Tags that are not BCP 47 are allowed
 * here (they come from customers and get the fallback, reason `invalid-request`); non-strings are not.
 */
export const LocaleRequestSchema = z.unknown().superRefine((value, ctx) => {
  // By hand rather than a union, whose error is a bare "Invalid input": name the bad entry.
  if (typeof value === "string") return;
  if (!Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: "expected a locale string or a list of them" });
    return;
  }
  value.forEach((entry, index) => {
    if (typeof entry !== "string")
      ctx.addIssue({ code: "custom", path: [index], message: "expected a locale string" });
  });
}) as unknown as z.ZodType<string | string[]>;

/** Template data: a plain object (JSON-like). */
export const DataSchema = z.custom<Readonly<Record<string, unknown>>>(
  isPlainObject,
  "expected a plain object (JSON-like)",
);

/** The channels a template set has parts for. */
export const ChannelOptionSchema = z.enum(["email", "chat", "sms"]);

/** The most SMS segments allowed. */
export const SegmentsOptionSchema = positive;

/**
 * A parser for an options object: core's `createParser`, after a check that names the argument when the object
 * itself is missing (`renderTemplate(set)`) rather than reporting a field-less "is required".
 */
export function createOptionsParser<S extends z.ZodType>(
  schema: S,
  subject: string,
): (input: unknown) => z.output<S> {
  const parse = createParser(schema, subject);
  return (input) => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw new ValidationError(subject, [
        {
          path: "options",
          code: "invalid_type",
          message: `expected an options object, got ${input === null ? "null" : Array.isArray(input) ? "an array" : typeof input}`,
        },
      ]);
    }
    return parse(input);
  };
}
