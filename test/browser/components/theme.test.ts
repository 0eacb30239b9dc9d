import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, part, settle, snapshot } from './helpers.ts';

afterEach(cleanup);

function rgb(css: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`not a colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('theming', () => {
  it('switches to the dark palette with theme="dark" and keeps text, verdicts and errors readable (WCAG AA)', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(`<conv-matrix theme="${theme}" input="6" kernel="3"></conv-matrix>`);
      const host = getComputedStyle(el);
      const dark = rgb(host.backgroundColor)[0] < 60;
      expect(dark).toBe(theme === 'dark');
      expect(contrast(host.color, host.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      const verdict = getComputedStyle(part(el, 'verdict')!);
      expect(contrast(verdict.color, verdict.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      el.setAttribute('kernel', '9');
      await settle(el);
      const error = getComputedStyle(part(el, 'error')!);
      expect(contrast(error.color, error.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      el.setAttribute('kernel', '3');
      await settle(el);
      if (theme === 'dark') await snapshot(el, 'conv-matrix-dark');
    }
  });

  it("follows the page's inherited color-scheme (a site's dark mode), and theme=\"light\" still forces light", async () => {
    const root = document.documentElement;
    root.style.colorScheme = 'dark';
    try {
      const el = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
      const host = getComputedStyle(el);
      expect(rgb(host.backgroundColor)[0]).toBeLessThan(60);
      expect(contrast(host.color, host.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      const verdict = getComputedStyle(part(el, 'verdict')!);
      expect(contrast(verdict.color, verdict.backgroundColor)).toBeGreaterThanOrEqual(4.5);
      el.setAttribute('theme', 'light');
      expect(rgb(getComputedStyle(el).backgroundColor)[0]).toBeGreaterThan(200);
    } finally {
      root.style.colorScheme = '';
    }
    const light = await mount('<conv-matrix input="6" kernel="3"></conv-matrix>');
    expect(rgb(getComputedStyle(light).backgroundColor)[0]).toBeGreaterThan(200);
  });

  it('exposes parts and custom properties for the host page', async () => {
    const style = document.createElement('style');
    style.textContent = 'conv-matrix.custom { --conv-bg: rgb(1, 2, 3); } conv-matrix.custom::part(verdict) { outline: 3px solid rgb(200, 0, 0); }';
    document.head.append(style);
    const el = await mount('<conv-matrix class="custom" input="6" kernel="3"></conv-matrix>');
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'verdict')!).outlineColor).toBe('rgb(200, 0, 0)');
    style.remove();
  });
});
