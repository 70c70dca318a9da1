import { grown } from "./typed";

/**
 * Bit sets over router slots, each in a region of one shared array: region `r` is the `words` words
 * from `r · words`. A channel-order scan tests a class's membership bits for every agent it walks past;
 * with one `Int32Array` per set, reaching the bits went class object → typed array → its separately
 * allocated storage, a cache miss per step. Here it is one load from a table by class number.
 *
 * When slots outgrow the sets, {@link resize} widens every region in place of its number, so region
 * numbers held elsewhere stay valid.
 */
export class BitPool {
  /** Words per region. */
  words = 0;
  data = new Int32Array(0);
  private made = 0;
  private readonly spare: number[] = [];

  /** A new empty region's number. */
  alloc(): number {
    let r = this.spare.pop();
    if (r === undefined) {
      r = this.made++;
      const need = this.made * this.words;
      if (need > this.data.length) this.data = grown(this.data, Math.max(need, 2 * this.data.length));
    }
    this.data.fill(0, r * this.words, (r + 1) * this.words);
    return r;
  }

  /** Gives region `r` back. */
  release(r: number): void {
    this.spare.push(r);
  }

  /** Drops every region. */
  clear(): void {
    this.made = 0;
    this.spare.length = 0;
  }

  /** Widens every region to hold slots below `slots` (never narrows). */
  resize(slots: number): void {
    const words = (slots + 31) >>> 5;
    if (words <= this.words) return;
    const next = new Int32Array(Math.max(1, this.made) * words * 2);
    for (let r = 0; r < this.made; r++) {
      next.set(this.data.subarray(r * this.words, (r + 1) * this.words), r * words);
    }
    this.data = next;
    this.words = words;
  }

  /** Adds slot `s` to region `r`. */
  add(r: number, s: number): void {
    const at = r * this.words + (s >>> 5);
    this.data[at] = (this.data[at] as number) | (1 << (s & 31));
  }

  /** Whether slot `s` is in region `r`. */
  has(r: number, s: number): boolean {
    const word = s >>> 5;
    if (word >= this.words) return false;
    return ((this.data[r * this.words + word] as number) & (1 << (s & 31))) !== 0;
  }
}
