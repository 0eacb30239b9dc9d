import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/algebra/expression.ts';
import { type WorkCounts, resetWorkMeter, workMeter } from '../../src/algebra/work-meter.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { checkIdentity } from '../../src/check/identities/catalogue.ts';
import { IDENTITY_IDS } from '../../src/check/identities/types.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { ConvmatError } from '../../src/errors.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { derive, TOPICS } from '../../src/latex/derive.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matVec } from '../../src/matrix/products.ts';
import { arbitraryIdentitySpec, arbitrarySpec } from '../../src/testing/arbitrary-spec.ts';
import { estimateWork } from '../../src/work/estimate.ts';
import { PADDING_MODES, withModeIfValid } from '../matrix/random-spec.ts';
import type { WorkEstimate, WorkRequest } from '../../src/work/request.ts';

/**
 * The estimator bounds what the engine allocates: for random valid specs and
 * every kind of request, the entries, terms and dense cells the engine's
 * meter counts while answering are at most the estimate made beforehand.
 */
function metered(run: () => unknown): WorkCounts {
  resetWorkMeter();
  run();
  return { ...workMeter };
}

function expectBounded(actual: WorkCounts, estimate: WorkEstimate, what: string): void {
  const seen = `${what}: actual ${JSON.stringify(actual)}, estimate ${JSON.stringify(estimate)}`;
  expect(actual.entries, seen).toBeLessThanOrEqual(estimate.entries);
  expect(actual.terms, seen).toBeLessThanOrEqual(estimate.terms);
  expect(actual.denseCells, seen).toBeLessThanOrEqual(estimate.denseCells);
}

/** Runs `fn` unless the spec is outside the request's range (a typed error), then checks the bound. */
function holdsFor(spec: unknown, request: WorkRequest, fn: () => unknown): void {
  let estimate: WorkEstimate;
  try {
    estimate = estimateWork(spec, request);
  } catch (e) {
    if (e instanceof ConvmatError) return; // outside the request's range: the request refuses it too
    throw e;
  }
  let actual: WorkCounts;
  try {
    actual = metered(fn);
  } catch (e) {
    if (e instanceof ConvmatError) return;
    throw e;
  }
  expectBounded(actual, estimate, `${JSON.stringify(request)} on ${JSON.stringify(spec)}`);
}

/** random specs, a padding mode on those that allow one (every tap of a reflect/replicate/circular spec is stored) */
const specs = fc.tuple(
  arbitrarySpec({ dims: [1, 2, 3], maxSize: 6, channels: true, transposed: 'either', mode: true, asymmetricPadding: true }),
  fc.constantFrom(...PADDING_MODES),
).map(([s, m]) => withModeIfValid(s, m));
/** weights and inputs as expressions, so entries have several terms */
const withExpressions = specs.map((s) => {
  const n = normalizeSpec(s);
  const weights = n.weights.map((_, i) => (i % 2 ? `a${i} + 2*b${i}` : `c${i}`)).join(',');
  const inputs = n.inputs.map((_, i) => (i % 3 ? `x${i}` : `x${i} - y${i}`)).join(',');
  return { ...s, weights, inputs };
});

describe('the work estimator bounds the actual allocation', () => {
  it('matrix, product and dense requests (symbolic and multi-term entries)', () => {
    fc.assert(fc.property(fc.oneof(specs, withExpressions), (spec) => {
      const s = normalizeSpec(spec); // parsing the expressions is not part of the requests
      holdsFor(s, { kind: 'matrix' }, () => checkMatrix(s));
      holdsFor(s, { kind: 'product' }, () => matVec(convMatrix(s), s.weights, s.inputs, polynomialRing));
      holdsFor(s, { kind: 'dense' }, () => polynomialMatrix(s));
    }), { numRuns: 60 });
  });

  it('every derivation topic', () => {
    const topics = [...TOPICS.keys()];
    fc.assert(fc.property(specs, fc.constantFrom(...topics), (spec, topic) => {
      const s = topic === 'pointwise' ? { ...spec, kernel: 1, stride: 1, padding: 0, transposed: false } : spec;
      holdsFor(s, { kind: 'topic', topic }, () => derive(topic, s));
    }), { numRuns: 120 });
  });

  for (const id of IDENTITY_IDS) {
    it(`the ${id} check`, () => {
      fc.assert(fc.property(arbitraryIdentitySpec(id), (spec) => {
        holdsFor(spec, { kind: 'identity', id }, () => checkIdentity(id, spec as never));
      }), { numRuns: 25 });
    });
  }

  it('the estimate of a matrix is exact in its entries: every landing tap, counted in closed form', () => {
    fc.assert(fc.property(specs, (spec) => {
      const e = estimateWork(spec, { kind: 'product' });
      const actual = metered(() => convMatrix(normalizeSpec(spec)));
      expect(actual.entries).toBe(e.entries);
    }), { numRuns: 80 });
  });
});
