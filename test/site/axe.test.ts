import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings, serious } from './axe.ts';
import { LAUNCH } from './crawl.ts';

/**
 * The crawl's accessibility collector catches what it must: known serious
 * violations, including ones inside an open shadow root (where every convmat
 * element renders), and reports nothing on a clean page.
 */
let browser: Browser;
beforeAll(async () => { browser = await chromium.launch(LAUNCH); }, 30_000);
afterAll(async () => { await browser?.close(); });

const SHADOW_HOST = `<script>
  customElements.define('x-faded', class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<p style="color:#ddd;background:#fff">faded text at 1.4:1</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">';
    }
  });
</script>`;

async function findingsOf(body: string) {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.setContent(`<!doctype html><html lang="en"><head><title>fixture</title></head><body><main>${body}</main></body></html>`);
  const found = serious(await axeViolations(page));
  await page.close();
  return found;
}

describe('the accessibility collector', () => {
  it('reports serious violations inside an open shadow root, with rule, impact, target and html', async () => {
    const found = await findingsOf(`<x-faded></x-faded>${SHADOW_HOST}`);
    const rules = found.map((f) => f.rule).sort();
    expect(rules).toEqual(['color-contrast', 'image-alt']);
    const contrast = found.find((f) => f.rule === 'color-contrast')!;
    expect(contrast.impact).toBe('serious');
    expect(contrast.nodes).toEqual([{ target: 'x-faded >> p', html: '<p style="color:#ddd;background:#fff">faded text at 1.4:1</p>' }]);
    expect(found.find((f) => f.rule === 'image-alt')!.impact).toBe('critical');
    expect(describeFindings(found)).toContain('image-alt (critical) at x-faded >> img: <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
  }, 30_000);

  it('reports nothing on a page without violations', async () => {
    expect(await findingsOf('<h1>Fine</h1><p>Dark text on white.</p><img alt="a dot" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')).toEqual([]);
  }, 30_000);
});
