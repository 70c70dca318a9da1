import { minutes } from "@supportkit/core";
import { describe, expect, it } from "vitest";
import { item, T0 } from "./_test/fixtures";
import { effectiveRequirements } from "./relaxation";
import { parseWorkItem } from "./workItem";

describe("effectiveRequirements", () => {
  const request = parseWorkItem(
    item("t", {
      requiredSkills: [
        { name: "refunds", minLevel: 8, relax: { everyMs: minutes(5), step: 2, floor: 3 } },
        { name: "german", minLevel: 4, dropAfterMs: minutes(12) },
      ],
    }),
  );

  it("lowers stepwise at exact boundaries and never below the floor", () => {
    const levels = [0, 5, 10, 15, 20].map(
      (m) => effectiveRequirements(request, T0 + minutes(m)).skills[0]?.minLevel,
    );
    expect(levels).toEqual([8, 6, 4, 3, 3]);
    expect(effectiveRequirements(request, T0 + minutes(5) - 1).skills[0]?.minLevel).toBe(8);
  });

  it("schedules the next change instant", () => {
    expect(effectiveRequirements(request, T0).nextChangeAt).toEqual(new Date(T0 + minutes(5)));
    expect(effectiveRequirements(request, T0 + minutes(11)).nextChangeAt).toEqual(new Date(T0 + minutes(12)));
    expect(effectiveRequirements(request, T0 + minutes(12)).nextChangeAt).toEqual(new Date(T0 + minutes(15)));
    expect(effectiveRequirements(request, T0 + minutes(15)).nextChangeAt).toBeNull();
  });

  it("drops at exactly dropAfterMs", () => {
    expect(effectiveRequirements(request, T0 + minutes(12) - 1).skills[1]?.dropped).toBe(false);
    expect(effectiveRequirements(request, T0 + minutes(12))).toMatchObject({
      relaxed: true,
      skills: [{ name: "refunds" }, { name: "german", dropped: true }],
    });
    expect(effectiveRequirements(request, T0).relaxed).toBe(false);
  });
});
