import { bench, describe } from 'vitest';
import { imageSpec } from '../../src/evaluate/image.ts';
import { checkImage } from '../../src/check/image-check.ts';
import { testPattern } from '../../src/view/test-pattern.ts';

/** <conv-image>'s engine work: the spec (names included), the sliding window, the matrix and K·x, for the docs' sizes and the element's largest full size. */
const SOBEL = '[[1,0,-1],[2,0,-2],[1,0,-1]]';
describe('checkImage', () => {
  for (const n of [32, 64, 128]) {
    const img = testPattern(n, n);
    bench(`Sobel, ${n}×${n}, padding 1 (spec + window + matrix)`, () => {
      checkImage(imageSpec({ kernel: '3x3', padding: 1, weights: SOBEL }, [n, n]), img);
    });
  }
  const small = testPattern(32, 32);
  bench('transposed 3×3 stride 2 on 32×32', () => {
    checkImage(imageSpec({ kernel: '3x3', stride: 2, transposed: true, weights: '[[1,1,1],[1,1,1],[1,1,1]]' }, [32, 32]), small);
  });
});
