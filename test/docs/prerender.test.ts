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
