import { describe, expect, it } from 'vitest';
import { derivationToText } from '../../src/cli/explain-text.ts';
import { derive } from '../../src/latex/derive.ts';
import { columnTexts, expectWellFormed, matrixTexts, step } from './topics-helpers.ts';

/**
 * The im2col topic: K(w)·z beside Z(z)·w. The expected matrices are written
 * by hand from the lecture's example 3 (K as printed in the lecture; Z's rows
 * are the windows z1 z2 z3, z2 z3 z4, …), never read back from the engine.
 */
describe('im2col: K(w)·z and Z(z)·w side by side', () => {
  const d = derive('im2col', { input: 6, kernel: 3 });

  it("K is the lecture's 4×6 band and Z holds its windows, z1 z2 z3 to z4 z5 z6", () => {
    expect(matrixTexts(step(d, 'equation', /holds the weights/), 0)).toEqual([
      ['w1', 'w2', 'w3', '0', '0', '0'], ['0', 'w1', 'w2', 'w3', '0', '0'], ['0', '0', 'w1', 'w2', 'w3', '0'], ['0', '0', '0', 'w1', 'w2', 'w3'],
    ]);
    const z = step(d, 'equation', /holds the inputs/);
    expect(matrixTexts(z, 0)).toEqual([['z1', 'z2', 'z3'], ['z2', 'z3', 'z4'], ['z3', 'z4', 'z5'], ['z4', 'z5', 'z6']]);
    expect(matrixTexts(z, 1)).toEqual([['w1'], ['w2'], ['w3']]);
    expect(matrixTexts(z, 3).flat()).toEqualPolynomial(['w1*z1 + w2*z2 + w3*z3', 'w1*z2 + w2*z3 + w3*z4', 'w1*z3 + w2*z4 + w3*z5', 'w1*z4 + w2*z5 + w3*z6']);
    expect(matrixTexts(z, 5).flat()).toEqual(['z7', 'z8', 'z9', 'z10']);
  });

  it('names GEMM implementations and F.unfold, and one row of each points at the same products', () => {
    expect(step(d, 'note', /Idea/).text).toMatch(/Caffe.*cuDNN.*F\.unfold/);
    const row = step(d, 'equation', /Row 1 of each/);
    expect(row.parts[3]!.type === 'math' && row.parts[3]!.text).toBe('w1*z1 + w2*z2 + w3*z3');
    const t = step(d, 'table', /Each product of output z7/);
    expect(columnTexts(t, 0)).toEqual(['w1*z1', 'w2*z2', 'w3*z3']);
    expect(columnTexts(t, 1)).toEqual(['w1 at (1, 1)', 'w2 at (1, 2)', 'w3 at (1, 3)']);
    expect(columnTexts(t, 2)).toEqual(['z1 at (1, 1)', 'z2 at (1, 2)', 'z3 at (1, 3)']);
    expectWellFormed(d);
  });

  it('the padded example shows a full window (row 2) and Z has empty entries at the padding', () => {
    const p = derive('im2col', { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });
    expect(matrixTexts(step(p, 'equation', /holds the inputs/), 0)).toEqual([['0', 'a', 'b'], ['a', 'b', 'c'], ['b', 'c', 'd'], ['c', 'd', '0']]);
    const row2 = step(p, 'equation', /Row 2 of each/).parts[3]!;
    expect(row2.type === 'math' && row2.text).toBe('a*x + b*y + c*z');
    expectWellFormed(p);
  });

  it('reflect padding: Z holds the mirrored inputs, K sums the taps that read the same one', () => {
    // reflect pads a b c d f as b | a b c d f | d
    const r = derive('im2col', { input: 5, kernel: 3, padding: 1, paddingMode: 'reflect', weights: 'x,y,z', inputs: 'a,b,c,d,f' });
    expect(matrixTexts(step(r, 'equation', /holds the inputs/), 0)).toEqual([['b', 'a', 'b'], ['a', 'b', 'c'], ['b', 'c', 'd'], ['c', 'd', 'f'], ['d', 'f', 'd']]);
    expect(matrixTexts(step(r, 'equation', /holds the weights/), 0)[0]).toEqual(['y', 'x + z', '0', '0', '0']);
    expect(step(r, 'note', /Shape/).text).toMatch(/same 15 products.*13 entries in all/);
    expectWellFormed(r);
  });

  it('channels and groups: Z is block diagonal, and the channels of one group share their windows', () => {
    const g = derive('im2col', { input: 4, kernel: 2, inChannels: 4, outChannels: 4, groups: 2 });
    const blocks = step(g, 'table', /blocks of Z/);
    // 4 filters of C_in/groups · k = 2·2 weights each; group 1 reads channels 1, 2 and group 2 channels 3, 4
    expect(columnTexts(blocks, 1)).toEqual(['1–4 (4)', '5–8 (4)', '9–12 (4)', '13–16 (4)']);
    expect(columnTexts(blocks, 2)).toEqual(['1, 2', '1, 2', '3, 4', '3, 4']);
    expect(columnTexts(blocks, 3)).toEqual(['its own', 'channel 1', 'its own', 'channel 3']);
    expect(step(g, 'note', /block structured/).text).toMatch(/block diagonal with 4 blocks of 3 × 4/);
    const z = step(g, 'equation', /holds the inputs/).parts[0]!;
    expect(z.type === 'matrix' && z.blocks).toEqual([{ rows: 3, cols: 4 }]);
    expectWellFormed(g);
    expectWellFormed(derive('im2col', { input: 3, kernel: 3, transposed: true, inChannels: 2, outChannels: 2 }));
  });

  it('elides a large Z like the other topics, and refuses past the work limits', () => {
    const big = derive('im2col', { input: '32x32', kernel: '3x3', padding: 1 });
    const z = step(big, 'equation', /holds the inputs/).parts[0]!;
    expect(z.type === 'matrix' && z.rowIndex.includes(null)).toBe(true);
    expect(derivationToText(big)).toContain('⋮');
    expect(() => derive('im2col', { input: '600x600', kernel: '3x3' })).toThrow(/im2col derivation needs about/);
  });
});
