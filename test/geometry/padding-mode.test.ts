/**
 * padSource against padded arrays written out by hand from PyTorch's
 * documentation of F.pad (reflect, replicate, circular) for x = [0, 1, 2, 3].
 */
import { describe, expect, it } from 'vitest';
import { maxPadding, padSource } from '../../src/geometry/padding-mode.ts';

const padded = (mode: Parameters<typeof padSource>[0], p: number, n: number) =>
  Array.from({ length: n + 2 * p }, (_, q) => padSource(mode, q - p, n));

describe('padSource', () => {
  it('zeros: −1 outside the input', () => {
    expect(padded('zeros', 2, 4)).toEqual([-1, -1, 0, 1, 2, 3, -1, -1]);
  });
  it('reflect: the edge is not repeated (F.pad mode="reflect")', () => {
    expect(padded('reflect', 3, 4)).toEqual([3, 2, 1, 0, 1, 2, 3, 2, 1, 0]);
  });
  it('replicate: the edge is repeated', () => {
    expect(padded('replicate', 3, 4)).toEqual([0, 0, 0, 0, 1, 2, 3, 3, 3, 3]);
  });
  it('circular: wraps around once', () => {
    expect(padded('circular', 4, 4)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
  });
  it('bounds: reflect < n, circular ≤ n, the others unbounded', () => {
    expect([maxPadding('reflect', 4), maxPadding('circular', 4), maxPadding('zeros', 4), maxPadding('replicate', 4)]).toEqual([3, 4, Infinity, Infinity]);
  });
});
