import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tensor, lcg, randomTensor, flatNested as flat, nest } from '../oracle.ts';
import { oracleBackward } from '../oracle-backward.ts';
import { tfGradients } from '../evaluate/tf-gradients.ts';
import { badInputLine, convmat } from './run-cli.ts';

/**
 * `convmat eval` with op conv_backward through the real binary: grad_input and
 * grad_weight, by the matrices and by the direct formulas, held against
 * tfjs's autodiff and, where tfjs has no such layer, the oracle's adjoints.
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});


interface Geometry { stride: number[]; dilation: number[]; padding: Array<[number, number]>; groups: number }

/** A random case of the given shape: integer x, w and δ (δ sized by the output formula, written here from the definition). */
function randomBackward(seed: number, cin: number, cout: number, n: number[], k: number[], g: Geometry) {
  const r = lcg(seed);
  const x = randomTensor([cin, ...n], r), w = randomTensor([cout, cin / g.groups, ...k], r);
  const o = n.map((len, a) => Math.floor((len + g.padding[a]![0] + g.padding[a]![1] - g.dilation[a]! * (k[a]! - 1) - 1) / g.stride[a]!) + 1);
  const dy = randomTensor([cout, ...o], r);
  return { x, w, dy, json: { op: 'conv_backward', input: nest(x), weight: nest(w), grad_output: nest(dy), stride: g.stride, dilation: g.dilation, padding: g.padding, groups: g.groups } };
}

async function run(input: unknown) {
  const r = await convmat(['eval'], JSON.stringify(input));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

function expectBoth(out: Record<string, any>, want: { gradInput: Tensor; gradWeight: Tensor }, x: Tensor, w: Tensor, label: string) {
  expect(Object.keys(out).sort()).toEqual(['agree', 'grad_input', 'grad_weight', 'viaDirect', 'viaMatrix']);
  for (const way of [out, out.viaMatrix, out.viaDirect]) {
    expect(flat(way.grad_input), label).toEqual(want.gradInput.data);
    expect(flat(way.grad_weight), label).toEqual(want.gradWeight.data);
  }
  // PyTorch's layouts: grad_input like the input, grad_weight like the weight
  expect(JSON.stringify(nest({ data: flat(out.grad_input), shape: x.shape }))).toBe(JSON.stringify(out.grad_input));
  expect(JSON.stringify(nest({ data: flat(out.grad_weight), shape: w.shape }))).toBe(JSON.stringify(out.grad_weight));
  expect(out.agree).toBe(true);
}

describe.concurrent('convmat eval conv_backward', { timeout: 120_000 }, () => {
  it('conv1d, conv2d and conv3d with stride, explicit padding and dilation equal tfjs\'s gradients', async () => {
    const cases = [
      randomBackward(1, 2, 3, [9], [3], { stride: [2], dilation: [1], padding: [[1, 2]], groups: 1 }),
      randomBackward(2, 1, 2, [8], [3], { stride: [1], dilation: [2], padding: [[2, 2]], groups: 1 }),
      randomBackward(3, 2, 2, [7, 6], [3, 2], { stride: [2, 1], dilation: [1, 2], padding: [[1, 1], [0, 2]], groups: 1 }),
      randomBackward(4, 1, 1, [5, 5], [3, 3], { stride: [2, 2], dilation: [1, 1], padding: [[1, 1], [1, 1]], groups: 1 }),
      randomBackward(5, 2, 1, [4, 5, 4], [2, 3, 2], { stride: [2, 1, 2], dilation: [1, 1, 2], padding: [[1, 0], [1, 1], [0, 1]], groups: 1 }),
    ];
    const out = await run(cases.map((c) => c.json));
    cases.forEach((c, i) => {
      const want = tfGradients(c.x, c.w, c.dy, { ...c.json, flip: false });
      expectBoth(out[i], want, c.x, c.w, `case ${i}`);
    });
  });

  it('groups and asymmetric padding, which tfjs\'s conv layers lack, equal the oracle\'s adjoints', async () => {
    const cases = [
      randomBackward(6, 4, 2, [7], [3], { stride: [2], dilation: [1], padding: [[2, 0]], groups: 2 }),
      randomBackward(7, 6, 3, [5, 4], [2, 2], { stride: [1, 2], dilation: [2, 1], padding: [[0, 1], [1, 0]], groups: 3 }),
    ];
    const out = await run(cases.map((c) => c.json));
    cases.forEach((c, i) => expectBoth(out[i], oracleBackward(c.x, c.w, c.dy, c.json), c.x, c.w, `case ${i}`));
  });

  it('padding_mode reflect, replicate and circular: the gradient of every padding cell reaches the input it copies (the oracle\'s adjoints)', async () => {
    const modes = ['reflect', 'replicate', 'circular'] as const;
    const cases = modes.flatMap((paddingMode, m) => [
      { ...randomBackward(10 + m, 2, 2, [6], [3], { stride: [2], dilation: [1], padding: [[2, 1]], groups: 1 }), paddingMode },
      { ...randomBackward(20 + m, 2, 4, [5, 4], [3, 2], { stride: [1, 2], dilation: [1, 2], padding: [[1, 2], [1, 1]], groups: 2 }), paddingMode },
    ]);
    const out = await run(cases.map((c) => ({ ...c.json, padding_mode: c.paddingMode })));
    cases.forEach((c, i) => expectBoth(out[i], oracleBackward(c.x, c.w, c.dy, { ...c.json, paddingMode: c.paddingMode }), c.x, c.w, `case ${i} ${c.paddingMode}`));
    // reflect, padding 1, δ on the first output only: z2 is read twice by the first window (…z2 | z1 z2 …)
    const one = await run({ op: 'conv_backward', input: [[1, 2, 3, 4]], weight: [[[1, 10, 100]]], padding: 1, padding_mode: 'reflect', grad_output: [[1, 0, 0, 0]] });
    expect(one.grad_input).toEqual([[10, 101, 0, 0]]);
    expect(one.grad_weight).toEqual([[[2, 1, 2]]]);
  });

  it('the lecture\'s 1D example (n = 6, k = 3) with δ = [1, 2, 3, 4]: the kernel scattered back, and z correlated with δ', async () => {
    const out = await run({ op: 'conv_backward', input: [[1, 2, 3, 4, 5, 6]], weight: [[[1, 0, -1]]], grad_output: [[1, 2, 3, 4]] });
    // ∂L/∂z_i = Σ_o δ_o w_{i−o+1}; ∂L/∂w_j = Σ_o δ_o z_{o+j−1}
    expect(out.grad_input).toEqual([[1, 2, 2, 2, -3, -4]]);
    expect(out.grad_weight).toEqual([[[30, 40, 50]]]);
  });

  it('exact over the rationals: decimals are summed as written', async () => {
    const out = await run({ op: 'conv_backward', input: [[0.1, 0.2, 0.3]], weight: [[[0.1, 0.2]]], grad_output: [[0.1, 0.2]] });
    expect(out.grad_weight).toEqual([[[0.05, 0.08]]]); // 0.1·0.1 + 0.2·0.2 = 0.05 exactly, not 0.05000000000000001
  });

  it('bad input: one line on stderr naming the field, exit 2', async () => {
    const base = { op: 'conv_backward', input: [[1, 2, 3, 4, 5]], weight: [[[1, 0, -1]]] };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...base, grad_output: [[1, 2]] }, /^convmat: grad_output: needs shape \[1, 3\] \(C_out, \.\.\.output: the shape of the forward output\), got \[1, 2\]$/],
      [{ ...base, grad_output: [[1, 2, 3]], stride: 2 }, /^convmat: grad_output: needs shape \[1, 2\]/],
      [{ ...base }, /^convmat: grad_output: is required/],
      [{ ...base, grad_output: [[1, 'x', 3]] }, /^convmat: grad_output: entries must be finite numbers \(got "x"\)/],
      [{ ...base, grad_output: [[1, 2, 3]], output_padding: 1 }, /^convmat: output_padding: is not a field of conv_backward/],
      [{ ...base, op: 'conv', grad_output: [[1, 2, 3]] }, /^convmat: grad_output: is a field of op "conv_backward" only/],
      [[{ ...base, grad_output: [[1, 2, 3]] }, { ...base, grad_output: [1, 2, 3] }], /^convmat: \[1\]\.grad_output: needs rank 2 or more/],
      [{ ...base, grad_output: [[1e300, 1, 1]], weight: [[[1e300, 0, 0]]] }, /^convmat: grad_input\[0\]\[0\]: is Infinity in viaMatrix/],
    ];
    for (const [input, message] of cases) {
      expect(badInputLine(await convmat(['eval'], JSON.stringify(input)))).toMatch(message);
    }
  });
});
