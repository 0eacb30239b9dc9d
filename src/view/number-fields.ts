/**
 * Sliders for values written as text (`5x5`, `1,2;0,1`, `3`): how a value
 * splits into its numbers and the text between them, and back, and the range
 * a slider offers for each attribute. Used by the playground's controls and by
 * the docs' "Try other values" panels. No index arithmetic: the numbers are
 * handed back as written, and the engine checks them.
 */

/** A value split into its numbers and the text around them (`gaps.length = numbers.length + 1`). */
export interface NumberTemplate {
  numbers: number[];
  gaps: string[];
}

/** The numbers of a value, or null when it is not numbers only (`same`, `x,y,z`). */
export function numbersOf(value: string): NumberTemplate | null {
  const tokens = value.split(/(\d+)/);
  const gaps = tokens.filter((_, i) => i % 2 === 0);
  const numbers = tokens.filter((_, i) => i % 2 === 1).map(Number);
  if (numbers.length === 0 || gaps.some((g) => !/^[\s,;x×]*$/i.test(g))) return null;
  return { numbers, gaps };
}

export function withNumbers(t: NumberTemplate, numbers: readonly number[]): string {
  return t.gaps.map((g, i) => (i < numbers.length ? `${g}${numbers[i]}` : g)).join('');
}

/** Slider ranges by attribute name: sizes a drawing can show. */
const RANGE: Record<string, [number, number]> = {
  input: [1, 24], 'spatial-input': [1, 12], kernel: [1, 7], stride: [1, 4], padding: [0, 4], dilation: [1, 4],
  'output-padding': [0, 3], 'in-channels': [1, 8], 'out-channels': [1, 8], groups: [1, 4], layers: [1, 6],
};

/** The slider range of an attribute; the current value always fits. */
export function rangeOf(attr: string, value: number): [number, number] {
  const [lo, hi] = RANGE[attr] ?? [0, 8];
  return [Math.min(lo, value), Math.max(hi, value)];
}

/**
 * One slider for a whole value: its number when every axis has the same one
 * (`5x5` slides as 5 and is written back as `6x6`), with the range; null when
 * the axes differ or the value is a word (`same`): then only the text field edits it.
 */
export interface UniformSlider { value: number; min: number; max: number; write: (n: number) => string }

export function uniformSlider(attr: string, value: string): UniformSlider | null {
  const t = numbersOf(value);
  if (!t || t.numbers.some((n) => n !== t.numbers[0])) return null;
  const [min, max] = rangeOf(attr, t.numbers[0]!);
  return { value: t.numbers[0]!, min, max, write: (n) => withNumbers(t, t.numbers.map(() => n)) };
}
