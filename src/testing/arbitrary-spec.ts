import * as fc from 'fast-check';
import type { SpecInput } from '../geometry/spec.ts';
import { assertKnownOptions } from '../geometry/known-keys.ts';
import {
  type AxisDraw, type DrawRanges, EXTRA_RANGE, type Range, type SpecConstraints, type SpecDraw, drawRanges, specFromDraw,
} from '../check/identities/sampling.ts';
import { type IdentitySpec, getIdentity } from '../check/identities/catalogue.ts';
import type { Identity, IdentityId } from '../check/identities/types.ts';

/**
 * fast-check arbitraries for valid specs. Raw integers are drawn in fixed
 * ranges and mapped to a spec that is always valid (see specFromDraw), so
 * nothing is filtered and shrinking moves every integer towards its smallest
 * value: a failing property shrinks to a 1D, kernel-1, stride-1, unpadded
 * spec as far as the failure allows.
 */
export type ArbitrarySpecOptions = SpecConstraints;

const CONSTRAINT_KEYS = {
  dims: true, maxSize: true, minKernel: true, maxKernel: true, minStride: true, maxStride: true, maxDilation: true,
  maxPadding: true, asymmetricPadding: true, transposed: true, outputPadding: true, channels: true, mode: true,
} as const satisfies Record<keyof SpecConstraints, true>;

const int = ([min, max]: Range) => fc.integer({ min, max });

function drawArbitrary(r: DrawRanges): fc.Arbitrary<SpecDraw> {
  const axis: fc.Arbitrary<AxisDraw> = fc.record({
    k: int(r.axis.k), s: int(r.axis.s), d: int(r.axis.d), p0: int(r.axis.p0), p1: int(r.axis.p1), extra: int(r.axis.extra), op: int(r.axis.op),
  });
  return fc.record({
    dims: int(r.dims), axes: fc.tuple(axis, axis, axis), transposed: int(r.transposed),
    groups: int(r.groups), inPerGroup: int(r.inPerGroup), outPerGroup: int(r.outPerGroup), mode: int(r.mode),
  });
}

/** Valid specs as plain objects ({input, kernel, stride?, padding?, …}); defaults are left out. */
export function arbitrarySpec(options: ArbitrarySpecOptions = {}): fc.Arbitrary<SpecInput> {
  assertKnownOptions(options, CONSTRAINT_KEYS, 'the options of arbitrarySpec');
  return drawArbitrary(drawRanges(options)).map((d) => specFromDraw(d, options));
}

/** Valid inputs of one identity, drawn as its `instances()` are (and shrinking as arbitrarySpec does). */
export function arbitraryIdentitySpec<K extends IdentityId>(id: K): fc.Arbitrary<IdentitySpec<K>> {
  const { sampling } = getIdentity(id) as unknown as Identity<IdentitySpec<K>, unknown>;
  const extras = fc.array(int(EXTRA_RANGE), { minLength: sampling.extras, maxLength: sampling.extras });
  return fc.tuple(arbitrarySpec(sampling.constraints), extras).map(([spec, ex]) => sampling.build(spec, ex));
}
