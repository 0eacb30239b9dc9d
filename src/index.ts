/**
 * convmat's public API, listed by name (test/api.test.ts pins the list).
 * At most 70 names, types included (test/api.test.ts). Everything else
 * (index maps, analyses, per-topic derivations, LaTeX parts, polynomial
 * arithmetic, the geometry's parts) is imported from its own module, as
 * tests do. Importing this file has no side effects.
 */
// ── errors
export { ConvmatError, SpecError, ParseError, NameError, LimitError } from './errors.ts';
export type { ErrorKind } from './errors.ts';

// ── polynomials and expressions
export { Polynomial, evaluatePoly } from './algebra/polynomial.ts';
export { rational } from './algebra/rational.ts';
export type { Rational } from './algebra/rational.ts';
export { polynomialToText, polynomialToLatex } from './algebra/print.ts';
export { parseExpression } from './algebra/expression.ts';

// ── rings
export { float64Ring, rationalRing, polynomialRing } from './algebra/ring.ts';
export type { Ring } from './algebra/ring.ts';

// ── the spec
export { normalizeSpec } from './geometry/spec.ts';
export type { ConvSpec } from './geometry/spec.ts';
export { LIMITS, SPEC_KEYS } from './geometry/spec-fields.ts';
export type { SpecInput } from './geometry/spec-fields.ts';
export { convOutputSize, transposedOutputSize, receptiveFieldSize } from './geometry/output-size.ts';
export { torchCode } from './geometry/torch-code.ts';

// ── work limits (one estimator; every surface asks it first)
export { estimateWork } from './work/estimate.ts';
export { checkWork } from './work/guard.ts';
export type { WorkVerdict } from './work/guard.ts';
export { WORK_LIMITS, withWorkLimits } from './work/limits.ts';
export type { WorkLimits } from './work/limits.ts';

// ── the matrix and its products
export { convMatrix } from './matrix/conv-matrix.ts';
export { im2colMatrix } from './matrix/im2col.ts';
export { transposeMatrix, materialize } from './matrix/csr.ts';
export type { ConvMatrix } from './matrix/csr.ts';
export { matVec, matMul } from './matrix/products.ts';
export { evaluateByWindow } from './evaluate/evaluate.ts';
export { convBackward } from './evaluate/conv-backward.ts';
export type { ConvBackward } from './evaluate/conv-backward.ts';

// ── checks
export { checkMatrix, checkMatrixNumeric } from './check/matrix-check.ts';
export type { MatrixCheck } from './check/matrix-check.ts';
export type { CheckReport } from './check/report.ts';
export { termOrder } from './check/term-order.ts';
export { probeMatrix } from './check/probe.ts';

// ── identities
export { identities, getIdentity, checkIdentity } from './check/identities/catalogue.ts';
export type { IdentitySpec } from './check/identities/catalogue.ts';
export { IDENTITY_IDS } from './check/identities/types.ts';
export type { Identity, IdentityId, IdentityReport } from './check/identities/types.ts';
export { describeIdentityReport } from './check/identities/report.ts';

// ── derivations and emitters
export { derive, TOPICS } from './latex/derive.ts';
export type { Derivation } from './latex/derivation.ts';
export { derivationToLatex, derivationToMarkdown } from './latex/emit.ts';
