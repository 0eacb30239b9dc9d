import { polynomialRing } from '../algebra/ring.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { checkIm2colDuality } from '../check/identities/im2col-duality.ts';
import type { CheckReport } from '../check/report.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import type { ConvMatrix } from '../matrix/csr.ts';
import { matVec } from '../matrix/products.ts';
import { kernelVector } from '../latex/cells.ts';
import { type MatrixEquation, denseCells, elidedVector, inputEntries, outputEntries, productEntries, typesettable, weightEntries } from './equation.ts';

/**
 * Z(z)·w = y as an element shows it: Z (src/matrix/im2col.ts) with the input
 * names as entries, the weight vector w, the products and the output names.
 * Highlights work as for K: row r lights the entries of w its nonzeros meet.
 */
export function im2colEquation(spec: ConvSpec, Z: ConvMatrix, product: readonly Polynomial[]): MatrixEquation {
  const typeset = typesettable(Z);
  const w = kernelVector(spec);
  const entries = inputEntries(spec);
  return {
    form: 'im2col', matrix: Z, transposed: spec.transposed, typeset, name: 'Z (im2col)', entries,
    label: 'Z', vector: { tex: w, text: w },
    cells: typeset ? denseCells(Z, entries) : null,
    ...(typeset ? elidedVector(weightEntries(spec), Z.rows) : { z: [], zRows: [] }),
    products: typeset && product.length ? productEntries(spec, product) : [],
    outputs: typeset ? outputEntries(spec) : [], outputNames: [...spec.outputNames],
  };
}

/** Z(z)·w, and the im2col-duality check of the spec (K(w)·z = Z(z)·w = the sliding window). */
export function im2colCheck(spec: ConvSpec, Z: ConvMatrix): { product: Polynomial[]; report: CheckReport } {
  return { product: matVec(Z, spec.inputs, spec.weights, polynomialRing), report: checkIm2colDuality(spec) };
}
