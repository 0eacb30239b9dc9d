/**
 * Nested arrays in row-major order (the PyTorch layouts of `convmat eval` and
 * of a user's convolution probed by probeMatrix): a flat list as nested
 * arrays of a shape, and a flat index as the multi-index a message names.
 */
import { unravel } from '../geometry/flat-index.ts';

export type Nested = number | Nested[];

/** "[0][1][2]": a flat row-major index as a multi-index in `shape`. */
export function position(flat: number, shape: readonly number[]): string {
  return unravel(flat, shape).map((i) => `[${i}]`).join('');
}

export function nest(flat: readonly number[], shape: readonly number[]): Nested {
  if (shape.length === 0) return flat[0]!;
  const [n, ...rest] = shape as [number, ...number[]];
  const size = rest.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, i) => nest(flat.slice(i * size, (i + 1) * size), rest));
}
