import { polynomialRing } from '../algebra/ring.ts';
import { latexSymbol } from '../algebra/latex-escape.ts';
import { checkInputGradientIsTransposed } from '../check/identities/input-gradient-is-transposed.ts';
import { checkWeightGradientIsCorrelation, correlationTerms } from '../check/identities/weight-gradient-is-correlation.ts';
import { compareVectors } from '../check/equivalence.ts';
import { reportFrom } from '../check/report.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../algebra/print.ts';
import { backwardBothWays, deltaSymbols } from '../evaluate/conv-backward.ts';
import { tensorNamesFor, weightNamesFor } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { SpecError } from '../errors.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { type ConvMatrix, transposeMatrix } from '../matrix/csr.ts';
import { im2colMatrix } from '../matrix/im2col.ts';
import { type Rank, lectureRank, matrixCells, polyCell, rowColumns } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { EQUALS, mathPart, matrixPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, verdictStep } from './steps.ts';
import { bySpecSize, tapTerms, work } from '../work/spec-estimate.ts';
import { MATRIX_VIEW_LIMITS } from './derive-matrix.ts';

/**
 * The backward pass in the lecture's notation. L is a scalar loss, y = K z the
 * outputs (named as the lecture names them, z7..z10 after z1..z6) and
 * δ = ∂L/∂y, one δ per output. The chain rule gives ∂L/∂z = Kᵀδ, a transposed
 * convolution of δ, and ∂L/∂w = Zᵀδ (Z the im2col matrix, K z = Z w), a
 * correlation of the input with δ. Every entry is written out (elided when
 * large) and both forms are checked by the engine.
 */
export function deriveGradient(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  if (spec.transposed) {
    throw new SpecError({ field: 'transposed', value: true, rule: 'the gradient topic derives the backward pass of a regular convolution', fix: 'derive the gradient of the regular convolution instead (not transposed; a Conv layer, not ConvTranspose): its input gradient Kᵀδ is the transposed convolution' });
  }
  const limits = opts.limits, rank = lectureRank(spec);
  const delta = deltaSymbols(spec);
  const both = backwardBothWays(spec, spec.weights, spec.inputs, delta, polynomialRing);
  const k = convMatrix(spec), kt = transposeMatrix(k), zt = transposeMatrix(im2colMatrix(spec));
  const inputNames = spec.inputNames ?? tensorNamesFor('z', spec.inputShape, spec.singleChannel);
  const weightNames = spec.weightNames ?? weightNamesFor('w', spec.weightShape, spec.singleChannel);
  const deltaCells = delta.map((p) => polyCell(p));
  const partial = (name: string): Cell => ({ tex: `\\partial L/\\partial ${latexSymbol(name)}`, text: `∂L/∂${name}` });
  const dvec = vectorPart(delta.length, (i) => deltaCells[i]!, { limits });
  const { viaMatrix, viaDirect } = both;
  const compare = (a: readonly Polynomial[], b: readonly Polynomial[], labels: [string, string], names: string[]) =>
    compareVectors(a, b, { ring: polynomialRing, labels, names, show: (p) => polynomialToText(p, { rank }) });

  /** ∂L/∂x = Mᵀ δ written out: Mᵀ (K's or Z's transpose, entries from `held`), δ, the products, the names. */
  const gradientStep = (what: string, x: string, m: string, mt: ConvMatrix, held: readonly Polynomial[], values: readonly Polynomial[], names: readonly string[]): Step =>
    equationStep(`The ${what} gradient: ∂L/∂${x} = ${m}ᵀ δ`, [
      mathPart(`\\frac{\\partial L}{\\partial ${x}} = ${m}^{T} \\delta =`, `∂L/∂${x} = ${m}ᵀ δ =`),
      matrixPart(mt.rows, mt.cols, matrixCells(mt, held), { label: { tex: `${m}^{T}`, text: `${m}ᵀ` }, used: (r) => rowColumns(mt, r), limits }),
      dvec, EQUALS,
      vectorPart(mt.rows, (i) => sumCell(values[i]!, rank), { limits }), EQUALS,
      vectorPart(mt.rows, (i) => partial(names[i]!), { limits }),
    ]);

  const steps: Step[] = [
    noteStep('The loss and δ', `L is a scalar loss computed from the outputs y = K z (${outputsText(spec)}). The backward pass receives δ = ∂L/∂y, one entry per output, and returns the gradients with respect to the inputs z and the weights w. By the chain rule, ∂L/∂z_i = Σ_o δ_o ∂y_o/∂z_i = Σ_o δ_o K[o, i], and ∂L/∂w_j = Σ_o δ_o ∂y_o/∂w_j, where ∂y_o/∂w_j is the input that w_j multiplies in output o: the entry Z[o, j] of the im2col matrix (K z = Z w).`),
    equationStep('δ, the gradient of the loss with respect to the outputs', [
      mathPart('\\delta = \\frac{\\partial L}{\\partial y} =', 'δ = ∂L/∂y ='),
      vectorPart(spec.outputNames.length, (i) => partial(spec.outputNames[i]!), { limits }), EQUALS, dvec,
    ]),
    gradientStep('input', 'z', 'K', kt, spec.weights, viaMatrix.gradInput, inputNames),
    ...transposedSteps(spec),
    gradientStep('weight', 'w', 'Z', zt, spec.inputs, viaMatrix.gradWeight, weightNames),
    noteStep('A correlation of the input with δ', `Zᵀ δ is the cross-correlation of the ${padded(spec) ? `${spec.paddingMode === 'zeros' ? 'zero' : spec.paddingMode}-padded ` : ''}input with δ dilated by the stride: a convolution whose kernel is δ (size ${axes(spec.output)}), with dilation s = ${axes(spec.stride)} and stride d = ${axes(spec.dilation)}; its first ${axes(spec.kernel)} outputs are ∂L/∂w${spec.singleChannel ? '' : ', one correlation per output channel and input channel of its group'}${spec.mode === 'convolution' ? ', flipped (the kernel is flipped in convolution mode)' : ''}.`),
    verdictStep('Zᵀ δ equals the correlation of the input with δ', checkWeightGradientIsCorrelation(spec)),
    verdictStep('The matrices against the direct formulas (δ scattered back through each window; the padded input correlated with δ)', reportFrom([
      compare(viaMatrix.gradInput, viaDirect.gradInput, ['Kᵀ δ', 'scatter'], inputNames.map((n) => `∂L/∂${n}`)),
      compare(viaMatrix.gradWeight, viaDirect.gradWeight, ['Zᵀ δ', 'correlation'], weightNames.map((n) => `∂L/∂${n}`)),
    ])),
  ];
  return { topic: 'gradient', title: 'The backward pass: ∂L/∂z = Kᵀδ and ∂L/∂w = Zᵀδ', steps };
}

/** "z7..z10" or "y_1_1..y_2_4": the outputs' first and last names. */
function outputsText(spec: ConvSpec): string {
  const names = spec.outputNames;
  return names.length === 1 ? names[0]! : `${names[0]}..${names.at(-1)}`;
}

function axes(v: readonly number[]): string {
  return v.join('×');
}

/** A gradient entry; a sum over many outputs (∂L/∂w of a large input) shows its first terms and the count. */
const MAX_TERMS = 8;
function sumCell(p: Polynomial, rank: Rank): Cell {
  return { tex: polynomialToLatex(p, { rank, maxTerms: MAX_TERMS }), text: polynomialToText(p, { rank, maxTerms: MAX_TERMS }) };
}

const padded = (spec: ConvSpec) => spec.padding.some(([a, b]) => a + b > 0);

/** Kᵀδ as a transposed convolution of δ (zeros padding), or, in another padding mode, that convolution folded onto the inputs the padding copies. */
function transposedSteps(spec: ConvSpec): Step[] {
  const k = axes(spec.kernel), s = axes(spec.stride), d = axes(spec.dilation);
  if (spec.paddingMode !== 'zeros' && padded(spec)) {
    return [noteStep('A transposed convolution, folded', `With ${spec.paddingMode} padding the padding cells copy inputs, so K has summed entries. Kᵀ δ is the transposed convolution of δ (k = ${k}, s = ${s}, d = ${d}) over the padded positions, each padded position's value then added onto the input it copies: the gradient of a copy goes to its original.`)];
  }
  // the identity's hypothesis holds here (zeros padding, or none): it is checked, not refused
  const check = checkInputGradientIsTransposed(spec);
  return [
    noteStep('A transposed convolution', `Kᵀ δ is the transposed convolution of δ with the same kernel, stride, padding and dilation (k = ${k}, s = ${s}, d = ${d}): each δ_o scatters the kernel back onto the inputs its window read. Its output padding a = (n + p₀ + p₁ − d(k − 1) − 1) mod s = ${axes(check.facts.outputPadding as number[])} restores the input size ${axes(spec.input)}.`),
    verdictStep('Kᵀ δ equals the transposed convolution of δ', check),
  ];
}

/** Kᵀδ and Zᵀδ, the direct forms, and both gradient identities (each forms its products once more). */
export const GRADIENT_WORK: TopicWork = {
  estimate: bySpecSize((g, s) => work(8 * s.taps, 12 * tapTerms(s) + correlationTerms(g, s))),
  limits: MATRIX_VIEW_LIMITS,
};
