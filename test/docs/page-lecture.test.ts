import { describe, expect, it } from 'vitest';
import { TOPICS, derive } from '../../src/latex/derive.ts';
import type { EquationStep, MatrixPart } from '../../src/latex/derivation.ts';
import { pageElements, pageNames, pageText, specOf } from './page-elements.ts';

/** The docs pages say what the lecture says, and show its examples with its own attributes. */
const derivations = (page: string) => pageElements(page).filter((e) => e.tag === 'conv-derivation');

describe('transposed.html: every <conv-derivation> carries the attributes of the lecture example it sits in', () => {
  const ds = derivations('transposed.html');

  it('Example 2: topic transposed on x, y, z over a, b, c, d with stride 1 and padding 1', () => {
    expect(ds.some((d) => d.attrs.topic === 'transposed' && d.attrs.padding === '1' && d.attrs.weights === 'x,y,z' && d.attrs.inputs === 'a,b,c,d' && d.attrs.input === '4' && d.attrs.kernel === '3')).toBe(true);
  });

  it('Example 3: a transposed spec taking z7..z10 to z̃1..z̃6 (not 4 → 2 → 4)', () => {
    const ex3 = ds.find((d) => d.attrs.inputs === 'z7,z8,z9,z10');
    expect(ex3?.attrs).toMatchObject({ topic: 'transposed', transposed: '', input: '4', kernel: '3' });
    const d = derive('transposed', specOf(ex3!));
    const step = d.steps.find((s) => s.type === 'equation') as EquationStep;
    const parts = step.parts.filter((p): p is MatrixPart => p.type === 'matrix');
    expect(parts[2]!.cells.map((r) => r[0]!.text)).toEqualPolynomial(['w1*z7', 'w2*z7 + w1*z8', 'w3*z7 + w2*z8 + w1*z9', 'w3*z8 + w2*z9 + w1*z10', 'w3*z9 + w2*z10', 'w3*z10']);
    expect(parts[3]!.cells.map((r) => r[0]!.tex)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `\\tilde{z}_{${i}}`));
  });

  it('each derivation on the page is one of the lecture’s examples (no stray spec)', () => {
    const keys = ds.map((d) => `${d.attrs.topic}:${d.attrs.input}:${d.attrs.kernel}:${d.attrs.stride ?? 1}:${d.attrs.padding ?? 0}:${'transposed' in d.attrs}`);
    expect(keys.sort()).toEqual(['checkerboard:8:3:2:0:true', 'matrix:6:3:1:0:false', 'transposed:4:3:1:0:true', 'transposed:4:3:1:1:false']);
  });
});

describe('every derivation topic appears on the site', () => {
  const shown = new Map<string, string[]>();
  for (const page of pageNames()) for (const d of derivations(page)) shown.set(d.attrs.topic ?? 'matrix', [...(shown.get(d.attrs.topic ?? 'matrix') ?? []), page]);
  it.each([...TOPICS.keys()])('%s', (topic) => {
    expect(shown.get(topic), `no <conv-derivation topic="${topic}">`).toBeDefined();
  });
  it('where the lecture discusses it', () => {
    const where: Record<string, string> = {
      dilation: 'dilated.html', 'receptive-field': 'dilated.html', separable: 'separable.html', depthwise: 'separable.html',
      pointwise: 'separable.html', checkerboard: 'transposed.html', flatten: 'flattened.html', transposed: 'transposed.html', window: '2d.html', block: '3d.html', matrix: 'transposed.html', im2col: 'im2col.html',
      gradient: 'backward.html',
    };
    for (const [topic, page] of Object.entries(where)) expect(shown.get(topic), topic).toContain(page);
  });
  it('every derivation on the site builds from its attributes', () => {
    for (const page of pageNames()) for (const d of derivations(page)) {
      expect(() => derive(d.attrs.topic ?? 'matrix', specOf(d)), `${page} ${JSON.stringify(d.attrs)}`).not.toThrow();
    }
  });
});

describe('the errata of the lecture pages stay fixed', () => {
  it('dilated.html: the TCN counts the current input, writes x₀…x_T → ŷ₀…ŷ_T, and the receptive field spans 7 and reads 4', () => {
    const t = pageText('dilated.html');
    expect(t).toMatch(/15 inputs, the current one x t and the 14 before it/);
    expect(t).not.toMatch(/15 past inputs/);
    expect(t).toMatch(/x 0 , x 1 , …, x T .*ŷ 0 , ŷ 1 , …, ŷ T of the same length/);
    expect(t).toMatch(/spans 7 inputs, and reads 4 of them/);
    expect(t).not.toMatch(/Three layers of 3×3 kernels/);
    expect(t).toMatch(/higher dimensions .* fine details/);
    expect(t).toMatch(/fewer parameters/);
  });
  it('3d.html: V-Net segments the prostate; the lecture says disease classification or tumour segmentation', () => {
    const t = pageText('3d.html');
    expect(t).toMatch(/disease classification or tumour segmentation on MRI scans/);
    expect(t).toMatch(/segment the prostate/);
    expect(t).not.toMatch(/segment organs and tumours/);
  });
  it('separable.html: 81 multiplications, 54 nonzeros', () => {
    const t = pageText('separable.html');
    expect(t).not.toMatch(/exactly 81 nonzero/);
    expect(t).toMatch(/only 54 of its entries are nonzero/);
  });
  it('1d.html: the classifier’s architecture, the 1×1 advantages, the text-mining remarks, 69 distinct characters', () => {
    const t = pageText('1d.html');
    expect(t).toMatch(/3 convolution layers .* global average pooling .* fully connected layer .* softmax/);
    expect(t).toMatch(/low-dimensional embedding .* feature pooling/);
    expect(t).toMatch(/temporal axis is drawn as the y axis/);
    expect(t).toMatch(/1D feature vector/);
    expect(t).toMatch(/69 are distinct/);
    expect(pageElements('1d.html').find((e) => e.attrs['in-channels'] === '69')).toBeDefined();
  });
  it('transposed.html: the lecture’s rule p′ = k − 1, s′ = s beside p′ = k − 1 − p, and where s′ = s means inserted zeros', () => {
    const t = pageText('transposed.html');
    expect(t).toMatch(/p′ = k − 1 \./);
    expect(t).toMatch(/p′ = k − 1 − p/);
    expect(t).toMatch(/inserts s − 1 zeros between the inputs/);
    expect(t).not.toMatch(/The zeros show in the input vector/);
    expect(t).toMatch(/Xᵀ is a transposed convolution with padding 0/);
  });
});
