import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { BufferPool } from "./bufferPool";
import { QuantileStore } from "./quantileStore";

// Whole milliseconds mostly (kept as 32-bit integers), with now and then a value that is not one: a
// fraction, −0, a negative, 2³² and beyond. Each must come back bit for bit.
const value = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 2 ** 32 - 1 }) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom(-0, 2 ** 32, 0.5, -1, 1e300),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
  },
);
const byValue = (a: number, b: number) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0);

test.prop([fc.array(fc.record({ store: fc.nat({ max: 5 }), value }), { maxLength: 600 }), fc.boolean()])(
  "keeps every value exactly, whatever their kinds, with many stores sharing one pool",
  (adds, pooled) => {
    const options = { exactLimit: 1_000, alpha: 0.01, ...(pooled ? { pool: new BufferPool() } : {}) };
    const stores = Array.from({ length: 6 }, () => new QuantileStore(options));
    const expected: number[][] = stores.map(() => []);
    for (const { store, value } of adds) {
      stores[store]?.add(value);
      expected[store]?.push(value);
    }
    stores.forEach((store, i) => {
      const json = store.toJSON();
      expect("values" in json ? json.values : null).toEqual([...(expected[i] as number[])].sort(byValue));
    });
  },
);

test.prop([
  fc.array(fc.nat({ max: 1e9 }), { minLength: 1, maxLength: 300 }),
  fc.integer({ min: 1, max: 40 }),
])(
  "hands a sketched store's buffer to the next store, which still reads only its own values",
  (values, limit) => {
    const pool = new BufferPool();
    const first = new QuantileStore({ exactLimit: limit, alpha: 0.01, pool });
    for (const v of values) first.add(v);
    const second = new QuantileStore({ exactLimit: limit, alpha: 0.01, pool });
    // Halves: the second store switches to doubles part-way, in buffers carved after odd-sized ones.
    const mine = values.slice(0, limit).map((v) => v / 2);
    for (const v of mine) second.add(v);
    expect(second.toJSON()).toEqual({ values: [...mine].sort((a, b) => a - b) });
    expect(first.exact).toBe(values.length <= limit);
  },
);
