// The pending logs of one accumulator's groups (see `Group` in accumulator.ts), found by group number.
//
// Adding a ticket to a group used to go group object → its DataView → the log's bytes: with thousands of
// groups each step is a cache miss, and the first two only lead to the third. Here a log is a region of a
// shared slab, located by three typed arrays indexed by group number that stay in cache, so an add touches
// the log's bytes and nothing else of the group. A region starts at FIRST bytes (tiny groups stay small) and
// moves to one twice the size when full, up to MAX; a full MAX region is flushed by its group instead. Freed
// regions are reused by size. Slabs are a fixed size, a multiple of MAX, so a region never straddles two.

/** Bytes of the first region a group gets. */
const FIRST = 256;
/** Bytes of the largest region: a group whose log fills it is flushed. */
const LOG_MAX = 4_096;
const SLAB_SHIFT = 18;
const SLAB_BYTES = 1 << SLAB_SHIFT; // 256 KB, 64 regions of LOG_MAX
const OFFSET_MASK = SLAB_BYTES - 1;
const SIZES = Math.log2(LOG_MAX / FIRST) + 1;

export class GroupLogs {
  private readonly slabs: DataView[] = [];
  /** Per group: its region's address (slab index · SLAB_BYTES + byte offset). */
  address = new Int32Array(64);
  /** Per group: bytes written to its region since it was last flushed. */
  used = new Int32Array(64);
  /** Per group: its region's size in bytes, 0 before it has one. */
  capacity = new Int32Array(64);
  private count = 0;
  private slabUsed = SLAB_BYTES;
  private readonly free: number[][] = Array.from({ length: SIZES }, () => []);

  /** A number for a new group, with no region yet. */
  add(): number {
    const num = this.count++;
    if (num === this.used.length) {
      const size = 2 * num;
      this.address = grown(this.address, size);
      this.used = grown(this.used, size);
      this.capacity = grown(this.capacity, size);
    }
    return num;
  }

  /** The slab holding group `num`'s region. */
  view(num: number): DataView {
    return this.slabs[(this.address[num] as number) >>> SLAB_SHIFT] as DataView;
  }

  /** Byte offset of group `num`'s region in its slab. */
  offset(num: number): number {
    return (this.address[num] as number) & OFFSET_MASK;
  }

  /**
   * Moves group `num`'s log to a region twice the size (FIRST when it has none) and returns true, or
   * returns false when it already has the largest: the caller flushes it.
   */
  grow(num: number): boolean {
    const old = this.capacity[num] as number;
    if (old >= LOG_MAX) return false;
    const size = old === 0 ? FIRST : 2 * old;
    const address = this.region(size);
    const used = this.used[num] as number;
    if (used > 0) {
      const from = this.view(num);
      const to = this.slabs[address >>> SLAB_SHIFT] as DataView;
      new Uint8Array(to.buffer, address & OFFSET_MASK, used).set(
        new Uint8Array(from.buffer, this.offset(num), used),
      );
    }
    if (old > 0) (this.free[Math.log2(old / FIRST)] as number[]).push(this.address[num] as number);
    this.address[num] = address;
    this.capacity[num] = size;
    return true;
  }

  private region(size: number): number {
    const reused = (this.free[Math.log2(size / FIRST)] as number[]).pop();
    if (reused !== undefined) return reused;
    if (this.slabUsed + size > SLAB_BYTES) {
      this.slabs.push(new DataView(new ArrayBuffer(SLAB_BYTES)));
      this.slabUsed = 0;
    }
    const address = (this.slabs.length - 1) * SLAB_BYTES + this.slabUsed;
    this.slabUsed += size;
    return address;
  }
}

function grown(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}
