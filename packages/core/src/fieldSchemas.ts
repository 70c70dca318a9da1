import { z } from "zod";
import { instantToEpoch } from "./instant";
import { isValidLocale, isValidTimeZone } from "./timeZone";

/**
 * Schema of an instant as users pass one in (`Date`, epoch ms, or ISO 8601 with an offset); parses to a `Date`.
 * Other packages and your own schemas reuse it so every instant reads and fails the same way.
 *
 * @example
 * ```ts
 * InstantSchema.parse("2026-03-02T09:00:00+01:00").toISOString(); //=> "2026-03-02T08:00:00.000Z"
 * ```
 */
export const InstantSchema = z
  .custom<Date | number | string>(
    (value) => instantToEpoch(value) !== undefined,
    "expected an instant (Date, epoch ms or ISO 8601 string with offset)",
  )
  .transform((value) => new Date(instantToEpoch(value) as number));

/**
 * Schema of an id: a non-empty string of at most 256 characters.
 *
 * @example
 * ```ts
 * IdSchema.safeParse("").success; //=> false
 * ```
 */
export const IdSchema = z.string().min(1, "must not be empty").max(256, "must be at most 256 characters");

/**
 * Schema of a BCP 47 language tag (`zh-Hant-HK`, `pt-BR`).
 *
 * @example
 * ```ts
 * LocaleSchema.safeParse("en_US").success; //=> false
 * ```
 */
export const LocaleSchema = z
  .string()
  .refine(isValidLocale, { message: "not a BCP 47 language tag (e.g. zh-Hant-HK)" });

/**
 * Schema of an IANA time zone name this runtime knows (`Asia/Shanghai`); offsets and unknown names fail.
 *
 * @example
 * ```ts
 * TimeZoneSchema.safeParse("Mars/Olympus").success; //=> false
 * ```
 */
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: "unknown IANA time zone (e.g. Asia/Shanghai)" });
