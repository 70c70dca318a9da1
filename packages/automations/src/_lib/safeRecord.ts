import { z } from "zod";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A record whose keys are checked on the raw input: zod drops an own `__proto__` key (as `JSON.parse`
 * makes) without a word, and we would rather say no.
 */
export function safeRecord<V extends z.ZodType>(key: z.ZodType<string>, value: V) {
  return z
    .custom<Record<string, unknown>>(
      (input) => typeof input === "object" && input !== null && !Array.isArray(input),
      "expected an object",
    )
    .superRefine((record, ctx) => {
      for (const name of Object.keys(record)) {
        if (FORBIDDEN_KEYS.has(name))
          ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not allowed as a key` });
      }
    })
    .pipe(z.record(key, value));
}
