import { z } from "zod";
import { currencyField, idField, localeField, scalarRecord, timeZoneField } from "./_lib/fields";

/**
 * Schema of a customer: who they are, how to talk to them (locale, time zone) and the "customer 360"
 * facts agents and rules look at (tier, orders, lifetime value, free-form attributes).
 *
 * @example
 * ```ts
 * CustomerSchema.parse({ id: "c1", name: "Lena", locale: "de-DE", timeZone: "Europe/Berlin", tier: "vip" }).tier; //=> "vip"
 * ```
 */
export const CustomerSchema = z.strictObject({
  /** Stable id in the caller's system. */
  id: idField,
  /** Display name; templates fall back when it is missing. */
  name: z.string().max(512).optional(),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()\-.]{3,32}$/, "expected a phone number")
    .optional(),
  /** BCP 47 tag of the language to answer in. */
  locale: localeField.optional(),
  /** IANA time zone used for dates shown to the customer. */
  timeZone: timeZoneField.optional(),
  /** Service tier, e.g. `"standard"` or `"vip"`; routing and SLA policies condition on it. */
  tier: z.string().min(1).max(64).optional(),
  /** Number of orders placed so far. */
  orderCount: z.number().int().nonnegative().optional(),
  /** Total spent so far, in `currency`. */
  lifetimeValue: z.number().nonnegative().optional(),
  /** ISO 4217 currency of `lifetimeValue`. */
  currency: currencyField.optional(),
  /** Any other scalar facts (loyalty level, country, marketplace id). */
  attributes: scalarRecord.optional(),
});

/**
 * A customer, as parsed by {@link CustomerSchema}.
 *
 * @example
 * ```ts
 * const customer: Customer = { id: "c1", locale: "ja-JP", tier: "vip" };
 * ```
 */
export type Customer = z.output<typeof CustomerSchema>;
