import { parseTicketEvents, replay, ValidationError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { orderDelay } from "./_test/orderDelay";
import { applyMacro, defineMacro } from "./applyMacro";
import { compileTemplate } from "./compileTemplate";
import { defineTemplateSet } from "./defineTemplateSet";
import { htmlToText } from "./htmlToText";
import { measureSms } from "./measureSms";
import { renderTemplate } from "./renderTemplate";
import { resolveLocale } from "./resolveLocale";
import { validateTemplate } from "./validateTemplate";

// Every public entry point answers bad input with a ValidationError that names the argument or field: never a
// TypeError from deep inside, never an option silently ignored.

/** The issues of the ValidationError `fn` throws. */
function issuesOf(fn: () => unknown): readonly { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error("expected a ValidationError");
}

// JavaScript callers (and `as never` in TypeScript) can pass anything.
const loose = <F>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

const ticket = replay(
  parseTicketEvents([
    {
      type: "ticket.created",
      id: "e1",
      ticketId: "t-1",
      at: "2026-03-02T08:15:00Z",
      subject: "Where is my order?",
      channel: "chat",
      requester: { id: "c-1", name: "Ana", locale: "en" },
    },
  ]),
);

describe("bad arguments are ValidationErrors naming them", () => {
  test("resolveLocale with a requested, available or fallback of the wrong type", () => {
    expect(issuesOf(() => loose(resolveLocale)(null, ["en"], "en"))).toEqual([
      { path: "requested", code: "invalid_type", message: "expected a locale or an array of locales" },
    ]);
    expect(issuesOf(() => loose(resolveLocale)(["en", 7], ["en"], "en"))[0]?.path).toBe("requested.1");
    expect(issuesOf(() => loose(resolveLocale)("en", "en", "en"))[0]?.path).toBe("available");
    expect(issuesOf(() => loose(resolveLocale)("en", ["en", null], "en"))[0]?.path).toBe("available.1");
    expect(issuesOf(() => loose(resolveLocale)("en", ["en"]))[0]?.path).toBe("fallback");
    // A customer's malformed tag is not the caller's bug: it still gets the fallback.
    expect(resolveLocale(["??", "de"], ["en"], "en").reason).toBe("fallback");
  });

  test("renderTemplate without options, or with a field missing or malformed", () => {
    expect(issuesOf(() => loose(renderTemplate)(orderDelay))).toEqual([
      { path: "options", code: "invalid_type", message: "expected an options object, got undefined" },
    ]);
    expect(issuesOf(() => loose(renderTemplate)(orderDelay, { locale: "en", data: {} }))[0]?.path).toBe(
      "channel",
    );
    expect(
      issuesOf(() => loose(renderTemplate)(orderDelay, { locale: "en", channel: "fax", data: {} }))[0]?.path,
    ).toBe("channel");
    expect(issuesOf(() => loose(renderTemplate)(orderDelay, { locale: "en", channel: "sms" }))[0]?.path).toBe(
      "data",
    );
    expect(
      issuesOf(() => loose(renderTemplate)(orderDelay, { locale: null, channel: "sms", data: {} }))[0]?.path,
    ).toBe("locale");
    expect(
      issuesOf(() => loose(renderTemplate)(orderDelay, { locale: ["en", 5], channel: "sms", data: {} }))[0],
    ).toMatchObject({ path: "locale.1", message: "expected a locale string" });
    expect(
      issuesOf(() => renderTemplate(orderDelay, { locale: "en", channel: "sms", data: {}, now: "soon" }))[0]
        ?.path,
    ).toBe("now");
    expect(
      issuesOf(() =>
        renderTemplate(orderDelay, { locale: "en", channel: "sms", data: {}, maxSmsSegments: 0 }),
      )[0]?.path,
    ).toBe("maxSmsSegments");
  });

  test("measureSms and htmlToText with a non-string", () => {
    expect(issuesOf(() => loose(measureSms)(null))).toEqual([
      { path: "text", code: "invalid_type", message: "expected the message body as a string" },
    ]);
    expect(issuesOf(() => loose(htmlToText)(undefined))[0]?.path).toBe("html");
  });

  test("compiled render with options that are not an object", () => {
    expect(issuesOf(() => loose(compileTemplate("x").render)({}, "Asia/Tokyo"))[0]?.path).toBe("options");
  });

  test("applyMacro without options or without `at`", () => {
    const macro = defineMacro({ id: "m", actions: { addTags: ["x"] } });
    expect(issuesOf(() => loose(applyMacro)(macro, ticket))[0]?.path).toBe("options");
    expect(issuesOf(() => loose(applyMacro)(macro, ticket, {}))[0]?.path).toBe("at");
  });
});

describe("unknown option keys are ValidationErrors naming the key", () => {
  const unknownKey = (fn: () => unknown, key: string): void => {
    const issues = issuesOf(fn);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(`unknown field "${key}"`);
  };

  test("renderTemplate: a misspelt timezone is not silently UTC", () => {
    const set = { id: "s", defaultLocale: "en", variants: { en: { sms: "{{ d | date: '%H:%M' }}" } } };
    const options = { locale: "en", channel: "sms", data: { d: "2026-03-05T03:00:00Z" } } as const;
    unknownKey(() => renderTemplate(set, { ...options, timezone: "Asia/Tokyo" } as never), "timezone");
    expect(renderTemplate(set, { ...options, timeZone: "Asia/Tokyo" }).text).toBe("12:00");
  });

  test("compileTemplate, its render, validateTemplate, applyMacro, defineTemplateSet, defineMacro", () => {
    unknownKey(() => compileTemplate("x", { timezone: "Asia/Tokyo" } as never), "timezone");
    unknownKey(() => compileTemplate("x").render({}, { timezone: "Asia/Tokyo" } as never), "timezone");
    unknownKey(() => compileTemplate("x", { limits: { maxSteps: 1 } } as never), "maxSteps");
    unknownKey(() => validateTemplate("x", z.object({}), { limit: {} } as never), "limit");
    unknownKey(() => validateTemplate("x", z.object({}), { limits: { maxSize: 1 } } as never), "maxSize");
    const macro = defineMacro({ id: "m", actions: { addTags: ["x"] } });
    unknownKey(
      () => applyMacro(macro, ticket, { at: "2026-03-02T10:00:00Z", timezone: "UTC" } as never),
      "timezone",
    );
    unknownKey(
      () =>
        loose(defineTemplateSet)({
          id: "x",
          defaultLocale: "en",
          variants: { en: { chat: "x" } },
          strcit: true,
        }),
      "strcit",
    );
    unknownKey(() => defineMacro({ id: "m", titel: "x" } as never), "titel");
  });

  test("the known keys keep working", () => {
    const t = compileTemplate("{{ 'now' | date: '%H:%M' }}", { escape: "none" });
    expect(t.render({}, { timeZone: "Asia/Tokyo", locale: "ja", now: "2026-03-02T00:00:00Z" })).toBe("09:00");
    expect(
      validateTemplate("{{ x }}", z.object({ x: z.string() }), { limits: { maxTemplateSize: 100 } }).ok,
    ).toBe(true);
  });
});
