import { createParser } from "@supportkit/core";
import { z } from "zod";

const row = z.tuple([z.string().min(1), z.string().min(1), z.iso.datetime({ offset: true }), z.string()]);

export const parseAutomationStateJson = createParser(
  z.strictObject({ version: z.literal(1), fired: z.array(row) }),
  "automation state",
);
