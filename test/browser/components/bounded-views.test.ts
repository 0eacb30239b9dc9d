import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, part } from './helpers.ts';

/**
 * Issue 25's browser cases for the analysis elements: each mounts with no
 * main-thread task over 250 ms (a PerformanceObserver for 'longtask') and
 * shows its summary or its inline error, naming the right attribute. Before
 * the views sized their work first, these froze the page for seconds (the
 * 200-layer list for 73 s, then the renderer crashed).
 */
afterEach(cleanup);

const dilations = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).join(',');

async function expectNoFreeze(markup: string, inspect: (el: HTMLElement) => void): Promise<void> {
  const { blocked, runs } = await longTasksWhileMounting(markup, inspect);
  expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
}

describe('bounded analysis views', { timeout: 60_000 }, () => {
  it('<conv-receptive-field> with 200 comma-listed layers, dilations up to 512: refused inline, naming dilation', async () => {
    await expectNoFreeze(`<conv-receptive-field kernel="3" dilation="${dilations(200, (i) => 2 ** (i % 10))}"></conv-receptive-field>`, (el) => {
      expect(part(el, 'error')!.dataset.attribute).toBe('dilation');
      expect(part(el, 'error')!.textContent).toMatch(/200 layers, more than the 64/);
    });
  });

  it('<conv-receptive-field> with 30 layers of dilation 64: a summary with the closed form', async () => {
    await expectNoFreeze(`<conv-receptive-field kernel="3" dilation="${dilations(30, () => 64)}"></conv-receptive-field>`, (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/too large/i);
      expect(part(el, 'summary')!.textContent).toContain(`= ${1 + 30 * 64 * 2} input positions`);
    });
  });

  it('<conv-receptive-field> with 30 layers of kernel 64: a summary', async () => {
    await expectNoFreeze('<conv-receptive-field kernel="64" layers="30"></conv-receptive-field>', (el) => {
      expect(part(el, 'summary')!.textContent).toContain(`= ${1 + 30 * 63} input positions`);
    });
  });

  it('<conv-receptive-field> at its limits (many neurons, many edges, 64 layers, a 2D stack) draws without a long task', async () => {
    await expectNoFreeze('<conv-receptive-field kernel="4" layers="1" input="300"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('circle')).toHaveLength(300 + 297);
    });
    await expectNoFreeze('<conv-receptive-field kernel="3" layers="64" padding="1" input="7"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('line')).toHaveLength(64 * (7 * 3 - 2));
    });
    await expectNoFreeze('<conv-receptive-field kernel="3x3" layers="8" padding="1" input="8x8"></conv-receptive-field>', (el) => {
      expect(el.shadowRoot!.querySelectorAll('.grid span')).toHaveLength(9 * 64);
    });
  });

  it('<conv-checkerboard> with 50 layers refuses at once, naming layers', async () => {
    await expectNoFreeze('<conv-checkerboard layers="50"></conv-checkerboard>', (el) => {
      expect(part(el, 'error')!.dataset.attribute).toBe('layers');
    });
  });

  it('<conv-checkerboard> with 12 layers: a summary with the rule per layer', async () => {
    await expectNoFreeze('<conv-checkerboard layers="12"></conv-checkerboard>', (el) => {
      expect(part(el, 'summary')!.textContent).toMatch(/output positions are more than/);
      expect(part(el, 'summary')!.textContent).toMatch(/layer 12: the rule/);
    });
  });

  it('<conv-checkerboard> at its limits draws without a long task', async () => {
    await expectNoFreeze('<conv-checkerboard input="290" kernel="3"></conv-checkerboard>', (el) => {
      expect(part(el, 'transposed')!.querySelectorAll('.bar')).toHaveLength(2 * 289 + 3);
    });
    await expectNoFreeze('<conv-checkerboard input="11x11" kernel="3x3"></conv-checkerboard>', (el) => {
      expect(part(el, 'transposed')!.querySelectorAll('.heat span')).toHaveLength(23 * 23);
    });
  });
});
