import { compareMatrices } from '../check/compare-matrices.ts';
import { sparsePolynomialMatrix } from '../analysis/spec-matrix.ts';
import { zeroInsertedKernel } from '../analysis/dilation.ts';
import { kernelSpan } from '../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { product } from '../geometry/names.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { lectureRank, matrixCells, rowColumns, rowLinks } from './cells.ts';
import type { DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { polyGridPart } from './derive-parts.ts';
import { EQUALS, matrixPart, mathPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, verdictStep } from './steps.ts';
import { bySpecSize, dilationEstimate } from '../work/spec-estimate.ts';
import { MATRIX_VIEW_LIMITS } from './derive-matrix.ts';

/**
 * Dilation as a zero-inserted kernel (the lecture: "a dilated kernel is a
 * regular convolutional kernel interleaved with zeros"): w1 w2 w3 with d = 2
 * is w1 0 w2 0 w3. K of the dilated convolution is K of the undilated one
 * with that kernel; the engine compares both matrices entry by entry.
 */
export const DILATION_NOTE =
  'Dilation increases the receptive field without using more filter weights: the kernel skips d−1 inputs between taps, so k weights span d(k−1)+1 inputs. The lecture names its benefits: more contextual information, inputs of higher dimension processed while still detecting fine details, and better run-time performance from fewer parameters.';

export function deriveDilation(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const eq = zeroInsertedKernel(spec);
  const plain = normalizeSpec(eq.spec);
  const rank = lectureRank(spec), limits = opts.limits;
  const d = spec.dilation.join('×');
  const size = (k: readonly number[]) => (k.length === 1 ? `${k[0]}-tap` : k.join('×'));
  const layout = (k: readonly number[]) => [...spec.weightShape.slice(0, 2), ...k];
  const steps: Step[] = [noteStep('Idea', DILATION_NOTE)];
  steps.push(equationStep(`The kernel with dilation ${d} is a ${size(eq.kernel)} kernel interleaved with zeros`, [
    polyGridPart(layout(spec.kernel), spec.weights, { rank, limits }),
    mathPart(`\\;\\xrightarrow{\\,d\\,=\\,${spec.dilation.map((x) => String(x)).join('\\times ')}\\,}\\;`, `-(d=${d})->`),
    polyGridPart(layout(eq.kernel), eq.weights, { rank, limits }),
  ]));
  const m = convMatrix(spec), mp = convMatrix(plain);
  steps.push(equationStep('K of the dilated convolution = K of the undilated one with the zero-inserted kernel', [
    matrixPart(m.rows, m.cols, matrixCells(m, spec.weights), { label: { tex: `K_{d=${d.replace(/×/g, '\\times ')}}`, text: `K(d=${d})` }, used: (r) => rowColumns(m, r), limits }),
    EQUALS,
    matrixPart(mp.rows, mp.cols, matrixCells(mp, eq.weights), { label: { tex: 'K_{d=1}', text: 'K(d=1)' }, used: (r) => rowColumns(mp, r), limits }),
  ], rowLinks(m, spec.outputNames)));
  steps.push(verdictStep('The two matrices are equal', compareMatrices(
    sparsePolynomialMatrix(spec), sparsePolynomialMatrix(plain, eq.weights), ['dilated kernel', 'zero-inserted kernel'], 'K',
  )));
  steps.push(tableStep('Weights and span per axis', ['axis', 'k (weights)', 'd', 'span d(k−1)+1'], spec.kernel.map((k, a) => [
    numberCell(a + 1), numberCell(k), numberCell(spec.dilation[a]!), numberCell(kernelSpan(k, spec.dilation[a]!)),
  ])));
  steps.push(noteStep('Cost', `${product(spec.kernel)} weights reach a ${size(eq.kernel)} patch of the input; a dense kernel of that size needs ${product(eq.kernel)}. The receptive field of a stack of such layers: convmat explain receptive-field.`));
  return { topic: 'dilation', title: 'Dilated convolution: a kernel interleaved with zeros', steps };
}

export const DILATION_WORK: TopicWork = { estimate: bySpecSize(dilationEstimate), limits: MATRIX_VIEW_LIMITS };
