import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convmat } from './run-cli.ts';

/**
 * `convmat eval` is exact for every finite decimal written (issue 25 §1),
 * held against a checker written here: decimals as BigInt mantissa × 10^exp,
 * the convolution summed exactly, and the result rounded once by the
 * platform's correctly rounded decimal-to-double conversion. Nothing here
 * imports src/.
 */

interface Dec { m: bigint; e: number }

/** A JSON number token as m·10^e, digit for digit. */
function readDecimal(token: string): Dec {
  const [mant = '', exp = '0'] = token.toLowerCase().split('e');
  const [int = '', frac = ''] = mant.split('.');
  return { m: BigInt(int + frac), e: Number(exp) - frac.length };
}

function mul(a: Dec, b: Dec): Dec { return { m: a.m * b.m, e: a.e + b.e }; }
function add(a: Dec, b: Dec): Dec {
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
}
/** The nearest double to an exact decimal (JSON has no −0: a value that rounds to zero prints 0). */
const toDouble = (d: Dec) => Number(`${d.m}e${d.e}`) || 0;

/** The valid 1D cross-correlation, exactly: out[o] = Σ_j x[o + j]·w[j]. */
function exactConv(x: readonly string[], w: readonly string[]): number[] {
  const xs = x.map(readDecimal), ws = w.map(readDecimal);
  return Array.from({ length: xs.length - ws.length + 1 }, (_, o) =>
    toDouble(ws.reduce((s, wj, j) => add(s, mul(xs[o + j]!, wj)), { m: 0n, e: 0 })));
}

/** A decimal of 1 to 20 significant digits with a decimal exponent in [lo, hi], as JSON text. */
const decimal = (lo: number, hi: number) => fc.record({
  sign: fc.boolean(),
  digits: fc.integer({ min: 1, max: 20 }).chain((n) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`))),
  exp: fc.integer({ min: lo, max: hi }),
}).map(({ sign, digits, exp }) => `${sign ? '-' : ''}${digits[0]}.${digits.slice(1) || '0'}e${exp}`);

/** Inputs of any magnitude from 1e-300 to 1e300, and weights small enough that no product passes the doubles. */
const exactCase = fc.array(decimal(-300, 300), { minLength: 3, maxLength: 6 }).chain((x) => {
  const top = Math.max(...x.map((t) => readDecimal(t).e + t.replace(/[^0-9]/g, '').length));
  return fc.record({ x: fc.constant(x), w: fc.array(decimal(-300, Math.max(-300, 300 - top - 3)), { minLength: 1, maxLength: 3 }) });
});

const caseText = (x: string[], w: string[]) => `{"op":"conv","input":[[${x.join(',')}]],"weight":[[[${w.join(',')}]]]}`;

describe('convmat eval is exact for every decimal written', () => {
  it('the issue\'s case: 1.234567e21 + 1 − 1.234567e21 is 1, and the answer is not "agree" on a rounded 0', async () => {
    const r = await convmat(['eval'], '{"op":"conv","input":[[1.234567e21,1,-1.234567e21]],"weight":[[[1,1,1]]],"stride":1,"padding":0,"dilation":1,"groups":1}');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.output).toEqual([[1]]);
    expect(out.agree).toBe(true);
    expect(out.exact).toBeUndefined();
  });

  it('reads 20-digit decimals and numbers past the doubles digit for digit', async () => {
    // 1.00000000000000000001 − 1 is 1e-20; as doubles it would be 0. 1e400 · 1e-400 is 1; as doubles Infinity · 0.
    const r = await convmat(['eval'], '[{"input":[[1.00000000000000000001,-1]],"weight":[[[1,1]]]},{"input":[[1e400]],"weight":[[[1e-400]]]}]');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out[0].output).toEqual([[1e-20]]);
    expect(out[1].output).toEqual([[1]]);
    expect(out.map((c: { agree: boolean }) => c.agree)).toEqual([true, true]);
  });

  it('random decimals of every magnitude (1e-300 to 1e300, 1 to 20 digits) give the correctly rounded exact output', async () => {
    const cases = fc.sample(exactCase, { numRuns: 300, seed: 25 });
    const r = await convmat(['eval'], `[${cases.map((c) => caseText(c.x, c.w)).join(',')}]`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Array<{ output: number[][]; agree: boolean; exact?: boolean }>;
    expect(out).toHaveLength(cases.length);
    let compared = 0;
    cases.forEach((c, i) => {
      expect(out[i]!.output[0], `case ${i}: ${caseText(c.x, c.w)}`).toEqual(exactConv(c.x, c.w));
      expect(out[i]!.agree).toBe(true);
      expect(out[i]!.exact).toBeUndefined();
      compared += out[i]!.output[0]!.length;
    });
    expect(compared).toBeGreaterThan(600);
  });
});
