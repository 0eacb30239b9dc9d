import { pointwiseAsMatrixProduct } from '../check/pointwise-product.ts';
import { mulPoly } from '../algebra/polynomial.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { lectureRank, matrixCells, polyCell, rowColumns, rowLinks, symbolCell } from './cells.ts';
import type { DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { blockSizes } from './derive-matrix.ts';
import { denseMatrixPart, gridPart } from './derive-parts.ts';
import { DEFAULT_LIMITS, headTail } from './elide.ts';
import { latexNumber } from '../algebra/latex-escape.ts';
import { EQUALS, TIMES, matrixPart, mathPart } from './matrix-part.ts';
import { equationStep, noteStep, verdictStep } from './steps.ts';
import { bySpecSize, pointwiseEstimate } from '../work/spec-estimate.ts';

/**
 * A 1×1 convolution is channel mixing: with the input as a C_in × HW matrix X
 * (one row per channel), it computes Y = M·X with M the C_out × C_in weight
 * matrix; its K is M ⊗ I_HW. The lecture's example embeds 200 channels into one.
 */
export const POINTWISE_EXAMPLE: SpecInput = { input: '2x2', kernel: 1, inChannels: 200, outChannels: 1 };

export const POINTWISE_NOTE =
  'A 1×1 convolution looks at one position at a time and mixes the channels there: every output channel is a weighted sum of the input channels. The lecture names three advantages: it reduces the depth for efficient computation (200 channels embedded into a single one), it gives an efficient low-dimensional embedding of the features (feature pooling), and a nonlinearity such as ReLU can be applied again after it.';

export function derivePointwise(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const r = pointwiseAsMatrixProduct(spec);
  const rank = lectureRank(spec), limits = opts.limits;
  const hw = product(spec.input);
  const base = limits ?? DEFAULT_LIMITS;
  const narrow = { maxRows: Math.min(9, base.maxRows), maxCols: Math.min(9, base.maxCols) };
  const steps: Step[] = [noteStep('Channel mixing', POINTWISE_NOTE)];
  steps.push(equationStep(`Y = M · X: M is ${spec.outChannels} × ${spec.inChannels}, X holds one row per input channel (${hw} positions)`, [
    denseMatrixPart(r.mixing, { label: { tex: 'M', text: 'M' }, limits: narrow, rank }), TIMES,
    denseMatrixPart(r.input, { label: { tex: 'X', text: 'X' }, limits: narrow, rank }), EQUALS,
    gridPart([spec.outChannels, hw], (f) => symbolCell(spec.outputNames[f]!), { label: { tex: 'Y', text: 'Y' }, limits: narrow }),
  ]));
  const shown = headTail(spec.inChannels, Math.min(7, base.maxCols));
  const terms = shown.map((c) => (c === null ? { tex: '\\cdots', text: '…' } : polyCell(mulPoly(r.mixing[0]![c]!, r.input[c]![0]!), rank)));
  steps.push(equationStep('One output: a weighted sum over the channels at one position', [
    mathPart(symbolCell(spec.outputNames[0]!).tex, spec.outputNames[0]!), EQUALS,
    mathPart(terms.map((t) => t.tex).join(' + '), terms.map((t) => t.text).join(' + ')),
  ]));
  const m = convMatrix(spec);
  steps.push(equationStep(`As a convolution matrix: K = M ⊗ I_${hw}`, [
    matrixPart(m.rows, m.cols, matrixCells(m, spec.weights), { label: { tex: 'K', text: 'K' }, used: (row) => rowColumns(m, row), blocks: blockSizes(spec).slice(-1), limits: { maxRows: base.maxRows, maxCols: Math.min(13, base.maxCols) } }),
    EQUALS, mathPart(`M \\otimes I_{${latexNumber(hw)}}`, `M ⊗ I_${hw}`),
  ], rowLinks(m, spec.outputNames)));
  steps.push(verdictStep('M · X is the convolution', r.report));
  return { topic: 'pointwise', title: '1×1 convolution: a channel-mixing matrix', steps };
}

export const POINTWISE_WORK: TopicWork = {
  estimate: bySpecSize(pointwiseEstimate),
  limits: { drawnEntries: 100_000, taps: 4_000_000, terms: 4_000_000 },
};
