/**
 * DESIGN.md's engine budget: single-channel 2D, 3×3 kernel, symbolic K·z plus
 * the sliding window plus the exact comparison (checkMatrix does all four).
 *   64×64 (34,596 product terms): ≤ 20 ms
 *   256×256 (254² · 9 = 580,644 terms): ≤ 1 µs per term, ≤ 0.58 s
 * Run: npx vitest bench --run --project node test/engine.bench.ts
 */
import { bench, describe } from 'vitest';
import { checkMatrix } from '../src/check/matrix-check.ts';
import { normalizeSpec } from '../src/geometry/spec.ts';
import { convMatrix } from '../src/matrix/conv-matrix.ts';
import { matVec } from '../src/matrix/products.ts';
import { polynomialRing } from '../src/algebra/ring.ts';
import { evaluateByWindow } from '../src/evaluate/evaluate.ts';

function assertEqual(n: number): void {
  const r = checkMatrix({ input: [n, n], kernel: [3, 3] });
  if (!r.report.holds) throw new Error(`checkMatrix ${n}×${n} disagrees`);
}

describe('checkMatrix, 2D single channel, 3×3 kernel', () => {
  bench('64×64 (34,596 terms; budget 20 ms)', () => assertEqual(64), { time: 2000, warmupIterations: 5 });
  bench('256×256 (580,644 terms; budget 581 ms)', () => assertEqual(256), { time: 5000, iterations: 5, warmupIterations: 1 });
  // the same work with every coefficient past 2^53: the BigInt fallback of the rationals, for comparison (no budget)
  const huge = Array.from({ length: 9 }, (_, j) => `${9007199254740993n + BigInt(j)}*w${j + 1}`).join(',');
  bench('64×64, coefficients past 2^53 (BigInt path)', () => {
    if (!checkMatrix({ input: [64, 64], kernel: [3, 3], weights: huge }).report.holds) throw new Error('disagrees');
  }, { time: 2000, warmupIterations: 2 });
});

describe('stages at 64×64', () => {
  const spec = normalizeSpec({ input: [64, 64], kernel: [3, 3] });
  const m = convMatrix(spec);
  bench('normalizeSpec', () => { normalizeSpec({ input: [64, 64], kernel: [3, 3] }); });
  bench('convMatrix (build)', () => { convMatrix(spec); });
  bench('K·z (symbolic)', () => { matVec(m, spec.weights, spec.inputs, polynomialRing); });
  bench('sliding window (symbolic)', () => { evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing); });
});
