import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { mount, part, settle, shadow } from '../components/helpers.ts';

/**
 * Issue 24, "Wording and legends": what the badges and captions say must be
 * true in each case. The expected words come from the numbers of each case,
 * worked out by hand: 2 does not divide 3, 2 divides 4; padding 1 on both
 * sides of both axes is symmetric, 1,2;0,1 is not.
 */
afterEach(() => { for (const h of document.querySelectorAll('.test-host')) h.remove(); });

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the checkerboard badges say what the rule found', () => {
  it('kernel 3, stride 2: the badge says 2 does not divide 3, so the overlap is uneven', async () => {
    const el = await mount('<conv-checkerboard kernel="3" stride="2" input="8"></conv-checkerboard>');
    const badge = text(part(el, 'verdict'));
    expect(badge).toMatch(/s = 2 does not divide k = 3/);
    expect(badge).toMatch(/uneven/);
    // the old wording stated the rule as if it held, then predicted the opposite
    expect(badge).not.toMatch(/"s divides k \(and gcd\(s, d\) = 1\)" predicts uneven/);
  });

  it('kernel 4, stride 2: the badge says 2 divides 4, so the overlap is even', async () => {
    const el = await mount('<conv-checkerboard kernel="4" stride="2" input="8"></conv-checkerboard>');
    const badge = text(part(el, 'verdict'));
    expect(badge).toMatch(/s = 2 divides k = 4/);
    expect(badge).toMatch(/\beven overlap/);
    expect(badge).not.toMatch(/uneven/);
  });

  it('a stack names the rule per layer: 3 with stride 2 breaks it, 2 with stride 1 keeps it', async () => {
    const el = await mount('<conv-checkerboard kernel="3,2" stride="2,1"></conv-checkerboard>');
    const badges = [...shadow(el).querySelectorAll('[part="verdict"]')].map(text);
    expect(badges).toHaveLength(2);
    expect(badges[0]).toMatch(/layer 1: s = 2 does not divide k = 3/);
    expect(badges[1]).toMatch(/layer 2: s = 1 divides k = 2/);
  });

  it('the derivation badge names the finding in words, never "(1 = uniform)" beside an uneven 0', async () => {
    const el = await mount('<conv-derivation topic="checkerboard" kernel="3" stride="2" input="8" transposed></conv-derivation>');
    for (let i = 0; i < 20 && shadow(el).querySelectorAll('[part="verdict"]').length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    const badges = [...shadow(el).querySelectorAll('[part="verdict"]')].map(text);
    expect(badges.length).toBeGreaterThanOrEqual(2);
    expect(badges.join(' ')).not.toMatch(/1 = uniform/);
    // as given (k = 3, s = 2) both sides say uneven; the contrast kernel 4 makes both even
    expect(badges[0]).toMatch(/overlap counts: uneven/);
    expect(badges[0]).toMatch(/divisibility rule: uneven/);
    expect(badges[1]).toMatch(/overlap counts: even/);
  });
});

describe('the padding caption of the window', () => {
  const caption = async (attrs: string) => {
    const el = await mount(`<conv-window ${attrs}></conv-window>`);
    return text(shadow(el).querySelector('.label'));
  };

  it('symmetric padding reads "padding 1 on every side"', async () => {
    const c = await caption('input="5x5" kernel="3x3" padding="1"');
    expect(c).toMatch(/padding 1 on every side/);
    expect(c).not.toMatch(/1\/1/);
  });

  it('asymmetric padding names before and after per axis in words', async () => {
    const c = await caption('input="5x5" kernel="3x3" padding="1,2;0,1"');
    expect(c).toMatch(/axis 1: 1 before, 2 after; axis 2: 0 before, 1 after/);
    expect(c).not.toMatch(/\d\/\d/);
  });

  it('one padding per axis reads per axis', async () => {
    const c = await caption('input="5x5" kernel="3x3" padding="1x2"');
    expect(c).toMatch(/padding 1 on both sides of axis 1, 2 on both sides of axis 2/);
  });
});

describe('the legend swatch of an input cell', () => {
  it.each([[1280, 900], [390, 800]])('is a filled swatch, not an empty box like an unticked checkbox (%i px)', async (w, h) => {
    await page.viewport(w, h);
    const el = await mount('<conv-window input="5x5" kernel="3x3" padding="1"></conv-window>');
    await page.viewport(w, h);
    await settle(el);
    const swatch = shadow(el).querySelector<HTMLElement>('.legend [data-swatch="input"]');
    expect(swatch, 'a swatch for the input cells').not.toBeNull();
    const s = getComputedStyle(swatch!);
    expect(s.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    // the swatch looks like the input cell it stands for: the same fill
    const cell = shadow(el).querySelector<HTMLElement>('[part="input"] [data-kind="input"]:not(.on)')!;
    // a window that just left the cell (a pointer over the output moves it) fades its highlight out: compare the settled fill
    await Promise.all([...cell.getAnimations(), ...swatch!.getAnimations()].map((a) => a.finished));
    expect(getComputedStyle(cell).backgroundColor).toBe(getComputedStyle(swatch!).backgroundColor);
    const r = swatch!.getBoundingClientRect();
    expect(r.width).toBeGreaterThan(8);
    expect(r.height).toBeGreaterThan(8);
  });
});
