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
