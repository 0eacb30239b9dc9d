import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/**
 * The issue-13 surfaces at their edges, through the real binary: combinations
 * of im2col, padding modes and the backward pass, and the refusals a user
 * meets first. Expected values are worked out by hand in each comment.
 */
describe('im2col, padding modes and the backward pass at their edges', () => {
  it('matrix --form im2col --transposed: Z of the transposed convolution, row o holding x[o − j] (scatter), checked', async () => {
    const r = await convmat(['matrix', '--input', '3', '--kernel', '2', '--transposed', '--form', 'im2col', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { matrix: string[][]; equal: boolean; product: string[] };
    // 3 inputs, kernel 2, stride 1: 4 outputs; out[o] = Σ_j w_j·z_{o−j}
    expect(o.matrix).toEqual([['z1', '0'], ['z2', 'z1'], ['z3', 'z2'], ['0', 'z3']]);
    expect(o.product[1]).toBe('w2*z1 + w1*z2');
    expect(o.equal).toBe(true);
  });

  it('explain gradient of a transposed spec is refused naming --transposed, with the way out', async () => {
    const line = badInputLine(await convmat(['explain', 'gradient', '--input', '4', '--kernel', '3', '--transposed']));
    expect(line).toMatch(/^convmat: --transposed: the gradient topic derives the backward pass of a regular convolution/);
    expect(line).not.toMatch(/drop --transposed/);
    const layer = badInputLine(await convmat(['explain', 'gradient', '--input', '4', '--layer', 'nn.ConvTranspose1d(1, 1, 3)']));
    expect(layer).toMatch(/^convmat: --transposed: .*a Conv layer, not ConvTranspose/);
  });

  it('explain im2col with groups: two blocks of Z, each repeating its group’s unfold, checked', async () => {
    const r = await convmat(['explain', 'im2col', '--input', '3', '--kernel', '2', '--in-channels', '2', '--out-channels', '2', '--groups', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('✓');
    expect(r.stdout).not.toContain('✗');
  });

  it('eval conv_backward with circular padding and groups: δ of ones gives each input the sum of its group’s weights', async () => {
    const c = {
      op: 'conv_backward', input: [[1, 2, 3, 4], [5, 6, 7, 8]], weight: [[[1, 2, 3]], [[4, 5, 6]]],
      grad_output: [[1, 1, 1, 1], [1, 1, 1, 1]], padding: 1, padding_mode: 'circular', groups: 2,
    };
    const r = await convmat(['eval'], JSON.stringify(c));
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as { grad_input: number[][]; grad_weight: number[][][]; agree: boolean };
    // circular: every input is read once by every tap, so ∂L/∂z = Σw per group (6, 15) and ∂L/∂w_j = Σz per channel (10, 26)
    expect(o.grad_input).toEqual([[6, 6, 6, 6], [15, 15, 15, 15]]);
    expect(o.grad_weight).toEqual([[[10, 10, 10]], [[26, 26, 26]]]);
    expect(o.agree).toBe(true);
  });

  it('eval conv_backward refuses reflect padding of n samples, naming the padding field', async () => {
    const c = { op: 'conv_backward', input: [[1, 2, 3]], weight: [[[1, 1, 1]]], grad_output: [[1, 1, 1, 1, 1, 1, 1]], padding: 3, padding_mode: 'reflect' };
    expect(badInputLine(await convmat(['eval'], JSON.stringify(c)))).toMatch(/^convmat: padding\.before: reflect padding of an axis of 3 samples must be from 0 to 2/);
  });

  it('circular padding of exactly n is accepted (PyTorch’s bound), one more is not', async () => {
    expect((await convmat(['matrix', '--input', '4', '--kernel', '3', '--padding', '4', '--padding-mode', 'circular'])).code).toBe(0);
    expect(badInputLine(await convmat(['matrix', '--input', '4', '--kernel', '3', '--padding', '5', '--padding-mode', 'circular'])))
      .toMatch(/^convmat: --padding\.before: circular padding of an axis of 4 samples must be from 0 to 4/);
  });
});

describe('check circular-dft-diagonal outside its hypothesis', () => {
  const base = ['check', 'circular-dft-diagonal', '--input', '4', '--kernel', '3'];
  it.each([
    ['zeros padding', ['--padding', '1'], /^convmat: --padding-mode: the DFT diagonalises a circulant K: needs paddingMode circular/],
    ['stride 2', ['--padding', '1', '--padding-mode', 'circular', '--stride', '2'], /^convmat: --stride: .*needs stride 1 on every axis/],
    ['two channels', ['--padding', '1', '--padding-mode', 'circular', '--in-channels', '2'], /^convmat: --in-channels: .*one input and one output channel/],
    ['an output longer than the input', ['--padding', '2', '--padding-mode', 'circular'], /^convmat: --padding: .*axis 1 maps 4 to 6, so p₀ \+ p₁ must be d\(k−1\) = 2/],
  ])('%s: exit 2 with the reason, naming the flag', async (_, args, message) => {
    expect(badInputLine(await convmat([...base, ...args]))).toMatch(message);
  });

  it('in 2D the report says how many of the eigenvalues it lists', async () => {
    const r = await convmat(['check', 'circular-dft-diagonal', '--input', '4x4', '--kernel', '3x3', '--padding', '1', '--padding-mode', 'circular', '--json']);
    expect(r.code).toBe(0);
    const facts = (JSON.parse(r.stdout) as { facts: { eigenvalues: string[]; eigenvaluesShown?: string } }).facts;
    expect(facts.eigenvalues).toHaveLength(8);
    expect(facts.eigenvaluesShown).toBe('the first 8 of 16');
  });

  it('--identity X is refused with the spelling that works', async () => {
    expect(badInputLine(await convmat([...base.slice(0, 1), '--identity', 'circular-dft-diagonal', '--input', '4'])))
      .toBe('convmat: --identity: is not an option: the identity is the first argument (got "--identity"). write convmat check circular-dft-diagonal [spec options]');
  });
});

describe('--help texts name the issue-13 features', () => {
  it('the overview, matrix, explain, eval and check', async () => {
    const help = async (...a: string[]) => (await convmat([...a, '--help'])).stdout;
    expect(await help()).toMatch(/--form im2col/);
    expect(await help()).toMatch(/backward pass/);
    const matrix = await help('matrix');
    expect(matrix).toMatch(/--padding-mode reflect/);
    expect(matrix).not.toMatch(/padding_mode must be 'zeros'/);
    expect(await help('explain')).toMatch(/convmat explain gradient .*--padding-mode reflect/);
    expect(await help('eval')).toMatch(/padding_mode/);
    expect(await help('check')).toMatch(/convmat check circular-dft-diagonal/);
  });
});
