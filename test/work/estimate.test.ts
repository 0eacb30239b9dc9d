import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/algebra/expression.ts';
import { type WorkCounts, resetWorkMeter, workMeter } from '../../src/algebra/work-meter.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { checkIdentity, getIdentity } from '../../src/check/identities/catalogue.ts';
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
import type { SpecRequest, WorkEstimate } from '../../src/work/request.ts';

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

/**
 * Runs `fn` unless the spec is outside the request's range (a typed error), then checks the bound.
 * Returns whether the bound was checked, so each property can assert how many of its cases really were.
 */
function holdsFor(spec: unknown, what: string, estimator: () => WorkEstimate, fn: () => unknown): boolean {
  let estimate: WorkEstimate;
  try {
    estimate = estimator();
  } catch (e) {
    if (e instanceof ConvmatError) return false; // outside the request's range: the request refuses it too
    throw e;
  }
  let actual: WorkCounts;
  try {
    actual = metered(fn);
  } catch (e) {
    if (e instanceof ConvmatError) return false;
    throw e;
  }
  expectBounded(actual, estimate, `${what} on ${JSON.stringify(spec)}`);
  return true;
}

/** A spec-level request, estimated by estimateWork. */
const request = (spec: unknown, r: SpecRequest, fn: () => unknown) => holdsFor(spec, JSON.stringify(r), () => estimateWork(spec, r), fn);

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
    let checked = 0;
    fc.assert(fc.property(fc.oneof(specs, withExpressions), (spec) => {
      const s = normalizeSpec(spec); // parsing the expressions is not part of the requests
      checked += Number(request(s, { kind: 'matrix' }, () => checkMatrix(s)));
      checked += Number(request(s, { kind: 'product' }, () => matVec(convMatrix(s), s.weights, s.inputs, polynomialRing)));
      checked += Number(request(s, { kind: 'dense' }, () => polynomialMatrix(s)));
    }), { numRuns: 60 });
    // every spec drawn is valid and small: all three requests of nearly every run are bounded, none skipped silently
    expect(checked).toBeGreaterThanOrEqual(170);
  });

  it('every derivation topic', () => {
    const topics = [...TOPICS.keys()];
    const checked = new Map<string, number>();
    fc.assert(fc.property(specs, fc.constantFrom(...topics), (spec, topic) => {
      const s = topic === 'pointwise' ? { ...spec, kernel: 1, stride: 1, padding: 0, transposed: false } : spec;
      if (holdsFor(s, `topic ${topic}`, () => TOPICS.get(topic)!.estimate(s), () => derive(topic, s))) checked.set(topic, (checked.get(topic) ?? 0) + 1);
    }), { numRuns: 120 });
    // topics refuse some specs (checkerboard takes transposed ones only, separable a rank-1 kernel): about 90 of 120 are checked
    expect([...checked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(60);
    expect(checked.size).toBeGreaterThanOrEqual(topics.length - 2);
  });

  it('every topic on its lecture example (separable and depthwise, which random specs rarely fit)', () => {
    for (const [name, topic] of TOPICS) {
      expect(holdsFor(topic.example, `topic ${name}`, () => topic.estimate(topic.example), () => derive(name)), name).toBe(true);
    }
  });

  it('a normalised spec is estimated as its plain spelling (derive takes either)', () => {
    const raw = { input: [5], kernel: [3], padding: 1, paddingMode: 'reflect' } as const;
    const s = normalizeSpec(raw);
    const { estimate } = TOPICS.get('matrix')!;
    expect(estimate(s)).toEqual(estimate(raw));
    expect(derive('matrix', s).steps.length).toBeGreaterThan(0);
  });

  it('the weight gradient where the stride drops trailing samples: its correlations compute more than k outputs per axis', () => {
    // fast-check found both (input 4×4, kernel 1×1, stride 2: 20 terms against an estimate of 16)
    const spec = { input: [4, 4], kernel: [1, 1], stride: [2, 2] };
    expect(holdsFor(spec, 'identity', () => getIdentity('weight-gradient-is-correlation').estimate(spec as never), () => checkIdentity('weight-gradient-is-correlation', spec as never))).toBe(true);
    const topicSpec = { input: [3, 2], kernel: [1, 1], stride: [3, 2] };
    expect(holdsFor(topicSpec, 'topic gradient', () => TOPICS.get('gradient')!.estimate(topicSpec), () => derive('gradient', topicSpec))).toBe(true);
  });

  for (const id of IDENTITY_IDS) {
    it(`the ${id} check`, () => {
      let checked = 0;
      fc.assert(fc.property(arbitraryIdentitySpec(id), (spec) => {
        checked += Number(holdsFor(spec, `identity ${id}`, () => getIdentity(id).estimate(spec as never), () => checkIdentity(id, spec as never)));
      }), { numRuns: 25 });
      // the arbitraries draw valid specs of the identity: nearly all of them are checked
      expect(checked).toBeGreaterThanOrEqual(20);
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
