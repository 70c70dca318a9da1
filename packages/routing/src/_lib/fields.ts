import { IdSchema, InstantSchema, LocaleSchema } from "@supportkit/core";
import { z } from "zod";

// Core's field schemas, so instants, ids and locales read and fail the same way in every package.
export const instantField = InstantSchema;
export const idField = IdSchema;
export const localeField = LocaleSchema;

export const durationField = z.number().nonnegative().max(8.64e15);
