import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { ItemQueue, ItemStore, PassHeap, queuePopHead } from "./itemQueue";

interface Row {
  id: string;
  base: number;
  created: number;
}

// Few distinct bases and creation times, so the tie-breaks (created, then id) decide often.
const rowArb: fc.Arbitrary<Row> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  base: fc.integer({ min: 0, max: 3 }),
  created: fc.integer({ min: 0, max: 3 }),
});

const queueOrder = (a: Row, b: Row) =>
  b.base - a.base || a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

test.prop([
  fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 150 }),
  fc.array(fc.nat(), { maxLength: 60 }),
])(
  "a class queue yields its items in queue order, also after removals and with reused rows",
  (rows, removals) => {
    const store = new ItemStore();
    const queue = new ItemQueue(store, 3);
    const live = new Map<number, Row>();
    for (const row of rows) {
      const slot = store.alloc(row.id, row.base, row.created, 0, Number.NEGATIVE_INFINITY);
      queue.push(slot);
      live.set(slot, row);
    }
    const head = () => {
      let best: number | undefined;
      for (const [slot, row] of live)
        if (best === undefined || queueOrder(row, live.get(best) as Row) < 0) best = slot;
      return best ?? -1;
    };
    expect(store.headOf[3]).toBe(head());
    for (const pick of removals) {
      const slots = [...live.keys()];
      const slot = slots[pick % Math.max(1, slots.length)];
      if (slot === undefined) break;
      expect(queue.remove(slot)).toBe(true);
      expect(queue.remove(slot)).toBe(false);
      store.release(slot);
      live.delete(slot);
      expect(store.headOf[3]).toBe(head());
    }
    const drained: Row[] = [];
    while (queue.size > 0) {
      const slot = queue.peek();
      drained.push(live.get(slot) as Row);
      // Alternately by id and as the head (the assignment path's way).
      if (drained.length % 2 === 0) queue.remove(slot);
      else queuePopHead(store, 3);
      expect(queue.has(slot)).toBe(false);
    }
    expect(queue.peek()).toBe(-1);
    expect(drained).toEqual([...live.values()].sort(queueOrder));
  },
);

test.prop([fc.uniqueArray(rowArb, { selector: (r) => r.id, minLength: 1, maxLength: 80 })])(
  "the dispatch pass serves classes by their head item, re-sifting the top when its head changes",
  (rows) => {
    // Each row is the head of its own class; replacing the top's head with a later row moves it back.
    const store = new ItemStore();
    const pass = new PassHeap(store);
    const slots = rows.map((row) => store.alloc(row.id, row.base, row.created, 0, 0));
    slots.forEach((slot, cls) => {
      pass.push(cls + 100, slot); // class numbers need not be dense from 0
    });
    const served: Row[] = [];
    while (pass.peek() >= 0) {
      const cls = pass.peek() - 100;
      served.push(rows[cls] as Row);
      pass.pop();
    }
    expect(served).toEqual([...rows].sort(queueOrder));
    // The same through replaceTopHead: give the top class a last-of-all head, it must come out last.
    const later = store.alloc("~~~~", -1, 99, 0, 0);
    slots.forEach((slot, cls) => {
      pass.push(cls, slot);
    });
    const first = pass.peek();
    pass.replaceTopHead(later);
    const order: number[] = [];
    while (pass.peek() >= 0) {
      order.push(pass.peek());
      pass.pop();
    }
    expect(order.at(-1)).toBe(first);
  },
);
