import { z } from "zod";
import { instantField } from "./_lib/fields";

const whole = (min: number, max: number) =>
  z
    .number()
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const comment = z.string().max(10_000).optional();

/**
 * Schema of a satisfaction rating: CSAT 1–5, NPS 0–10 or CES 1–7, told apart by `kind`.
 *
 * @example
 * ```ts
 * SatisfactionRatingSchema.parse({ kind: "nps", score: 9 }).score; //=> 9
 * SatisfactionRatingSchema.parse({ kind: "csat", score: 6 }); // throws: score must be at most 5
 * ```
 */
export const SatisfactionRatingSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("csat"), score: whole(1, 5), comment, at: instantField.optional() }),
  z.strictObject({ kind: z.literal("nps"), score: whole(0, 10), comment, at: instantField.optional() }),
  z.strictObject({ kind: z.literal("ces"), score: whole(1, 7), comment, at: instantField.optional() }),
]);

/**
 * A customer's rating of the service: CSAT (1–5), NPS (0–10) or CES (1–7).
 *
 * @example
 * ```ts
 * const rating: SatisfactionRating = { kind: "csat", score: 5, comment: "Fast refund, thanks!" };
 * ```
 */
export type SatisfactionRating = z.output<typeof SatisfactionRatingSchema>;
