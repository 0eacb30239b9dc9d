import { describe, expect, it } from 'vitest';
import { type Nested, type Tensor, lcg, oracleConv, oracleConvTranspose, randomTensor, flatNested as flat, nest } from '../oracle.ts';
import { convmat } from './run-cli.ts';

/** `convmat eval` through the real binary, held against the lecture and the independent oracle. */

async function evalJson(input: unknown) {
  const r = await convmat(['eval'], JSON.stringify(input));
  expect(r.stderr).toBe('');
  return { code: r.code, out: JSON.parse(r.stdout) };
}

const LECTURE_INPUT = [[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]];
const LECTURE_FILTER = [[0, 1, 2], [2, 2, 0], [0, 1, 2]];

interface RandomCase {
  op: 'conv' | 'conv_transpose';
  input: Nested; weight: Nested;
  stride: number[]; dilation: number[]; padding: number[][]; groups: number; output_padding?: number[];
  expected: Tensor;
}

/** Random valid cases in 1–3 dimensions with channels, groups, stride, asymmetric padding, dilation, output_padding. */
function randomCases(seed: number, count: number): RandomCase[] {
  const rand = lcg(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const cases: RandomCase[] = [];
  while (cases.length < count) {
    const dims = int(1, 3);
    const groups = int(1, 2), cinG = int(1, 2), coutG = int(1, 2);
    const k = Array.from({ length: dims }, () => int(1, 3));
    const s = Array.from({ length: dims }, () => int(1, 3));
    const d = Array.from({ length: dims }, () => int(1, 2));
    const pad = Array.from({ length: dims }, () => [int(0, 2), int(0, 2)]);
    const n = Array.from({ length: dims }, () => int(1, dims === 3 ? 4 : 6));
    const transposed = rand() < 0.4;
    const x = randomTensor([groups * cinG, ...n], rand);
    if (transposed) {
      const op = s.map((si, a) => int(0, Math.max(si, d[a]!) - 1));
      const out = n.map((ni, a) => (ni - 1) * s[a]! - pad[a]![0]! - pad[a]![1]! + d[a]! * (k[a]! - 1) + op[a]! + 1);
      if (out.some((o) => o < 1)) continue;
      const w = randomTensor([groups * cinG, coutG, ...k], rand);
      const expected = oracleConvTranspose(x, w, { stride: s, dilation: d, padding: pad as Array<[number, number]>, groups, outputPadding: op });
      cases.push({ op: 'conv_transpose', input: nest(x), weight: nest(w), stride: s, dilation: d, padding: pad, groups, output_padding: op, expected });
    } else {
      if (n.some((ni, a) => ni + pad[a]![0]! + pad[a]![1]! < d[a]! * (k[a]! - 1) + 1)) continue;
      const w = randomTensor([groups * coutG, cinG, ...k], rand);
      const expected = oracleConv(x, w, { stride: s, dilation: d, padding: pad as Array<[number, number]>, groups });
      cases.push({ op: 'conv', input: nest(x), weight: nest(w), stride: s, dilation: d, padding: pad, groups, expected });
    }
  }
  return cases;
}

describe.concurrent('convmat eval', { timeout: 120_000 }, () => {
  it('the lecture\'s 5×5 ⊛ 3×3 example gives [[12,12,17],[10,17,19],[9,6,14]]', async () => {
    const { code, out } = await evalJson({ op: 'conv', input: [LECTURE_INPUT], weight: [[LECTURE_FILTER]] });
    expect(code).toBe(0);
    expect(Object.keys(out).sort()).toEqual(['agree', 'output', 'shape', 'viaMatrix', 'viaSlidingWindow']);
    expect(out.output).toEqual([[[12, 12, 17], [10, 17, 19], [9, 6, 14]]]);
    expect(out.shape).toEqual([1, 3, 3]);
    expect(out.viaMatrix).toEqual(out.output);
    expect(out.viaSlidingWindow).toEqual(out.output);
    expect(out.agree).toBe(true);
  });

  it('one case in gives an object out; an array in gives an array out, in order', async () => {
    const one = { op: 'conv', input: [[1, 2, 3, 4]], weight: [[[1, 0, -1]]] };
    const two = { op: 'conv_transpose', input: [[1, 2]], weight: [[[1, 1, 1]]], stride: 2, padding: 1, output_padding: 1 };
    const single = await evalJson(one);
    expect(Array.isArray(single.out)).toBe(false);
    expect(single.out.output).toEqual([[-2, -2]]);
    const many = await evalJson([one, two]);
    expect(many.out).toHaveLength(2);
    expect(many.out[0]).toEqual(single.out);
    // out[o·2 + j − 1] += x[o]·1: positions −1,0,1 and 1,2,3, cropped to 0..3
    expect(many.out[1].output).toEqual([[1, 3, 2, 2]]);
    expect(many.out[1].shape).toEqual([1, 4]);
    expect((await evalJson([])).out).toEqual([]);
  });

  it('agrees with the independent oracle on 60 random cases (1–3D, groups, stride, padding, dilation, output_padding)', async () => {
    const cases = randomCases(20240611, 60);
    const { code, out } = await evalJson(cases.map(({ expected: _, ...c }) => c));
    expect(code).toBe(0);
    expect(out).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      const r = out[i];
      expect(r.shape, `case ${i}`).toEqual(c.expected.shape);
      expect(flat(r.output), `case ${i}`).toEqual(c.expected.data);
      expect(flat(r.viaMatrix)).toEqual(c.expected.data);
      expect(flat(r.viaSlidingWindow)).toEqual(c.expected.data);
      expect(r.agree).toBe(true);
    });
    expect(cases.some((c) => c.op === 'conv_transpose') && cases.some((c) => c.op === 'conv')).toBe(true);
  });

  it('padding keywords and per-axis forms', async () => {
    const x: Tensor = { shape: [1, 4, 5], data: Array.from({ length: 20 }, (_, i) => (i * 7) % 5 - 2) };
    const w: Tensor = { shape: [1, 1, 3, 2], data: [1, -1, 2, 0, 3, 1] };
    const base = { op: 'conv', input: nest(x), weight: nest(w) };
    const { out } = await evalJson([
      { ...base, padding: 'valid' },
      { ...base, padding: 'full' },
      { ...base, padding: 'same' },
      { ...base, padding: [1, 0] },
      { ...base, padding: [[0, 1], [2, 0]] },
      { ...base, padding: 'same', dilation: [1, 2] },
    ]);
    const expect2d = (padding: Array<[number, number]>, dilation = [1, 1]) => oracleConv(x, w, { padding, dilation });
    // same: total d(k−1), the odd extra at the end
    const expected = [
      expect2d([[0, 0], [0, 0]]), expect2d([[2, 2], [1, 1]]), expect2d([[1, 1], [0, 1]]),
      expect2d([[1, 1], [0, 0]]), expect2d([[0, 1], [2, 0]]), expect2d([[1, 1], [1, 1]], [1, 2]),
    ];
    expected.forEach((e, i) => {
      expect(out[i].shape, `case ${i}`).toEqual(e.shape);
      expect(flat(out[i].output), `case ${i}`).toEqual(e.data);
    });
    expect(out[2].shape).toEqual([1, 4, 5]);
  });

  it('computes exactly with every number as its decimal, 17 digits too, and prints the nearest floats', async () => {
    const { out } = await evalJson([
      { input: [[1, 2, 3]], weight: [[[0.5, 0.25]]] },
      { input: [[1, 2, 3]], weight: [[[1 / 3, 0.1]]] },
      { input: [[0.1, 0.2]], weight: [[[1e-7]]] },
      { input: [[3, 1]], weight: [[[Math.fround(0.3), 0.4170220047]]] },
    ]);
    // 3 · 0.30000001192092896 + 0.4170220047, exactly, then rounded once
    expect(out[3].output).toEqual([[Number('1.31702204046278688')]]);
    expect(out[3].agree).toBe(true);
    expect(out[0].output).toEqual([[1, 1.75]]);
    const third = 1 / 3;
    flat(out[1].output).forEach((v, i) => expect(v).toBeCloseTo([third + 0.2, 2 * third + 0.3][i]!, 12));
    expect(out[1].agree).toBe(true);
    // 0.1 and 1e-7 are exact decimals: 1/10 · 1/10⁷ prints as the float nearest 1e-8
    expect(out[2].output).toEqual([[1e-8, 2e-8]]);
  });
});
