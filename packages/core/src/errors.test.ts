import { describe, expect, it, vi } from "vitest";
import * as here from "./errors";

describe("errors across copies of a package", () => {
  it("instanceof matches an error from another copy of core by its brand, and only by its class chain", async () => {
    // A second, separate evaluation of the module: what an app gets when `require` and `import` both load core.
    vi.resetModules();
    const copy = "./errors?copy"; // a specifier of its own, so the module is evaluated afresh
    const other = (await import(/* @vite-ignore */ copy)) as typeof here;
    expect(other.ValidationError).not.toBe(here.ValidationError);
    const foreign = new other.ValidationError("ticket", [
      { path: "id", code: "too_small", message: "empty" },
    ]);
    expect(foreign).toBeInstanceOf(here.ValidationError);
    expect(foreign).toBeInstanceOf(here.SupportKitError);
    expect(foreign).toBeInstanceOf(Error);
    expect(foreign instanceof here.TransitionError).toBe(false);
    expect(foreign instanceof here.ReplayError).toBe(false);
    const base = new other.SupportKitError("X", "x");
    expect(base).toBeInstanceOf(here.SupportKitError);
    expect(base instanceof here.ValidationError).toBe(false);
  });

  it("a subclass without a brand of its own matches only its own copy's errors", () => {
    class AppError extends here.SupportKitError {}
    class OtherAppError extends here.SupportKitError {}
    expect(new AppError("A", "a")).toBeInstanceOf(AppError);
    expect(new AppError("A", "a")).toBeInstanceOf(here.SupportKitError);
    expect(new AppError("A", "a") instanceof OtherAppError).toBe(false);
    expect(new here.ValidationError("x", []) instanceof AppError).toBe(false);
  });

  it("the brands stay out of JSON, keys and equality", () => {
    const error = new here.ValidationError("ticket", [{ path: "id", code: "too_small", message: "empty" }]);
    expect(Object.keys(error).sort()).toEqual(["code", "issues", "name", "subject"]);
    expect(JSON.stringify(error)).not.toContain("brand");
    expect(here.SupportKitError.brand).toBe("@supportkit/core:SupportKitError");
    expect({}).not.toBeInstanceOf(here.SupportKitError);
    expect((null as unknown as object) instanceof here.SupportKitError).toBe(false);
  });
});
