import { describe, expect, it } from 'vitest';
import { NameError, SpecError, convMatrix, matVec, normalizeSpec, parseExpression, polynomialRing } from '../../src/index.ts';
import { convmatMatchers } from '../../src/testing/index.ts';
import { lectureCase } from '../cases.ts';
import { failure } from './failure.ts';


describe('toEqualPolynomial', () => {
  it('compares exact polynomials, not strings', () => {
    expect('w1*z1 + w2*z2').toEqualPolynomial('z2*w2 + z1*w1');
    expect('1/2*w1 + w1/2').toEqualPolynomial('w1');
    expect(parseExpression('(a + b)^2')).toEqualPolynomial('a^2 + 2*a*b + b^2');
    expect(0).toEqualPolynomial('w1 - w1');
    expect('w1*z1').not.toEqualPolynomial('w1*z2');
  });

  it('compares arrays entry by entry, as K·z against the lecture', () => {
    const c = lectureCase('w-z-regular');
    const spec = normalizeSpec(c.spec);
    expect(matVec(convMatrix(spec), spec.weights, spec.inputs, polynomialRing)).toEqualPolynomial(c.expected.product!);
    expect(['w1', 'w2']).not.toEqualPolynomial(['w1']);
  });

  it('prints a readable diff of the terms: missing, unexpected and differing coefficients', () => {
    const msg = failure(() => expect('w1*z1 + w2*z2 + 2*w3*z3').toEqualPolynomial('w1*z1 + w2*z3 + w3*z3'));
    expect(msg).toContain('received: w1*z1 + w2*z2 + 2*w3*z3');
    expect(msg).toContain('expected: w1*z1 + w2*z3 + w3*z3');
    expect(msg).toMatch(/w2\*z2\s+1\s+0\s+\(unexpected\)/);
    expect(msg).toMatch(/w2\*z3\s+0\s+1\s+\(missing\)/);
    expect(msg).toMatch(/w3\*z3\s+2\s+1\s+\(coefficient differs\)/);
    expect(msg).not.toMatch(/w1\*z1/.source + String.raw`\s+1\s+1`);
  });

  it('names the index of the first differing entry of an array', () => {
    expect(failure(() => expect(['a', 'b', 'c']).toEqualPolynomial(['a', 'b', 'd']))).toContain('at index 2');
  });

  it('reports an unreadable expression instead of crashing', () => {
    expect(failure(() => expect('w1 +* z').toEqualPolynomial('w1'))).toMatch(/toEqualPolynomial: received/);
  });

  it('works as an asymmetric matcher', () => {
    expect({ out: 'a*x + b*y' }).toEqual({ out: expect.toEqualPolynomial('y*b + x*a') });
  });
});

describe('toSatisfyIdentity', () => {
  it('takes the plain spec object of DESIGN.md', () => {
    expect({ input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 }).toSatisfyIdentity('transposed-adjoint');
    expect({ input: '5x5', kernel: 3, padding: 1 }).toSatisfyIdentity('matrix-equals-sliding-window');
  });

  it('prints the counterexample with both sides when it fails', () => {
    const msg = failure(() => expect({ input: 6, kernel: 3, stride: 2 }).toSatisfyIdentity('checkerboard-divisibility'));
    expect(msg).toContain('to satisfy checkerboard-divisibility');
    expect(msg).toMatch(/counterexample at position \(\d+\)/);
    expect(msg).toMatch(/left:\s+[12]\n\s+right:\s+3\/2/);
  });

  it('says why .not fails when the identity holds', () => {
    expect(failure(() => expect({ input: 6, kernel: 4, stride: 2 }).not.toSatisfyIdentity('checkerboard-divisibility')))
      .toMatch(/not to satisfy checkerboard-divisibility, but it holds/);
  });

  it('passes options through to the check (what a near miss claims)', () => {
    expect({ input: 6, kernel: 3, stride: 2, padding: 1, outputPadding: 0 }).not.toSatisfyIdentity('shape-round-trip');
    expect({ input: 6, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }).toSatisfyIdentity('shape-round-trip');
    expect({ input: 5, kernel: 3 }).not.toSatisfyIdentity('correlation-convolution-flip', { weights: ['w1', 'w2', 'w3'] });
  });

  it('throws typed errors for an unknown id or an invalid spec', () => {
    expect(() => expect({ input: 6, kernel: 3 }).toSatisfyIdentity('no-such-identity' as never)).toThrow(NameError);
    expect(() => expect({ input: 2, kernel: 3 }).toSatisfyIdentity('transposed-adjoint')).toThrow(SpecError);
  });
});

describe('toMatchSlidingWindow', () => {
  it('accepts a ConvMatrix or dense rows of entries', () => {
    const spec = { input: [4, 4], kernel: [3, 3], stride: 1 };
    expect(convMatrix(spec)).toMatchSlidingWindow(spec);
    expect(lectureCase('padded-xyz').expected.matrix).toMatchSlidingWindow(lectureCase('padded-xyz').spec);
  });

  it('names the output where a wrong matrix differs', () => {
    const rows = [['w1', 'w2', 'w3', 0, 0, 0], [0, 'w1', 'w2', 'w3', 0, 0], [0, 0, 'w1', 'w3', 'w3', 0], [0, 0, 0, 'w1', 'w2', 'w3']];
    const msg = failure(() => expect(rows).toMatchSlidingWindow({ input: 6, kernel: 3 }));
    expect(msg).toContain('counterexample at z9');
    expect(msg).toContain('left:       w1*z3 + w3*z4 + w3*z5');
    expect(msg).toContain('right:      w1*z3 + w2*z4 + w3*z5');
  });

  it('gives vitest each differing entry by name, both sides, so its diff shows every one', () => {
    const rows = [['w1', 'w3', 'w3', 0, 0, 0], [0, 'w1', 'w2', 'w3', 0, 0], [0, 0, 'w1', 'w2', 'w3', 0], [0, 0, 0, 'w1', 'w3', 'w3']];
    const outcome = convmatMatchers.toMatchSlidingWindow.call({} as never, rows, { input: 6, kernel: 3 });
    expect(outcome.pass).toBe(false);
    expect(outcome.actual).toEqual({ z7: 'w1*z1 + w3*z2 + w3*z3', z10: 'w1*z4 + w3*z5 + w3*z6' });
    expect(outcome.expected).toEqual({ z7: 'w1*z1 + w2*z2 + w3*z3', z10: 'w1*z4 + w2*z5 + w3*z6' });
    expect(outcome.message()).toContain('also at z10');
  });

  it('rejects a matrix of the wrong shape with the reason', () => {
    expect(failure(() => expect([['w1', 'w2']]).toMatchSlidingWindow({ input: 6, kernel: 3 }))).toContain('the matrix is 1×2, the spec needs 4×6');
  });

  it('is a plain object of matcher functions that can be registered elsewhere', () => {
    expect(Object.keys(convmatMatchers).sort()).toEqual(['toComputeConvolution', 'toEqualPolynomial', 'toMatchSlidingWindow', 'toSatisfyIdentity']);
  });
});
