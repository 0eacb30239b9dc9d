import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/** `convmat matrix --form im2col` through the real binary; the expected Z is written by hand from the lecture's example. */
describe('convmat matrix --form im2col', { timeout: 20_000 }, () => {
  it('prints Z with the inputs as entries, Z·w and the check', async () => {
    const r = await convmat(['matrix', '--input', '6', '--kernel', '3', '--form', 'im2col']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Z (im2col): 4×3, 12 nonzeros');
    expect(r.stdout).toContain('⎡z1  z2  z3⎤   ⎡w1⎤   ⎡w1*z1 + w2*z2 + w3*z3⎤   ⎡z7 ⎤');
    expect(r.stdout).toContain('⎣z4  z5  z6⎦          ⎣w1*z4 + w2*z5 + w3*z6⎦   ⎣z10⎦');
    expect(r.stdout).toMatch(/✓ im2col-duality: K\(w\)·z = Z\(z\)·w/);
  });

  it('--json: the padded x, y, z over a, b, c, d has empty corners, and the products are the window\'s', async () => {
    const r = await convmat(['matrix', '--input', '4', '--kernel', '3', '--padding', '1', '--weights', 'x,y,z', '--inputs', 'a,b,c,d', '--form', 'im2col', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.form).toBe('im2col');
    expect(j.weightNames).toEqual(['x', 'y', 'z']);
    expect(j.matrix).toEqual([['0', 'a', 'b'], ['a', 'b', 'c'], ['b', 'c', 'd'], ['c', 'd', '0']]);
    expect(j.entries[0]).toEqual([0, 1, 'a']);
    expect(j.product).toEqualPolynomial(['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y']);
    expect(j.slidingWindow).toEqualPolynomial(j.product);
    expect(j).toMatchObject({ equal: true, shape: { rows: 4, cols: 3 } });
  });

  it('an unknown form is bad input naming --form and the allowed values', async () => {
    const r = await convmat(['matrix', '--input', '6', '--kernel', '3', '--form', 'unfold']);
    expect(r.code).toBe(2);
    expect(badInputLine(r)).toMatch(/--form: must be one of conv, im2col \(got "unfold"\)/);
  });
});
