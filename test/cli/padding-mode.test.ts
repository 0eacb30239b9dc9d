/**
 * --padding-mode and eval's padding_mode through the real binary: summed
 * entries in matrix --json (the row), eval against the independent
 * oracle, and the refusals as one line with exit 2.
 */
import { describe, expect, it } from 'vitest';
import { type OraclePaddingMode, type Nested, type Tensor, lcg, oracleConv, randomTensor, flatNested as flat, nest } from '../oracle.ts';
import { badInputLine, convmat } from './run-cli.ts';


describe.concurrent('convmat --padding-mode', { timeout: 120_000 }, () => {
  it('matrix --json, reflect: the issue\'s first row [w2, w1 + w3, 0, 0, 0], one entry per (row, col)', async () => {
    const r = await convmat(['matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect', '--json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.matrix[0]).toEqual(['w2', 'w1 + w3', '0', '0', '0']);
    expect(out.matrix[4]).toEqual(['0', '0', '0', 'w1 + w3', 'w2']);
    expect(out.entries.filter(([row]: [number]) => row === 0)).toEqual([[0, 0, 'w2'], [0, 1, 'w1 + w3']]);
    const cells = out.entries.map(([row, col]: [number, number]) => `${row},${col}`);
    expect(new Set(cells).size).toBe(cells.length);
    expect(out.entries).toHaveLength(13);
    expect(out.product[0]).toBe('w2*z1 + w1*z2 + w3*z2');
    expect(out.equal).toBe(true);
    expect(out.torch).toBe("nn.Conv1d(1, 1, kernel_size=3, stride=1, padding=1, bias=False, padding_mode='reflect')");
  });

  it('matrix --json, circular: the first row wraps (w1 reads the last input)', async () => {
    const r = await convmat(['matrix', '--input', '4', '--kernel', '3', '--padding', '1', '--padding-mode', 'circular', '--json']);
    expect(JSON.parse(r.stdout).matrix[0]).toEqual(['w2', 'w3', '0', 'w1']);
  });

  it('explain matrix shows the copied inputs and the summed entries', async () => {
    const r = await convmat(['explain', 'matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The padded input (reflect padding), copies shown');
    expect(r.stdout).toMatch(/w1 \+ w3/);
    expect(r.stdout).toMatch(/With reflect padding/);
  });

  it('check matrix-equals-sliding-window holds for every mode', async () => {
    for (const mode of ['reflect', 'replicate', 'circular']) {
      const r = await convmat(['check', 'matrix-equals-sliding-window', '--input', '4x5', '--kernel', '3', '--padding', '2', '--stride', '2', '--padding-mode', mode]);
      expect(r.code, mode).toBe(0);
      expect(r.stdout).toMatch(/holds/);
    }
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['an unknown mode', ['--padding-mode', 'mirror'], /^convmat: --padding-mode: must be one of zeros, reflect, replicate, circular \(got "mirror"\)/],
    ['a mode on a transposed convolution', ['--padding-mode', 'circular', '--transposed'], /^convmat: --padding-mode: a transposed convolution pads only with zeros/],
    ['reflect padding past n − 1', ['--padding', '5', '--padding-mode', 'reflect'], /^convmat: --padding\.before: reflect padding of an axis of 5 samples must be from 0 to 4 on each side \(it mirrors at most n − 1 samples\) \(got 5\)/],
    ['circular padding past n on the second axis', ['--input', '5x2', '--padding', '1,1;1,3', '--padding-mode', 'circular'], /^convmat: --padding\[1\]\.after: circular padding of an axis of 2 samples must be from 0 to 2/],
  ];
  it.each(refusals)('refuses %s: exit 2, one line, on matrix, explain and check', async (_, args, message) => {
    const spec = ['--kernel', '3', ...args, ...(args.includes('--input') ? [] : ['--input', '5'])];
    for (const cmd of [['matrix'], ['explain', 'matrix'], ['check', 'matrix-equals-sliding-window']]) {
      expect(badInputLine(await convmat([...cmd, ...spec]))).toMatch(message);
    }
  });

  it('--help of matrix, explain and check lists --padding-mode with its values', async () => {
    for (const cmd of [['matrix'], ['explain'], ['check']]) {
      expect((await convmat([...cmd, '--help'])).stdout).toMatch(/--padding-mode zeros\|reflect\|replicate\|circular/);
    }
  });
});

describe.concurrent('convmat eval with padding_mode', { timeout: 120_000 }, () => {
  it('equals the oracle on random 1–3D cases for every mode (channels, groups, stride, dilation, per-side padding)', async () => {
    const rand = lcg(13);
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const modes: OraclePaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];
    const cases: Array<{ json: Record<string, unknown>; expected: Tensor }> = [];
    for (let i = 0; i < 24; i++) {
      const mode = modes[i % 4]!, dims = int(1, 3), groups = int(1, 2), cinG = int(1, 2), coutG = int(1, 2);
      const k = Array.from({ length: dims }, () => int(1, 3)), s = Array.from({ length: dims }, () => int(1, 2));
      const d = Array.from({ length: dims }, () => int(1, 2));
      const pad = Array.from({ length: dims }, () => [int(0, 2), int(0, 2)] as [number, number]);
      // inputs large enough for the kernel and for PyTorch's bounds (reflect: p ≤ n − 1, circular: p ≤ n)
      const n = pad.map(([p0, p1], a) => Math.max(d[a]! * (k[a]! - 1) + 1, p0 + 1, p1 + 1) + int(0, dims === 3 ? 1 : 2));
      const x = randomTensor([groups * cinG, ...n], rand), w = randomTensor([groups * coutG, cinG, ...k], rand);
      const expected = oracleConv(x, w, { stride: s, dilation: d, padding: pad, groups, paddingMode: mode });
      cases.push({ json: { input: nest(x), weight: nest(w), stride: s, dilation: d, padding: pad, groups, padding_mode: mode }, expected });
    }
    const r = await convmat(['eval'], JSON.stringify(cases.map((c) => c.json)));
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Array<{ output: Nested; shape: number[]; agree: boolean }>;
    out.forEach((o, i) => {
      expect(o.shape, `case ${i}`).toEqual(cases[i]!.expected.shape);
      expect(flat(o.output), `case ${i}`).toEqual(cases[i]!.expected.data);
      expect(o.agree).toBe(true);
    });
  });

  it('reflect on [1, 2, 3, 4, 5] with [1, 10, 100], padding 1: the padded input is [2, 1, 2, 3, 4, 5, 4]', async () => {
    const r = await convmat(['eval'], JSON.stringify({ input: [[1, 2, 3, 4, 5]], weight: [[[1, 10, 100]]], padding: 1, padding_mode: 'reflect' }));
    expect(JSON.parse(r.stdout).output).toEqual([[212, 321, 432, 543, 454]]);
  });

  const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
    ['conv_transpose with reflect (PyTorch: zeros only)', { op: 'conv_transpose', input: [[1, 2, 3]], weight: [[[1, 1]]], padding_mode: 'reflect' },
      /^convmat: padding_mode: a transposed convolution pads only with zeros/],
    ['an unknown mode', { input: [[1, 2, 3]], weight: [[[1, 1]]], padding_mode: 'mirror' }, /^convmat: padding_mode: must be one of zeros, reflect, replicate, circular/],
    ['circular padding past n', { input: [[1, 2]], weight: [[[1, 1]]], padding: 3, padding_mode: 'circular' }, /^convmat: padding\.before: circular padding of an axis of 2 samples must be from 0 to 2/],
    ['the camelCase key', { input: [[1, 2, 3]], weight: [[[1, 1]]], paddingMode: 'reflect' }, /^convmat: paddingMode: is not a key of an eval case.*did you mean padding_mode\?/],
  ];
  it.each(refusals)('refuses %s with exit 2 and one line', async (_, c, message) => {
    expect(badInputLine(await convmat(['eval'], JSON.stringify(c)))).toMatch(message);
  });
});
