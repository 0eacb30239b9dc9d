import { SpecError } from '../errors.ts';
import { product } from '../geometry/names.ts';
import { ravel } from '../geometry/flat-index.ts';

/**
 * Flattening (vec): a tensor [C, ...spatial] laid out as one long vector.
 * Row-major (the default, convmat's own layout) lets the last axis vary
 * fastest with channels outermost; column-major lets the first axis vary
 * fastest. The lecture's "flatten, then a fully connected layer" is checked
 * in check/dense-layer.ts.
 */
export type VecOrder = 'row-major' | 'column-major';

export interface VecEntry {
  /** position in the flat vector */
  position: number;
  /** multi-index in the tensor's shape */
  index: number[];
  /** position of the same element in row-major order (convmat's storage) */
  rowMajor: number;
  name: string | null;
}

export function parseOrder(order: unknown): VecOrder {
  if (order === 'row-major' || order === 'column-major') return order;
  throw new SpecError({ field: 'order', value: order, rule: 'must be row-major or column-major' });
}

/** The element at each flat position: position ↔ multi-index ↔ name. `names` are in row-major order. */
export function vecTable(shape: readonly number[], order: VecOrder = 'row-major', names?: readonly string[] | null): VecEntry[] {
  parseOrder(order);
  const total = product(shape);
  if (names && names.length !== total) throw new SpecError({ field: 'names', value: names.length, rule: `needs ${total} names for shape [${shape.join(', ')}]` });
  const axes = shape.map((_, a) => a);
  const fastestFirst = order === 'row-major' ? [...axes].reverse() : axes;
  return Array.from({ length: total }, (_, position) => {
    const index = new Array<number>(shape.length).fill(0);
    let rest = position;
    for (const a of fastestFirst) { index[a] = rest % shape[a]!; rest = Math.floor(rest / shape[a]!); }
    const rowMajor = ravel(index, shape);
    return { position, index, rowMajor, name: names?.[rowMajor] ?? null };
  });
}

/** Reorders values stored row-major into the given vec order. */
export function vec<T>(values: readonly T[], shape: readonly number[], order: VecOrder = 'row-major'): T[] {
  if (values.length !== product(shape)) throw new SpecError({ field: 'values', value: values.length, rule: `needs ${product(shape)} values for shape [${shape.join(', ')}]` });
  return vecTable(shape, order).map((e) => values[e.rowMajor]!);
}
