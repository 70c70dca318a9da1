// Buffers for the exact values of one accumulator's percentile stores. Each typed array above 64 bytes
// allocates a backing store outside the JS heap (a malloc, external-memory accounting, sometimes a GC), and
// thousands of groups × 16 stores each grow a few times. So buffers are views carved from shared 64 KB
// slabs, and a buffer a store outgrows (or gives up for a sketch) is kept for the next store that needs
// that many bytes. Memory stays bounded by what the stores hold at their peak, and goes with the pool.
const SLAB_BYTES = 65_536;

export class BufferPool {
  private slab = new ArrayBuffer(0);
  private used = 0; // bytes carved from the current slab
  private readonly spare = new Map<number, (Float64Array | Uint32Array)[]>();

  /** A buffer of exactly `size` doubles; its contents are unspecified. */
  doubles(size: number): Float64Array {
    const kept = this.spare.get(size * 8)?.pop();
    if (kept !== undefined) return new Float64Array(kept.buffer, kept.byteOffset, size);
    const at = this.carve(size * 8);
    return at < 0 ? new Float64Array(size) : new Float64Array(this.slab, at, size);
  }

  /** A buffer of exactly `size` unsigned 32-bit integers; its contents are unspecified. */
  uint32s(size: number): Uint32Array {
    const kept = this.spare.get(size * 4)?.pop();
    if (kept !== undefined) return new Uint32Array(kept.buffer, kept.byteOffset, size);
    const at = this.carve(size * 4);
    return at < 0 ? new Uint32Array(size) : new Uint32Array(this.slab, at, size);
  }

  /** Hands back a buffer from this pool that is no longer used. */
  give(buffer: Float64Array | Uint32Array): void {
    if (buffer.byteLength === 0) return;
    let list = this.spare.get(buffer.byteLength);
    if (list === undefined) {
      list = [];
      this.spare.set(buffer.byteLength, list);
    }
    list.push(buffer);
  }

  // Offset of `bytes` fresh bytes in the current slab (a new one when they do not fit), or -1 for a buffer
  // big enough (a high `exactLimit`) to get its own allocation rather than most of a slab.
  private carve(bytes: number): number {
    if (bytes > SLAB_BYTES / 4) return -1;
    if (this.used + bytes > this.slab.byteLength) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const at = this.used;
    this.used += (bytes + 7) & ~7; // every buffer starts at a multiple of 8, as a Float64Array must
    return at;
  }
}
