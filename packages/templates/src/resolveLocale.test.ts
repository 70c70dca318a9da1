import { fc, test as prop } from "@fast-check/vitest";
import { ValidationError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { localeChain, localeKey, resolveLocale } from "./resolveLocale";

describe("resolveLocale", () => {
  test.each([
    ["zh-HK", ["zh-Hant-HK", "zh-Hant"]],
    ["zh-MO", ["zh-Hant-MO", "zh-Hant-HK", "zh-Hant"]],
    ["zh-TW", ["zh-Hant-TW", "zh-Hant"]],
    ["zh-CN", ["zh-CN", "zh"]],
    ["en-IN", ["en-IN", "en-001", "en"]],
    ["en-DE", ["en-DE", "en-150", "en-001", "en"]],
    ["en-US", ["en-US", "en"]],
    ["es-MX", ["es-MX", "es-419", "es"]],
    ["pt-AO", ["pt-AO", "pt-PT", "pt"]],
    ["pt-BR", ["pt-BR", "pt"]],
    ["nb", ["nb", "no"]],
    ["iw", ["he"]],
    ["sr-Latn-RS", ["sr-Latn-RS", "sr-Latn"]],
    ["ZH-hant-hk", ["zh-Hant-HK", "zh-Hant"]],
  ])("the chain of %s follows CLDR: %j", (requested, chain) => {
    expect(resolveLocale(requested, [], "en").chain).toEqual(chain);
  });

  test("zh-HK never falls back to Simplified zh", () => {
    expect(resolveLocale("zh-HK", ["en", "zh", "zh-CN"], "en")).toEqual({
      locale: "en",
      chain: ["zh-Hant-HK", "zh-Hant"],
      reason: "fallback",
    });
  });

  test("a variant labelled zh-TW serves zh-Hant-TW exactly, and zh-HK through zh-Hant", () => {
    expect(resolveLocale("zh-Hant-TW", ["en", "zh-TW"], "en")).toEqual({
      locale: "zh-TW",
      chain: ["zh-Hant-TW"],
      reason: "exact",
    });
    expect(resolveLocale("zh-HK", ["en", "zh-CN", "zh-TW"], "en")).toEqual({
      locale: "zh-TW",
      chain: ["zh-Hant-HK", "zh-Hant"],
      reason: "likely-subtags",
    });
    expect(resolveLocale("zh-MO", ["zh-TW", "zh-Hant-HK"], "en").locale).toBe("zh-Hant-HK");
  });

  test("parents: es-MX to es-419 then es, pt-AO to pt-PT, en-IN to en-001, nb to no", () => {
    expect(resolveLocale("es-MX", ["en", "es", "es-419"], "en")).toEqual({
      locale: "es-419",
      chain: ["es-MX", "es-419"],
      reason: "parent",
    });
    expect(resolveLocale("es-MX", ["en", "es"], "en")).toEqual({
      locale: "es",
      chain: ["es-MX", "es-419", "es"],
      reason: "parent",
    });
    expect(resolveLocale("pt-AO", ["pt-BR", "pt-PT"], "en").locale).toBe("pt-PT");
    expect(resolveLocale("pt-AO", ["pt-BR"], "en")).toEqual({
      locale: "pt-BR",
      chain: ["pt-AO", "pt-PT", "pt"],
      reason: "likely-subtags",
    });
    expect(resolveLocale("en-IN", ["en-GB", "en-001", "en"], "en").locale).toBe("en-001");
    expect(resolveLocale("nb-NO", ["no", "en"], "en")).toEqual({
      locale: "no",
      chain: ["nb-NO", "nb", "no"],
      reason: "parent",
    });
  });

  test("iw is he, and matching is case-insensitive", () => {
    expect(resolveLocale("iw", ["he-IL", "en"], "en")).toEqual({
      locale: "he-IL",
      chain: ["he"],
      reason: "likely-subtags",
    });
    expect(resolveLocale("DE-de", ["de-DE"], "en").reason).toBe("exact");
  });

  test("a bare language is served by its likely region's variant", () => {
    expect(resolveLocale("de", ["en", "de-DE"], "en")).toEqual({
      locale: "de-DE",
      chain: ["de"],
      reason: "likely-subtags",
    });
    expect(resolveLocale("de-AT", ["de-AT", "de-DE"], "en").reason).toBe("exact");
  });

  test("several requested tags are tried in order", () => {
    expect(resolveLocale(["fr-CA", "de-CH", "en"], ["de", "en"], "en")).toEqual({
      locale: "de",
      chain: ["fr-CA", "fr", "de-CH", "de"],
      reason: "parent",
    });
  });

  test("a malformed request gets the fallback; a malformed available tag or fallback is a ValidationError", () => {
    expect(resolveLocale("not a locale!", ["en"], "en")).toEqual({
      locale: "en",
      chain: [],
      reason: "invalid-request",
    });
    expect(() => resolveLocale("en", ["en", "??"], "en")).toThrow(ValidationError);
    expect(() => resolveLocale("en", ["en"], "??")).toThrow(ValidationError);
  });

  test("keys put the script in only when it is not the default", () => {
    expect([
      localeKey("zh-Hans-CN"),
      localeKey("zh-HK"),
      localeKey("en-Latn-IN"),
      localeKey("sr-Cyrl"),
      localeKey("x"),
    ]).toEqual(["zh-CN", "zh-Hant-HK", "en-IN", "sr", null]);
  });
});

describe("laws", () => {
  const tags = fc.constantFrom(
    "en",
    "en-US",
    "en-GB",
    "en-IN",
    "en-AU",
    "es",
    "es-MX",
    "es-419",
    "es-ES",
    "pt",
    "pt-BR",
    "pt-PT",
    "pt-AO",
    "zh",
    "zh-CN",
    "zh-TW",
    "zh-HK",
    "zh-MO",
    "zh-Hant",
    "zh-Hans",
    "de",
    "de-AT",
    "nb",
    "no",
    "he",
    "iw",
    "ar",
    "ar-EG",
    "ja",
    "ko",
    "fr-CA",
    "sr-Latn",
  );
  prop.prop([tags, fc.uniqueArray(tags, { maxLength: 8 })])(
    "the result is an available tag or the fallback, and the chain starts at the request",
    (requested, available) => {
      const result = resolveLocale(requested, available, "en");
      expect([...available, "en"]).toContain(result.locale);
      expect(result.chain[0]).toBe(localeKey(requested));
      if (result.reason === "exact") expect(localeKey(result.locale)).toBe(localeKey(requested));
    },
  );
  prop.prop([tags, fc.uniqueArray(tags, { maxLength: 8 })])(
    "Traditional Chinese requests never get Simplified variants",
    (requested, available) => {
      const key = localeKey(requested) as string;
      if (!key.startsWith("zh-Hant")) return;
      const result = resolveLocale(requested, available, "en");
      expect(["zh", "zh-CN", "zh-Hans"]).not.toContain(result.locale);
    },
  );
  prop.prop([tags])("a chain only gets less specific", (requested) => {
    const chain = localeChain(localeKey(requested) as string);
    expect(new Set(chain).size).toBe(chain.length);
  });
});
