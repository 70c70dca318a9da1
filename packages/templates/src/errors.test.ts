import { SupportKitError } from "@supportkit/core";
import { describe, expect, test } from "vitest";
import { TemplateError } from "./errors";

describe("TemplateError", () => {
  test("computes line, column and a caret excerpt from the source and offset", () => {
    const source = "line one\n\tline {{ two }}\nthree";
    const error = new TemplateError("TEMPLATE_SYNTAX", "Bad", { source, index: source.indexOf("two") });
    expect([error.line, error.column]).toEqual([2, 10]);
    expect(error.excerpt).toBe(" line {{ two }}\n         ^");
    expect(error.message).toBe("Bad (line 2, column 10)\n line {{ two }}\n         ^");
    expect(error).toBeInstanceOf(SupportKitError);
    expect(error.code).toBe("TEMPLATE_SYNTAX");
  });

  test("cuts long lines around the problem", () => {
    const source = `${"x".repeat(500)}{{ oops }}${"y".repeat(500)}`;
    const error = new TemplateError("TEMPLATE_SYNTAX", "Bad", { source, index: 500 });
    const [text, caret] = error.excerpt.split("\n");
    expect(text).toHaveLength(80);
    expect(text?.slice(caret?.indexOf("^"))).toMatch(/^\{\{ oops/);
  });

  test("has no position without a source, and keeps the budget name and cause", () => {
    const cause = new Error("inner");
    const error = new TemplateError("TEMPLATE_LIMIT_EXCEEDED", "Too big", {
      limit: "maxTemplateSize",
      cause,
    });
    expect([error.line, error.column, error.excerpt, error.limit, error.cause]).toEqual([
      0,
      0,
      "",
      "maxTemplateSize",
      cause,
    ]);
    expect(error.message).toBe("Too big");
  });
});
