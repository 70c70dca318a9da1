import { z } from "zod";

/**
 * Business time as routing, metrics and automations consume it. `@supportkit/sla` calendars implement it;
 * any object with these four methods can be plugged in instead. All durations are milliseconds and
 * intervals are half-open: open at the opening instant, closed at the closing instant.
 *
 * @example
 * ```ts
 * const clock: BusinessClock = createBusinessCalendar({ timeZone: "Europe/Berlin", weekly: { mon: [["09:00", "17:00"]] } });
 * clock.between(new Date("2026-03-02T08:00:00Z"), new Date("2026-03-02T10:00:00Z")); //=> 3_600_000
 * ```
 */
export interface BusinessClock {
  /** The instant reached after `ms` of business time from `start` (negative `ms` goes back). */
  add(start: Date, ms: number): Date;
  /** Business milliseconds between `a` and `b`; negative when `b` is before `a`. */
  between(a: Date, b: Date): number;
  /** Whether business time runs at `at`. */
  isOpen(at: Date): boolean;
  /** `at` when open, otherwise the next instant business time starts. */
  nextOpen(at: Date): Date;
}

/**
 * A clock that is always open: business time equals calendar time. Useful for 24/7 teams and tests.
 *
 * @example
 * ```ts
 * alwaysOpenClock.between(new Date(0), new Date(60_000)); //=> 60_000
 * alwaysOpenClock.isOpen(new Date()); //=> true
 * ```
 */
export const alwaysOpenClock: BusinessClock = Object.freeze({
  add: (start: Date, ms: number) => new Date(start.getTime() + ms),
  between: (a: Date, b: Date) => b.getTime() - a.getTime(),
  isOpen: () => true,
  nextOpen: (at: Date) => new Date(at.getTime()),
});

/**
 * Whether `value` has the four methods of a {@link BusinessClock}. Options that take a clock check it with
 * this (through {@link BusinessClockSchema}), so a wrong object is a `ValidationError` naming the option
 * rather than a `TypeError` on first use.
 *
 * @example
 * ```ts
 * isBusinessClock(alwaysOpenClock); //=> true
 * isBusinessClock({ isOpen: () => true }); //=> false
 * ```
 */
export function isBusinessClock(value: unknown): value is BusinessClock {
  if (typeof value !== "object" || value === null) return false;
  const clock = value as Record<string, unknown>;
  return (
    typeof clock.add === "function" &&
    typeof clock.between === "function" &&
    typeof clock.isOpen === "function" &&
    typeof clock.nextOpen === "function"
  );
}

/**
 * Schema of an option holding a {@link BusinessClock}: any object with its four methods, kept as is.
 *
 * @example
 * ```ts
 * const OptionsSchema = z.strictObject({ clock: BusinessClockSchema.optional() });
 * OptionsSchema.safeParse({ clock: {} }).success; //=> false
 * ```
 */
export const BusinessClockSchema: z.ZodType<BusinessClock> = z.custom<BusinessClock>(
  isBusinessClock,
  "expected a BusinessClock (add, between, isOpen, nextOpen)",
);
