import { convOutputSize, kernelSpan, transposedOutputSize } from '../geometry/output-size.ts';
import type { ConvSpec } from '../geometry/spec.ts';

/**
 * The output size of each axis as the lecture writes it: the formula, the
 * same formula with the spec's numbers in place, and the value, which comes
 * from src/geometry/output-size.ts (the one home of the formulas; this file
 * only spells them). d(k−1) appears as its value, the extra span of the
 * dilated kernel.
 *
 *   ⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1 = ⌊(5 + 1 + 1 − 2 − 1)/2⌋ + 1 = 3
 *   (n−1)s − p₀ − p₁ + d(k−1) + output_padding + 1 = (2−1)·2 − 1 − 1 + 2 + 1 + 1 = 4
 */
export interface OutputSizeFormula {
  /** 0-based spatial axis */
  axis: number;
  transposed: boolean;
  /** the formula in symbols */
  text: string;
  tex: string;
  /** the formula with the numbers of this axis */
  substitutedText: string;
  substitutedTex: string;
  /** the output size of this axis */
  value: number;
}

const REGULAR = {
  text: '⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1',
  tex: '\\left\\lfloor \\frac{n + p_0 + p_1 - d(k-1) - 1}{s} \\right\\rfloor + 1',
};
const TRANSPOSED = {
  text: '(n−1)s − p₀ − p₁ + d(k−1) + output_padding + 1',
  tex: '(n-1)s - p_0 - p_1 + d(k-1) + \\mathrm{output\\_padding} + 1',
};

/** One formula per spatial axis of the spec (regular or transposed). */
export function outputSizeFormulas(spec: ConvSpec): OutputSizeFormula[] {
  return spec.conv.axes.map((a, axis) => {
    const span = kernelSpan(a.k, a.d) - 1;
    if (!spec.transposed) {
      const value = convOutputSize(a.n, a);
      return {
        axis, transposed: false, ...REGULAR, value,
        substitutedText: `⌊(${a.n} + ${a.p0} + ${a.p1} − ${span} − 1)/${a.s}⌋ + 1`,
        substitutedTex: `\\left\\lfloor \\frac{${a.n} + ${a.p0} + ${a.p1} - ${span} - 1}{${a.s}} \\right\\rfloor + 1`,
      };
    }
    const n = spec.input[axis]!, op = spec.outputPadding[axis]!;
    const value = transposedOutputSize(n, a, op);
    return {
      axis, transposed: true, ...TRANSPOSED, value,
      substitutedText: `(${n}−1)·${a.s} − ${a.p0} − ${a.p1} + ${span} + ${op} + 1`,
      substitutedTex: `(${n}-1)\\cdot ${a.s} - ${a.p0} - ${a.p1} + ${span} + ${op} + 1`,
    };
  });
}

/** "o = formula = numbers = value", one line per axis (axes named when there are several). */
export function outputSizeLines(spec: ConvSpec): string[] {
  const many = spec.dims > 1;
  return outputSizeFormulas(spec).map((f) => `${many ? `axis ${f.axis + 1}: ` : ''}o = ${f.text} = ${f.substitutedText} = ${f.value}`);
}
