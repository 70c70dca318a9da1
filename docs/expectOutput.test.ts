import { describe, expect, it, vi } from "vitest";
import { expectOutput, formatValue } from "./expectOutput";

describe("expectOutput (the docs test's check of `//=>` comments)", () => {
  it("writes values the way the comments do", () => {
    expect(formatValue("open")).toBe('"open"');
    expect(formatValue([])).toBe("[]");
    expect(formatValue(["a", 1, null])).toBe('[ "a", 1, null ]');
    expect(formatValue({ calendarMs: 1, "odd key": true })).toBe('{ calendarMs: 1, "odd key": true }');
    expect(formatValue(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });

  it("passes what the comment says and throws, naming the place, on anything else", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expectOutput("x.md:1", '"open" 1 (a remark in parentheses is not compared)', "open", 1);
      expectOutput("x.md:2", '[ "t-1 → mia" ] null', ["t-1 → mia"], null);
      expectOutput("x.md:3", '["a"]', ["a"]);
      expectOutput("x.md:4", '"2026-01-01T00:00:00.000Z"', new Date("2026-01-01T00:00:00Z"));
      expectOutput("x.md:5", '"https://…?id=42"', "https://example.com/track?id=42");
      expect(() => expectOutput("x.md:6", "true", false)).toThrow(
        "x.md:6 prints false, its comment says true",
      );
      expect(() => expectOutput("x.md:7", '"open" 2', "open", 1)).toThrow(/x\.md:7/);
      expect(() => expectOutput("x.md:8", '"https://…?id=42"', "https://example.com/track?id=43")).toThrow();
      expect(() => expectOutput("x.md:9", '"a.b"', "aXb")).toThrow(); // a dot is a dot, not any character
    } finally {
      log.mockRestore();
    }
  });
});
