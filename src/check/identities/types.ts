import type { CheckReport } from '../report.ts';
import type { SpecInput } from '../../geometry/spec.ts';
import type { SpecConstraints } from './sampling.ts';
import type { WorkEstimate } from '../../work/request.ts';

/**
 * The shape of a catalogued identity and of the report its check returns.
 * Everything here is plain data: a report can be printed, serialised, or
 * asserted on field by field.
 */

/** The stable ids; they are part of the public API. */
export const IDENTITY_IDS = [
  'matrix-equals-sliding-window',
  'transposed-adjoint',
  'transposed-forms-agree',
  'shape-round-trip',
  'dilation-zero-inserted-kernel',
  'rank1-separable',
  'depthwise-separable-factorization',
  'pointwise-channel-matmul',
  'conv-dense-equivalence',
  'stride1-composition',
  'correlation-convolution-flip',
  'checkerboard-divisibility',
  'receptive-field-closed-form',
  'im2col-duality',
  'circular-dft-diagonal',
  'input-gradient-is-transposed',
  'weight-gradient-is-correlation',
] as const;

export type IdentityId = (typeof IDENTITY_IDS)[number];

/** One parameter an identity ranges over, with its valid range. */
export interface IdentityParameter {
  /** the spec field (or option) it is read from, e.g. `stride`, `layers[].kernel`, `outputPadding` */
  readonly field: string;
  /** its symbol in the statement, as LaTeX */
  readonly symbol: string;
  /** the valid range, in words */
  readonly range: string;
  /** numeric bounds where the range is an interval of integers */
  readonly min?: number;
  readonly max?: number;
}

/** A check report with the identity's id: `holds`, `differences` (the counterexample first), `facts`. */
export interface IdentityReport extends CheckReport {
  readonly id: IdentityId;
}

export type { FactValue } from '../report.ts';

export interface InstanceOptions {
  /** how many specs to yield (default 12), the identity's own lecture examples first */
  count?: number;
  /** seed of the deterministic sampler */
  seed?: number;
}

/**
 * How valid specs of an identity are drawn: constraints for the generic spec
 * sampler, then `build` turns one sampled spec (plus a few small integers in
 * [−3, 3], for kernels and extra layers) into the identity's input. Shared by
 * `instances()` and the fast-check arbitraries of `convmat/testing`.
 */
export interface IdentitySampling<S> {
  readonly constraints: SpecConstraints;
  /** how many extra integers `build` reads */
  readonly extras: number;
  build(spec: SpecInput, extras: readonly number[]): S;
}

/**
 * An identity: a precise statement, where it holds and where it does not,
 * the parameters it ranges over, a check, and valid instances.
 * `S` is the spec it takes; `O` the options of its check (a claimed matrix,
 * kernel or output padding: what a near-miss test feeds in).
 */
export interface Identity<S, O = Record<string, never>> {
  readonly id: IdentityId;
  readonly title: string;
  /** the statement in LaTeX (constant text; KaTeX renders it with trust: false) */
  readonly statement: string;
  /** where it holds, in words */
  readonly holdsWhen: string;
  /** where it does not hold, in words */
  readonly failsWhen: string;
  readonly parameters: readonly IdentityParameter[];
  /** the lecture's own instances, yielded first by `instances()` */
  readonly examples: readonly S[];
  readonly sampling: IdentitySampling<S>;
  /** The keys its spec may have (default: a plain spec's); any other is a ParseError with a did-you-mean. */
  readonly specKeys: readonly string[];
  /**
   * The work of one check, predicted before anything is built: an upper bound
   * of what the engine allocates (held by test/work/estimate.test.ts). `check`
   * refuses past the work limits (src/work/limits.ts). Reading the spec throws its typed errors.
   */
  estimate(spec: S): WorkEstimate;
  /** Checks the identity on one spec. Invalid specs throw typed errors; valid ones where it fails give holds: false. */
  check(spec: S, options?: O): IdentityReport;
  /** Valid specs on which it holds: the examples, then deterministic samples. */
  instances(options?: InstanceOptions): Generator<S>;
}
