import { page } from 'vitest/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FigureOptions, renderFigure } from '../../../src/render/figure.ts';

/**
 * The SVG figures in a real Chromium: each rasterises as an <img> (what a
 * slide, a README or a feed reader does with the file) into a canvas that is
 * not blank; inline, every drawn cell is an element with data-kind and every
 * cell label fits inside its cell; the animation runs by itself (SMIL: its
 * marks stand where the still frame of the same step draws them) and shows
 * the still frame instead under prefers-reduced-motion. Screenshots at 1280 px
 * go to __screenshots__/ beside this file (ignored by git) for a person to look at.
 */
const CASES: Array<[string, Record<string, unknown>, FigureOptions]> = [
  ['window', { input: '5x5', kernel: '3x3', stride: 2, padding: 1 }, { view: 'window', frame: 4 }],
  ['window-reflect', { input: '4x4', kernel: '3x3', padding: 1, paddingMode: 'reflect' }, { view: 'window', frame: 5 }],
  ['window-transposed', { input: '3x3', kernel: '3x3', stride: 2, transposed: true, outputPadding: 1 }, { view: 'window', frame: 9 }],
  ['window-numeric', { input: 4, kernel: 3, weights: '[1,0,-1]', inputs: '[3,1,4,1]' }, { view: 'window', frame: 1 }],
  ['transposed', { input: '3x3', kernel: '3x3', stride: 2 }, { view: 'transposed', frame: 8 }],
  ['matrix', { input: 4, kernel: 3, padding: 1 }, { view: 'matrix', frame: 1 }],
  ['receptive-field', { kernel: 3, stride: 2, input: 15 }, { view: 'receptive-field' }],
  ['receptive-field-2d', { kernel: '3x3', stride: 2, input: '9x9' }, { view: 'receptive-field' }],
  ['checkerboard', { kernel: 3, stride: 2, input: '6x6' }, { view: 'checkerboard' }],
  ['summary', { input: '200x200', kernel: 3 }, { view: 'window' }],
];

let stage: HTMLDivElement;
beforeAll(async () => {
  await page.viewport(1280, 900);
  stage = document.createElement('div');
  stage.style.cssText = 'width:1280px;background:#fff';
  document.body.append(stage);
});
afterAll(() => stage.remove());

async function rasterise(svg: string): Promise<{ img: HTMLImageElement; inked: number }> {
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) inked++;
  return { img, inked: inked / (canvas.width * canvas.height) };
}

function inline(svg: string): SVGSVGElement {
  const holder = document.createElement('div');
  holder.innerHTML = svg.replace(/^<\?xml[^>]*>\s*/, ''); // our own output, under test; a page would use <img>
  stage.append(holder);
  return holder.querySelector('svg')!;
}

describe('SVG figures in Chromium', () => {
  it.each(CASES)('%s rasterises, keeps data-kind on every cell, and its labels fit their cells', async (name, spec, options) => {
    const svg = renderFigure(spec as never, options);
    const { img, inked } = await rasterise(svg);
    expect(img.naturalWidth).toBeGreaterThan(200);
    expect(inked).toBeGreaterThan(0.005);
    const el = inline(svg);
    expect(el.querySelectorAll('[data-kind]').length).toBe((svg.match(/data-kind="/g) ?? []).length);
    expect(el.querySelector('title')?.textContent).toBeTruthy();
    // every cell label (a text in a group of cells) is narrower than a cell, and inside the drawing
    const box = el.viewBox.baseVal;
    for (const t of el.querySelectorAll<SVGTextElement>('g[role=group] text')) {
      const b = t.getBBox();
      if (el.querySelector('[data-kind]')) expect(b.width, `${name}: ${t.textContent}`).toBeLessThan(0.95);
      expect(b.width).toBeGreaterThan(0);
    }
    for (const t of el.querySelectorAll<SVGTextElement>('text.caption, text.equation, text.pass, text.fail, text.label')) {
      const b = t.getBBox();
      expect(b.x + b.width, `${name}: "${t.textContent}" runs past the right edge`).toBeLessThanOrEqual(box.width + 0.01);
      expect(b.x, `${name}: "${t.textContent}" runs past the left edge`).toBeGreaterThanOrEqual(-0.01);
    }
    const shot = document.createElement('img');
    shot.src = img.src;
    shot.style.cssText = 'display:block;max-width:1280px';
    stage.replaceChildren(shot);
    await page.screenshot({ element: shot, path: `__screenshots__/figures-${name}.png` });
  });

  it('animates by itself: at step k the lit window stands where the still frame k draws it', async () => {
    const spec = { input: '5x5', kernel: '3x3', stride: 2, padding: 1 };
    const el = inline(renderFigure(spec, { view: 'window', animate: true }));
    const moving = el.querySelector<SVGUseElement>('.loop > use')!;
    expect(getComputedStyle(el.querySelector('.still')!).display).toBe('none');
    el.pauseAnimations();
    for (const k of [0, 3, 8]) {
      el.setCurrentTime(0.9 * k + 0.45);
      const still = new DOMParser().parseFromString(renderFigure(spec, { view: 'window', frame: k }), 'image/svg+xml');
      const first = still.querySelector('rect.cm-cov')!;
      expect(moving.x.animVal.value).toBeCloseTo(Number(first.getAttribute('x')), 5);
      expect(moving.y.animVal.value).toBeCloseTo(Number(first.getAttribute('y')), 5);
      // one equation line shows, the still frame's
      const shown = [...el.querySelectorAll<SVGGElement>('.loop > g')].filter((g) => getComputedStyle(g).visibility === 'visible');
      expect(shown.map((g) => g.textContent)).toEqual([still.querySelector('text.equation')!.textContent]);
    }
    // under prefers-reduced-motion the loop is hidden and the still frame shown (the rule as Chromium parsed it)
    const rules = [...(el.querySelector('style')!.sheet as CSSStyleSheet).cssRules];
    const reduced = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && /prefers-reduced-motion: reduce/.test(r.conditionText))!;
    expect([...reduced.cssRules].map((r) => r.cssText)).toEqual([':where(.convmat-svg) .loop { display: none; }', ':where(.convmat-svg) .still { display: inline; }']);
    // and it loops: step 9 is step 0 again
    el.setCurrentTime(0.9 * 9 + 0.45);
    const start = new DOMParser().parseFromString(renderFigure(spec, { view: 'window', frame: 0 }), 'image/svg+xml').querySelector('rect.cm-cov')!;
    expect(moving.x.animVal.value).toBeCloseTo(Number(start.getAttribute('x')), 5);
  });

  it('inline in a page, the stylesheet of a figure styles the figure and nothing of the host', () => {
    stage.replaceChildren();
    const host = document.createElement('div');
    host.innerHTML = '<p class="caption label pass">host text</p><svg width="100" height="30"><text class="n" x="0" y="20">host svg</text><line x1="0" y1="0" x2="9" y2="9"/></svg>';
    stage.append(host);
    const before = [getComputedStyle(host.querySelector('p')!).fontSize, getComputedStyle(host.querySelector('text')!).fontSize,
      getComputedStyle(host.querySelector('line')!).stroke, getComputedStyle(host.querySelector('svg')!).backgroundColor];
    const figure = inline(renderFigure({ input: '4x4', kernel: 3 }, { view: 'window', animate: true }));
    const after = [getComputedStyle(host.querySelector('p')!).fontSize, getComputedStyle(host.querySelector('text')!).fontSize,
      getComputedStyle(host.querySelector('line')!).stroke, getComputedStyle(host.querySelector('svg')!).backgroundColor];
    expect(after).toEqual(before);
    // and the figure is still styled: its caption is the caption size, its cells outlined
    expect(parseFloat(getComputedStyle(figure.querySelector('text.caption, text.equation')!).fontSize)).toBeLessThan(1);
    expect(getComputedStyle(figure.querySelector('[data-kind]')!).stroke).not.toBe('none');
  });

  it('the animation draws its moving window as the still frames do (copies through <use> keep their styles)', async () => {
    const spec = { input: '5x5', kernel: '3x3', stride: 2, padding: 1 };
    // the first step of the animation against the still frame 0: the same marks, so about the same ink (a mark that
    // lost its styles fills black, or sets its label at 16 px in a drawing 12 units wide)
    const moving = (await rasterise(renderFigure(spec, { view: 'window', animate: true }))).inked;
    const still = (await rasterise(renderFigure(spec, { view: 'window', frame: 0 }))).inked;
    expect(moving).toBeLessThan(still * 1.3);
    expect(moving).toBeGreaterThan(still * 0.7);
  });

  it('several figures inline in one page each use their own definitions', () => {
    stage.replaceChildren();
    const svgs = [
      inline(renderFigure({ input: '4x4', kernel: 3 }, { view: 'window', animate: true })),
      inline(renderFigure({ input: '5x5', kernel: 2, weights: 'a,b,c,d' }, { view: 'window', animate: true })),
      inline(renderFigure({ input: 6, kernel: 3 }, { view: 'matrix' })),
    ];
    for (const svg of svgs) {
      const uses = [...svg.querySelectorAll('use')];
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(document.querySelector(u.getAttribute('href')!)?.closest('svg')).toBe(svg);
    }
  });

  it('a 32×32 window animation stays under 300 KB and rasterises', async () => {
    const svg = renderFigure({ input: '32x32', kernel: '3x3' }, { view: 'window', animate: true });
    expect(new Blob([svg]).size).toBeLessThan(300_000);
    expect((await rasterise(svg)).inked).toBeGreaterThan(0.01);
  });
});
