import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BitPool } from "./bitPool";

describe("BitPool", () => {
  it("keeps every region's members through allocations, releases and widening", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("alloc" as const) }),
            fc.record({ op: fc.constant("release" as const), pick: fc.nat() }),
            fc.record({ op: fc.constant("add" as const), pick: fc.nat(), slot: fc.nat({ max: 299 }) }),
            fc.record({ op: fc.constant("resize" as const), slots: fc.integer({ min: 1, max: 300 }) }),
          ),
          { maxLength: 80 },
        ),
        (ops) => {
          const pool = new BitPool();
          pool.resize(32);
          let capacity = 32;
          const model = new Map<number, Set<number>>();
          for (const step of ops) {
            const live = [...model.keys()];
            if (step.op === "alloc") {
              const r = pool.alloc();
              expect(model.has(r)).toBe(false);
              model.set(r, new Set());
            } else if (step.op === "release" && live.length > 0) {
              const r = live[step.pick % live.length] as number;
              pool.release(r);
              model.delete(r);
            } else if (step.op === "add" && live.length > 0 && step.slot < capacity) {
              const r = live[step.pick % live.length] as number;
              pool.add(r, step.slot);
              model.get(r)?.add(step.slot);
            } else if (step.op === "resize") {
              pool.resize(step.slots);
              capacity = Math.max(capacity, pool.words * 32);
            }
            for (const [r, members] of model)
              for (let slot = 0; slot < 320; slot++) expect(pool.has(r, slot)).toBe(members.has(slot));
          }
        },
      ),
    );
  });
});
