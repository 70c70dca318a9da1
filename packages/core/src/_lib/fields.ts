import { z } from "zod";

export {
  IdSchema as idField,
  InstantSchema as instantField,
  LocaleSchema as localeField,
  TimeZoneSchema as timeZoneField,
} from "../fieldSchemas";

export const currencyField = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code such as USD");

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** JSON scalar values custom fields and customer attributes may hold. */
export const scalarField = z.union([
  z.string(),
  z.number().refine(Number.isFinite, "must be finite"),
  z.boolean(),
  z.null(),
]);

/**
 * A string-keyed bag of scalars whose keys cannot reach an object's prototype. The keys are checked on the
 * raw input, before zod copies it: a `__proto__` own key (as `JSON.parse` makes) would otherwise be dropped
 * or become the copy's prototype.
 */
export const scalarRecord = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    "expected an object of scalar values",
  )
  .superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not allowed as a key` });
      }
    }
  })
  .pipe(z.record(z.string().min(1).max(128), scalarField));
