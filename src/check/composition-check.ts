import { type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type ConvLayer, layerSpecs } from '../geometry/layer-specs.ts';
import { type PolyMatrix, polyMatMul } from '../matrix/poly-matrix.ts';
import { type ComposedConvolution, composeLayers } from '../analysis/composition.ts';
import { sparsePolynomialMatrix } from '../analysis/spec-matrix.ts';
import { compareMatrices } from './compare-matrices.ts';
import { type CheckReport, reportFrom } from './report.ts';

/** Two layers against one: B·A compared with the matrix of the composed convolution (analysis/composition.ts). */
export interface CompositionCheck {
  /** B·A: the second layer's matrix times the first's (sparse) */
  product: PolyMatrix;
  /** K of the single convolution (sparse) */
  single: PolyMatrix;
  report: CheckReport;
}

/** Compares B·A with the matrix of a single convolution (by default the composed one) on the same input. */
export function checkComposition(
  first: ConvLayer, second: ConvLayer, input: SpecInput['input'], single: ComposedConvolution = composeLayers(first, second),
): CompositionCheck {
  const [a, b] = layerSpecs(first, second, input);
  const product = polyMatMul(sparsePolynomialMatrix(b), sparsePolynomialMatrix(a));
  const spec = normalizeSpec({
    input, kernel: single.kernel, stride: single.stride, inChannels: single.inChannels, outChannels: single.outChannels,
  });
  const matrix = sparsePolynomialMatrix(spec, single.weights);
  return { product, single: matrix, report: reportFrom([compareMatrices(product, matrix, ['B·A', 'single convolution'], 'K')]) };
}
