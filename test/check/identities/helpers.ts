/** Shared by the identity tests: the property over an identity's arbitrary, asserted with the toSatisfyIdentity matcher. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { IdentityId } from '../../../src/check/identities/types.ts';
import { arbitraryIdentitySpec } from '../../../src/testing/arbitrary.ts';

export function holdsForAll(id: IdentityId, numRuns = 30): void {
  fc.assert(fc.property(arbitraryIdentitySpec(id), (spec) => {
    expect(spec).toSatisfyIdentity(id);
  }), { numRuns });
}
