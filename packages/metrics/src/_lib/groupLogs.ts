// The pending logs of one accumulator's groups (see `Group` in accumulator.ts), found by group number.
//
// Adding a ticket to a group used to go group object → its DataView → the log's bytes: with thousands of
// groups each step is a cache miss, and the first two only lead to the third. Here a log is a region of a
// shared slab, located by typed arrays indexed by group number that stay in cache, so an add touches
// the log's bytes and nothing else of the group. A region starts at FIRST bytes (tiny groups stay small) and
// moves to one twice the size when full, up to LOG_MAX; a full region of LOG_MAX is flushed by its group
// instead. Freed regions are reused by size. Slabs are a fixed multiple of LOG_MAX, so a region never
// straddles two.

/** Bytes of the first region a group gets. */
const FIRST = 256;
/** Bytes of the largest region: a group whose log fills it is flushed. */
const LOG_MAX = 4_096;
const SLAB_BYTES = 262_144; // 64 regions of LOG_MAX
const SIZES = Math.log2(LOG_MAX / FIRST) + 1;

export class GroupLogs {
  private readonly slabs: DataView[] = [];
  /** Per group: the slab of its region. */
  slabOf = new Int32Array(64);
  /** Per group: its region's byte offset in the slab. */
  offsetOf = new Int32Array(64);
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
      this.slabOf = grown(this.slabOf, size);
      this.offsetOf = grown(this.offsetOf, size);
      this.used = grown(this.used, size);
      this.capacity = grown(this.capacity, size);
    }
    return num;
  }

  /** The slab holding group `num`'s region. */
  view(num: number): DataView {
    return this.slabs[this.slabOf[num] as number] as DataView;
  }

  /** Byte offset of group `num`'s region in its slab. */
  offset(num: number): number {
    return this.offsetOf[num] as number;
  }

  /**
   * Moves group `num`'s log to a region twice the size (FIRST when it has none) and returns true, or
   * returns false when it already has the largest: the caller flushes it.
   */
  grow(num: number): boolean {
    const old = this.capacity[num] as number;
    if (old >= LOG_MAX) return false;
    const size = old === 0 ? FIRST : 2 * old;
    // Freed regions are kept as (slab, offset) pairs, flat.
    const free = this.free[Math.log2(size / FIRST)] as number[];
    let slab: number;
    let offset: number;
    if (free.length > 0) {
      offset = free.pop() as number;
      slab = free.pop() as number;
    } else {
      if (this.slabUsed + size > SLAB_BYTES) {
        this.slabs.push(new DataView(new ArrayBuffer(SLAB_BYTES)));
        this.slabUsed = 0;
      }
      slab = this.slabs.length - 1;
      offset = this.slabUsed;
      this.slabUsed += size;
    }
    const used = this.used[num] as number;
    if (used > 0) {
      new Uint8Array((this.slabs[slab] as DataView).buffer, offset, used).set(
        new Uint8Array(this.view(num).buffer, this.offset(num), used),
      );
    }
    if (old > 0)
      (this.free[Math.log2(old / FIRST)] as number[]).push(this.slabOf[num] as number, this.offset(num));
    this.slabOf[num] = slab;
    this.offsetOf[num] = offset;
    this.capacity[num] = size;
    return true;
  }
}

function grown(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(old);
  return next;
}
