import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { alwaysOpenClock, BusinessClockSchema, isBusinessClock } from "./businessClock";
import { ValidationError } from "./errors";
import { createOptionsChecker } from "./parse";

const schema = z.strictObject({
  clock: BusinessClockSchema.optional(),
  mode: z.enum(["fast", "exact"]).optional(),
});
const checkOptions = createOptionsChecker(schema, "test options", {
  clock: isBusinessClock,
  mode: (value) => value === "fast" || value === "exact",
});

describe("createOptionsChecker", () => {
  it("returns valid options as they are, and words errors as the schema does", () => {
    const options = { clock: alwaysOpenClock, mode: "fast" };
    expect(checkOptions(options)).toBe(options);
    expect(() => checkOptions({ clok: alwaysOpenClock })).toThrow(
      /^Invalid test options: unknown field "clok"/,
    );
    expect(() => checkOptions({ clock: {} })).toThrow(/clock: expected a BusinessClock/);
    expect(() => checkOptions(null)).toThrow(ValidationError);
    expect(() => checkOptions([])).toThrow(ValidationError);
  });

  it("takes the schema's word for anything but a plain object's own enumerable keys", () => {
    class Options {
      get mode() {
        return "bogus";
      }
    }
    expect(() => checkOptions(new Options())).toThrow(/mode/);
    const hidden = Object.defineProperty({}, "mode", { value: "bogus", enumerable: false });
    expect(() => checkOptions(hidden)).toThrow(/mode/);
    const bare = Object.assign(Object.create(null), { mode: "fast" });
    expect(checkOptions(bare)).toBe(bare);
  });

  // The quick path must agree with the schema on every input: it may only skip the parse of valid options.
  test.prop([
    fc.dictionary(
      fc.constantFrom("clock", "mode", "other", "__proto__"),
      fc.constantFrom(undefined, null, "fast", "exact", "slow", 3, alwaysOpenClock, {}),
    ),
  ])("accepts exactly what the schema accepts", (input) => {
    const valid = schema.safeParse(input).success;
    let accepted = true;
    try {
      checkOptions(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      accepted = false;
    }
    expect(accepted).toBe(valid);
  });
});
