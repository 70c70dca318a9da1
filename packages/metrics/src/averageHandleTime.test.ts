import { describe, expect, it } from "vitest";
import { averageHandleTime } from "./averageHandleTime";

describe("averageHandleTime", () => {
  it("adds talk, hold and wrap-up", () => {
    expect(
      averageHandleTime([
        { talkMs: 240_000, holdMs: 30_000, wrapUpMs: 60_000 },
        { talkMs: 180_000, wrapUpMs: 30_000 },
      ]),
    ).toEqual({ count: 2, averageMs: 270_000, talkMs: 210_000, holdMs: 15_000, wrapUpMs: 45_000 });
    expect(averageHandleTime([]).averageMs).toBeNull();
    expect(() => averageHandleTime([{ talkMs: -1 }])).toThrow(/0\.talkMs/);
  });
});
