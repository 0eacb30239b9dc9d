/**
 * Hostile functions fail toComputeConvolution with a message: they never make
 * the matcher throw a TypeError or hang (issue 25 §2). Async functions are
 * awaited by the matcher; probeMatrix, synchronous, fails them with a clear
 * reason. Negated matchers throw on input they cannot read.
 */
import { describe, expect, it } from 'vitest';
import '../../src/testing/index.ts';
import { type ConvolutionFn, probeMatrix } from '../../src/testing/index.ts';
import { directConv } from './direct-conv.ts';
import { failure } from './failure.ts';

const spec = { input: 6, kernel: 3 };
const good = directConv();
const flipped = directConv({ bug: { flip: true } });

function errorWithThrowingMessage(): Error {
  const e = new Error('unused');
  Object.defineProperty(e, 'message', { get() { throw new Error('the message getter threw'); } });
  return e;
}

describe('hostile return values fail with a message, quickly', () => {
  it.each([
    ['an array of length 2³¹ − 1', () => new Array(2 ** 31 - 1), 'the function returned shape [2147483647], expected [1, 4]'],
    ['a Proxy with a huge length', () => new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 40 : Reflect.get(t, k)) }), 'the function returned shape [1099511627776], expected [1, 4]'],
    ['a Proxy whose length getter throws', () => new Proxy([], { get: (t, k) => { if (k === 'length') throw new Error('no length'); return Reflect.get(t, k); } }), 'reading the returned value threw: no length'],
    ['rows of a huge length', () => [new Array(2 ** 31 - 1)], 'the function returned shape [1, 2147483647], expected [1, 4]'],
    ['a ragged array', () => [[1, 2, 3, 4], [1]], 'the function returned shape [2, 4], expected [1, 4]'],
    ['one axis too many', () => [[[1], [2], [3], [4]]], 'the function returned shape [1, 4, 1], expected [1, 4]'],
    ['a string', () => 'x'.repeat(10_000_000), 'the function returned a string "xxxx'],
    ['null', () => null, 'the function returned null, not a nested array of shape [1, 4]'],
    ['an object with no prototype', () => Object.create(null), 'the function returned an object with no message ([object Object]), not a nested array'],
    ['a symbol entry', () => [[Symbol('s'), 0, 0, 0]], 'the function returned Symbol(s) at output[0][0]'],
    ['a DataView', () => new DataView(new ArrayBuffer(32)), 'not a nested array of shape [1, 4]'],
  ])('%s', (_, fn, text) => {
    expect(fn).not.toComputeConvolution(spec);
    const msg = failure(() => expect(fn).toComputeConvolution(spec));
    expect(msg).toContain(text);
    expect(msg.length).toBeLessThan(1000);
  }, 5000);

  it('a ragged row after a good first one is named', () => {
    const typed = () => [new Float64Array(4), new Float32Array(3)];
    expect(probeMatrix(typed, { input: 6, kernel: 3, outChannels: 2 }).reason).toBe('the function returned a ragged array: output[1] is of length 3, expected length 4 (shape [2, 4])');
    const late = () => [[0, 0, 0, 0], [0, 0]];
    expect(probeMatrix(late, { input: 6, kernel: 3, outChannels: 2 }).reason).toBe('the function returned a ragged array: output[1] is of length 2, expected length 4 (shape [2, 4])');
  });
});

describe('thrown values are described safely, with the right call count', () => {
  it.each([
    ['an object with no prototype', () => { throw Object.create(null); }, 'the function threw: an object with no message ([object Object])'],
    ['an error whose message getter throws', () => { throw errorWithThrowingMessage(); }, 'the function threw: an object whose message cannot be read (its getter threw)'],
    ['a symbol', () => { throw Symbol('boom'); }, 'the function threw: Symbol(boom)'],
    ['undefined', () => { throw undefined; }, 'the function threw: undefined'],
    ['a revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy; }, 'the function threw: '],
  ])('%s', (_, fn, text) => {
    expect(fn).not.toComputeConvolution(spec);
    expect(failure(() => expect(fn).toComputeConvolution(spec))).toContain(text);
  });

  it('a 50 MB message is cut to a bounded length', () => {
    const fn = () => { throw new Error('m'.repeat(50_000_000)); };
    const msg = failure(() => expect(fn).toComputeConvolution(spec));
    expect(msg.length).toBeLessThan(1000);
    expect(msg).toContain('… (50000000 characters)');
  });

  it('control characters in a message stay on one line', () => {
    const fn = () => { throw new Error('a\nb\u001b[31m'); };
    expect(probeMatrix(fn, spec).reason).toBe('the function threw: a\\u000ab\\u001b[31m');
  });

  it('a function that throws on its third call says 3 calls, not 0', () => {
    let n = 0;
    const fn: ConvolutionFn = (x, w) => { if (++n === 3) throw new Error('third'); return good(x, w); };
    const p = probeMatrix(fn, spec);
    expect(p.facts.calls).toBe(3);
    expect(p.summary).toBe('the function threw: third (7 random signed non-integer probes; 3 calls)');
    let m = 0;
    const first = () => { m++; throw new Error('first'); };
    expect(probeMatrix(first, spec).summary).toMatch(/; 1 call\)$/);
    expect(m).toBe(1);
  });
});

describe('async functions: the matcher awaits them, probeMatrix says it cannot', () => {
  const later = (f: ConvolutionFn): ConvolutionFn => async (x, w) => { await new Promise((r) => setTimeout(r, 0)); return f(x, w); };

  it('await expect(asyncFn).toComputeConvolution(spec) gives the same verdicts as for the sync function', async () => {
    await expect(later(good)).toComputeConvolution(spec);
    await expect(later(flipped)).not.toComputeConvolution(spec);
    await expect(later((x, w) => (good(x, w) as number[][]).map((r) => r.map((v) => Math.max(0, v))))).not.toComputeConvolution(spec);
    await expect((async () => expect(later(flipped)).toComputeConvolution(spec))()).rejects.toThrow('likely cause: a flipped kernel');
  });

  it('a function that is async only after some calls is awaited from then on', async () => {
    let n = 0;
    const mixed: ConvolutionFn = (x, w) => (++n > 3 ? Promise.resolve(good(x, w)) : good(x, w));
    await expect(mixed).toComputeConvolution(spec);
  });

  it('a rejected promise is a failure with its reason, described safely', async () => {
    const rejects = async () => { throw Object.create(null); };
    await expect((async () => expect(rejects).toComputeConvolution(spec))()).rejects.toThrow("the function's promise rejected: an object with no message");
    await expect(rejects).not.toComputeConvolution(spec);
  });

  it('probeMatrix is synchronous: an async function fails with a reason that points to the matcher', () => {
    const p = probeMatrix(later(good), spec);
    expect(p.holds).toBe(false);
    expect(p.reason).toBe('the function returned a Promise: probeMatrix calls it synchronously; `await expect(fn).toComputeConvolution(spec)` awaits an async function');
  });
});

describe('negated matchers throw on input they cannot read', () => {
  it('not.toEqualPolynomial with an unreadable side', () => {
    expect(() => expect('w1 +* z').not.toEqualPolynomial('w1')).toThrow(/received/);
    expect(() => expect('w1').not.toEqualPolynomial('w1 +* z')).toThrow(/expected/);
    expect(() => expect({} as never).not.toEqualPolynomial('w1')).toThrow(/received/);
    expect(() => expect(['w1', 'x +']).not.toEqualPolynomial(['w1', 'w2'])).toThrow(/received\[1\]/);
    // the positive form fails on the same input, as before
    expect(failure(() => expect('w1 +* z').toEqualPolynomial('w1'))).toMatch(/^toEqualPolynomial: received/);
  });

  it('not.toComputeConvolution with something that is not a function', () => {
    expect(() => expect(42).not.toComputeConvolution(spec)).toThrow('toComputeConvolution: expected a function (input, weight) => output, got 42');
    expect(() => expect(new Array(2 ** 31 - 1)).not.toComputeConvolution(spec)).toThrow(/expected a function/);
  });

  it('not.toMatchSlidingWindow with an entry that is not a number, a name or an expression', () => {
    const rows = [[{}, 'w2', 'w3', 0, 0, 0], [0, 'w1', 'w2', 'w3', 0, 0], [0, 0, 'w1', 'w2', 'w3', 0], [0, 0, 0, 'w1', 'w2', 'w3']];
    expect(() => expect(rows as never).not.toMatchSlidingWindow(spec)).toThrow('matrix[0][0]: expected a number, a name, an expression or a Polynomial');
    expect(() => expect(null as never).not.toMatchSlidingWindow(spec)).toThrow(/rectangular array of rows/);
  });
});
