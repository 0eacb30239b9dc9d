import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { checkMatrix } from '../check/matrix-check.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { product } from '../geometry/names.ts';
import { padSource } from '../geometry/padding-mode.ts';
import { zeroPoly } from '../algebra/polynomial.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { nonzeros } from '../matrix/csr.ts';
import { matVec } from '../matrix/products.ts';
import { inputCells, inputVectorLabel, kernelLabel, lectureRank, matrixCells, polyCell, rowColumns, rowLinks, symbolCell } from './cells.ts';
import type { DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { EQUALS, matrixPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, verdictStep } from './steps.ts';
import { bySpecSize, tapTerms, work, type SizeEstimate } from '../work/spec-estimate.ts';

/**
 * A convolution as a matrix product, in the lecture's notation:
 * K z = (expanded products) = (named outputs), with `_K` and `_z` labels.
 * A padded 1D input is shown with its zeros ([0, a, b, c, d, 0]ᵀ), or with
 * reflect, replicate or circular padding with the inputs its padding cells
 * copy ([z2, z1, z2, …]ᵀ), built as the same convolution over an input that
 * holds them as entries.
 */

export function deriveMatrix(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const check = checkMatrix(spec);
  const m = check.matrix, rank = lectureRank(spec), limits = opts.limits;
  const k = kernelLabel(spec);
  const K = matrixPart(m.rows, m.cols, matrixCells(m, spec.weights), {
    label: spec.transposed ? { tex: `${k.tex}^{T}`, text: `${k.text}ᵀ` } : k, used: (r) => rowColumns(m, r), blocks: blockSizes(spec), limits,
  });
  const z = vectorPart(m.cols, (i) => inputCells(spec, rank)[i]!, { label: inputVectorLabel(spec), limits });
  const prod = vectorPart(m.rows, (i) => polyCell(check.product[i]!, rank), { limits });
  const outs = vectorPart(m.rows, (i) => symbolCell(spec.outputNames[i]!), { limits });
  const links = rowLinks(m, spec.outputNames);
  const steps: Step[] = [];
  const padded = paddedView(spec, opts);
  if (padded) steps.push(...padded);
  const product = equationStep(
    !padded ? `${spec.transposed ? 'Kᵀ' : 'K'} times the input`
      : spec.paddingMode === 'zeros' ? 'The padding columns dropped: K acts on the inputs themselves'
        : 'Each padding column added onto the input it copies: K acts on the inputs themselves',
    [K, z, EQUALS, prod, EQUALS, outs], links,
  );
  steps.push(padded ? product : { ...product, product: true });
  steps.push(noteStep('Shape', `${shapeText(spec)}: K has ${m.rows} rows (outputs) and ${m.cols} columns (inputs), ${nonzeros(m)} nonzero entries.${modeNote(spec)}`));
  steps.push(verdictStep('Checked against the sliding window', check.report));
  return { topic: 'matrix', title: `${spec.transposed ? 'Transposed convolution' : 'Convolution'} as a matrix product`, steps };
}

/** Block sizes per nesting level, innermost first: spatial axes, then channels. */
export function blockSizes(spec: ConvSpec): { rows: number; cols: number }[] {
  const levels: { rows: number; cols: number }[] = [];
  for (let a = spec.dims - 1; a >= 1; a--) {
    const inner = spec.conv.axes.slice(a);
    levels.push({ rows: product(inner.map((x) => x.o)), cols: product(inner.map((x) => x.n)) });
  }
  if (!spec.singleChannel) levels.push({ rows: product(spec.conv.axes.map((x) => x.o)), cols: product(spec.conv.axes.map((x) => x.n)) });
  const picked = levels.length > 2 ? [levels[0]!, levels[levels.length - 1]!] : levels;
  return spec.transposed ? picked.map((b) => ({ rows: b.cols, cols: b.rows })) : picked;
}

/** One sentence on a padding mode other than zeros: what the padding copies, and why entries of K become sums. */
function modeNote(spec: ConvSpec): string {
  const padded = spec.padding.some(([a, b]) => a > 0 || b > 0);
  if (spec.paddingMode === 'zeros' || !padded) return '';
  const copies = { reflect: 'mirror the input about its edge', replicate: 'repeat the edge input', circular: 'wrap around to the other end' }[spec.paddingMode];
  return ` With ${spec.paddingMode} padding the padding cells ${copies}, so a tap on padding reads an input: where one output reads the same input through two taps, the entry of K is the sum of their weights.`;
}

function shapeText(spec: ConvSpec): string {
  const x = (v: readonly number[]) => v.join('×');
  const [i, o] = spec.singleChannel ? [spec.input, spec.output] : [spec.inputShape, spec.outputShape];
  return `input ${x(i)}, kernel ${x(spec.kernel)}, stride ${x(spec.stride)}, output ${x(o)}`;
}

/**
 * 1D single-channel regular convolution with padding: the same convolution
 * without padding over an input whose entries include the zeros.
 */
function paddedView(spec: ConvSpec, opts: DeriveOptions): Step[] | null {
  const [p0, p1] = spec.padding[0] ?? [0, 0];
  if (spec.dims !== 1 || !spec.singleChannel || spec.transposed || (p0 === 0 && p1 === 0)) return null;
  const n = spec.input[0]!;
  // the padded input: zeros, or the input each padding cell copies (padSource, the one rule of the modes)
  const entries = Array.from({ length: p0 + n + p1 }, (_, q) => {
    const src = padSource(spec.paddingMode, q - p0, n);
    return src < 0 ? zeroPoly : spec.inputs[src]!;
  });
  const view = normalizeSpec({
    input: [entries.length], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation], mode: spec.mode,
    weights: spec.weights.map((p) => polynomialToText(p)).join(','), inputs: JSON.stringify(entries.map(() => '0')),
  });
  const m = convMatrix(view), rank = lectureRank(spec), limits = opts.limits;
  const prod = matVec(m, view.weights, entries, polynomialRing);
  const same = compareVectors(prod, checkMatrix(spec).product, {
    ring: polynomialRing, show: (p) => polynomialToText(p, { rank }), names: spec.outputNames, labels: ['padded input', 'K z'],
  });
  return [
    equationStep(spec.paddingMode === 'zeros' ? 'The padded input, zeros shown' : `The padded input (${spec.paddingMode} padding), copies shown`, [
      matrixPart(m.rows, m.cols, matrixCells(m, view.weights), { used: (r) => rowColumns(m, r), limits }),
      vectorPart(m.cols, (i) => polyCell(entries[i]!, rank), { limits }),
      EQUALS, vectorPart(m.rows, (i) => polyCell(prod[i]!, rank), { limits }),
    ], rowLinks(m, spec.outputNames)),
    verdictStep(spec.paddingMode === 'zeros' ? 'The zeros contribute nothing' : 'Folding each copy into the input it copies changes nothing', same),
  ];
}

/** K·z, the window, and for a padded 1D input the same again over the padded input. */
export const matrixDerivationSize: SizeEstimate = (_c, s) => work(3 * s.taps, 5 * tapTerms(s));

/** What typesetting K and its products allows on a page (the topics that draw K share it). */
export const MATRIX_VIEW_LIMITS = { drawnEntries: 2000, taps: 20_000 } as const;

export const MATRIX_WORK: TopicWork = { estimate: bySpecSize(matrixDerivationSize), limits: MATRIX_VIEW_LIMITS };
