import { describe, expect, it } from 'vitest';
import { derive } from '../../src/latex/derive.ts';
import { pageText } from './page-elements.ts';

/** Issue 23: the lecture's credits and remarks the pages had left out, and sentences that said more than is true. */
describe('credits the lecture gives', () => {
  it('3d.html credits the MRI stack to Gennart et al. (1996)', () => {
    expect(pageText('3d.html')).toMatch(/MRI stack is from Gennart et al\., 1996, The Giga View Multiprocessor Multidisk Image Server/);
  });

  it('dilated.html credits the receptive-field figures to Lin, Shi and Zou (2017)', () => {
    expect(pageText('dilated.html')).toMatch(/figures of this stack are from Lin, Shi and Zou \(2017\)/);
  });
});

describe('1d.html: the lecture’s remark after the three advantages of 1×1 convolutions', () => {
  it('says the first two can be seen in the previous examples, right after the list', () => {
    const t = pageText('1d.html');
    expect(t).toMatch(/more complex functions\. The first two advantages can be seen in the previous examples/);
  });
});

describe('sentences that said more than is true', () => {
  it('separable.html: P · D is a full convolution whose kernel factorises, and the derivation says so', () => {
    const t = pageText('separable.html');
    expect(t).toMatch(/their product P · D is a full convolution whose kernel factorises, W\[o,c\] = P\[o,c\]·D\[c\]/);
    expect(t).not.toMatch(/P · D is the full convolution/);
    const titles = derive('depthwise').steps.map((s) => s.title);
    expect(titles).toContain('Their product is K of a full convolution whose kernel factorises, W[o,c] = P[o,c]·D[c]');
  });

  it('identities.html: many claims are identities, not every one (the 3D output, the checkerboard pictures are not)', () => {
    const t = pageText('identities.html');
    expect(t).not.toMatch(/Every claim the lecture makes/);
    expect(t).toMatch(/Many of the lecture’s claims about convolutions are identities/);
    expect(t).toMatch(/Other claims are not identities, such as the shape of a 3D convolution’s output or the checkerboard artifacts/);
  });
});
