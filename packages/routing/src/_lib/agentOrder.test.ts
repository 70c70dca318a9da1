import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { AgentOrder } from "./agentOrder";

type Op =
  | { kind: "set"; slot: number; primary: number; idle: number }
  | { kind: "drop"; slot: number }
  | { kind: "fill" };

const SLOTS = 40;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    slot: fc.nat({ max: SLOTS - 1 }),
    // Few distinct values, so ties on primary and idle (decided by rank) are common.
    primary: fc.integer({ min: 0, max: 3 }).map((n) => n / 3),
    idle: fc.oneof(fc.constant(Number.NEGATIVE_INFINITY), fc.integer({ min: 0, max: 3 })),
  }),
  fc.record({ kind: fc.constant("drop" as const), slot: fc.nat({ max: SLOTS - 1 }) }),
  fc.constant({ kind: "fill" as const }),
);

test.prop([
  fc.array(opArb, { maxLength: 200 }),
  fc.integer({ min: 1, max: 1_000 }),
  fc.constantFrom(2, 3, 4, 8, 64),
])(
  "stays sorted by (primary, idle, rank) through inserts, moves, removals and bulk fills, in blocks of any size",
  (ops, seed, blockSize) => {
    // Ranks: a permutation of the slots, as the router derives them from agent ids.
    const ranks = Array.from({ length: SLOTS }, (_, i) => i).sort(
      (a, b) => ((a * 7_919 + seed) % 97) - ((b * 7_919 + seed) % 97) || a - b,
    );
    const rank = { values: new Float64Array(128) };
    ranks.forEach((slot, i) => {
      rank.values[slot] = i;
    });
    const order = new AgentOrder(rank, blockSize);
    order.ensure(128);
    const model = new Map<number, { primary: number; idle: number }>();
    for (const op of ops) {
      if (op.kind === "set") {
        if (order.has[op.slot] === 1) order.move(op.slot, op.primary, op.idle);
        else order.insert(op.slot, op.primary, op.idle);
        model.set(op.slot, { primary: op.primary, idle: op.idle });
      } else if (op.kind === "drop") {
        if (order.has[op.slot] === 1) order.remove(op.slot);
        model.delete(op.slot);
      } else {
        for (const [slot, key] of model) order.write(slot, key.primary, key.idle);
        order.fill([...model.keys()]);
      }
      const expected = [...model.entries()]
        .sort(
          ([a, ka], [b, kb]) =>
            ka.primary - kb.primary ||
            (ka.idle === kb.idle ? 0 : ka.idle < kb.idle ? -1 : 1) ||
            (rank.values[a] as number) - (rank.values[b] as number),
        )
        .map(([slot]) => slot);
      expect(order.toArray()).toEqual(expected);
      expect(order.size).toBe(expected.length);
      for (let slot = 0; slot < SLOTS; slot++) expect(order.has[slot]).toBe(model.has(slot) ? 1 : 0);
      expected.forEach((slot, i) => {
        expect(order.indexOf(slot)).toBe(i);
      });
      // A class's first member: every third slot (shifted by the seed) is one.
      const member = (slot: number) => (slot + seed) % 3 === 0;
      // The set sits at word 4 of a shared array whose other regions have every bit set.
      const bits = new Int32Array(12).fill(-1);
      bits.fill(0, 4, 8);
      for (let slot = 0; slot < SLOTS; slot++)
        if (member(slot)) bits[4 + (slot >>> 5)] = (bits[4 + (slot >>> 5)] as number) | (1 << (slot & 31));
      expect(order.firstOf(bits, 4)).toBe(expected.find(member) ?? -1);
    }
  },
);
