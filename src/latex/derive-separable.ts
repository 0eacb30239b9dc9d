import { spatiallySeparableCost } from '../analysis/cost.ts';
import { compareMatrices, polynomialMatrix, sparsePolynomialMatrix } from '../analysis/dense-compare.ts';
import { factorRankOne, outerProduct } from '../analysis/rank-one.ts';
import { spatiallySeparableCheck } from '../analysis/separable.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { lectureRank, polyCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step } from './derivation.ts';
import { denseMatrixPart, groupedCell, rowVectorPart } from './derive-parts.ts';
import { flatAt, gridShape } from './layout.ts';
import { EQUALS, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';

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
  steps.push(...costSteps(spec));
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

function costSteps(spec: ConvSpec): Step[] {
  const cost = spatiallySeparableCost(spec);
  const row = (name: string, s: SpecInput | ConvSpec, c: { multiplications: number; closedForm: number; parameters: number }): Cell[] => {
    const n = normalizeSpec(s);
    return [textCell(name), textCell(n.kernel.join('×')), textCell(n.output.join('×')), groupedCell(c.closedForm), groupedCell(c.multiplications), numberCell(c.parameters)];
  };
  const sum = cost.stages.map((s) => groupedCell(s.cost.multiplications).tex).join(' + ');
  return [
    tableStep('Multiplications', ['convolution', 'kernel', 'outputs', 'closed form', 'nonzeros of K', 'weights'], [
      row('standard', spec, cost.standard),
      ...cost.stages.map((s) => row(s.name, s.spec, s.cost)),
    ]),
    equationStep('Standard against separable', [mathPart(
      `${groupedCell(cost.standard.multiplications).tex} \\quad\\text{against}\\quad ${sum} = ${groupedCell(cost.multiplications).tex}`,
      `${cost.standard.multiplications} against ${cost.stages.map((s) => s.cost.multiplications).join(' + ')} = ${cost.multiplications}`,
    )]),
    noteStep('Weights', `${cost.standard.parameters} weights become ${cost.parameters}. Not every kernel separates, so replacing all convolutions by separable ones limits which kernels training can find; spatially separable convolutions are seldom used in deep learning.`),
  ];
}
