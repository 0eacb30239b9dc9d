import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_IDS, checkIdentity, getIdentity, identities,
} from '../../../src/index.ts';
import { identityCatalogue, isIdentityId } from '../../../src/check/identities/catalogue.ts';
import { NameError, SpecError } from '../../../src/errors.ts';

/** The catalogue as a whole: stable ids, statements that typeset, parameters, instances. */
describe('identity catalogue', () => {
  it('lists the public ids in order, each identity under its own id', () => {
    expect(IDENTITY_IDS).toEqual([
      'matrix-equals-sliding-window', 'transposed-adjoint', 'transposed-forms-agree', 'shape-round-trip',
      'dilation-zero-inserted-kernel', 'rank1-separable', 'depthwise-separable-factorization', 'pointwise-channel-matmul',
      'conv-dense-equivalence', 'stride1-composition', 'correlation-convolution-flip', 'checkerboard-divisibility',
      'receptive-field-closed-form', 'im2col-duality', 'circular-dft-diagonal',
      'input-gradient-is-transposed', 'weight-gradient-is-correlation',
    ]);
    expect(identities.map((i) => i.id)).toEqual(IDENTITY_IDS);
    for (const id of IDENTITY_IDS) expect(identityCatalogue[id].id).toBe(id);
  });

  it.each(identities.map((i) => [i.id, i] as const))('%s: its statement typesets in KaTeX with trust: false', (_id, identity) => {
    expect(() => katex.renderToString(identity.statement, { trust: false, throwOnError: true, strict: 'error', maxExpand: 100, maxSize: 10 })).not.toThrow();
  });

  it.each(identities.map((i) => [i.id, i] as const))('%s: states where it holds and where it does not, and its parameter ranges', (_id, identity) => {
    expect(identity.title.length).toBeGreaterThan(10);
    expect(identity.holdsWhen.length).toBeGreaterThan(40);
    expect(identity.failsWhen.length).toBeGreaterThan(40);
    expect(identity.parameters.length).toBeGreaterThan(0);
    for (const p of identity.parameters) {
      expect(p.field).not.toBe('');
      expect(p.range).not.toBe('');
      if (p.min !== undefined && p.max !== undefined) expect(p.min).toBeLessThanOrEqual(p.max);
    }
  });

  it.each(identities.map((i) => [i.id, i] as const))('%s: instances() starts with the examples, is deterministic, and holds on each', (_id, identity) => {
    const first = [...identity.instances({ count: 8, seed: 7 })];
    const again = [...identity.instances({ count: 8, seed: 7 })];
    expect(first).toHaveLength(8);
    expect(again).toEqual(first);
    expect(first.slice(0, identity.examples.length)).toEqual(identity.examples.slice(0, 8));
    for (const spec of first) expect(identity.check(spec as never).holds).toBe(true);
  });

  it('states where composition and shape round trips do not hold', () => {
    expect(getIdentity('stride1-composition').failsWhen).toMatch(/s₁ > 1/);
    expect(getIdentity('shape-round-trip').failsWhen).toMatch(/"same" padding and an even kernel/);
    expect(getIdentity('transposed-adjoint').failsWhen).toMatch(/even kernel/);
  });

  it('rejects an unknown id with a NameError listing the known ones', () => {
    expect(isIdentityId('transposed-adjoint')).toBe(true);
    expect(isIdentityId('transpose-adjoint')).toBe(false);
    expect(() => getIdentity('transpose-adjoint' as never)).toThrow(NameError);
    expect(() => getIdentity('transpose-adjoint' as never)).toThrow(/use one of matrix-equals-sliding-window/);
  });

  it('passes invalid specs through as typed errors naming the field', () => {
    expect(() => checkIdentity('transposed-adjoint', { input: 2, kernel: 5 })).toThrow(SpecError);
    expect(() => checkIdentity('shape-round-trip', { input: 6, kernel: 3, stride: 2, outputPadding: 2 })).toThrow(/outputPadding/);
    expect(() => checkIdentity('rank1-separable', { input: 6, kernel: 3 })).toThrow(/2D/);
    expect(() => checkIdentity('pointwise-channel-matmul', { input: 4, kernel: 3 })).toThrow(/kernel/);
    expect(() => checkIdentity('stride1-composition', { input: 6, layers: [{ kernel: 3 }] })).toThrow(/exactly two layers/);
  });

  it('gives plain-data reports', () => {
    const r = checkIdentity('transposed-adjoint', { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ id: 'transposed-adjoint', holds: true, differences: [] });
  });
});
