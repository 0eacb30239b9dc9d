import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle, shadow } from './helpers.ts';

/**
 * The "Save figure" menu of the drawing elements (issue 20): named,
 * keyboard-reachable buttons whose downloads are SVGs of the element's
 * current spec with the cell contract's `data-kind` cells, and a Copy TikZ
 * that writes the clipboard or, refused, shows the TikZ to copy by hand.
 * Also the fallback-content pattern: an element's children show until its
 * first view, then are hidden.
 */
const DRAWINGS = ['conv-window', 'conv-transposed', 'conv-matrix', 'conv-receptive-field', 'conv-checkerboard'];

/** The blobs handed to URL.createObjectURL, and the downloads clicked, while `run` runs. */
async function captureDownloads(run: () => Promise<void>): Promise<{ name: string; blob: Blob }[]> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return `blob:test/${blobs.length}`; });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
  try {
    await run();
    await vi.waitFor(() => expect(blobs.length).toBeGreaterThan(0), { timeout: 5000 });
  } finally {
    create.mockRestore();
    click.mockRestore();
  }
  return blobs.map((blob, i) => ({ name: names[i]!, blob }));
}

function menuOf(el: Element): HTMLDetailsElement {
  const menu = shadow(el).querySelector<HTMLDetailsElement>('[part="figure-menu"]');
  if (!menu) throw new Error(`${el.localName} has no figure menu`);
  return menu;
}

const button = (el: Element, name: string) => [...menuOf(el).querySelectorAll('button')].find((b) => b.textContent === name)!;

afterEach(() => { document.querySelectorAll('.test-host').forEach((h) => h.remove()); });

describe('the Save figure menu', () => {
  it('every drawing element has it, its items named by their text; the other elements do not', async () => {
    for (const tag of DRAWINGS) {
      const el = await mount(`<${tag} input="6" kernel="3"></${tag}>`);
      const menu = menuOf(el);
      expect(menu.querySelector('summary')!.textContent).toBe('Save figure');
      expect([...menu.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Download SVG', 'Download animated SVG', 'Copy TikZ']);
    }
    const derivation = await mount('<conv-derivation topic="matrix"></conv-derivation>');
    expect(shadow(derivation).querySelector('[part="figure-menu"]')).toBeNull();
    // where a figure cannot draw what the element shows (a layer count, the im2col form), no menu rather than a wrong file
    for (const markup of ['<conv-receptive-field kernel="3" layers="3"></conv-receptive-field>', '<conv-checkerboard kernel="3" stride="2" layers="2"></conv-checkerboard>',
      '<conv-matrix input="6" kernel="3" form="im2col"></conv-matrix>']) {
      expect(shadow(await mount(markup)).querySelector('[part="figure-menu"]'), markup).toBeNull();
    }
  });

  it('is reached with Tab and opened with Enter; Download SVG gives the SVG of the current spec, cells by data-kind', async () => {
    const el = await mount('<conv-window input="4x4" kernel="3x3" stride="2" padding="1" hide-matrix></conv-window>');
    const summary = menuOf(el).querySelector('summary')!;
    summary.focus();
    expect(shadow(el).activeElement).toBe(summary);
    await userEvent.keyboard('{Enter}');
    expect(menuOf(el).open).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement?.textContent).toBe('Download SVG');
    const [file] = await captureDownloads(() => userEvent.keyboard('{Enter}'));
    expect(file!.name).toBe('conv-window.svg');
    expect(file!.blob.type).toBe('image/svg+xml');
    const svg = new DOMParser().parseFromString(await file!.blob.text(), 'image/svg+xml');
    expect(svg.documentElement.localName).toBe('svg');
    // 4×4 input padded by 1: 36 drawn cells, 16 inputs and 20 padding (the README's count); output ⌊(4 + 2 − 3)/2⌋ + 1 = 2 a side
    const kinds = (k: string) => svg.querySelectorAll(`[data-kind="${k}"]`).length;
    expect([kinds('input'), kinds('padding'), kinds('output')]).toEqual([16, 20, 4]);
    expect(shadow(el).querySelector('[part="figure-menu"] [role="status"]')!.textContent).toContain('conv-window.svg');

    // the element changes, the next download follows it: 5 inputs, no padding
    el.setAttribute('input', '5');
    el.setAttribute('kernel', '3');
    el.setAttribute('padding', '0');
    el.removeAttribute('stride');
    await settle(el);
    const [again] = await captureDownloads(async () => button(el, 'Download SVG').click());
    const svg2 = new DOMParser().parseFromString(await again!.blob.text(), 'image/svg+xml');
    expect([svg2.querySelectorAll('[data-kind="input"]').length, svg2.querySelectorAll('[data-kind="padding"]').length]).toEqual([5, 0]);
  });

  it('each drawing element downloads its own figure: the SVG\'s title names its drawing', async () => {
    const cases: [string, string, RegExp][] = [
      ['conv-transposed', 'input="3" kernel="3" stride="2"', /transposed/i],
      ['conv-matrix', 'input="4" kernel="3"', /matrix|K/],
      ['conv-receptive-field', 'kernel="3,3" input="8"', /receptive field/i],
      ['conv-checkerboard', 'kernel="3" stride="2" input="8"', /overlap|checkerboard/i],
    ];
    for (const [tag, attrs, title] of cases) {
      const el = await mount(`<${tag} ${attrs}></${tag}>`);
      menuOf(el).open = true;
      const [file] = await captureDownloads(async () => button(el, 'Download SVG').click());
      expect(file!.name).toBe(`${tag}.svg`);
      const svg = new DOMParser().parseFromString(await file!.blob.text(), 'image/svg+xml');
      expect(svg.querySelector('title')!.textContent, tag).toMatch(title);
    }
  });

  it('Download SVG draws the frame the window shows', async () => {
    // input z1..z5, kernel 3: outputs z6, z7, z8; at step 2 the window is on z3, z4, z5 and computes z8
    const el = await mount('<conv-window input="5" kernel="3" step="2" hide-matrix></conv-window>');
    menuOf(el).open = true;
    const [file] = await captureDownloads(async () => button(el, 'Download SVG').click());
    const svg = new DOMParser().parseFromString(await file!.blob.text(), 'image/svg+xml');
    expect(svg.querySelector('.equation')!.textContent!.replace(/\s+/g, '')).toMatch(/^z8=w1·z3\+w2·z4\+w3·z5/);
  });

  it('Download animated SVG names its file and animates without script', async () => {
    const el = await mount('<conv-window input="5" kernel="3" hide-matrix></conv-window>');
    menuOf(el).open = true;
    const [file] = await captureDownloads(async () => button(el, 'Download animated SVG').click());
    expect(file!.name).toBe('conv-window-animated.svg');
    const text = await file!.blob.text();
    expect(text).toMatch(/@keyframes|<animate/);
    expect(text).not.toMatch(/<script/i);
  });

  it('keys in the menu stay there: an arrow key on its buttons does not step the window', async () => {
    const el = await mount('<conv-window input="5" kernel="3" hide-matrix></conv-window>');
    menuOf(el).open = true;
    button(el, 'Copy TikZ').focus();
    const before = el.getAttribute('step');
    await userEvent.keyboard('{ArrowRight}');
    expect(el.getAttribute('step')).toBe(before);
  });

  it('Copy TikZ writes the clipboard', async () => {
    const el = await mount('<conv-window input="5" kernel="3" hide-matrix></conv-window>');
    let written = '';
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (t) => { written = t; });
    try {
      menuOf(el).open = true;
      button(el, 'Copy TikZ').click();
      await vi.waitFor(() => expect(written).toContain('\\begin{tikzpicture}'), { timeout: 5000 });
      await settle(el);
      expect(shadow(el).querySelector('[part="figure-menu"] [role="status"]')!.textContent).toContain('copied');
    } finally {
      write.mockRestore();
    }
  });

  it('Copy TikZ, refused by the clipboard, shows the TikZ selected in a named box', async () => {
    const el = await mount('<conv-window input="5" kernel="3" hide-matrix></conv-window>');
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    try {
      menuOf(el).open = true;
      button(el, 'Copy TikZ').click();
      await vi.waitFor(() => expect(shadow(el).querySelector('[part="figure-menu"] textarea')).not.toBeNull(), { timeout: 5000 });
      const box = shadow(el).querySelector<HTMLTextAreaElement>('[part="figure-menu"] textarea')!;
      expect(box.value).toContain('\\begin{tikzpicture}');
      expect(box.getAttribute('aria-label')).toBe('TikZ code of this figure');
      await vi.waitFor(() => expect(shadow(el).activeElement).toBe(box));
      expect(box.selectionEnd - box.selectionStart).toBe(box.value.length);
      expect(shadow(el).querySelector('[part="figure-menu"] [role="status"]')!.textContent).toMatch(/copy the TikZ below/);
    } finally {
      write.mockRestore();
    }
  });
});

describe('fallback content', () => {
  it('shows until the first view, then is hidden by the live drawing', async () => {
    const host = document.createElement('div');
    host.className = 'test-host';
    host.innerHTML = '<conv-window input="5x5" kernel="3x3"><p id="fallback">a static figure</p></conv-window>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    const fallback = host.querySelector('#fallback')!;
    // connected, not yet rendered (its parts are loading): the child is slotted and drawn
    expect(fallback.assignedSlot).not.toBeNull();
    expect(fallback.getBoundingClientRect().height).toBeGreaterThan(0);
    await settle(el);
    expect(shadow(el).querySelector('[part="cell"]')).not.toBeNull();
    expect(fallback.assignedSlot).toBeNull();
    expect(fallback.getBoundingClientRect().height).toBe(0);
  });

  it('stays beside the error while an element has no view (a bad spec from the start)', async () => {
    const host = document.createElement('div');
    host.className = 'test-host';
    host.innerHTML = '<conv-window input="5" kernel="9"><p id="fallback">a static figure</p></conv-window>';
    document.body.append(host);
    const el = host.firstElementChild as HTMLElement;
    await settle(el);
    expect(shadow(el).querySelector('[part="error"]')).not.toBeNull();
    expect(host.querySelector('#fallback')!.assignedSlot).not.toBeNull();
    expect(shadow(el).querySelector('[part="placeholder"]')).toBeNull();
  });
});
