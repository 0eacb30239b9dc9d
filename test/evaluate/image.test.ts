import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grayLevel, grayScaleFor, imageSpec, pixelsReadBy } from '../../src/evaluate/image.ts';
import { checkImage } from '../../src/check/image-check.ts';
import { SpecError } from '../../src/errors.ts';
import { seededRandom } from '../../src/evaluate/numeric.ts';
import { oracleConv, oracleConvTranspose } from '../oracle.ts';

/** The image convolution (window and matrix) against the independent oracle, on random pictures and kernels. */
describe('checkImage (the engine side of <conv-image>)', () => {
  it('equals the oracle for regular and transposed 2D convolutions', () => {
    let checked = 0;
    fc.assert(fc.property(
      fc.integer({ min: 3, max: 9 }), fc.integer({ min: 3, max: 9 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.boolean(), fc.integer(),
      (h, w, k, s, d, p, transposed, seed) => {
        const rand = seededRandom(seed);
        const img = Float64Array.from({ length: h * w }, () => rand());
        const kernel = Array.from({ length: k * k }, () => Math.round(rand() * 8 - 4));
        const weights = JSON.stringify(Array.from({ length: k }, (_, i) => kernel.slice(i * k, i * k + k)));
        let spec;
        try {
          spec = imageSpec({ kernel: `${k}x${k}`, stride: s, dilation: d, padding: p, transposed, weights }, [h, w]);
        } catch (e) {
          if (e instanceof SpecError) return; // an empty output: not an image case
          throw e;
        }
        const c = checkImage(spec, img);
        const x = { data: Array.from(img), shape: [1, h, w] }, wt = { data: kernel, shape: [1, 1, k, k] };
        const params = { stride: [s, s], dilation: [d, d], padding: [[p, p], [p, p]] as Array<[number, number]> };
        const want = transposed ? oracleConvTranspose(x, wt, params) : oracleConv(x, wt, params);
        expect([1, ...c.shape]).toEqual(want.shape);
        c.output.forEach((v, i) => expect(v).toBeCloseTo(want.data[i]!, 9));
        expect(c.report.holds).toBe(true);
        checked++;
      }), { numRuns: 60 });
    // nearly every draw has an output (about 59 of 60)
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it('the window of an output pixel is the kernel footprint (3×3, stride 2, no padding)', () => {
    const c = checkImage(imageSpec({ kernel: '3x3', stride: 2, weights: '[[1,1,1],[1,1,1],[1,1,1]]' }, [7, 7]), new Float64Array(49));
    // output (1, 2) reads rows 2..4 and columns 4..6
    expect(pixelsReadBy(c, 1 * 3 + 2)).toEqual([18, 19, 20, 25, 26, 27, 32, 33, 34]);
  });

  it('refuses symbolic weights, naming the field', () => {
    const spec = imageSpec({ kernel: '2x2', weights: 'a,1,2,3' }, [4, 4]);
    expect(() => checkImage(spec, new Float64Array(16))).toThrow(/conv-image needs numeric weights/);
    try { checkImage(spec, new Float64Array(16)); } catch (e) { expect((e as SpecError).field).toBe('weights'); }
  });

  it('maps gray symmetric around 0 with a negative weight, min-max otherwise', () => {
    const sym = grayScaleFor([-1, 0.5, 3], [1, -1]);
    expect([sym.kind, sym.lo, sym.hi, sym.min, sym.max]).toEqual(['symmetric', -3, 3, -1, 3]);
    expect(grayLevel(0, sym)).toBe(128);
    const mm = grayScaleFor([2, 4, 6], [1, 1]);
    expect([mm.kind, grayLevel(2, mm), grayLevel(6, mm)]).toEqual(['min-max', 0, 255]);
  });
});
