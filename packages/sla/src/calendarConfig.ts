import { createParser, isValidTimeZone } from "@supportkit/core";
import { z } from "zod";
import { dayNumberOfDate } from "./_lib/tz";

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const openTime = z.string().regex(HH_MM, 'expected a time "HH:MM" from "00:00" to "23:59"');
const closeTime = z
  .string()
  .refine(
    (value) => HH_MM.test(value) || value === "24:00",
    'expected a time "HH:MM" from "00:00" to "24:00"',
  );

/**
 * Schema of one opening interval `[open, close]` in local wall-clock time. A close that is not after the
 * open runs past midnight (`["22:00", "06:00"]`, and `["09:00", "09:00"]` is 24 hours); `"24:00"` closes at
 * the end of the day. The interval belongs to the day it opens on.
 *
 * @example
 * ```ts
 * IntervalSchema.parse(["22:00", "06:00"]); //=> ["22:00", "06:00"]
 * ```
 */
export const IntervalSchema: z.ZodType<[string, string], [string, string]> = z.tuple([openTime, closeTime]);

const intervals = z.array(IntervalSchema).max(48, "at most 48 intervals a day");

const date = z
  .string()
  .refine((value) => dayNumberOfDate(value) !== undefined, 'expected an existing date "YYYY-MM-DD"');

const WEEKDAYS: readonly ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] = [
  "sun",
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
];

/**
 * A day of the week as calendar configs name it.
 *
 * @example
 * ```ts
 * const day: Weekday = "mon";
 * ```
 */
export type Weekday = "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat";

const weekday = z.enum(WEEKDAYS);

/**
 * Schema of a business calendar's configuration, validated by {@link createBusinessCalendar}.
 *
 * @example
 * ```ts
 * BusinessCalendarConfigSchema.parse({ timeZone: "Asia/Shanghai", weekly: { mon: [["09:00", "18:00"]] } }).timeZone;
 * //=> "Asia/Shanghai"
 * ```
 */
export const BusinessCalendarConfigSchema = z
  .strictObject({
    /** IANA time zone the wall-clock hours are in. */
    timeZone: z.string().refine(isValidTimeZone, "unknown IANA time zone (e.g. Asia/Shanghai)"),
    /** Opening intervals per weekday; a missing day is closed. */
    weekly: z.strictObject({
      mon: intervals.optional(),
      tue: intervals.optional(),
      wed: intervals.optional(),
      thu: intervals.optional(),
      fri: intervals.optional(),
      sat: intervals.optional(),
      sun: intervals.optional(),
    }),
    /** Dates closed all day, or short days when `hours` is given (replacing that date's intervals). */
    holidays: z
      .array(z.strictObject({ date, name: z.string().max(200).optional(), hours: intervals.optional() }))
      .max(10_000)
      .optional(),
    /**
     * Extra working days (make-up Saturdays): `hours`, or by default the hours of the weekday `like`
     * (default `"mon"`), replace that date's intervals.
     */
    workdays: z
      .array(
        z.strictObject({
          date,
          name: z.string().max(200).optional(),
          hours: intervals.optional(),
          like: weekday.optional(),
        }),
      )
      .max(10_000)
      .optional(),
    /** How many days of closed (or, for `nextClose`, open) time a search crosses before it gives up; default 1,830. */
    searchHorizonDays: z.number().int().min(7).max(36_600).optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>();
    const check = (list: readonly { date: string }[] | undefined, kind: string) => {
      list?.forEach((entry, index) => {
        const previous = seen.get(entry.date);
        if (previous !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [kind, index, "date"],
            message: `${entry.date} is already listed (${previous})`,
          });
        } else {
          seen.set(entry.date, `${kind}[${index}]`);
        }
      });
    };
    check(config.holidays, "holidays");
    check(config.workdays, "workdays");
    const hasWeekly = WEEKDAYS.some((day) => (config.weekly[day]?.length ?? 0) > 0);
    const hasDates =
      (config.holidays ?? []).some((holiday) => (holiday.hours?.length ?? 0) > 0) ||
      (config.workdays ?? []).some(
        (workday) => (workday.hours ?? config.weekly[workday.like ?? "mon"] ?? []).length > 0,
      );
    if (!hasWeekly && !hasDates) {
      ctx.addIssue({
        code: "custom",
        path: ["weekly"],
        message: "the calendar is never open: give at least one weekday an interval",
      });
    }
  });

/**
 * A business calendar's configuration as a caller writes it.
 *
 * @example
 * ```ts
 * const config: BusinessCalendarConfig = {
 *   timeZone: "America/New_York",
 *   weekly: { mon: [["09:00", "12:00"], ["13:00", "17:00"]], sat: [["22:00", "06:00"]] },
 *   holidays: [{ date: "2026-12-25", name: "Christmas" }, { date: "2026-12-24", hours: [["09:00", "12:00"]] }],
 * };
 * ```
 */
export type BusinessCalendarConfig = z.input<typeof BusinessCalendarConfigSchema>;

/**
 * Validates untrusted input as a {@link BusinessCalendarConfig}.
 *
 * @param input - anything, e.g. JSON from a settings page
 * @returns the config
 * @throws ValidationError (code `VALIDATION`) naming each failing field (`timeZone`, `weekly.mon.0.1`, `holidays.3.date`)
 * @example
 * ```ts
 * parseBusinessCalendarConfig({ timeZone: "Mars/Base", weekly: {} });
 * // throws: Invalid calendar config: timeZone: unknown IANA time zone ...
 * ```
 */
export const parseBusinessCalendarConfig: (input: unknown) => z.output<typeof BusinessCalendarConfigSchema> =
  createParser(BusinessCalendarConfigSchema, "calendar config");

/** The weekdays in `Date#getUTCDay` order (internal to the package, not re-exported). */
export const WEEKDAY_KEYS: readonly Weekday[] = WEEKDAYS;
