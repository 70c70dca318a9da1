/**
 * The ranking structure of one requirement class: an indexed binary heap over the class's candidates
 * (positions in the id-sorted candidate list), with keys in typed arrays so that re-keying an agent
 * allocates nothing. Order: primary ascending, then last assignment ascending (longest idle), then
 * candidate index ascending, which is agent id order.
 *
 * Keys are refreshed lazily: an entry remembers the agent's `stamp` when its key was computed. Changes
 * that can only worsen an agent's rank (an assignment) just bump the stamp, and the entry is re-keyed
 * when it reaches the top; changes that can improve it (a release, coming online) re-key it at once.
 */
export class Pool {
  size = 0;
  heap: Int32Array;
  pos: Int32Array;
  primary: Float64Array;
  idle: Float64Array;
  stamp: Float64Array;
  /**
   * Per candidate: the agent's slot in the router's hot table (see `router.ts`), so that a stale or
   * parked entry is recognised without touching the agent object. Written by the owner on every rebuild.
   */
  slot: Int32Array;

  constructor(capacity: number) {
    const n = Math.max(1, capacity);
    // One backing store for all six arrays: a router holds thousands of pools, and each separate
    // ArrayBuffer costs an allocation and external-memory bookkeeping in the garbage collector.
    const buffer = new ArrayBuffer(n * (3 * 8 + 3 * 4));
    this.primary = new Float64Array(buffer, 0, n);
    this.idle = new Float64Array(buffer, n * 8, n);
    this.stamp = new Float64Array(buffer, n * 16, n);
    this.heap = new Int32Array(buffer, n * 24, n);
    this.pos = new Int32Array(buffer, n * 28, n).fill(-1);
    this.slot = new Int32Array(buffer, n * 32, n);
  }

  less(a: number, b: number): boolean {
    const pa = this.primary[a] as number;
    const pb = this.primary[b] as number;
    if (pa !== pb) return pa < pb;
    const ia = this.idle[a] as number;
    const ib = this.idle[b] as number;
    if (ia !== ib) return ia < ib;
    return a < b;
  }

  /**
   * Rebuilds the heap over the first `count` candidates listed in `members`, whose keys were already
   * written (O(count) heapify). Candidates not listed are left out.
   */
  heapify(members: Int32Array, count: number): void {
    this.pos.fill(-1);
    this.size = count;
    for (let j = 0; j < count; j++) {
      const i = members[j] as number;
      this.heap[j] = i;
      this.pos[i] = j;
    }
    for (let j = (count >> 1) - 1; j >= 0; j--) this.down(j);
  }

  /** Restores heap order over the current entries after their keys were rewritten (O(size)). */
  reheap(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** Writes a key without restoring heap order (follow with {@link heapify}). */
  write(i: number, primary: number, idle: number, stamp: number): void {
    this.primary[i] = primary;
    this.idle[i] = idle;
    this.stamp[i] = stamp;
  }

  /** Sets the key of candidate `i` and puts it in place, inserting it when absent. */
  set(i: number, primary: number, idle: number, stamp: number): void {
    this.primary[i] = primary;
    this.idle[i] = idle;
    this.stamp[i] = stamp;
    const at = this.pos[i] as number;
    if (at < 0) {
      const end = this.size++;
      this.heap[end] = i;
      this.pos[i] = end;
      this.up(end);
    } else {
      this.up(at);
      this.down(this.pos[i] as number);
    }
  }

  /** Re-keys the top entry (its key got worse or stayed) and sifts it down. */
  rekeyTop(primary: number, idle: number, stamp: number): void {
    const i = this.heap[0] as number;
    this.primary[i] = primary;
    this.idle[i] = idle;
    this.stamp[i] = stamp;
    this.down(0);
  }

  removeTop(): void {
    const i = this.heap[0] as number;
    this.pos[i] = -1;
    const last = this.heap[--this.size] as number;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
  }

  private up(start: number): void {
    const heap = this.heap;
    let index = start;
    const item = heap[index] as number;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as number;
      if (!this.less(item, parent)) break;
      heap[index] = parent;
      this.pos[parent] = index;
      index = parentIndex;
    }
    heap[index] = item;
    this.pos[item] = index;
  }

  private down(start: number): void {
    const heap = this.heap;
    const size = this.size;
    let index = start;
    const item = heap[index] as number;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && this.less(heap[right] as number, heap[left] as number)) child = right;
      const childItem = heap[child] as number;
      if (!this.less(childItem, item)) break;
      heap[index] = childItem;
      this.pos[childItem] = index;
      index = child;
    }
    heap[index] = item;
    this.pos[item] = index;
  }
}
