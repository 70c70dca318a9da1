import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { languageMatches } from "./language";

describe("languageMatches", () => {
  it("matches equal tags case-insensitively", () => {
    expect(languageMatches("de", "de")).toBe(true);
    expect(languageMatches("pt-br", "pt-BR")).toBe(true);
    expect(languageMatches("EN", "en")).toBe(true);
  });

  it("matches a prefix ending at a subtag boundary", () => {
    expect(languageMatches("es", "es-MX")).toBe(true);
    expect(languageMatches("zh-Hant", "zh-Hant-HK")).toBe(true);
    expect(languageMatches("zh", "zh-Hant-HK")).toBe(true);
  });

  it("does not match across a subtag boundary or the other way round", () => {
    expect(languageMatches("e", "es")).toBe(false);
    expect(languageMatches("zh-Han", "zh-Hant")).toBe(false);
    expect(languageMatches("zh-Hans", "zh-Hant-HK")).toBe(false);
    expect(languageMatches("es-MX", "es")).toBe(false);
    expect(languageMatches("", "es")).toBe(false);
  });

  test.prop([fc.constantFrom("en", "de", "zh-Hant", "pt"), fc.constantFrom("", "-US", "-HK", "-x-foo")])(
    "a tag covers every extension of itself",
    (base, suffix) => {
      expect(languageMatches(base.toUpperCase(), base + suffix)).toBe(true);
    },
  );
});
