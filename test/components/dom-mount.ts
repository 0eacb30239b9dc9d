/**
 * Mounting the elements in a simulated DOM (jsdom, happy-dom), as a user's
 * vitest suite does: shared by one test file per environment. Everything the
 * elements do must settle without an unhandled error; vitest reports any
 * unhandled error (an adoptedStyleSheets that is not an array, say) as a
 * failed run, and the listeners below make it fail this test too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import '../../components/define.ts';

export function mountsInSimulatedDom(): void {
  const errors: unknown[] = [];
  const record = (e: unknown) => errors.push(e);
  beforeAll(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });

  it('mounts <conv-matrix> and <conv-window>, renders their verdicts and a highlight, with no unhandled error', async () => {
    document.body.innerHTML = '<conv-matrix input="6" kernel="3"></conv-matrix><conv-window input="5" kernel="3"></conv-window>';
    const matrix = document.querySelector('conv-matrix')!;
    const verdict = await poll(() => matrix.shadowRoot?.querySelector('[part="verdict"]'));
    expect(verdict.getAttribute('data-verdict')).toBe('pass');
    await poll(() => document.querySelector('conv-window')!.shadowRoot?.querySelector('[part="grid"]'));
    const events: string[] = [];
    matrix.addEventListener('highlight', (e) => events.push(String(e.detail.name)));
    matrix.active = 1;
    await matrix.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    // the style fallback: KaTeX's and the highlight sheet are <style> elements where a root cannot adopt sheets
    const root = matrix.shadowRoot!;
    if (!Array.isArray(root.adoptedStyleSheets)) expect(root.querySelectorAll('style').length).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
  });
}

async function poll<T>(find: () => T | null | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > end) throw new Error('timed out waiting for the element to render');
    await new Promise((r) => setTimeout(r, 20));
  }
}
