import { ValidationError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { defineTemplateSet } from "./defineTemplateSet";
import { TemplateError } from "./errors";

describe("defineTemplateSet", () => {
  const set = defineTemplateSet({
    id: "welcome",
    defaultLocale: "en",
    variants: {
      en: { email: { subject: "Welcome", html: "<p>Hi</p>" }, chat: "Hi", sms: "Hi" },
      "zh-TW": { chat: "您好" },
      "pt-BR": { email: { subject: "Bem-vindo", html: "<p>Olá</p>", text: "Olá" } },
    },
  });

  test("lists locales and which have each channel", () => {
    expect(set.locales).toEqual(["en", "zh-TW", "pt-BR"]);
    expect(set.channels).toEqual({ email: ["en", "pt-BR"], chat: ["en", "zh-TW"], sms: ["en"] });
  });

  test("is frozen and exposes no compiled internals", () => {
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.keys(set).sort()).toEqual(["channels", "defaultLocale", "id", "locales"]);
  });

  test("a default locale without a variant, an invalid locale or an unknown part is a ValidationError", () => {
    expect(() =>
      defineTemplateSet({ id: "x", defaultLocale: "de", variants: { en: { chat: "x" } } }),
    ).toThrow(ValidationError);
    expect(() =>
      defineTemplateSet({
        id: "x",
        defaultLocale: "en",
        variants: { en: { chat: "x" }, "??": { chat: "y" } },
      }),
    ).toThrow(ValidationError);
    expect(() =>
      defineTemplateSet({ id: "x", defaultLocale: "en", variants: { en: { fax: "x" } as never } }),
    ).toThrow(ValidationError);
  });

  test("two variants for one locale (case, script or deprecated code) are a ValidationError naming the second", () => {
    for (const [first, second, key] of [
      ["en", "EN", "en"],
      ["pt-BR", "pt-br", "pt-BR"],
      ["zh-TW", "zh-Hant-TW", "zh-Hant-TW"],
      ["zh-CN", "zh-Hans-CN", "zh-CN"],
      ["he", "iw", "he"],
    ] as const) {
      let caught: unknown;
      try {
        defineTemplateSet({
          id: "dup",
          defaultLocale: first,
          variants: { [first]: { chat: "a" }, [second]: { chat: "b" } },
        });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).issues).toEqual([
        {
          path: `variants.${second}`,
          code: "custom",
          message: `duplicates the variant "${first}" (both match the locale ${key})`,
        },
      ]);
    }
    // Different regions or scripts are different locales.
    expect(
      defineTemplateSet({
        id: "ok",
        defaultLocale: "en",
        variants: { en: { chat: "a" }, "en-GB": { chat: "b" }, "zh-Hant": { chat: "c" }, zh: { chat: "d" } },
      }).locales,
    ).toEqual(["en", "en-GB", "zh-Hant", "zh"]);
  });

  test("an unknown budget name is a ValidationError naming it", () => {
    expect(() =>
      defineTemplateSet({
        id: "x",
        defaultLocale: "en",
        variants: { en: { chat: "x" } },
        limits: { maxSteps: 5 } as never,
      }),
    ).toThrow(/Invalid template set: limits: unknown field "maxSteps"/);
  });

  test("a part that does not compile names the set, locale and part, and keeps the code", () => {
    try {
      defineTemplateSet({
        id: "promo",
        defaultLocale: "en",
        variants: { en: { email: { subject: "{% include 'x' %}", html: "" } } },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).code).toBe("TEMPLATE_UNKNOWN_TAG");
      expect((error as TemplateError).message).toMatch(/^promo \[en email\.subject\]: Unknown tag "include"/);
    }
  });
});
