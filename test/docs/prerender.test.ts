/**
 * The no-JavaScript fallback of the docs site's elements: a <conv-derivation>
 * prerenders the derivation of its own topic (it used to prerender the matrix
 * topic whatever `topic` said, so a receptive-field derivation without
 * `input` got nothing but the live note).
 */
import { describe, expect, it } from 'vitest';
import { prerender } from '../../docs/build/prerender.ts';

const warnings = (tag: string, attrs: Record<string, string>) => {
  const seen: string[] = [];
  const html = prerender(tag, attrs, (m) => seen.push(m));
  return { html, seen };
};

describe('prerender <conv-derivation>', () => {
  it('a receptive-field derivation without input: the closed form r = 7 and its passing verdict', () => {
    const { html, seen } = warnings('conv-derivation', { topic: 'receptive-field', kernel: '2', stride: '2', dilation: '2' });
    expect(seen).toEqual([]);
    expect(html).toContain('class="static-math"');
    expect(html).toMatch(/✓ Span of the composed maps against the closed form/);
    expect(html).not.toContain('✗');
  });

  it('the gradient topic shows its own verdicts, not the matrix topic\'s', () => {
    const { html, seen } = warnings('conv-derivation', { topic: 'gradient', input: '6', kernel: '3' });
    expect(seen).toEqual([]);
    expect(html).toMatch(/input-gradient-is-transposed|transposed convolution/);
  });

  it('without a topic it is still the matrix derivation', () => {
    const { html } = warnings('conv-derivation', { input: '6', kernel: '3' });
    expect(html).toMatch(/✓ [^<]*sliding window/);
  });
});

/** Paths of taps from every input to each output of a stack of 1D transposed convolutions (all weights 1), scattered directly. */
function pathCounts(n: number, layers: ReadonlyArray<{ k: number; s: number }>): number[] {
  let counts = new Array<number>(n).fill(1);
  for (const { k, s } of layers) {
    const out = new Array<number>((counts.length - 1) * s + k).fill(0);
    counts.forEach((c, i) => { for (let j = 0; j < k; j++) out[i * s + j]! += c; });
    counts = out;
  }
  return counts;
}

describe('prerender a stack of layers (a comma list, one value per layer)', () => {
  const desc = (html: string) => /<desc>(.*?)<\/desc>/s.exec(html)?.[1] ?? '';

  it('a 1D checkerboard stack is drawn as the stack, with the counts a direct scatter gives (it used to read 3 layers as one 3D kernel)', () => {
    const { html, seen } = warnings('conv-checkerboard', { kernel: '3,3,3', stride: '2,2,2', input: '4' });
    expect(seen).toEqual([]);
    expect(html).toContain('class="static-figure"');
    expect(html).toMatch(/<title>[^<]*3 transposed convolutions/);
    expect(desc(html)).toContain(`Counts: ${pathCounts(4, [{ k: 3, s: 2 }, { k: 3, s: 2 }, { k: 3, s: 2 }]).join(' ')}.`);
    const even = warnings('conv-checkerboard', { kernel: '3,2', stride: '2,1', input: '8' }).html;
    expect(desc(even)).toContain(`Counts: ${pathCounts(8, [{ k: 3, s: 2 }, { k: 2, s: 1 }]).join(' ')}.`);
  });

  it('a 2D stack prerenders (it failed: "4 axes"), its counts the product of the two axes', () => {
    const { html, seen } = warnings('conv-checkerboard', { kernel: '3x3,3x3', stride: '2,2', input: '4x4' });
    expect(seen).toEqual([]);
    const axis = pathCounts(4, [{ k: 3, s: 2 }, { k: 3, s: 2 }]);
    expect(desc(html)).toContain(`Counts: ${axis.flatMap((r) => axis.map((c) => r * c)).join(' ')}.`);
  });

  it('a receptive field through dilations 1, 2, 4 is the 3-layer stack, not a 3D spec', () => {
    const { html, seen } = warnings('conv-receptive-field', { kernel: '3', dilation: '1,2,4', padding: 'causal', input: '16' });
    expect(seen).toEqual([]);
    expect(html).toMatch(/<title>[^<]*3 layers/);
    // 1 + (3−1)(1 + 2 + 4) = 15
    expect(desc(html)).toContain('receptive field 15');
  });
});
