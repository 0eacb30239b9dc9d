import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemOf } from '../../src/geometry/names.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { ConvmatError } from '../../src/errors.ts';
import { latexSymbol } from '../../src/algebra/latex-escape.ts';
import { displayName } from '../../src/algebra/latex-escape.ts';

/** The letters a reader sees: every name's stem (w_1_2_3 → w, ztilde4 → z). */
const stems = (names: readonly string[] | null) => new Set((names ?? []).map(stemOf));

describe('output names', () => {
  it('continue the lecture family: z1..z6 → z7..z10, and z7..z10 → z11.. for a custom family', () => {
    expect(normalizeSpec({ input: 6, kernel: 3 }).outputNames).toEqual(['z7', 'z8', 'z9', 'z10']);
    expect(normalizeSpec({ input: '2x2', kernel: '3x3', padding: 2, inputs: 'z17,z18,z19,z20' }).outputNames.slice(0, 2)).toEqual(['z21', 'z22']);
  });

  it('a transposed convolution gives z̃1..z̃6 as in the lecture (identifier ztilde1, LaTeX \\tilde{z}_{1})', () => {
    for (const inputs of [undefined, 'z7,z8,z9,z10']) {
      const s = normalizeSpec({ input: 4, kernel: 3, transposed: true, ...(inputs ? { inputs } : {}) });
      expect(s.outputNames).toEqual(['ztilde1', 'ztilde2', 'ztilde3', 'ztilde4', 'ztilde5', 'ztilde6']);
    }
    expect(latexSymbol('ztilde1')).toBe('\\tilde{z}_{1}');
    expect(displayName('ztilde10')).toBe('z\u03031' + '0');
  });

  it('never share a letter with a weight or input beside them (no y1 next to the weight y)', () => {
    const regular = normalizeSpec({ input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' });
    const transposed = normalizeSpec({ input: 4, kernel: 3, transposed: true, weights: 'x,y,z', inputs: 'a,b,c,d' });
    expect(regular.outputNames).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(transposed.outputNames[0]).toBe('utilde1');
  });

  it('several channels read as channel and position: y^{(2)}_{3}', () => {
    const s = normalizeSpec({ input: 5, kernel: 2, inChannels: 3, outChannels: 2 });
    expect(s.outputNames.slice(3, 6)).toEqual(['y1_4', 'y2_1', 'y2_2']);
    expect(latexSymbol('y2_3')).toBe('y^{(2)}_{3}');
    expect(latexSymbol(normalizeSpec({ input: 3, kernel: 2, inChannels: 2, outChannels: 2, transposed: true }).outputNames[4]!)).toBe('\\tilde{z}^{(2)}_{1}');
  });

  it('property: for any names the outputs use no weight letter, and no input letter outside the input family', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'u', 'v', 'w', 'x', 'y', 'z', 'q', 'o');
    let checked = 0;
    fc.assert(fc.property(
      fc.uniqueArray(letter, { minLength: 3, maxLength: 3 }), fc.uniqueArray(letter, { minLength: 4, maxLength: 4 }),
      fc.boolean(), fc.boolean(),
      (w, z, transposed, family) => {
        const inputs = family ? `${z[0]}7,${z[0]}8,${z[0]}9,${z[0]}10` : z.join(',');
        let s;
        try {
          s = normalizeSpec({ input: 4, kernel: 3, padding: transposed ? 0 : 1, transposed, weights: w.join(','), inputs });
        } catch (e) {
          if (!(e instanceof ConvmatError)) throw e;
          return; // two names the same, or no letter left: refused with a typed error, never mislabelled
        }
        const outs = stems(s.outputNames);
        for (const x of stems(s.weightNames)) expect(outs.has(x)).toBe(false);
        if (!family) for (const x of stems(s.inputNames)) expect(outs.has(x)).toBe(false);
        for (const n of s.outputNames) expect(s.inputNames).not.toContain(n);
        checked++;
      },
    ));
    // about 55 of the 100 draws name everything apart; the rest are refused
    expect(checked).toBeGreaterThanOrEqual(35);
  });
});
