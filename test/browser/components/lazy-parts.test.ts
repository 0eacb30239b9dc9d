import { html, type TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { ConvElement } from '../../../components/shared/conv-element.ts';
import { LazyPart } from '../../../components/shared/lazy-part.ts';
import { mount, part, settle, shadow } from './helpers.ts';

/**
 * What an element needs only once it has data (KaTeX, its stylesheet, the
 * engine code of its view) is a lazy part: awaited before the first render,
 * so the first render is complete; a part that fails to load is an inline
 * error, and the next change loads it again.
 */
let failures = 0;
let fetches = 0;
const doubler = new LazyPart('the doubling engine', async () => {
  fetches++;
  await new Promise((r) => setTimeout(r, 20)); // a chunk arriving later than KaTeX
  if (failures > 0) { failures--; throw new Error('the doubling chunk failed to load'); }
  return { double: (n: number) => 2 * n };
});

class LazyTestElement extends ConvElement<number> {
  static override lazyParts = [...ConvElement.lazyParts, doubler];
  protected compute(): number { return doubler.get().double(Number(this.input ?? '1')); }
  protected renderView(v: number): TemplateResult { return html`<output part="value">${v}</output>`; }
}
customElements.define('test-lazy-element', LazyTestElement);

describe('lazy parts', () => {
  it('are loaded before the first render, once for every element', async () => {
    const before = fetches;
    const [a, b] = await Promise.all([mount('<test-lazy-element input="4"></test-lazy-element>'), mount('<test-lazy-element input="5"></test-lazy-element>')]);
    expect(part(a, 'value')?.textContent).toBe('8');
    expect(part(b, 'value')?.textContent).toBe('10');
    expect(part(a, 'placeholder')).toBeNull();
    expect(fetches - before).toBeLessThanOrEqual(1);
  });

  it("adopt KaTeX's stylesheet first in the shadow root, so the element's own styles come after it and win", async () => {
    const el = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
    const sheets = shadow(el).adoptedStyleSheets;
    const css = (s: CSSStyleSheet) => [...s.cssRules].map((r) => r.cssText).join('\n');
    expect(css(sheets[0]!)).toMatch(/\.katex\b/);
    expect(sheets.slice(1).some((s) => /--conv-fg/.test(css(s)))).toBe(true);
    expect(sheets.filter((s) => /\.katex \.mathnormal/.test(css(s)))).toHaveLength(1);
    expect(getComputedStyle(shadow(el).querySelector('.katex')!).fontFamily).toContain('KaTeX_Main');
  });
});

describe('a lazy part that fails to load', () => {
  it('shows the failure inline, and the next attribute change loads it again', async () => {
    // a fresh part, so the element's first update really fetches it
    failures = 1;
    const flaky = new LazyPart('a flaky engine', async () => {
      if (failures > 0) { failures--; throw new Error('the flaky chunk failed to load'); }
      return { triple: (n: number) => 3 * n };
    });
    class FlakyElement extends ConvElement<number> {
      static override lazyParts = [...ConvElement.lazyParts, flaky];
      protected compute(): number { return flaky.get().triple(Number(this.input ?? '1')); }
      protected renderView(v: number): TemplateResult { return html`<output part="value">${v}</output>`; }
    }
    customElements.define('test-flaky-element', FlakyElement);
    const el = await mount<HTMLElement & { input?: string }>('<test-flaky-element input="2"></test-flaky-element>');
    expect(part(el, 'error')?.textContent).toContain('the flaky chunk failed to load');
    expect(part(el, 'value')).toBeNull();
    el.setAttribute('input', '3');
    await settle(el);
    expect(part(el, 'value')?.textContent).toBe('9');
    expect(part(el, 'error')).toBeNull();
  });
});
