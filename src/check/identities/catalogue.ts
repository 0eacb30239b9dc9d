import { NameError } from '../../errors.ts';
import { assertKnownKeys } from '../../geometry/known-keys.ts';
import { checkerboardDivisibility } from './checkerboard-divisibility.ts';
import { convDenseEquivalence } from './conv-dense-equivalence.ts';
import { correlationConvolutionFlip } from './correlation-convolution-flip.ts';
import { depthwiseSeparableFactorization } from './depthwise-separable-factorization.ts';
import { dilationZeroInsertedKernel } from './dilation-zero-inserted-kernel.ts';
import { circularDftDiagonal } from './circular-dft-diagonal.ts';
import { im2colDuality } from './im2col-duality.ts';
import { matrixEqualsSlidingWindow } from './matrix-equals-sliding-window.ts';
import { pointwiseChannelMatmul } from './pointwise-channel-matmul.ts';
import { rank1Separable } from './rank1-separable.ts';
import { receptiveFieldIdentity } from './receptive-field-closed-form.ts';
import { shapeRoundTrip } from './shape-round-trip.ts';
import { stride1Composition } from './stride1-composition.ts';
import { transposedAdjoint } from './transposed-adjoint.ts';
import { transposedFormsAgree } from './transposed-forms-agree.ts';
import { inputGradientIsTransposed } from './input-gradient-is-transposed.ts';
import { weightGradientIsCorrelation } from './weight-gradient-is-correlation.ts';
import { IDENTITY_IDS, type Identity, type IdentityId, type IdentityReport } from './types.ts';

/**
 * The catalogue: every identity by its stable id, in the order of IDENTITY_IDS.
 * `checkIdentity(id, spec, options)` is what the `toSatisfyIdentity` matcher calls.
 */
export const identityCatalogue = {
  'matrix-equals-sliding-window': matrixEqualsSlidingWindow,
  'transposed-adjoint': transposedAdjoint,
  'transposed-forms-agree': transposedFormsAgree,
  'shape-round-trip': shapeRoundTrip,
  'dilation-zero-inserted-kernel': dilationZeroInsertedKernel,
  'rank1-separable': rank1Separable,
  'depthwise-separable-factorization': depthwiseSeparableFactorization,
  'pointwise-channel-matmul': pointwiseChannelMatmul,
  'conv-dense-equivalence': convDenseEquivalence,
  'stride1-composition': stride1Composition,
  'correlation-convolution-flip': correlationConvolutionFlip,
  'checkerboard-divisibility': checkerboardDivisibility,
  'receptive-field-closed-form': receptiveFieldIdentity,
  'im2col-duality': im2colDuality,
  'circular-dft-diagonal': circularDftDiagonal,
  'input-gradient-is-transposed': inputGradientIsTransposed,
  'weight-gradient-is-correlation': weightGradientIsCorrelation,
} as const satisfies { [K in IdentityId]: Identity<any, any> };

export type IdentityCatalogue = typeof identityCatalogue;
/** The spec an identity takes. */
export type IdentitySpec<K extends IdentityId> = Parameters<IdentityCatalogue[K]['check']>[0];
/** The options of an identity's check (what a near-miss test claims). */
export type IdentityOptions<K extends IdentityId> = NonNullable<Parameters<IdentityCatalogue[K]['check']>[1]>;

/** Any identity, for code that walks the whole catalogue (each takes its own spec; use getIdentity(id) for precise types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyIdentity = Identity<any, any>;

/** Every identity, in catalogue order. */
export const identities: readonly AnyIdentity[] = IDENTITY_IDS.map((id) => identityCatalogue[id]);

export function isIdentityId(id: unknown): id is IdentityId {
  return typeof id === 'string' && (IDENTITY_IDS as readonly string[]).includes(id);
}

/** The identity with this id; an unknown id is a NameError that lists the known ones. */
export function getIdentity<K extends IdentityId>(id: K): IdentityCatalogue[K] {
  if (!isIdentityId(id)) {
    throw new NameError({ field: 'identity', value: id, rule: 'is not a catalogued identity', fix: `use one of ${IDENTITY_IDS.join(', ')}` });
  }
  return identityCatalogue[id];
}

/** Strict keys: a misspelt key of an identity's spec is a ParseError with a did-you-mean, never ignored. */
export function assertIdentitySpecKeys(id: IdentityId, spec: unknown): void {
  if (spec === null || typeof spec !== 'object') return; // the identity reports a missing spec itself
  assertKnownKeys(spec, getIdentity(id).specKeys, `the spec of ${id}`);
}

export function checkIdentity<K extends IdentityId>(id: K, spec: IdentitySpec<K>, options?: IdentityOptions<K>): IdentityReport {
  const identity = getIdentity(id) as unknown as Identity<IdentitySpec<K>, IdentityOptions<K>>;
  assertIdentitySpecKeys(id, spec);
  return identity.check(spec, options);
}
