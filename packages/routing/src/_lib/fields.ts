import { instantToEpoch, isValidLocale } from "@supportkit/core";
import { z } from "zod";

/** An instant in (`Date`, epoch ms, ISO 8601 with offset); a `Date` out. */
export const instantField = z
  .custom<Date | number | string>(
    (value) => instantToEpoch(value) !== undefined,
    "expected an instant (Date, epoch ms or ISO 8601 string with offset)",
  )
  .transform((value) => new Date(instantToEpoch(value) as number));

export const idField = z.string().min(1, "must not be empty").max(256, "must be at most 256 characters");

export const localeField = z
  .string()
  .refine(isValidLocale, { message: "not a BCP 47 language tag (e.g. zh-Hant-HK)" });

export const durationField = z.number().nonnegative().max(8.64e15);
