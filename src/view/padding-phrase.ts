/**
 * Padding in words, for captions: "padding 1 on every side" when it is
 * symmetric, "1 on both sides of axis 1, 2 on both sides of axis 2" when
 * each axis is, and before/after per axis otherwise. A negative amount (the
 * zero-insertion form of a transposed convolution with p > d(k−1)) crops.
 */
export function paddingPhrase(padding: ReadonlyArray<readonly [number, number]>): string {
  const amount = (p: number) => (p < 0 ? `${-p} cropped` : String(p));
  if (padding.every(([b, a]) => b === 0 && a === 0)) return 'no padding';
  const [b0, a0] = padding[0]!;
  if (padding.every(([b, a]) => b === b0 && a === b0)) return `padding ${amount(b0)} on ${padding.length === 1 ? 'both sides' : 'every side'}`;
  if (padding.length === 1) return `padding ${amount(b0)} before, ${amount(a0)} after`;
  if (padding.every(([b, a]) => b === a)) return `padding ${padding.map(([b], i) => `${amount(b)} on both sides of axis ${i + 1}`).join(', ')}`;
  return `padding axis ${padding.map(([b, a], i) => `${i + 1}: ${amount(b)} before, ${amount(a)} after`).join('; axis ')}`;
}

/** The caption over the drawn input of a window: its padding, and (transposed) the zero-insertion form. */
export function windowInputCaption(padding: ReadonlyArray<readonly [number, number]>, transposed: boolean): string {
  if (!transposed) return `input, ${paddingPhrase(padding)}; kernel entries written on the covered cells`;
  return `input with s − 1 zeros inserted, then d(k−1)−p: ${paddingPhrase(padding)} (output padding adds after); flipped kernel, stride 1`;
}
