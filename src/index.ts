/**
 * convmat's public API, listed by name. Each section belongs to one concept;
 * add exports to the section of the module they come from.
 */
import './algebra/expression.ts';

// ── errors
export { ConvmatError, SpecError, ParseError, NameError, LimitError } from './errors.ts';
export type { ErrorKind, ErrorDetails } from './errors.ts';

// ── algebra
export { Polynomial, constPoly, symbolPoly, addPoly, subPoly, mulPoly, negPoly, sumPolys, equalsPoly, evaluatePoly, zeroPoly, onePoly } from './algebra/polynomial.ts';
export type { Term } from './algebra/polynomial.ts';
export { rational, parseRational } from './algebra/rational.ts';
export type { Rational } from './algebra/rational.ts';
export { float64Ring, rationalRing, polynomialRing, floatClose, FLOAT_TOLERANCE } from './algebra/ring.ts';
export type { Ring } from './algebra/ring.ts';
export { polynomialToText, polynomialToLatex } from './algebra/print.ts';
export { parseExpression } from './algebra/expression.ts';
export { isIdentifier } from './algebra/symbols.ts';

// ── geometry
export { normalizeSpec, LIMITS } from './geometry/spec.ts';
export type { SpecInput, ConvSpec, AxisGeometry } from './geometry/spec.ts';
export { convOutputSize, transposedOutputSize, kernelSpan, samePadding, receptiveFieldSize } from './geometry/output-size.ts';
export { axisIndex, axisMap, forEachTap, PADDING } from './geometry/index-map.ts';

// ── matrix
export { convMatrix, regularMatrix, tapAt, nonzeros } from './matrix/conv-matrix.ts';
export type { ConvMatrix } from './matrix/conv-matrix.ts';
export { transposeMatrix } from './matrix/transpose.ts';
export { matVec, materialize, matMul } from './matrix/products.ts';

// ── evaluate
export { slidingWindow } from './evaluate/sliding-window.ts';
export type { WindowProblem, WindowResult } from './evaluate/sliding-window.ts';
export { evaluateByWindow, windowProblemOf } from './evaluate/evaluate.ts';
export { scatterTransposed, transposedByZeroInsertion, zeroInsertionProblem, insertZeros } from './evaluate/transposed.ts';
export { seededRandom } from './evaluate/numeric.ts';

// ── check
export { checkMatrix, checkMatrixNumeric } from './check/matrix-check.ts';
export type { MatrixCheck, Timings, CheckOptions } from './check/matrix-check.ts';
export { compareVectors, describeReport } from './check/equivalence.ts';
export type { EquivalenceReport, Mismatch } from './check/equivalence.ts';
export { termOrder } from './check/term-order.ts';

// ── analysis

// ── identities

// ── latex and derivations
