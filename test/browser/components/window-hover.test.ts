import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, mount, part, settle } from './helpers.ts';

afterEach(cleanup);

/** Issue 24: hovering an output cell moves the window there, as clicking does (ezyang's visualizer, CNN Explainer). */
describe('<conv-window>: hover', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px, hovering an output cell moves the window and lights its input cells`, async () => {
      const el = await mount<HTMLElement & { step: number }>('<conv-window input="4x4" kernel="3x3" stride="2" padding="1"></conv-window>');
      await page.viewport(width, 900);
      await settle(el);
      const cells = () => [...part(el, 'output')!.querySelectorAll<HTMLElement>('[part="cell"]')];
      expect(el.step ?? 0).toBe(0);
      await userEvent.hover(cells()[3]!);
      await settle(el);
      expect(el.step).toBe(3);
      expect(cells()[3]!.classList.contains('on')).toBe(true);
      // the window over output (1, 1) covers rows and columns 2…4 of the padded 6×6, i.e. inputs 1…3 of each axis: 9 inputs, no padding
      const lit = [...part(el, 'input')!.querySelectorAll<HTMLElement>('[part="cell"].on')];
      expect(lit.map((c) => c.dataset.kind)).toEqual(Array(9).fill('input'));
      await userEvent.hover(cells()[0]!);
      await settle(el);
      expect(el.step).toBe(0);
      // output (0, 0) reads the top-left corner: 5 padding cells and 4 inputs
      expect([...part(el, 'input')!.querySelectorAll<HTMLElement>('[part="cell"].on')].filter((c) => c.dataset.kind === 'input').length).toBe(4);
    });
  }
});
