/**
 * Nested arrays in row-major order (the PyTorch layouts of `convmat eval` and
 * of a user's convolution probed by probeMatrix): a flat list as nested
 * arrays of a shape, and a flat index as the multi-index a message names.
 */
import { unravel } from '../geometry/flat-index.ts';

export type Nested<T = number> = T | Nested<T>[];

/** "[0][1][2]": a flat row-major index as a multi-index in `shape`. */
export function position(flat: number, shape: readonly number[]): string {
  return unravel(flat, shape).map((i) => `[${i}]`).join('');
}

/** A flat row-major list as nested arrays of `shape` (shape [] gives the single entry). */
export function nest<T = number>(flat: readonly T[], shape: readonly number[]): Nested<T> {
  if (shape.length === 0) return flat[0]!;
  const [n, ...rest] = shape as [number, ...number[]];
  const size = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, i) => nest(flat.slice(i * size, (i + 1) * size), rest));
}
