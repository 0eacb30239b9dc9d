import { describe, expect, it } from 'vitest';
import { convmat } from './run-cli.ts';

/** `convmat matrix --json` through the real binary, against the lecture's own matrices. */
async function matrixJson(...args: string[]) {
  const r = await convmat(['matrix', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.endsWith('\n')).toBe(true);
  return JSON.parse(r.stdout);
}

const CONTRACT_KEYS = ['entries', 'equal', 'inputNames', 'matrix', 'outputNames', 'product', 'shape', 'slidingWindow', 'timings', 'torch', 'torchNote'];

describe.concurrent('convmat matrix --json', { timeout: 120_000 }, () => {
  it('input 6, kernel 3: the lecture\'s 4×6 K over w1..w3, K·z = z7..z10', async () => {
    const j = await matrixJson('--input', '6', '--kernel', '3');
    expect(Object.keys(j).sort()).toEqual(CONTRACT_KEYS);
    expect(j.inputNames).toEqual(['z1', 'z2', 'z3', 'z4', 'z5', 'z6']);
    expect(j.outputNames).toEqual(['z7', 'z8', 'z9', 'z10']);
    expect(j.shape).toEqual({ rows: 4, cols: 6 });
    expect(j.matrix).toEqual([
      ['w1', 'w2', 'w3', '0', '0', '0'],
      ['0', 'w1', 'w2', 'w3', '0', '0'],
      ['0', '0', 'w1', 'w2', 'w3', '0'],
      ['0', '0', '0', 'w1', 'w2', 'w3'],
    ]);
    expect(j.product).toEqual([
      'w1*z1 + w2*z2 + w3*z3',
      'w1*z2 + w2*z3 + w3*z4',
      'w1*z3 + w2*z4 + w3*z5',
      'w1*z4 + w2*z5 + w3*z6',
    ]);
    expect(j.slidingWindow).toEqual(j.product);
    expect(j.equal).toBe(true);
    expect(Object.keys(j.timings).sort()).toEqual(['build', 'compare', 'product', 'slidingWindow']);
    for (const t of Object.values(j.timings)) expect(typeof t === 'number' && t >= 0).toBe(true);
  });

  it('entries list every nonzero as [row, col, expression], consistent with matrix', async () => {
    const j = await matrixJson('--input', '6', '--kernel', '3');
    expect(j.entries).toHaveLength(12);
    expect(j.entries.slice(0, 4)).toEqual([[0, 0, 'w1'], [0, 1, 'w2'], [0, 2, 'w3'], [1, 1, 'w1']]);
    const fromEntries = Array.from({ length: 4 }, () => Array(6).fill('0'));
    for (const [r, c, e] of j.entries) fromEntries[r]![c] = e;
    expect(fromEntries).toEqual(j.matrix);
  });

  it('--transposed --input 4: the 6×4 Kᵀ, and the lecture\'s products over z7..z10', async () => {
    const j = await matrixJson('--input', '4', '--kernel', '3', '--transposed', '--inputs', 'z7,z8,z9,z10');
    expect(j.shape).toEqual({ rows: 6, cols: 4 });
    expect(j.matrix).toEqual([
      ['w1', '0', '0', '0'],
      ['w2', 'w1', '0', '0'],
      ['w3', 'w2', 'w1', '0'],
      ['0', 'w3', 'w2', 'w1'],
      ['0', '0', 'w3', 'w2'],
      ['0', '0', '0', 'w3'],
    ]);
    expect(j.inputNames).toEqual(['z7', 'z8', 'z9', 'z10']);
    expect(j.product).toEqual([
      'w1*z7',
      'w2*z7 + w1*z8',
      'w3*z7 + w2*z8 + w1*z9',
      'w3*z8 + w2*z9 + w1*z10',
      'w3*z9 + w2*z10',
      'w3*z10',
    ]);
    expect(j.equal).toBe(true);
  });

  it('the padded x,y,z / a,b,c,d example and its transpose', async () => {
    const j = await matrixJson('--input', '4', '--kernel', '3', '--padding', '1', '--weights', 'x,y,z', '--inputs', 'a,b,c,d');
    expect(j.matrix).toEqual([['y', 'z', '0', '0'], ['x', 'y', 'z', '0'], ['0', 'x', 'y', 'z'], ['0', '0', 'x', 'y']]);
    expect(j.product).toEqual(['a*y + b*z', 'a*x + b*y + c*z', 'b*x + c*y + d*z', 'c*x + d*y']);
    const t = await matrixJson('--input', '4', '--kernel', '3', '--transposed', '--weights', 'x,y,z', '--inputs', 'a,b,c,d');
    expect(t.shape).toEqual({ rows: 6, cols: 4 });
    expect(t.product).toEqual(['a*x', 'a*y + b*x', 'a*z + b*y + c*x', 'b*z + c*y + d*x', 'c*z + d*y', 'd*z']);
  });

  it('numeric inputs: inputNames hold the printed values; the 5×5 lecture example multiplies out', async () => {
    const j = await matrixJson(
      '--input', '5x5', '--kernel', '3x3', '--weights', '[[0,1,2],[2,2,0],[0,1,2]]',
      '--inputs', '[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]',
    );
    expect(j.inputNames.slice(0, 6)).toEqual(['3', '3', '2', '1', '0', '0']);
    expect(j.product).toEqual(['12', '12', '17', '10', '17', '19', '9', '6', '14']);
    // a zero weight leaves its entries empty: 6 nonzero weights × 9 rows
    expect(j.entries).toHaveLength(54);
    expect(j.matrix[0].slice(0, 8)).toEqual(['0', '1', '2', '0', '0', '2', '2', '0']);
  });

  it('rational and expression weights print as mathjs/SymPy-readable text', async () => {
    const j = await matrixJson('--input', '3', '--kernel', '2', '--weights', '1/2,2*a');
    expect(j.matrix).toEqual([['1/2', '2*a', '0'], ['0', '1/2', '2*a']]);
    expect(j.product).toEqual(['1/2*z1 + 2*a*z2', '1/2*z2 + 2*a*z3']);
  });

  it('2D with padding 1: every output row of K has the taps that land inside', async () => {
    const j = await matrixJson('--input', '5x5', '--kernel', '3x3', '--padding', '1');
    expect(j.shape).toEqual({ rows: 25, cols: 25 });
    expect(j.product[0]).toBe('w5*z1 + w6*z2 + w8*z6 + w9*z7');
    expect(j.entries).toHaveLength(9 * 9 + 4 * 3 * 6 + 4 * 4);
  });

  it('past 100,000 cells the matrix is null but entries and products are complete', async () => {
    const j = await matrixJson('--input', '400', '--kernel', '3');
    expect(j.shape).toEqual({ rows: 398, cols: 400 });
    expect(j.matrix).toBeNull();
    expect(j.entries).toHaveLength(398 * 3);
    expect(j.entries.at(-1)).toEqual([397, 399, 'w3']);
    expect(j.product).toHaveLength(398);
    expect(j.equal).toBe(true);
  });

  it('past 100,000 cells each entry prints its own weight: a fraction, an expression, a zero weight left out', async () => {
    const j = await matrixJson('--input', '400', '--kernel', '3', '--weights', '1/2,0,2*a');
    expect(j.matrix).toBeNull();
    expect(j.entries).toHaveLength(398 * 2);
    expect(j.entries.slice(0, 4)).toEqual([[0, 0, '1/2'], [0, 2, '2*a'], [1, 1, '1/2'], [1, 3, '2*a']]);
    expect(j.product[397]).toBe('1/2*z398 + 2*a*z400');
  });

  it('multi-channel names carry their indices', async () => {
    const j = await matrixJson('--input', '3', '--kernel', '2', '--in-channels', '2', '--out-channels', '1');
    expect(j.inputNames).toEqual(['z_1_1', 'z_1_2', 'z_1_3', 'z_2_1', 'z_2_2', 'z_2_3']);
    expect(j.shape).toEqual({ rows: 2, cols: 6 });
    expect(j.product[0]).toBe('w_1_1_1*z_1_1 + w_1_1_2*z_1_2 + w_1_2_1*z_2_1 + w_1_2_2*z_2_2');
  });

  it('--mode convolution flips the kernel', async () => {
    const j = await matrixJson('--input', '4', '--kernel', '3', '--mode', 'convolution');
    expect(j.matrix[0]).toEqual(['w3', 'w2', 'w1', '0']);
  });
});
