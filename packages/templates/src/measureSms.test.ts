import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { measureSms } from "./measureSms";

describe("measureSms", () => {
  test.each([
    ["", "GSM-7", 0, 0],
    ["Your parcel arrives today", "GSM-7", 25, 1],
    ["x".repeat(160), "GSM-7", 160, 1],
    ["x".repeat(161), "GSM-7", 161, 2],
    ["x".repeat(306), "GSM-7", 306, 2],
    ["x".repeat(307), "GSM-7", 307, 3],
    ["€".repeat(80), "GSM-7", 160, 1],
    ["€[]".repeat(27), "GSM-7", 162, 2],
    ["Ваша посылка", "UCS-2", 12, 1],
    ["日".repeat(70), "UCS-2", 70, 1],
    ["日".repeat(71), "UCS-2", 71, 2],
    ["日".repeat(134), "UCS-2", 134, 2],
    ["日".repeat(135), "UCS-2", 135, 3],
    ["مرحبا", "UCS-2", 5, 1],
  ])("%j is %s, %i units, %i segments", (text, encoding, units, segments) => {
    expect(measureSms(text)).toMatchObject({ encoding, units, segments });
  });

  test("an escape pair or a surrogate pair never straddles two segments", () => {
    // 152 plain septets then a two-septet € : the € moves to segment 2.
    expect(measureSms(`${"x".repeat(152)}€${"x".repeat(10)}`).segments).toBe(2);
    expect(measureSms(`${"x".repeat(152)}€${"x".repeat(152)}`).segments).toBe(3);
    expect(measureSms(`${"日".repeat(66)}👍${"日".repeat(3)}`).segments).toBe(2);
    expect(measureSms(`${"日".repeat(66)}👍${"日".repeat(66)}`).segments).toBe(3);
  });
});

describe("laws", () => {
  prop.prop([fc.string({ maxLength: 600 })])(
    "segments grow with length and never undercount capacity",
    (text) => {
      const info = measureSms(text);
      expect(info.segments * info.unitsPerSegment).toBeGreaterThanOrEqual(info.units);
      if (info.units > 0) expect(info.segments).toBeGreaterThanOrEqual(1);
    },
  );
});
