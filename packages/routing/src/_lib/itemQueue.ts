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
  /**
   * Every class queue's heap, each in its own region of one shared array (`queueStart`, `queueCap` and
   * `queueSize` by class number). Reaching a class's heap is then one load from arrays that stay in cache,
   * not a walk from the class object to a queue object, to its array, to the array's storage: that chain
   * cost a cache miss per step on every assignment. A queue that outgrows its region moves to a new one,
   * twice the size, at the end; the old region is not reused, which at most doubles the space.
   */
  queueData = new Int32Array(256);
  queueStart = new Int32Array(64);
  queueCap = new Int32Array(64);
  queueSize = new Int32Array(64);
  private queueEnd = 0;
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
    this.queueStart = grown(this.queueStart, size);
    this.queueCap = grown(this.queueCap, size);
    this.queueSize = grown(this.queueSize, size);
  }

  /** Gives class `num`'s queue a region for at least one more entry. */
  growQueue(num: number): void {
    const size = this.queueSize[num] as number;
    const cap = Math.max(4, 2 * (this.queueCap[num] as number));
    const start = this.queueEnd;
    if (start + cap > this.queueData.length) {
      let length = this.queueData.length;
      while (length < start + cap) length *= 2;
      this.queueData = grown(this.queueData, length);
    }
    const from = this.queueStart[num] as number;
    this.queueData.copyWithin(start, from, from + size);
    this.queueStart[num] = start;
    this.queueCap[num] = cap;
    this.queueEnd = start + cap;
  }

  /** Empties every class queue and gives their space back (the classes are about to be rebuilt). */
  clearQueues(): void {
    this.queueEnd = 0;
    this.queueCap.fill(0);
    this.queueSize.fill(0);
    this.headOf.fill(-1);
  }

  /** Drops every row and queue. */
  clear(): void {
    this.free.length = 0;
    this.ids = [];
    this.next = 0;
    this.clearQueues();
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

/** Children per node of a class queue's heap (see {@link ItemQueue}). */
const ARITY = 4;

/** Index of the parent of heap entry `index` (> 0) in a class queue. */
export function queueParent(index: number): number {
  return Math.floor((index - 1) / ARITY);
}

/**
 * The queued items of one requirement class: an indexed 4-ary heap of item rows in queue order (half the
 * depth of a binary heap: a pop's chain of dependent reads of scattered rows is half as long), stored
 * in the store's shared queue array (see {@link ItemStore.queueData}). Positions in `pos` are relative to
 * the class's region.
 */
export class ItemQueue {
  /** `num`: the class's number, under which the store keeps the queue (an emptied one if it had one). */
  constructor(
    private readonly store: ItemStore,
    private readonly num: number,
  ) {
    store.ensureClass(num);
    store.queueSize[num] = 0;
    store.headOf[num] = -1;
  }

  get size(): number {
    return this.store.queueSize[this.num] as number;
  }

  /** The first item's row, or -1 when empty. */
  peek(): number {
    return this.store.headOf[this.num] as number;
  }

  has(slot: number): boolean {
    return queueHas(this.store, this.num, slot);
  }

  push(slot: number): void {
    queuePush(this.store, this.num, slot);
  }

  remove(slot: number): boolean {
    return queueRemove(this.store, this.num, slot);
  }

  /** The rows in heap (not queue) order. */
  toArray(): number[] {
    const start = this.store.queueStart[this.num] as number;
    return Array.from(this.store.queueData.subarray(start, start + this.size));
  }
}

/** Whether row `slot` is in class `num`'s queue. */
export function queueHas(store: ItemStore, num: number, slot: number): boolean {
  const at = store.pos[slot] as number;
  return (
    at >= 0 &&
    at < (store.queueSize[num] as number) &&
    store.queueData[(store.queueStart[num] as number) + at] === slot
  );
}

/** Adds row `slot` to class `num`'s queue. */
export function queuePush(store: ItemStore, num: number, slot: number): void {
  if (store.queueSize[num] === store.queueCap[num]) store.growQueue(num);
  const at = store.queueSize[num] as number;
  store.queueSize[num] = at + 1;
  siftUp(store, store.queueStart[num] as number, at, slot);
  store.headOf[num] = store.queueData[store.queueStart[num] as number] as number;
}

/** Takes row `slot` out of class `num`'s queue; false when it is not there. */
export function queueRemove(store: ItemStore, num: number, slot: number): boolean {
  if (!queueHas(store, num, slot)) return false;
  const pos = store.pos;
  const data = store.queueData;
  const start = store.queueStart[num] as number;
  const at = pos[slot] as number;
  const size = (store.queueSize[num] as number) - 1;
  store.queueSize[num] = size;
  const last = data[start + size] as number;
  pos[slot] = -1;
  if (last !== slot) {
    // The last entry fills the hole and goes up if it beats its new parent, else down.
    if (at > 0 && store.before(last, data[start + queueParent(at)] as number)) siftUp(store, start, at, last);
    else siftDown(store, start, size, at, last);
  }
  store.headOf[num] = size > 0 ? (data[start] as number) : -1;
  return true;
}

/**
 * Takes class `num`'s first item out of its queue; the queue must not be empty. The same as
 * {@link queueRemove} of the head, without looking the row up: the assignment path already knows it.
 * The row's `pos` is left as it was (0), not reset: {@link queueHas} checks the queue entry itself, which
 * now holds another row or lies past the end, and the row gets a fresh `pos` when next allocated. Rows are
 * scattered, and that one store cost a few percent of a drain.
 */
export function queuePopHead(store: ItemStore, num: number): void {
  const data = store.queueData;
  const start = store.queueStart[num] as number;
  const size = (store.queueSize[num] as number) - 1;
  store.queueSize[num] = size;
  if (size > 0) {
    siftDown(store, start, size, 0, data[start + size] as number);
    store.headOf[num] = data[start] as number;
  } else store.headOf[num] = -1;
}

function siftUp(store: ItemStore, start: number, from: number, slot: number): void {
  const data = store.queueData;
  const pos = store.pos;
  let index = from;
  while (index > 0) {
    const parentIndex = queueParent(index);
    const parent = data[start + parentIndex] as number;
    if (!store.before(slot, parent)) break;
    data[start + index] = parent;
    pos[parent] = index;
    index = parentIndex;
  }
  data[start + index] = slot;
  pos[slot] = index;
}

function siftDown(store: ItemStore, start: number, size: number, from: number, slot: number): void {
  const data = store.queueData;
  const pos = store.pos;
  let index = from;
  for (;;) {
    const first = ARITY * index + 1;
    if (first >= size) break;
    let child = first;
    let childSlot = data[start + first] as number;
    const end = Math.min(first + ARITY, size);
    for (let k = first + 1; k < end; k++) {
      const other = data[start + k] as number;
      if (store.before(other, childSlot)) {
        child = k;
        childSlot = other;
      }
    }
    if (!store.before(childSlot, slot)) break;
    data[start + index] = childSlot;
    pos[childSlot] = index;
    index = child;
  }
  data[start + index] = slot;
  pos[slot] = index;
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
