import { describe, expect, it } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { expectWellFormed, matrixTexts, step } from './topics-helpers.ts';

describe('1×1 convolution as channel mixing (200 channels → 1)', () => {
  const d = derive('pointwise');
  it('M is 1 × 200, elided, X has one row per channel', () => {
    const s = step(d, 'equation', /Y = M · X/);
    const M = s.parts[0]!;
    expect(M.type === 'matrix' && [M.rows, M.cols]).toEqual([1, 200]);
    expect(matrixTexts(s, 0)[0]!.at(-1)).toBe('w_1_200_1');
    expect(matrixTexts(s, 0)[0]).toContain('⋯');
    expect(matrixTexts(s, 2).at(-1)).toEqual(['z_200_1', 'z_200_2', 'z_200_3', 'z_200_4']);
  });
  it('golden LaTeX of one output as an elided sum over the channels', () => {
    expect(step(d, 'equation', /One output/).tex).toBe(
      'y^{(1)}_{1} = w_{1,1,1} z_{1,1} + w_{1,2,1} z_{2,1} + w_{1,3,1} z_{3,1} + \\cdots + w_{1,198,1} z_{198,1} + w_{1,199,1} z_{199,1} + w_{1,200,1} z_{200,1}',
    );
  });
  it('golden text of K = M ⊗ I on a small case', () => {
    const small = derive('pointwise', { input: 3, kernel: 1, inChannels: 2, outChannels: 2 });
    expect(derivationToText(small)).toContain('  ⎢0        0        w_1_1_1  0        0        w_1_2_1⎥   = M ⊗ I_3\n');
    expectWellFormed(small);
  });
  it('parses and the engine agrees (M·X = K·z)', () => expectWellFormed(d));
  it('rejects a kernel that is not 1×1 with a typed error', () => {
    expect(() => derive('pointwise', { input: 4, kernel: 3, inChannels: 2 })).toThrow(/kernel/);
  });
});
