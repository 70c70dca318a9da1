import { grown } from "./typed";

/**
 * Queue-order keys (and the few fields an assignment reads) of the router's queued items in flat typed
 * arrays, one row (slot) per item, plus the class queues and the dispatch pass built on them. Item
 * objects are scattered in memory, and a heap sift compares a dozen of them; reading their keys from
 * contiguous arrays instead avoids a cache miss per comparison, which dominated the cost of a dispatch
 * over a large backlog.
 *
 * Order: `base` descending (the time-invariant queue score), then `created` ascending, then id ascending.
 */
export class ItemStore {
  base = new Float64Array(64);
  created = new Float64Array(64);
  /** Priority plus VIP weight (for the queue score at assignment). */
  weight = new Float64Array(64);
  /** End of the sticky wait; -Infinity when the item has no previous agent. */
  sticky = new Float64Array(64);
  /** 1 when the item's requirements were relaxed when it was last placed. */
  relaxed = new Uint8Array(64);
  /** Position of the item in its class queue, -1 when in none. */
  pos = new Int32Array(64).fill(-1);
  ids: string[] = [];
  /**
   * Per class number: the row of the class queue's first item, -1 when empty. Kept by the queues, so that
   * which classes have work, and how urgent, can be read without touching the class objects.
   */
  headOf = new Int32Array(64).fill(-1);
  private readonly free: number[] = [];
  private next = 0;

  /** A row for a new queued item. */
  alloc(id: string, base: number, created: number, weight: number, sticky: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.next++;
      if (slot >= this.base.length) this.grow();
    }
    this.base[slot] = base;
    this.created[slot] = created;
    this.weight[slot] = weight;
    this.sticky[slot] = sticky;
    this.relaxed[slot] = 0;
    this.pos[slot] = -1;
    this.ids[slot] = id;
    return slot;
  }

  /** Frees a row; the item must be in no queue. */
  release(slot: number): void {
    this.ids[slot] = "";
    this.free.push(slot);
  }

  /** Makes room for class number `num`. */
  ensureClass(num: number): void {
    if (num < this.headOf.length) return;
    let size = this.headOf.length;
    while (size <= num) size *= 2;
    const headOf = grown(this.headOf, size);
    headOf.fill(-1, this.headOf.length);
    this.headOf = headOf;
  }

  /** Drops every row. */
  clear(): void {
    this.free.length = 0;
    this.ids = [];
    this.next = 0;
  }

  /** Whether item `a` comes before item `b` in queue order. */
  before(a: number, b: number): boolean {
    const ba = this.base[a] as number;
    const bb = this.base[b] as number;
    if (ba !== bb) return ba > bb;
    const ca = this.created[a] as number;
    const cb = this.created[b] as number;
    if (ca !== cb) return ca < cb;
    return (this.ids[a] as string) < (this.ids[b] as string);
  }

  private grow(): void {
    const size = this.base.length * 2;
    this.base = grown(this.base, size);
    this.created = grown(this.created, size);
    const pos = grown(this.pos, size);
    pos.fill(-1, this.pos.length);
    this.pos = pos;
    this.weight = grown(this.weight, size);
    this.sticky = grown(this.sticky, size);
    this.relaxed = grown(this.relaxed, size);
  }
}

/** The queued items of one requirement class: an indexed binary heap of item rows in queue order. */
export class ItemQueue {
  size = 0;
  private heap = new Int32Array(4);

  /** `num`: the class's number, under which the store keeps the queue's first row (`headOf`). */
  constructor(
    private readonly store: ItemStore,
    private readonly num: number,
  ) {
    store.ensureClass(num);
    store.headOf[num] = -1;
  }

  /** The first item's row, or -1 when empty. */
  peek(): number {
    return this.size > 0 ? (this.heap[0] as number) : -1;
  }

  has(slot: number): boolean {
    const at = this.store.pos[slot] as number;
    return at >= 0 && at < this.size && this.heap[at] === slot;
  }

  push(slot: number): void {
    if (this.size === this.heap.length) this.heap = grown(this.heap, this.heap.length * 2);
    const at = this.size++;
    this.heap[at] = slot;
    this.store.pos[slot] = at;
    this.up(at);
    this.store.headOf[this.num] = this.heap[0] as number;
  }

  remove(slot: number): boolean {
    if (!this.has(slot)) return false;
    const pos = this.store.pos;
    const at = pos[slot] as number;
    const last = this.heap[--this.size] as number;
    pos[slot] = -1;
    if (last !== slot) {
      this.heap[at] = last;
      pos[last] = at;
      this.up(at);
      this.down(pos[last] as number);
    }
    this.store.headOf[this.num] = this.size > 0 ? (this.heap[0] as number) : -1;
    return true;
  }

  /** The rows in heap (not queue) order. */
  toArray(): number[] {
    return Array.from(this.heap.subarray(0, this.size));
  }

  private up(start: number): void {
    const heap = this.heap;
    const store = this.store;
    const pos = store.pos;
    let index = start;
    const slot = heap[index] as number;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as number;
      if (!store.before(slot, parent)) break;
      heap[index] = parent;
      pos[parent] = index;
      index = parentIndex;
    }
    heap[index] = slot;
    pos[slot] = index;
  }

  private down(start: number): void {
    const heap = this.heap;
    const store = this.store;
    const pos = store.pos;
    const size = this.size;
    let index = start;
    const slot = heap[index] as number;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && store.before(heap[right] as number, heap[left] as number)) child = right;
      const childSlot = heap[child] as number;
      if (!store.before(childSlot, slot)) break;
      heap[index] = childSlot;
      pos[childSlot] = index;
      index = child;
    }
    heap[index] = slot;
    pos[slot] = index;
  }
}

/**
 * The dispatch pass: requirement classes (by number) ordered by their head item, so that the pass always
 * serves the first queued item among the classes not yet found blocked. The head's key is copied into
 * the pass (`headBase`), so most comparisons read one contiguous array.
 */
export class PassHeap {
  size = 0;
  private heap = new Int32Array(64);
  private headBase = new Float64Array(64);
  private headSlot = new Int32Array(64);

  constructor(private readonly store: ItemStore) {}

  /** The class with the first head, or -1 when empty. */
  peek(): number {
    return this.size > 0 ? (this.heap[0] as number) : -1;
  }

  /** Adds class `cls` (a number) with head item row `head`. */
  push(cls: number, head: number): void {
    this.ensure(cls);
    if (this.size === this.heap.length) this.heap = grown(this.heap, this.heap.length * 2);
    this.headSlot[cls] = head;
    this.headBase[cls] = this.store.base[head] as number;
    const heap = this.heap;
    let index = this.size++;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as number;
      if (!this.before(cls, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = cls;
  }

  /** The top class got a new head item row: re-sift it (a head only moves back in queue order). */
  replaceTopHead(head: number): void {
    const cls = this.heap[0] as number;
    this.headSlot[cls] = head;
    this.headBase[cls] = this.store.base[head] as number;
    this.down();
  }

  pop(): void {
    const last = this.heap[--this.size] as number;
    if (this.size > 0) {
      this.heap[0] = last;
      this.down();
    }
  }

  clear(): void {
    this.size = 0;
  }

  private before(a: number, b: number): boolean {
    const ba = this.headBase[a] as number;
    const bb = this.headBase[b] as number;
    if (ba !== bb) return ba > bb;
    return this.store.before(this.headSlot[a] as number, this.headSlot[b] as number);
  }

  private down(): void {
    const heap = this.heap;
    const size = this.size;
    let index = 0;
    const cls = heap[0] as number;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && this.before(heap[right] as number, heap[left] as number)) child = right;
      const childCls = heap[child] as number;
      if (!this.before(childCls, cls)) break;
      heap[index] = childCls;
      index = child;
    }
    heap[index] = cls;
  }

  private ensure(cls: number): void {
    if (cls < this.headBase.length) return;
    let size = this.headBase.length;
    while (size <= cls) size *= 2;
    this.headBase = grown(this.headBase, size);
    this.headSlot = grown(this.headSlot, size);
  }
}
