// In-place selection on an array of numbers (Floyd–Rivest): after select(a, k, lo, hi), a[k] holds the value it
// would have if a[lo..hi] were sorted, everything in lo..k−1 is ≤ it and everything in k+1..hi is ≥ it.
// Sampling puts the pivots next to k, so the expected cost is about n + min(k, n − k) comparisons. After
// 64 partitions in one call it sorts what is left, so even a hostile input costs O(n log n), never O(n²).
export function select(a: number[], k: number, lo: number, hi: number): void {
  let left = lo;
  let right = hi;
  for (let rounds = 0; right > left; rounds++) {
    if (rounds > 64) {
      const rest = Float64Array.from(a.slice(left, right + 1)).sort();
      for (let x = 0; x < rest.length; x++) a[left + x] = rest[x] as number;
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(
        a,
        k,
        Math.max(left, Math.floor(k - (m * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
      );
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
