/**
 * DESIGN.md's engine budget: single-channel 2D, 3×3 kernel: build K, compute
 * K·z and the sliding window symbolically, and compare them exactly
 * (checkMatrix does all four, on a normalised spec):
 *   64×64 (34,596 product terms): ≤ 2 ms
 *   256×256 (254²·9 = 580,644 terms): ≤ 0.1 µs per term, ≤ 58 ms
 * Named weights and inputs take the bilinear fast path (src/check/bilinear-check.ts);
 * expression weights and coefficients past 2^53 take the general polynomials,
 * which must get no slower.
 * Run: npx vitest bench --run --project node test/engine.bench.ts
 */
import { bench, describe } from 'vitest';
import { type CheckOptions, checkMatrix } from '../src/check/matrix-check.ts';
import { type SpecInput, normalizeSpec } from '../src/geometry/spec.ts';
import { convMatrix } from '../src/matrix/conv-matrix.ts';
import { matVec } from '../src/matrix/products.ts';
import { polynomialRing } from '../src/algebra/ring.ts';
import { evaluateByWindow } from '../src/evaluate/evaluate.ts';

function holds(spec: Parameters<typeof checkMatrix>[0], opts?: CheckOptions): void {
  if (!checkMatrix(spec, opts).report.holds) throw new Error('checkMatrix disagrees');
}

const square = (n: number, more: Partial<SpecInput> = {}) => normalizeSpec({ input: [n, n], kernel: [3, 3], ...more });
const spec64 = square(64), spec256 = square(256);
// every weight an expression (not bilinear): the general path
const expressions = square(64, { weights: Array.from({ length: 9 }, (_, j) => `2*a${j + 1} + b${j + 1}`).join(',') });
// every coefficient past 2^53: the BigInt fallback of the rationals
const huge = square(64, { weights: Array.from({ length: 9 }, (_, j) => `${9007199254740993n + BigInt(j)}*w${j + 1}`).join(',') });

describe('checkMatrix, 2D single channel, 3×3 kernel', () => {
  bench('64×64 (34,596 terms; budget 2 ms)', () => holds(spec64), { time: 2000, warmupIterations: 20 });
  bench('256×256 (580,644 terms; budget 58 ms = 0.1 µs per term)', () => holds(spec256), { time: 5000, iterations: 10, warmupIterations: 3 });
  bench('64×64 from the raw spec (normalizeSpec included; no budget)', () => holds({ input: [64, 64], kernel: [3, 3] }), { time: 2000, warmupIterations: 5 });
});

describe('the general path at 64×64 (no slower than before the fast path)', () => {
  bench('named weights, general polynomials forced (path: general)', () => holds(spec64, { path: 'general' }), { time: 2000, warmupIterations: 5 });
  bench('expression weights 2*a1 + b1, … (general path)', () => holds(expressions), { time: 2000, warmupIterations: 5 });
  bench('coefficients past 2^53 (BigInt path)', () => holds(huge), { time: 2000, warmupIterations: 2 });
});

describe('stages at 64×64', () => {
  const m = convMatrix(spec64);
  bench('normalizeSpec', () => { normalizeSpec({ input: [64, 64], kernel: [3, 3] }); });
  bench('convMatrix (build)', () => { convMatrix(spec64); });
  bench('K·z (general polynomials)', () => { matVec(m, spec64.weights, spec64.inputs, polynomialRing); });
  bench('sliding window (general polynomials)', () => { evaluateByWindow(spec64, spec64.weights, spec64.inputs, polynomialRing); });
});
