/**
 * Row-major flattening (the last axis varies fastest), the one layout of every
 * tensor in convmat: a multi-index and its flat index, both ways.
 */
export function ravel(index: readonly number[], shape: readonly number[]): number {
  return index.reduce((acc, i, a) => acc * shape[a]! + i, 0);
}

export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) {
    idx[a] = flat % shape[a]!;
    flat = Math.floor(flat / shape[a]!);
  }
  return idx;
}
