import { expect, test } from "vitest";
import * as templates from "./index";

// The public surface, pinned: a change here is an API change and needs a changeset.
test("public exports", () => {
  expect(Object.keys(templates).sort()).toEqual([
    "DEFAULT_TEMPLATE_LIMITS",
    "TemplateError",
    "applyMacro",
    "compileTemplate",
    "defineMacro",
    "defineTemplateSet",
    "htmlToText",
    "measureSms",
    "renderTemplate",
    "resolveLocale",
    "validateTemplate",
  ]);
});
