/**
 * A binary min-heap ordered by `less`. Entries may carry their own position (see {@link IndexedHeap}).
 * Internal: the router's queues and candidate pools are built on it.
 */
export class Heap<T> {
  protected readonly items: T[] = [];
  constructor(protected readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    this.items.push(item);
    this.place(item, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    if (top === undefined) return undefined;
    const last = items.pop() as T;
    if (items.length > 0) {
      items[0] = last;
      this.place(last, 0);
      this.down(0);
    }
    this.placed(top);
    return top;
  }

  /** Restores order after the top entry's key changed (it may only move down). */
  updateTop(): void {
    if (this.items.length > 0) this.down(0);
  }

  clear(): void {
    for (const item of this.items) this.placed(item);
    this.items.length = 0;
  }

  toArray(): T[] {
    return this.items.slice();
  }

  /** Called when an entry moves to `index`; IndexedHeap records positions. */
  protected place(_item: T, _index: number): void {}
  /** Called when an entry leaves the heap. */
  protected placed(_item: T): void {}

  protected up(start: number): void {
    const items = this.items;
    let index = start;
    const item = items[index] as T;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex] as T;
      if (!this.less(item, parent)) break;
      items[index] = parent;
      this.place(parent, index);
      index = parentIndex;
    }
    items[index] = item;
    this.place(item, index);
  }

  protected down(start: number): void {
    const items = this.items;
    const length = items.length;
    let index = start;
    const item = items[index] as T;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && this.less(items[right] as T, items[left] as T)) child = right;
      const childItem = items[child] as T;
      if (!this.less(childItem, item)) break;
      items[index] = childItem;
      this.place(childItem, index);
      index = child;
    }
    items[index] = item;
    this.place(item, index);
  }
}

/** An entry that knows where it sits in an {@link IndexedHeap}; -1 when outside. */
export interface HeapSlot {
  heapIndex: number;
}

/** A heap whose entries can be removed or re-sifted in O(log n) because they record their position. */
export class IndexedHeap<T extends HeapSlot> extends Heap<T> {
  protected override place(item: T, index: number): void {
    item.heapIndex = index;
  }

  protected override placed(item: T): void {
    item.heapIndex = -1;
  }

  has(item: T): boolean {
    return item.heapIndex >= 0 && this.items[item.heapIndex] === item;
  }

  remove(item: T): boolean {
    if (!this.has(item)) return false;
    const index = item.heapIndex;
    const last = this.items.pop() as T;
    if (last !== item) {
      this.items[index] = last;
      this.place(last, index);
      this.up(index);
      this.down(last.heapIndex);
    }
    this.placed(item);
    return true;
  }

  /** Restores order after `item`'s key changed. */
  update(item: T): void {
    if (!this.has(item)) return;
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }
}
