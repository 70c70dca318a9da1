import { idField, instantField, localeField, timeZoneField } from "./_lib/fields";

/**
 * Schema of an instant as users pass one in (`Date`, epoch ms, or ISO 8601 with an offset); parses to a `Date`.
 * Other packages and your own schemas reuse it so every instant reads and fails the same way.
 *
 * @example
 * ```ts
 * InstantSchema.parse("2026-03-02T09:00:00+01:00").toISOString(); //=> "2026-03-02T08:00:00.000Z"
 * ```
 */
export const InstantSchema: typeof instantField = instantField;

/**
 * Schema of an id: a non-empty string of at most 256 characters.
 *
 * @example
 * ```ts
 * IdSchema.safeParse("").success; //=> false
 * ```
 */
export const IdSchema: typeof idField = idField;

/**
 * Schema of a BCP 47 language tag (`zh-Hant-HK`, `pt-BR`).
 *
 * @example
 * ```ts
 * LocaleSchema.safeParse("en_US").success; //=> false
 * ```
 */
export const LocaleSchema: typeof localeField = localeField;

/**
 * Schema of an IANA time zone name this runtime knows (`Asia/Shanghai`); offsets and unknown names fail.
 *
 * @example
 * ```ts
 * TimeZoneSchema.safeParse("Mars/Olympus").success; //=> false
 * ```
 */
export const TimeZoneSchema: typeof timeZoneField = timeZoneField;
