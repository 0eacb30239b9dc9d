import { describe, expect, it } from 'vitest';
import { checkIdentity, normalizeSpec } from '../../../src/index.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'depthwise-separable-factorization';

describe(ID, () => {
  it('holds for random channel counts and depth multipliers', () => {
    holdsForAll(ID, 25);
  });

  it('the lecture geometry (3 channels, 3×3 kernel, 5×5 moves): 675 depthwise multiplications, 75 per pointwise kernel', () => {
    for (const out of [1, 4]) {
      const r = checkIdentity(ID, { input: [7, 7], kernel: [3, 3], inChannels: 3, outChannels: out });
      expect(r.holds).toBe(true);
      expect(r.facts).toMatchObject({
        standardMultiplications: 3 * 3 * 3 * 5 * 5 * out, depthwiseMultiplications: 675,
        pointwiseMultiplications: 1 * 1 * 3 * 5 * 5 * out, separableMultiplications: 675 + 75 * out,
      });
    }
  });

  it('near miss: a general full kernel (independent weights) is not a depthwise-separable one', () => {
    const spec = { input: [4, 4], kernel: [2, 2], inChannels: 2, outChannels: 2 };
    const general = normalizeSpec(spec).weights;
    const r = checkIdentity(ID, spec, { kernel: general });
    expect(r.holds).toBe(false);
    expect(r.differences[0]!.comparison).toBe('pointwise · depthwise = full convolution');
  });

  it('near miss: the factored kernel with one entry changed is rejected', () => {
    const spec = { input: [4, 4], kernel: [2, 2], inChannels: 2, outChannels: 3, multiplier: 2 };
    expect(checkIdentity(ID, spec, { kernel: handWrittenKernel(false) }).holds).toBe(true);
    const r = checkIdentity(ID, spec, { kernel: handWrittenKernel(true) });
    expect(r.holds).toBe(false);
    expect(r.differences.length).toBeGreaterThan(0);
  });
});

/** W[o, c, j] = Σ_t p_o_(2c+t)_1 · d_(2c+t)_1_j written out by hand; `drop` leaves out the second term of W[1, 1, 1]. */
function handWrittenKernel(drop: boolean): string[] {
  const out: string[] = [];
  for (let o = 1; o <= 3; o++) for (let c = 1; c <= 2; c++) for (let j = 1; j <= 4; j++) {
    const terms = [1, 2].map((t) => `p_${o}_${2 * (c - 1) + t}_1*d_${2 * (c - 1) + t}_1_${j}`);
    out.push(drop && o === 1 && c === 1 && j === 1 ? terms[0]! : terms.join(' + '));
  }
  return out;
}
