/** A typed array of the same kind with `size` elements, the old contents copied to its start. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(old: T, size: number): T {
  const next = new (old.constructor as new (length: number) => T)(size);
  next.set(old);
  return next;
}
