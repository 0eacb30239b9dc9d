import { describe, expect, it } from 'vitest';
import { type FlagSpec, parseArgs } from '../../src/cli/args.ts';
import { flagForField, specFromFlags } from '../../src/cli/spec-flags.ts';
import { elide, shortenSum } from '../../src/cli/text-layout.ts';

const FLAGS: FlagSpec[] = [
  { name: 'input', kind: 'option', description: '' },
  { name: 'padding', kind: 'option', description: '' },
  { name: 'transposed', kind: 'switch', description: '' },
];

describe('parseArgs', () => {
  it('reads --name value, --name=value and switches', () => {
    const a = parseArgs(['--input', '5x5', '--padding=1,2;0,1', '--transposed'], FLAGS, 'matrix');
    expect(Object.fromEntries(a.options)).toEqual({ input: '5x5', padding: '1,2;0,1' });
    expect([...a.switches]).toEqual(['transposed']);
  });

  it('takes a negative number as a value (the spec then rejects it with its own message)', () => {
    expect(parseArgs(['--padding', '-1'], FLAGS, 'matrix').options.get('padding')).toBe('-1');
  });

  it('--switch=false turns a switch off; -h is --help', () => {
    const a = parseArgs(['--transposed=false', '-h'], FLAGS, 'matrix');
    expect(a.switches.has('transposed')).toBe(false);
    expect(a.switches.has('help')).toBe(true);
  });

  it('names the offending option in its errors', () => {
    expect(() => parseArgs(['--inptu', '6'], FLAGS, 'matrix')).toThrow(/^--inptu: is not an option of convmat matrix .*did you mean --input\?/);
    expect(() => parseArgs(['--zzz', '6'], FLAGS, 'matrix')).toThrow(/^--zzz: is not an option of convmat matrix \(got "--zzz"\)\. run convmat matrix --help$/);
    expect(() => parseArgs(['--input'], FLAGS, 'matrix')).toThrow(/^--input: needs a value/);
    expect(() => parseArgs(['--input', '--transposed'], FLAGS, 'matrix')).toThrow(/^--input: needs a value/);
    expect(() => parseArgs(['--input', '6', '--input=7'], FLAGS, 'matrix')).toThrow(/^--input: is given more than once/);
  });
});

describe('spec flags', () => {
  it('map kebab-case flags to the camelCase spec keys, values untouched', () => {
    const args = parseArgs(['--output-padding', '1', '--in-channels', '2', '--transposed'], [
      { name: 'output-padding', kind: 'option', description: '' },
      { name: 'in-channels', kind: 'option', description: '' },
      { name: 'transposed', kind: 'switch', description: '' },
    ], 'matrix');
    expect(specFromFlags(args)).toEqual({ outputPadding: '1', inChannels: '2', transposed: true });
  });

  it('name engine fields by their flags', () => {
    expect(flagForField('outputPadding[1]')).toBe('--output-padding[1]');
    expect(flagForField('weights[3]')).toBe('--weights[3]');
    expect(flagForField('symbol')).toBe('symbol');
  });
});

describe('text layout', () => {
  it('elide keeps the first and last indices around one gap', () => {
    expect(elide(5, 16)).toEqual([0, 1, 2, 3, 4]);
    expect(elide(40, 7)).toEqual([0, 1, 2, null, 37, 38, 39]);
    expect(elide(40, 6)).toEqual([0, 1, 2, null, 38, 39]);
  });

  it('shortenSum keeps whole terms and counts them', () => {
    const sum = Array.from({ length: 30 }, (_, i) => `w${i}*z${i}`).join(' + ');
    const short = shortenSum(sum, 40);
    expect(short).toMatch(/^w0\*z0 \+ w1\*z1 .*\+ … \(30 terms\)$/);
    expect([...short].length).toBeLessThanOrEqual(40);
    expect(shortenSum('a - b', 40)).toBe('a - b');
  });
});
