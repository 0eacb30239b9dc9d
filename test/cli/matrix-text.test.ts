import { describe, expect, it } from 'vitest';
import { convmat } from './run-cli.ts';

/** The human output of `convmat matrix`: K · z = K·z = names as bracketed text, and the verdict. */
describe.concurrent('convmat matrix (text)', { timeout: 120_000 }, () => {
  it('input 6, kernel 3: the lecture\'s equation, aligned', async () => {
    const r = await convmat(['matrix', '--input', '6', '--kernel', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('convolution (cross-correlation): input 6 kernel 3 → output 4');
    expect(lines.slice(3, 11)).toEqual([
      '                           ⎡z1⎤',
      '⎡w1  w2  w3  0   0   0 ⎤   ⎢z2⎥   ⎡w1*z1 + w2*z2 + w3*z3⎤   ⎡z7 ⎤',
      '⎢0   w1  w2  w3  0   0 ⎥ · ⎢z3⎥ = ⎢w1*z2 + w2*z3 + w3*z4⎥ = ⎢z8 ⎥',
      '⎢0   0   w1  w2  w3  0 ⎥   ⎢z4⎥   ⎢w1*z3 + w2*z4 + w3*z5⎥   ⎢z9 ⎥',
      '⎣0   0   0   w1  w2  w3⎦   ⎢z5⎥   ⎣w1*z4 + w2*z5 + w3*z6⎦   ⎣z10⎦',
      '                           ⎣z6⎦',
      '',
      '✓ matrix = sliding window (4 entries)',
    ]);
    expect(lines[11]).toMatch(/^engine: build [\d.]+ ms, product [\d.]+ ms, sliding window [\d.]+ ms, compare [\d.]+ ms$/);
  });

  it('--transposed labels the matrix Kᵀ', async () => {
    const r = await convmat(['matrix', '--input', '4', '--kernel', '3', '--transposed', '--weights', 'x,y,z', '--inputs', 'a,b,c,d']);
    expect(r.stdout).toContain('Kᵀ: 6×4, 12 nonzeros');
    // the outputs take a letter no weight or input uses, with the lecture's tilde (ũ3, not y3 beside the weight y)
    expect(r.stdout).toContain('⎢z  y  x  0⎥ · ⎢b⎥ = ⎢a*z + b*y + c*x⎥ = ⎢u\u03033⎥');
  });

  it('a big matrix is elided with ⋯ and ⋮, keeping the first and last rows and columns', async () => {
    const r = await convmat(['matrix', '--input', '40', '--kernel', '3']);
    const lines = r.stdout.split('\n');
    const eq = lines.filter((l) => /^[⎡⎢⎣]/.test(l));
    expect(eq).toHaveLength(16);
    expect(eq[0]).toMatch(/^⎡w1  w2  w3  0 .*⋯.* 0 ⎤ {3}⎡z1 ⎤ {3}⎡w1\*z1 \+ w2\*z2 \+ w3\*z3 +⎤ {3}⎡z41⎤$/);
    expect(eq.at(-1)).toMatch(/^⎣0 .*⋯ .*w1  w2  w3⎦ {3}⎣z40⎦ {3}⎣w1\*z38 \+ w2\*z39 \+ w3\*z40⎦ {3}⎣z78⎦$/);
    expect(eq.some((l) => l.includes('⋱'))).toBe(true);
    expect(r.stdout).not.toContain('z20 ');
    expect(r.stdout).toContain('✓ matrix = sliding window (38 entries)');
  });

  it('long sums are shortened in the text view (the JSON keeps them whole)', async () => {
    const r = await convmat(['matrix', '--input', '2x2', '--kernel', '1x1', '--in-channels', '200']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/w_1_1_1\*z_1_1 \+ .* \+ … \(200 terms\)/);
  });
});
