/**
 * PyTorch's padding modes (`padding_mode` of nn.ConvNd): what a padding cell
 * holds. This is the one place of the rule; the index map, the drawings and
 * the sliding window ask `padSource`.
 *   zeros      the cell is 0
 *   reflect    mirror about the edge sample, the edge not repeated: …z3 z2 | z1 z2 z3 … (x[−i] = x[i])
 *   replicate  the edge sample repeated: …z1 z1 | z1 z2 z3 … (x[−i] = x[0])
 *   circular   wrap around: …z(n−1) z(n) | z1 z2 … (x[−i] = x[n−i])
 */
export const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'] as const;
export type PaddingMode = (typeof PADDING_MODES)[number];

/**
 * The input sample (0-based) that padded position u of an axis of n samples
 * copies, u counted from the first input sample (u < 0 before it, u ≥ n after
 * it); −1 when the cell is a zero. Inside [0, n) a position is its own sample.
 * Valid within the limits of `maxPadding`: PyTorch refuses more.
 */
export function padSource(mode: PaddingMode, u: number, n: number): number {
  if (u >= 0 && u < n) return u;
  switch (mode) {
    case 'zeros': return -1;
    case 'reflect': return u < 0 ? -u : 2 * (n - 1) - u;
    case 'replicate': return u < 0 ? 0 : n - 1;
    case 'circular': return ((u % n) + n) % n;
  }
}

/**
 * The largest padding on one side that a mode allows on an axis of n samples
 * (PyTorch's rule): reflect mirrors at most n − 1 samples, circular wraps at
 * most once, zeros and replicate have no bound.
 */
export function maxPadding(mode: PaddingMode, n: number): number {
  return mode === 'reflect' ? n - 1 : mode === 'circular' ? n : Infinity;
}
