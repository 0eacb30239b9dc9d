import { type ConvCost, depthwiseSeparableCost } from '../analysis/cost.ts';
import { depthwiseSeparableCheck } from '../check/separable-check.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { matrixCells, rowColumns } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, MatrixPart, Step, TopicWork } from './derivation.ts';
import { blockSizes } from './derive-matrix.ts';
import { groupDigits, groupedCell } from './derive-parts.ts';
import { product } from '../geometry/names.ts';
import { matrixPart, mathPart } from './matrix-part.ts';
import { equationStep, noteStep, tableStep, textCell, verdictStep } from './steps.ts';
import { bySpecSize, depthwiseEstimate, work } from '../work/spec-estimate.ts';

/**
 * Depthwise-separable convolution: a depthwise stage (groups = C_in, one
 * k×k×1 kernel per channel: a block-diagonal matrix) then a pointwise 1×1
 * stage (channel mixing), so K = P · D. The multiplication tables are the
 * lecture's, computed by src/analysis/cost.ts: 86,400 against 675 + 9,600 =
 * 10,275 (3 → 128 channels, 3×3, 5×5 outputs) and 1,228,800 against 4,800 +
 * 49,152 = 53,952 (3 → 256, 5×5, 8×8 outputs). Matrices too large to read are
 * shown on a small example with the same structure.
 */
export const DEPTHWISE_EXAMPLE: SpecInput = { input: '7x7', kernel: '3x3', inChannels: 3, outChannels: 128 };
export const DEPTHWISE_SMALL_EXAMPLE: SpecInput = { input: 5, kernel: 3, inChannels: 3, outChannels: 2 };
/** dense entries of K up to which the matrices of the spec itself are shown */
export const MAX_SHOWN_ENTRIES = 4096;

export function deriveDepthwise(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const cost = depthwiseSeparableCost(spec);
  const [dw, pw] = cost.stages.map((s) => normalizeSpec(s.spec)) as [ConvSpec, ConvSpec];
  const steps: Step[] = [noteStep('Two stages', `Depthwise: ${spec.inChannels} kernels of ${dw.kernel.join('×')}×1, one per input channel (groups = ${spec.inChannels}), giving ${dw.outChannels} feature maps of ${dw.output.join('×')}. Pointwise: ${pw.outChannels} kernels of 1×1×${pw.inChannels} mix those channels (a 1×1 convolution).`)];
  steps.push(...costSteps(spec, cost.standard, cost.stages.map((s, i) => ({ name: s.name, spec: i === 0 ? dw : pw, cost: s.cost }))));
  const rows = product(spec.outputShape), cols = product(spec.inputShape);
  const small = rows * cols <= MAX_SHOWN_ENTRIES ? spec : normalizeSpec(DEPTHWISE_SMALL_EXAMPLE);
  if (small !== spec) {
    steps.push(noteStep('The matrices on a small example', `K here is ${groupDigits(rows)} × ${groupDigits(cols)}, too large to read. The same structure with input ${small.input.join('×')}, kernel ${small.kernel.join('×')}, ${small.inChannels} → ${small.outChannels} channels:`));
  }
  steps.push(...productSteps(small, opts));
  return { topic: 'depthwise', title: 'Depthwise-separable convolution: K = P · D', steps };
}

function factorsText(s: ConvSpec): { tex: string; text: string } {
  const f = [...s.kernel, s.conv.inChannels / s.groups, ...s.output, s.conv.outChannels];
  return { tex: f.join(' \\times '), text: f.join(' × ') };
}

/**
 * Multiplications as the lecture counts them (every tap of every window, those
 * by padding zeros included); the nonzeros of K, which leave the padding out,
 * get their own column only when they differ.
 */
function costSteps(spec: ConvSpec, standard: ConvCost, stages: Array<{ name: string; spec: ConvSpec; cost: ConvCost }>): Step[] {
  const differ = [standard, ...stages.map((s) => s.cost)].some((c) => c.paddingTaps !== 0);
  const row = (name: string, s: ConvSpec, c: ConvCost): Cell[] => {
    const f = factorsText(s);
    return [
      textCell(name), textCell(`${s.kernel.join('×')}×${s.conv.inChannels / s.groups}`), textCell(s.output.join('×')), textCell(String(s.conv.outChannels)),
      { tex: `${f.tex} = ${groupedCell(c.closedForm).tex}`, text: `${f.text} = ${groupedCell(c.closedForm).text}` }, ...(differ ? [groupedCell(c.multiplications)] : []),
    ];
  };
  const sum = stages.map((s) => groupedCell(s.cost.closedForm));
  const total = stages.reduce((a, s) => a + s.cost.closedForm, 0);
  return [
    tableStep('Multiplications', ['convolution', 'kernel size', 'times move', 'kernels', 'multiplications', ...(differ ? ['nonzeros of K (padding left out)'] : [])], [
      row('standard', spec, standard), ...stages.map((s) => row(s.name, s.spec, s.cost)),
    ]),
    equationStep('Standard against depthwise separable: multiplications', [mathPart(
      `${groupedCell(standard.closedForm).tex} \\quad\\text{against}\\quad ${sum.map((c) => c.tex).join(' + ')} = ${groupedCell(total).tex}`,
      `${groupedCell(standard.closedForm).text} against ${sum.map((c) => c.text).join(' + ')} = ${groupedCell(total).text}`,
    )]),
  ];
}

/** P · D = K, drawn from the stage matrices with their channel blocks. */
function productSteps(spec: ConvSpec, opts: DeriveOptions): Step[] {
  const check = depthwiseSeparableCheck(spec);
  const full = normalizeSpec(specInput(spec));
  const part = (s: ConvSpec, weights: readonly Polynomial[], label: Cell): MatrixPart => {
    const m = convMatrix(s);
    return matrixPart(m.rows, m.cols, matrixCells(m, weights), { label, used: (r) => rowColumns(m, r), blocks: blockSizes(s), limits: opts.limits });
  };
  const [D, P] = check.stages.map((s) => normalizeSpec(s)) as [ConvSpec, ConvSpec];
  return [
    equationStep('The depthwise matrix D: block diagonal, one block per channel', [part(D, check.factors[0]!, { tex: 'D', text: 'D' })]),
    equationStep('The pointwise matrix P: a block p_{o,c}·I per pair of channels', [part(P, check.factors[1]!, { tex: 'P', text: 'P' })]),
    equationStep('Their product is K of a full convolution whose kernel factorises, W[o,c] = P[o,c]·D[c]', [mathPart('P \\cdot D =', 'P · D ='), part(full, check.kernel, { tex: 'K', text: 'K' })]),
    verdictStep('P · D is the full convolution with kernel W[o,c] = P[o,c] · D[c]', check.report),
  ];
}

function specInput(s: ConvSpec): SpecInput {
  return {
    input: [...s.input], kernel: [...s.kernel], stride: [...s.stride], dilation: [...s.dilation],
    padding: s.padding.map(([a, b]) => [a, b] as [number, number]), inChannels: s.inChannels, outChannels: s.outChannels, mode: s.mode,
    paddingMode: s.paddingMode,
  };
}

/** What the lecture's small depthwise example costs, drawn when the spec's own matrices are too large to read. */
const SMALL_EXAMPLE = 2000;

/** The costs and the check, then the stage matrices drawn (on the small example when K has more than MAX_SHOWN_ENTRIES cells). */
export const DEPTHWISE_WORK: TopicWork = {
  estimate: bySpecSize((c, s, raw) => {
    const e = depthwiseEstimate(c, s, raw);
    const drawn = s.rows * s.cols <= MAX_SHOWN_ENTRIES ? e : work(SMALL_EXAMPLE, SMALL_EXAMPLE);
    return work(e.entries + drawn.entries, e.terms + drawn.terms);
  }),
  limits: { drawnEntries: 100_000, taps: 4_000_000, terms: 4_000_000 },
};
