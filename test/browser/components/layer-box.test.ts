import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle, shadow, visibleCells } from './helpers.ts';

afterEach(cleanup);

const size = (el: Element) => [...part(el, 'output-size')!.querySelectorAll('.katex-html')].map((k) => k.textContent).join('').replace(/\s+/g, '');

async function paste(el: Element, text: string): Promise<void> {
  const box = shadow(el).querySelector<HTMLInputElement>('input[name="layer"]')!;
  await userEvent.fill(box, text);
  box.dispatchEvent(new Event('change'));
  await settle(el);
}

describe('<conv-explorer>: paste a PyTorch layer', () => {
  it('a pasted layer drives every view; the fields it sets are disabled; the code of the spec is shown', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3"></conv-explorer>');
    expect(part(el, 'torch')!.textContent).toContain('nn.Conv1d(1, 1, kernel_size=3, stride=1, padding=0, bias=False)');
    await paste(el, 'nn.Conv1d(1, 1, kernel_size=2, stride=2, padding=1)');
    expect(part(el, 'error')).toBeNull();
    expect(el.getAttribute('layer')).toBe('nn.Conv1d(1, 1, kernel_size=2, stride=2, padding=1)');
    expect(el.hasAttribute('kernel')).toBe(false);
    expect(shadow(el).querySelector<HTMLInputElement>('input[name="kernel"]')!.disabled).toBe(true);
    expect(shadow(el).querySelector<HTMLInputElement>('input[name="input"]')!.disabled).toBe(false);
    expect(size(el)).toMatch(/=3$/); // ⌊(5 + 1 + 1 − 2)/2⌋ + 1
    const matrix = shadow(el).querySelector('conv-matrix')!;
    await settle(matrix);
    // the windows over z0 (padding) z1…z5 z6 (padding), width 2, step 2: {z0, z1}, {z2, z3}, {z4, z5}
    expect(visibleCells(matrix, 'mK')).toEqual([['w2', '0', '0', '0', '0'], ['0', 'w1', 'w2', '0', '0'], ['0', '0', '0', 'w1', 'w2']]);
    expect(part(el, 'torch')!.textContent).toContain('nn.Conv1d(1, 1, kernel_size=2, stride=2, padding=1, bias=False)');
  });

  it('a layer it cannot read is explained inline, naming the argument, and the last good views stay', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3"></conv-explorer>');
    await paste(el, "nn.Conv1d(1, 1, 3, padding_mode='mirror')");
    const error = part(el, 'error')!;
    expect(error.dataset.attribute).toBe('layer');
    expect(error.textContent).toContain("argument padding_mode='mirror' must be one of 'zeros', 'reflect', 'replicate', 'circular'");
    expect(shadow(el).querySelector('conv-matrix')).not.toBeNull();
    await paste(el, 'nn.Conv1d(c, 1, 3)');
    expect(part(el, 'error')!.textContent).toContain('argument in_channels must be a literal');
  });

  it('uneven padding shows why no Conv layer has it, and clearing the box gives the fields back', async () => {
    const el = await mount('<conv-explorer input="5" kernel="3" padding="0,1"></conv-explorer>');
    expect(part(el, 'torch')!.querySelector('code')).toBeNull();
    expect(part(el, 'torch')!.textContent).toContain('F.pad(x, (0, 1))');
    await paste(el, 'nn.ConvTranspose1d(1, 1, 3, stride=2)');
    expect(shadow(el).querySelector('conv-transposed')).not.toBeNull();
    await paste(el, '');
    expect(el.hasAttribute('layer')).toBe(false);
    expect(shadow(el).querySelector<HTMLInputElement>('input[name="kernel"]')!.disabled).toBe(false);
    expect(part(el, 'error')).toBeNull();
  });

  it('with url-state, a layer in the URL replaces the page\'s fields it sets', async () => {
    const before = location.href;
    try {
      history.replaceState(null, '', `${location.pathname}?layer=${encodeURIComponent('nn.Conv2d(1, 1, 2, stride=2)')}&input=4`);
      const el = await mount('<conv-explorer url-state input="6" kernel="3"></conv-explorer>');
      expect(part(el, 'error')).toBeNull();
      expect(el.hasAttribute('kernel')).toBe(false);
      expect(size(el)).toMatch(/=2$/); // ⌊(4 − 2)/2⌋ + 1 on each axis
      expect(part(el, 'torch')!.textContent).toContain('nn.Conv2d(1, 1, kernel_size=(2, 2), stride=(2, 2), padding=(0, 0), bias=False)');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
