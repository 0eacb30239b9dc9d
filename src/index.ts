/**
 * convmat's public API, listed by name. Each section belongs to one concept;
 * add exports to the section of the module they come from.
 */
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
export { parseExpression, loadExpressionParser } from './algebra/expression.ts';
export { isIdentifier } from './algebra/symbols.ts';

// ── geometry
export { normalizeSpec, LIMITS } from './geometry/spec.ts';
export type { SpecInput, ConvSpec, AxisGeometry } from './geometry/spec.ts';
export { convOutputSize, transposedOutputSize, kernelSpan, samePadding, receptiveFieldSize, receptiveFieldRecurrence } from './geometry/output-size.ts';
export { axisIndex, axisMap, forEachTap, PADDING } from './geometry/index-map.ts';

// ── work limits (one estimator; every surface asks it first)
export { estimateWork } from './work/estimate.ts';
export { checkWork, assertWork, judgeWork } from './work/guard.ts';
export type { WorkVerdict } from './work/guard.ts';
export { WORK_LIMITS, withWorkLimits, resolveWorkLimits, currentWorkLimits } from './work/limits.ts';
export type { WorkLimits, WorkLimitsInput } from './work/limits.ts';
export type { WorkRequest, WorkKind, WorkEstimate, ElementView } from './work/request.ts';

// ── matrix
export { convMatrix, regularMatrix, tapAt, nonzeros } from './matrix/conv-matrix.ts';
export type { ConvMatrix } from './matrix/conv-matrix.ts';
export { transposeMatrix } from './matrix/transpose.ts';
export { matVec, materialize, matMul } from './matrix/products.ts';

// ── evaluate
export { slidingWindow } from './evaluate/sliding-window.ts';
export type { WindowProblem, WindowResult } from './evaluate/sliding-window.ts';
export { evaluateByWindow, windowProblemOf } from './evaluate/evaluate.ts';
export { scatterTransposed, transposedByZeroInsertion, transposedForms, zeroInsertionProblem, insertZeros, flipKernels } from './evaluate/transposed.ts';
export { seededRandom } from './evaluate/numeric.ts';

// ── check
export { checkMatrix, checkMatrixNumeric } from './check/matrix-check.ts';
export type { MatrixCheck, Timings, CheckOptions } from './check/matrix-check.ts';
export { compareVectors } from './check/equivalence.ts';
export { reportFrom, describeReport, describeCheckReport } from './check/report.ts';
export type { CheckReport, Comparison, Difference, FactValue } from './check/report.ts';
export { termOrder } from './check/term-order.ts';

// ── analysis
export { zeroInsertedKernel, dilatedTapPositions } from './analysis/dilation.ts';
export type { DilationEquivalent } from './analysis/dilation.ts';
export { stackGeometry, receptiveField, receptiveFieldTable, receptiveFieldClosedForm, stackRecurrence } from './analysis/receptive-field.ts';
export type { StackLayer, Stack, ReceptiveField } from './analysis/receptive-field.ts';
export { overlapCounts, isUniformAwayFromBorders, checkerboard, predictsUniformOverlap } from './analysis/overlap.ts';
export type { OverlapCounts, UniformityReport } from './analysis/overlap.ts';
export { convCost, parameterCount, multiplicationsClosedForm, spatiallySeparableCost, depthwiseSeparableCost } from './analysis/cost.ts';
export type { ConvCost, StagedCost } from './analysis/cost.ts';
export { factorRankOne, outerProduct, isFactorization, readKernel2D } from './analysis/rank-one.ts';
export type { RankOneResult, KernelInput } from './analysis/rank-one.ts';
export { spatiallySeparableStages, depthwiseSeparableStages } from './analysis/separable-stages.ts';
export type { DepthwiseSeparableStages } from './analysis/separable-stages.ts';
export { spatiallySeparableCheck, depthwiseSeparableCheck, depthwiseSeparableKernel, outerKernel } from './analysis/separable.ts';
export type { SeparableCheck, SeparableOptions } from './analysis/separable.ts';
export { vecTable, vec, convAsDenseLayer } from './analysis/flatten.ts';
export type { VecOrder, VecEntry, DenseLayer } from './analysis/flatten.ts';
export { channelMixingMatrix, pointwiseAsMatrixProduct } from './analysis/pointwise.ts';
export type { PointwiseProduct } from './analysis/pointwise.ts';
export { composeLayers, checkComposition, naiveComposition, layerSpecs } from './analysis/composition.ts';
export type { ConvLayer, ComposedConvolution, CompositionCheck } from './analysis/composition.ts';
export { polynomialMatrix, compareMatrices } from './analysis/dense-compare.ts';

// ── identities
export { identityCatalogue, identities, getIdentity, checkIdentity, isIdentityId } from './check/identities/catalogue.ts';
export type { IdentityCatalogue, IdentitySpec, IdentityOptions, AnyIdentity } from './check/identities/catalogue.ts';
export { IDENTITY_IDS } from './check/identities/types.ts';
export type {
  Identity, IdentityId, IdentityReport, IdentityParameter, IdentitySampling, InstanceOptions,
} from './check/identities/types.ts';
export { describeIdentityReport } from './check/identities/report.ts';
export { specFromDraw, drawRanges } from './check/identities/sampling.ts';
export type { SpecConstraints, SpecDraw } from './check/identities/sampling.ts';
export type { ClaimEntry } from './check/identities/claims.ts';
export type { MatrixClaim } from './check/identities/matrix-equals-sliding-window.ts';
export type { AdjointSpec } from './check/identities/transposed-adjoint.ts';
export type { TransposedFormsClaim } from './check/identities/transposed-forms-agree.ts';
export type { RoundTripSpec } from './check/identities/shape-round-trip.ts';
export type { DilationClaim } from './check/identities/dilation-zero-inserted-kernel.ts';
export type { Rank1Claim } from './check/identities/rank1-separable.ts';
export type { DepthwiseSpec, DepthwiseClaim } from './check/identities/depthwise-separable-factorization.ts';
export type { PointwiseClaim } from './check/identities/pointwise-channel-matmul.ts';
export type { DenseSpec, DenseClaim } from './check/identities/conv-dense-equivalence.ts';
export type { CompositionSpec, CompositionLayer } from './check/identities/stride1-composition.ts';
export type { FlipClaim } from './check/identities/correlation-convolution-flip.ts';
export type { ReceptiveFieldSpec, ReceptiveFieldClaim } from './check/identities/receptive-field-closed-form.ts';

// ── latex and derivations
export { latexSymbol, latexNumber, latexText, escapeLatexText, latexAccentSymbol, textAccentSymbol } from './latex/escape.ts';
export { derive, TOPICS, LECTURE_WINDOW_EXAMPLE } from './latex/derive.ts';
export type { Topic } from './latex/derive.ts';
export type { Derivation, Step, EquationStep, NoteStep, TableStep, VerdictStep, Part, MatrixPart, MathPart, Cell, Highlight, DeriveOptions } from './latex/derivation.ts';
export { deriveMatrix } from './latex/derive-matrix.ts';
export { deriveTransposed, LEARNED_WEIGHTS_NOTE } from './latex/derive-transposed.ts';
export { deriveWindow } from './latex/derive-window.ts';
export { deriveBlock } from './latex/derive-block.ts';
export { deriveDilation, DILATION_NOTE } from './latex/derive-dilation.ts';
export { deriveReceptiveField, stackLayersOf, RECEPTIVE_FIELD_NOTE } from './latex/derive-receptive-field.ts';
export type { ReceptiveFieldInput } from './latex/derive-receptive-field.ts';
export { deriveSeparable, SOBEL_EXAMPLE } from './latex/derive-separable.ts';
export { deriveDepthwise, DEPTHWISE_EXAMPLE, DEPTHWISE_SMALL_EXAMPLE } from './latex/derive-depthwise.ts';
export { derivePointwise, POINTWISE_EXAMPLE, POINTWISE_NOTE } from './latex/derive-pointwise.ts';
export { deriveFlatten, FLATTEN_NOTE } from './latex/derive-flatten.ts';
export type { FlattenInput } from './latex/derive-flatten.ts';
export { deriveCheckerboard, CHECKERBOARD_EXAMPLE, CHECKERBOARD_NOTE } from './latex/derive-checkerboard.ts';
export { matrixPart, vectorPart, matrixTex } from './latex/matrix-part.ts';
export { elisionPlan, headTail, DEFAULT_LIMITS } from './latex/elide.ts';
export type { ElisionLimits, ElisionPlan } from './latex/elide.ts';
export { derivationToLatex, derivationToMarkdown, escapeMarkdown } from './latex/emit.ts';
