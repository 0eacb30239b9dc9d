import { polynomialToText } from '../algebra/print.ts';
import { type Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { type TransposedForms, insertZeros, transposedForms, zeroInsertionProblem } from '../evaluate/transposed.ts';
import { transposedOutputSize } from '../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { type Rank, lectureRank, matrixCells, polyCell, rowColumns, rowLinks, symbolCell, tildeCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step } from './derivation.ts';
import { deriveMatrix } from './derive-matrix.ts';
import { EQUALS, matrixPart, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, tableStep, textCell, verdictStep } from './steps.ts';

/**
 * Transposed convolution as Kᵀ times the outputs. Given a regular spec (the
 * lecture's z1..z6 → z7..z10), it first shows K z, then carries z7..z10 back
 * to z̃1..z̃6. Given a transposed spec, it starts at Kᵀ. Either way it shows
 * the three equivalent forms and the engine's verdict on each.
 */
export const LEARNED_WEIGHTS_NOTE =
  'Even though the structure of this matrix is the transpose of the original one, the nonzero entries are in general different: the weights of a transposed convolution are learned (tuned by backpropagation), not copied from K. The goal is to get back the original dimensionality, not the original feature map.';

export function deriveTransposed(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const given = normalizeSpec(input);
  const steps: Step[] = [];
  let spec: ConvSpec;
  let outputName: (i: number) => Cell;
  if (given.transposed) {
    spec = given;
    outputName = (i) => symbolCell(spec.outputNames[i]!);
  } else {
    steps.push(...deriveMatrix(given, opts).steps.filter((s) => s.type === 'equation').slice(-1));
    spec = backTo(given);
    outputName = (i) => (given.inputNames ? tildeCell(given.inputNames[i]!) : symbolCell(spec.outputNames[i]!));
  }
  const m = convMatrix(spec), rank = lectureRank(spec), limits = opts.limits;
  const forms = transposedForms(spec, spec.weights, spec.inputs, polynomialRing, m);
  const viaMatrix = forms.viaMatrix;
  steps.push(equationStep('Kᵀ times the outputs', [
    matrixPart(m.rows, m.cols, matrixCells(m, spec.weights), { label: { tex: 'K^{T}', text: 'Kᵀ' }, used: (r) => rowColumns(m, r), limits }),
    vectorPart(m.cols, (i) => inputCell(spec, i, rank), { limits }), EQUALS,
    vectorPart(m.rows, (i) => polyCell(viaMatrix[i]!, rank), { limits }), EQUALS,
    vectorPart(m.rows, outputName, { limits }),
  ], rowLinks(m, spec.outputNames)));
  steps.push(noteStep('The weights are learned', LEARNED_WEIGHTS_NOTE));
  steps.push(...threeForms(spec, forms, rank, outputName, opts));
  return { topic: 'transposed', title: 'Transposed convolution as Kᵀ', steps };
}

/** The transposed convolution that maps a regular spec's outputs back to its input size, weights and names kept. */
export function backTo(spec: ConvSpec): ConvSpec {
  const outputPadding = spec.axes.map((a) => a.n - transposedOutputSize(a.o, a, 0));
  return normalizeSpec({
    input: [...spec.output], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as [number, number]), outputPadding, transposed: true, mode: spec.mode,
    inChannels: spec.outChannels, outChannels: spec.inChannels, groups: spec.groups,
    weights: spec.weights.map((p) => polynomialToText(p)).join(','), inputs: spec.outputNames.join(','),
  });
}

function inputCell(spec: ConvSpec, i: number, rank: Rank): Cell {
  return spec.inputNames ? symbolCell(spec.inputNames[i]!) : polyCell(spec.inputs[i]!, rank);
}

/** Kᵀx, scatter, and zero insertion with the flipped kernel, side by side with verdicts. */
function threeForms(spec: ConvSpec, forms: TransposedForms<Polynomial>, rank: Rank, outputName: (i: number) => Cell, opts: DeriveOptions): Step[] {
  const ring = polynomialRing;
  const { viaMatrix, scatter, zeroInsertion: zero } = forms;
  const cmp = (other: Polynomial[], label: string) => compareVectors(viaMatrix, other, {
    ring, show: (p) => polynomialToText(p, { rank }), names: spec.outputNames, labels: ['Kᵀ x', label],
  });
  const reports = [cmp(scatter, 'scatter'), cmp(zero, 'zero insertion')];
  const steps: Step[] = [];
  const problem = zeroInsertionProblem(spec);
  if (spec.dims === 1 && spec.singleChannel) {
    const inserted = insertZeros(spec.inputs, spec.inputShape, spec.stride, ring);
    const [p0, p1] = problem.padding[0]!;
    const shown = inserted.map((p) => polyCell(p, rank));
    const padded = [...Array(Math.max(0, p0)).fill(polyCell(ring.zero)), ...shown, ...Array(Math.max(0, p1)).fill(polyCell(ring.zero))];
    const flipped = [...spec.weights].reverse().map((p) => polyCell(p, rank));
    steps.push(equationStep(
      `Zero insertion: ${spec.stride[0]! - 1} zeros between samples, padding ${p0} and ${p1}, flipped kernel, stride 1`,
      [mathPart('\\text{kernel}', 'kernel'), vectorPart(flipped.length, (i) => flipped[i]!, opts),
        mathPart('\\circledast', '⊛'), vectorPart(padded.length, (i) => padded[i]!, opts)],
    ));
  }
  const rows = viaMatrix.map((_, i) => [
    outputName(i), polyCell(viaMatrix[i]!, rank), polyCell(scatter[i]!, rank), polyCell(zero[i]!, rank),
  ]);
  const limit = opts.limits?.maxRows ?? 16;
  steps.push(tableStep('The three forms side by side', ['output', 'Kᵀ x', 'scatter', 'zero insertion'],
    rows.length > limit ? [...rows.slice(0, limit - 1), [textCell('…'), textCell('…'), textCell('…'), textCell('…')]] : rows));
  steps.push(verdictStep('Scatter (the filter scaled by each input)', reports[0]!));
  steps.push(verdictStep('Zero insertion with the flipped kernel', reports[1]!));
  return steps;
}
