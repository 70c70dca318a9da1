import { expect, it } from "vitest";
import { z } from "zod";

// restoreAccumulator relies on zod 4's z.number() refusing non-finite numbers.
it("z.number() refuses NaN and infinities", () => {
  expect(z.number().safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
  expect(z.number().safeParse(Number.NaN).success).toBe(false);
});
