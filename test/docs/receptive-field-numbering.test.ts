import { describe, expect, it } from 'vitest';
import { levelName, parseInputLayer } from '../../src/geometry/layer-stack.ts';
import { forEachProduct } from '../oracle.ts';
import { pageSource } from './page-elements.ts';

/**
 * dilated.html: every "one neuron of layer L sees N inputs" in a section with a
 * <conv-receptive-field> is recounted by the independent oracle, on the level
 * the element's own numbering (its `input-layer`) calls layer L, and the
 * element's label for that level is "layer L". The lecture's 3×3 figure
 * numbers the input as layer 1 (layer 2 sees 9, layer 3 sees 25); its 1D
 * networks number the layers above the input (layer 2 sees 4, or spans 7).
 */
interface Section { id: string; attrs: Record<string, string>; text: string }

function sections(page: string): Section[] {
  return pageSource(page).split('<section class="example"').slice(1).flatMap((chunk) => {
    const el = chunk.match(/<conv-receptive-field((?:\s+[a-z-]+="[^"]*")*)\s*>/);
    if (!el) return [];
    const attrs = Object.fromEntries([...el[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const text = chunk.slice(0, chunk.indexOf('</section>')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    return [{ id: chunk.match(/id="([^"]+)"/)![1]!, attrs, text }];
  });
}

/** Per level above the input: the largest count and span of inputs one neuron depends on, by composing the oracle's products. */
function oracleFields(a: Record<string, string>): { count: number; span: number }[] {
  const list = (v: string | undefined, fallback: string) => (v ?? fallback).split(',');
  const kernels = list(a.kernel, '2'), strides = list(a.stride, '1'), dilations = list(a.dilation, '1');
  const layers = Math.max(kernels.length, strides.length, dilations.length, kernels.length === 1 && strides.length === 1 && dilations.length === 1 ? 2 : 0);
  let shape = a.input!.split('x').map(Number);
  const dims = shape.length, inputShape = shape;
  let deps: Set<number>[] = Array.from({ length: shape.reduce((x, y) => x * y, 1) }, (_, i) => new Set([i]));
  const out: { count: number; span: number }[] = [];
  for (let l = 0; l < layers; l++) {
    const axis = (v: string[]) => { const x = (v[l] ?? v[0]!).split('x').map(Number); return x.length === dims ? x : Array(dims).fill(x[0]); };
    const k = axis(kernels);
    const next: Set<number>[] = [];
    const outShape = forEachProduct([1, ...shape], [1, 1, ...k], { stride: axis(strides), dilation: axis(dilations) }, (o, x) => {
      for (const i of deps[x]!) (next[o] ??= new Set()).add(i);
    });
    shape = outShape.slice(1);
    deps = next;
    const span = (set: Set<number>) => inputShape.map((_, ax) => {
      const stride = inputShape.slice(ax + 1).reduce((x, y) => x * y, 1);
      const c = [...set].map((i) => Math.floor(i / stride) % inputShape[ax]!);
      return Math.max(...c) - Math.min(...c) + 1;
    }).reduce((x, y) => x * y, 1);
    out.push({ count: Math.max(...deps.map((s) => s.size)), span: Math.max(...deps.map(span)) });
  }
  return out;
}

describe('dilated.html: the prose and <conv-receptive-field> number the levels the same way', () => {
  const all = sections('dilated.html');

  it('the 3×3 stack numbers the input as layer 1, as the lecture’s figure by Lin et al. (2017) does, and credits it', () => {
    const stack = all.find((s) => s.id === 'ex-rf-3x3-stack')!;
    expect(stack.attrs).toMatchObject({ kernel: '3x3', input: '7x7', 'input-layer': '1' });
    expect(stack.text).toMatch(/Lin, Shi and Zou \(2017\)/);
    expect(stack.text).toMatch(/One neuron of layer 2 sees 3 × 3 = 9 inputs; one of layer 3 sees 5 × 5 = 25/);
  });

  it('each "layer L sees / depends on / has a receptive field of size N" is what the oracle counts on the level the element labels "layer L"', () => {
    let claims = 0;
    for (const s of all) {
      const inputLayer = parseInputLayer(s.attrs['input-layer']);
      const fields = oracleFields(s.attrs);
      for (const m of s.text.matchAll(/layer (\d+)(?:, [^,]+,)? (?:sees|depends on) (?:\d+ × \d+ = )?(\d+)/g)) {
        const level = Number(m[1]) - inputLayer;
        expect(levelName(level, inputLayer), s.id).toBe(`layer ${m[1]}`);
        expect(fields[level - 1]?.count, `${s.id}: ${m[0]}`).toBe(Number(m[2]));
        claims++;
      }
      for (const m of s.text.matchAll(/layer (\d+) now has a receptive field of size (\d+)/g)) {
        const level = Number(m[1]) - inputLayer;
        expect(levelName(level, inputLayer), s.id).toBe(`layer ${m[1]}`);
        expect(fields[level - 1]?.span, `${s.id}: ${m[0]}`).toBe(Number(m[2]));
        claims++;
      }
    }
    expect(claims).toBe(4); // 9 and 25 in the 3×3 stack, 4 for k = 2, s = 2, and 7 with dilation 2
  });

  it('the element’s numbering: input-layer 1 calls the input layer 1, unset calls it input', () => {
    expect([0, 1, 2].map((l) => levelName(l, 1))).toEqual(['input = layer 1', 'layer 2', 'layer 3']);
    expect([0, 1, 2].map((l) => levelName(l))).toEqual(['input', 'layer 1', 'layer 2']);
    expect(() => parseInputLayer('2')).toThrow(/input-layer: must be 0 or 1/);
  });
});
