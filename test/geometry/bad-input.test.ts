/**
 * Bad input: each case gives the right typed error class, names the field,
 * and says what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { ConvmatError, LimitError, NameError, ParseError, SpecError } from '../../src/errors.ts';
import { LIMITS, type SpecInput, normalizeSpec } from '../../src/geometry/spec.ts';

type ErrorClass = typeof SpecError | typeof ParseError | typeof NameError | typeof LimitError;

function rejects(spec: SpecInput, cls: ErrorClass, field: string, message: RegExp): void {
  let error: unknown;
  try { normalizeSpec(spec); } catch (e) { error = e; }
  expect(error, JSON.stringify(spec)).toBeInstanceOf(cls);
  const e = error as ConvmatError;
  expect(e).toBeInstanceOf(ConvmatError);
  expect(e.field).toBe(field);
  expect(e.message.startsWith(`${field}: `)).toBe(true);
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain('\n');
}

describe('bad input gives a typed error naming the field', () => {
  it.each([
    ['stride 0', { input: 6, kernel: 3, stride: 0 }, 'stride'],
    ['stride 1.5', { input: 6, kernel: 3, stride: 1.5 }, 'stride'],
    ['stride "abc"', { input: 6, kernel: 3, stride: 'abc' }, 'stride'],
    ['dilation −1', { input: 6, kernel: 3, dilation: -1 }, 'dilation'],
    ['dilation 0 on the second axis', { input: '5x5', kernel: 3, dilation: [1, 0] }, 'dilation[1]'],
    ['input 0', { input: 0, kernel: 3 }, 'input'],
    ['kernel 2.5', { input: 6, kernel: '2.5' }, 'kernel'],
    ['kernel −3', { input: 6, kernel: -3 }, 'kernel'],
  ] as const)('%s: stride, dilation and sizes are positive integers', (_, spec, field) => {
    rejects(spec, SpecError, field, /must be an integer from 1 to \d+/);
  });

  it('a kernel that does not fit the padded input: the message gives the span', () => {
    rejects({ input: 4, kernel: 3, dilation: 2 }, SpecError, 'kernel', /with dilation 2 spans 5 but the padded input has 4/);
    rejects({ input: '5x5', kernel: [3, 7] }, SpecError, 'kernel[1]', /spans 7 but the padded input has 5/);
    rejects({ input: 2, kernel: 5, padding: [[1, 0]] }, SpecError, 'kernel', /spans 5 but the padded input has 3/);
  });

  it('groups that do not divide both channel counts', () => {
    rejects({ input: 6, kernel: 3, inChannels: 4, outChannels: 6, groups: 4 }, SpecError, 'groups', /must divide both inChannels \(4\) and outChannels \(6\)/);
    rejects({ input: 6, kernel: 3, inChannels: 4, outChannels: 6, groups: 3 }, SpecError, 'groups', /try one of 1, 2/);
  });

  it('output_padding ≥ max(stride, dilation), or on a regular convolution', () => {
    rejects({ input: 6, kernel: 3, stride: 2, transposed: true, outputPadding: 2 }, SpecError, 'outputPadding', /smaller than max\(stride, dilation\) = 2/);
    rejects({ input: 6, kernel: 3, dilation: 3, transposed: true, outputPadding: 3 }, SpecError, 'outputPadding', /= 3/);
    rejects({ input: '4x4', kernel: 3, stride: [1, 2], transposed: true, outputPadding: [0, 2] }, SpecError, 'outputPadding[1]', /= 2/);
    rejects({ input: 6, kernel: 3, outputPadding: 1 }, SpecError, 'outputPadding', /only a transposed convolution/);
  });

  it('"same" with stride > 1', () => {
    rejects({ input: 6, kernel: 3, stride: 2, padding: 'same' }, SpecError, 'padding', /"same" needs stride 1/);
  });

  it('ragged, non-numeric or wrongly shaped weight arrays', () => {
    rejects({ input: 3, kernel: 3, weights: [[1, 2], [3]] }, ParseError, 'weights[1]', /ragged array/);
    rejects({ input: 3, kernel: 3, weights: [1, {}, 3] as unknown[] }, ParseError, 'weights[1]', /numbers, names or expressions/);
    rejects({ input: 3, kernel: 3, weights: [true, 1, 2] }, ParseError, 'weights[0]', /numbers, names or expressions/);
    rejects({ input: 3, kernel: 3, weights: [1, Number.NaN, 2] }, ParseError, 'weights[1]', /finite/);
    rejects({ input: 3, kernel: 3, weights: [1, 'x+', 3] }, ParseError, 'weights[1]', /not an expression/);
    rejects({ input: 3, kernel: 3, weights: [1, 2] }, ParseError, 'weights', /needs 3 entries in shape \[1, 1, 3\]/);
    rejects({ input: '3x3', kernel: 3, weights: [[1, 2, 3], [1, 2, 3]] }, ParseError, 'weights', /got shape \[2, 3\]/);
    rejects({ input: 3, kernel: 3, weights: '[[1,2' }, ParseError, 'weights', /not valid JSON/);
    rejects({ input: 3, kernel: 3, inputs: [1, 2, 3, 4] }, ParseError, 'inputs', /needs 3 entries/);
  });

  it('names that are not identifiers, or duplicated names', () => {
    rejects({ input: 3, kernel: 3, weights: 'x,y,pi' }, NameError, 'weights[2]', /reserved/);
    rejects({ input: 3, kernel: 3, weights: ['x', 'y', '_q'] }, NameError, 'weights[2]', /must be an identifier/);
    rejects({ input: 3, kernel: 3, inputs: '_z' }, NameError, 'inputs', /must be an identifier/);
    rejects({ input: 3, kernel: 3, weights: 'w'.repeat(70) }, NameError, 'weights', /at most 64 characters/);
    rejects({ input: 3, kernel: 3, inputs: 'a,a,c' }, NameError, 'inputs', /must be distinct/); // weights may repeat a name (tied weights), inputs may not
    rejects({ input: 3, kernel: 3, weights: 'x,y,z', inputs: 'a,b,x' }, NameError, 'inputs', /already used in weights/);
  });

  it('sizes past LIMITS', () => {
    rejects({ input: [2000, 2000], kernel: 3 }, LimitError, 'input', new RegExp(`at most ${LIMITS.elements}`));
    rejects({ input: [700, 700], kernel: [9, 9] }, LimitError, 'kernel', new RegExp(`at most ${LIMITS.taps}`));
    rejects({ input: LIMITS.size + 1, kernel: 3 }, SpecError, 'input', new RegExp(`from 1 to ${LIMITS.size}`));
    rejects({ input: 6, kernel: 3, inChannels: LIMITS.channels + 1 }, SpecError, 'inChannels', new RegExp(`to ${LIMITS.channels}`));
    rejects({ input: [2, 2, 2, 2], kernel: 1 }, SpecError, 'input', /1, 2 or 3 spatial axes/);
  });
});
