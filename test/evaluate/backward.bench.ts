import { bench, describe } from 'vitest';
import { float64Ring, polynomialRing } from '../../src/algebra/ring.ts';
import { parseRational } from '../../src/algebra/rational.ts';
import { rationalRing } from '../../src/algebra/ring.ts';
import { backwardBothWays, deltaSymbols } from '../../src/evaluate/conv-backward.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';

/**
 * The backward pass at the engine's budget size (64×64, 3×3): symbolic (Kᵀδ,
 * Zᵀδ and the direct forms over polynomials, compared) and numeric (what
 * `eval conv_backward` computes, over the rationals and in float64).
 */
describe('backward pass, 64×64 input, 3×3 kernel', () => {
  const spec = normalizeSpec({ input: [64, 64], kernel: [3, 3] });
  const delta = deltaSymbols(spec);
  bench('symbolic: Kᵀδ, Zᵀδ and the direct forms, compared', () => {
    backwardBothWays(spec, spec.weights, spec.inputs, delta, polynomialRing);
  });
  const x = Array.from({ length: 64 * 64 }, (_, i) => (i * 7) % 11 - 5);
  const w = [1, 0, -1, 2, 0, -2, 1, 0, -1];
  const dy = Array.from({ length: 62 * 62 }, (_, i) => (i * 5) % 7 - 3);
  bench('rationals (eval conv_backward)', () => {
    backwardBothWays(spec, w.map((v) => parseRational(v)), x.map((v) => parseRational(v)), dy.map((v) => parseRational(v)), rationalRing);
  });
  bench('float64', () => {
    backwardBothWays(spec, w, x, dy, float64Ring);
  });
});
