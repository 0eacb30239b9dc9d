/**
 * Strict spec keys: a misspelt key is a ParseError naming the key, with a
 * did-you-mean, in the library, in the identities (and `check --spec`) and in
 * `eval`. Before, `strid: 2` was dropped and a check "held" at stride 1.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/geometry/known-keys.ts';
import { SPEC_KEYS, normalizeSpec } from '../../src/geometry/spec.ts';
import { checkIdentity } from '../../src/check/identities/catalogue.ts';
import { ParseError } from '../../src/errors.ts';
import { badInputLine, convmat } from '../cli/run-cli.ts';

function parseErrorOf(run: () => unknown): ParseError {
  try { run(); } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('accepted');
}

describe('strict spec keys', () => {
  it('suggest the key meant: other spellings, typos, swapped letters; nothing when nothing is close', () => {
    expect(didYouMean('output_padding', SPEC_KEYS)).toBe('outputPadding');
    expect(didYouMean('output-padding', SPEC_KEYS)).toBe('outputPadding');
    expect(didYouMean('in_channels', SPEC_KEYS)).toBe('inChannels');
    expect(didYouMean('strid', SPEC_KEYS)).toBe('stride');
    expect(didYouMean('kernal', SPEC_KEYS)).toBe('kernel');
    expect(didYouMean('dilatoin', SPEC_KEYS)).toBe('dilation');
    expect(didYouMean('weight', SPEC_KEYS)).toBe('weights');
    expect(didYouMean('colour', SPEC_KEYS)).toBeUndefined();
    expect(didYouMean('xy', SPEC_KEYS)).toBeUndefined();
  });

  it('are an error in normalizeSpec, naming the key and the fix', () => {
    const e = parseErrorOf(() => normalizeSpec({ input: 6, kernel: 3, transposed: true, output_padding: 1 } as never));
    expect(e.field).toBe('output_padding');
    expect(e.message).toMatch(/^output_padding: is not a key of a spec \(got 1\)\. did you mean outputPadding\? the keys are input, kernel, stride/);
    expect(parseErrorOf(() => normalizeSpec({ input: 6, kernel: 3, strid: 2 } as never)).fix).toMatch(/^did you mean stride\?/);
    expect(parseErrorOf(() => normalizeSpec({ input: 6, kernel: 3, colour: 'red' } as never)).fix).toMatch(/^the keys are/);
    // a key set to undefined is a key not given
    expect(normalizeSpec({ input: 6, kernel: 3, stride: undefined }).stride).toEqual([1]);
  });

  it('make a typo fail instead of checking another convolution', () => {
    expect(() => checkIdentity('matrix-equals-sliding-window', { input: 6, kernel: 3, strid: 2 } as never)).toThrow(/did you mean stride\?/);
    expect(() => checkIdentity('transposed-adjoint', { input: 6, kernel: 3, transposedPading: 1 } as never)).toThrow(/did you mean transposedPadding\?/);
    expect(() => checkIdentity('receptive-field-closed-form', { input: 4, layer: [{ kernel: 2 }] } as never)).toThrow(/did you mean layers\?/);
    expect(() => checkIdentity('receptive-field-closed-form', { input: 4, layers: [{ kernel: 2, strides: 2 }] } as never)).toThrow(/did you mean stride\?/);
    expect(checkIdentity('transposed-adjoint', { input: 6, kernel: 3, transposedPadding: 0 }).holds).toBe(true);
  });

  it('are bad input in check --spec and in eval (exit 2, one line)', async () => {
    const check = await convmat(['check', 'matrix-equals-sliding-window', '--spec', '{"input":6,"kernel":3,"strid":2}']);
    expect(badInputLine(check)).toMatch(/^convmat: strid: is not a key of the spec of matrix-equals-sliding-window \(got 2\)\. did you mean stride\?/);
    const evalCase = await convmat(['eval'], '{"input":[[1,2,3]],"weight":[[[1,1]]],"strides":1}');
    expect(badInputLine(evalCase)).toMatch(/^convmat: strides: is not a key of an eval case \(got 1\)\. did you mean stride\?/);
  });
});
