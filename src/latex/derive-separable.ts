import { spatiallySeparableCost } from '../analysis/cost.ts';
import { compareMatrices } from '../check/compare-matrices.ts';
import { polynomialMatrix, sparsePolynomialMatrix } from '../analysis/spec-matrix.ts';
import { factorRankOne, outerProduct } from '../analysis/rank-one.ts';
import { spatiallySeparableCheck } from '../check/separable-check.ts';
import { type Polynomial, sumPolys } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { lectureRank, polyCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { forEachCell } from '../matrix/csr.ts';
import { denseMatrixPart, groupDigits, groupedCell, rowVectorPart } from './derive-parts.ts';
import { flatAt, gridShape } from './layout.ts';
import { EQUALS, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';
import { bySpecSize, separableEstimate } from '../work/spec-estimate.ts';

/**
 * Spatially separable convolution: a rank-1 kernel is a column times a row
 * (Sobel: G_x = [1,2,1]ᵀ[1,0,−1]; flipped for true convolution, the lecture's
 * [1,2,1]ᵀ[−1,0,1]); the two 1D stages as matrices whose product is K; and the
 * multiplication counts of src/analysis/cost.ts (lecture: 81 against 45 + 27 = 72).
 */
export const SOBEL_EXAMPLE: SpecInput = { input: '5x5', kernel: '3x3', weights: '[[1,0,-1],[2,0,-2],[1,0,-1]]' };

export function deriveSeparable(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const rank = lectureRank(spec), limits = opts.limits;
  const steps: Step[] = [];
  let factors: Polynomial[][] | undefined;
  if (spec.dims === 2 && spec.singleChannel) {
    const grid = kernelGrid(spec.kernel, spec.weights);
    const f = factorRankOne(grid);
    if (f.rank1) {
      factors = [f.column, f.row];
      steps.push(...factorSteps('The kernel is a column times a row', grid, f.column, f.row, rank));
      if (spec.mode === 'correlation') steps.push(...flippedSteps(spec, rank));
    } else {
      steps.push(noteStep('Not separable as given', `${f.reason}. A separable kernel is an outer product c·rᵀ; the stages below use symbolic factors c and r.`));
    }
  }
  const check = spatiallySeparableCheck(spec, factors ? { factors } : {});
  const names = ['vertical', 'horizontal', 'depth'];
  const labels = check.stages.map((_, i) => ({ tex: `K_{${i + 1}}`, text: `K${i + 1}` }));
  check.stages.forEach((s, i) => {
    const n = normalizeSpec(s);
    steps.push(equationStep(`Stage ${i + 1} (${names[i]}, ${n.kernel.join('×')} on ${n.input.join('×')}) as a matrix`, [
      denseMatrixPart(sparsePolynomialMatrix(n, check.factors[i]!), { label: labels[i], limits, rank }),
    ]));
  });
  const product = labels.map((l) => l.tex).reverse().join(' ');
  steps.push(equationStep('The stages multiplied, the last on the left', [
    mathPart(`${product} =`, `${labels.map((l) => l.text).reverse().join('·')} =`), denseMatrixPart(check.full, { label: { tex: 'K', text: 'K' }, limits, rank }),
  ]));
  steps.push(verdictStep('The stages multiplied are the single convolution', check.report));
  steps.push(...costSteps(spec, check.factors));
  return { topic: 'separable', title: 'Spatially separable convolution', steps };
}

/** The flat row-major kernel as rows (display layout of layout.ts). */
function kernelGrid(shape: readonly number[], weights: readonly Polynomial[]): Polynomial[][] {
  const [h, w] = gridShape(shape);
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => weights[flatAt(shape, r, c)]!));
}

function factorSteps(title: string, grid: Polynomial[][], column: Polynomial[], row: Polynomial[], rank: (id: number) => number): Step[] {
  const kernel = denseMatrixPart(grid, { rank });
  return [
    equationStep(title, [
      mathPart('G =', 'G ='), kernel, EQUALS,
      vectorPart(column.length, (i) => polyCell(column[i]!, rank)), rowVectorPart(row.map((p) => polyCell(p, rank))),
    ]),
    verdictStep('Column times row gives the kernel back', compareMatrices(outerProduct(column, row), grid, ['column · row', 'kernel'], 'G')),
  ];
}

/**
 * True convolution flips the kernel. The flipped kernel is read from the
 * engine: a convolution in mode "convolution" on an input one kernel wide has
 * one window, and its matrix row is the kernel cross-correlation applies.
 */
function flippedSteps(spec: ConvSpec, rank: (id: number) => number): Step[] {
  const probe = normalizeSpec({ input: [...spec.kernel], kernel: [...spec.kernel], mode: 'convolution' });
  const flipped = polynomialMatrix(probe, spec.weights)[0]!;
  const grid = kernelGrid(spec.kernel, flipped);
  const f = factorRankOne(grid);
  if (!f.rank1) return [];
  const sameMatrix = compareMatrices(
    sparsePolynomialMatrix(normalizeSpec({ ...specInputOf(spec), mode: 'convolution' }), spec.weights),
    sparsePolynomialMatrix(spec, flipped), ['true convolution with G', 'cross-correlation with the flipped kernel'], 'K',
  );
  return [
    ...factorSteps('True convolution applies the flipped kernel (the lecture\'s second form)', grid, f.column, f.row, rank)
      .map((s) => (s.type === 'equation' ? { ...s, tex: s.tex.replace(/^G =/, '\\operatorname{flip}(G) ='), parts: [mathPart('\\operatorname{flip}(G) =', 'flip(G) ='), ...s.parts.slice(1)] } : s)),
    verdictStep('Flipping is what mode "convolution" does', sameMatrix),
  ];
}

function specInputOf(spec: ConvSpec): SpecInput {
  return { input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation], padding: spec.padding.map(([a, b]) => [a, b] as [number, number]) };
}

/**
 * The lecture's counts: multiplications are every tap of every window, those
 * by padding zeros and by the kernel's own zeros included (Sobel: 9 × 9 = 81).
 * The nonzeros of K, the products that are not zero by a weight, are a column
 * of their own, shown only when they differ (Sobel: 54 of the 81).
 */
function costSteps(spec: ConvSpec, factors: readonly (readonly Polynomial[])[]): Step[] {
  const cost = spatiallySeparableCost(spec);
  const nonzero = [valueNonzeros(spec, spec.weights), ...cost.stages.map((s, i) => valueNonzeros(normalizeSpec(s.spec), factors[i]!))];
  const counts = [cost.standard, ...cost.stages.map((s) => s.cost)];
  const differ = counts.some((c, i) => c.closedForm !== nonzero[i]);
  const row = (name: string, s: SpecInput | ConvSpec, c: { closedForm: number; parameters: number }, i: number): Cell[] => {
    const n = normalizeSpec(s);
    return [textCell(name), textCell(n.kernel.join('×')), textCell(n.output.join('×')), groupedCell(c.closedForm), ...(differ ? [groupedCell(nonzero[i]!)] : []), numberCell(c.parameters)];
  };
  const sum = cost.stages.map((s) => groupedCell(s.cost.closedForm).tex).join(' + ');
  const total = cost.stages.reduce((a, s) => a + s.cost.closedForm, 0);
  const steps: Step[] = [
    tableStep('Multiplications', ['convolution', 'kernel', 'outputs', 'multiplications', ...(differ ? ['nonzeros of K'] : []), 'weights'], [
      row('standard', spec, cost.standard, 0),
      ...cost.stages.map((s, i) => row(s.name, s.spec, s.cost, i + 1)),
    ]),
    equationStep('Standard against separable: multiplications', [mathPart(
      `${groupedCell(cost.standard.closedForm).tex} \\quad\\text{against}\\quad ${sum} = ${groupedCell(total).tex}`,
      `${cost.standard.closedForm} against ${cost.stages.map((s) => s.cost.closedForm).join(' + ')} = ${total}`,
    )]),
  ];
  const padding = counts.reduce((a, c) => a + c.paddingTaps, 0);
  steps.push(noteStep('What is counted', [
    'Multiplications count every tap of every window position, as the lecture does (positions × kernel size)',
    padding > 0 ? `, ${groupDigits(padding)} of them by padding zeros` : '',
    differ ? `; the nonzeros of K leave out the products by the kernel's zero weights (${nonzero.map(groupDigits).join(', ')} against ${counts.map((c) => groupDigits(c.closedForm)).join(', ')}).` : '.',
  ].join('')));
  steps.push(noteStep('Weights', `${cost.standard.parameters} weights become ${cost.parameters}. Not every kernel separates, so replacing all convolutions by separable ones limits which kernels training can find; spatially separable convolutions are seldom used in deep learning.`));
  return steps;
}

/** Entries of K whose weight (or sum of weights) is not zero: the products that are not zero by the kernel alone. */
function valueNonzeros(spec: ConvSpec, weights: readonly Polynomial[]): number {
  const m = convMatrix(spec);
  let n = 0;
  forEachCell(m, (_r, _c, taps) => { if (!sumPolys(taps.map((t) => weights[t]!)).isZero()) n++; });
  return n;
}

/** Both stages built as matrices. */
export const SEPARABLE_WORK: TopicWork = { estimate: bySpecSize(separableEstimate), limits: { drawnEntries: 300, taps: 3000 } };
