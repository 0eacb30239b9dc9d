import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, mount, part, shadow } from './helpers.ts';

/**
 * No freeze at any size: each large spec from issue 9 renders with no
 * main-thread task over 250 ms (a PerformanceObserver for 'longtask'), and
 * shows something: a summary naming the limit, a structural view, or an
 * inline message. The test runs the dev build of Lit, slower than the bundle,
 * so passing here leaves margin in production.
 */
afterEach(cleanup);

const LARGE: Array<[string, string]> = [
  ['conv-window 256×256', '<conv-window input="256x256" kernel="3x3"></conv-window>'],
  ['conv-transposed 64×64 stride 2', '<conv-transposed input="64x64" kernel="3x3" stride="2"></conv-transposed>'],
  ['conv-explorer 512×512', '<conv-explorer input="512x512" kernel="3x3"></conv-explorer>'],
  ['conv-derivation separable 64×64', '<conv-derivation topic="separable" input="64x64" kernel="3x3"></conv-derivation>'],
  ['conv-derivation flatten 300×300', '<conv-derivation topic="flatten" input="300x300"></conv-derivation>'],
  ['conv-derivation gradient 64×64', '<conv-derivation topic="gradient" input="64x64" kernel="3x3"></conv-derivation>'],
  ['conv-matrix with a 12-term sixth power', '<conv-matrix input="4" kernel="3" weights="(a+b+c+d+e+f+g+h+i+j+k+l)^6,w2,w3"></conv-matrix>'],
  ['conv-matrix 256×256', '<conv-matrix input="256x256" kernel="3x3"></conv-matrix>'],
  ['conv-matrix 64×64 (structural view)', '<conv-matrix input="64x64" kernel="3x3"></conv-matrix>'],
  ['conv-explorer 64×64', '<conv-explorer input="64x64" kernel="3x3"></conv-explorer>'],
  ['conv-window 64×64 transposed', '<conv-window input="64x64" kernel="3x3" stride="2" transposed></conv-window>'],
  ['conv-checkerboard 512×512', '<conv-checkerboard input="512x512" kernel="3x3" stride="2"></conv-checkerboard>'],
  ['conv-separable 512×512', '<conv-separable input="512x512" kernel="3x3"></conv-separable>'],
];

/** Every descendant element that shows something, through nested shadow roots. */
function shown(el: Element): string {
  const root = shadow(el);
  const own = root.textContent ?? '';
  const nested = [...root.querySelectorAll('*')].filter((n) => n.shadowRoot).map((n) => shown(n));
  return [own, ...nested].join(' ');
}

describe('no long task for large specs', { timeout: 60_000 }, () => {
  for (const [name, markup] of LARGE) {
    it(name, async () => {
      const { blocked, runs } = await longTasksWhileMounting(markup, (el) => {
        expect(shown(el)).toMatch(/too large|structure|nonzeros|limit/i);
      });
      expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
    });
  }

  it('the measure can fail: an element that blocks 300 ms on every mount is caught', async () => {
    if (!customElements.get('busy-element')) {
      customElements.define('busy-element', class extends HTMLElement {
        connectedCallback(): void { const t = performance.now(); while (performance.now() - t < 300) { /* block */ } }
      });
    }
    const { blocked, runs } = await longTasksWhileMounting('<busy-element></busy-element>', () => {}, 250, 2);
    expect(blocked).toBe(true);
    expect(runs).toHaveLength(3);
  });

  it('an intermittent freeze is caught: blocking on two mounts of three fails (best of three would pass it)', async () => {
    let mounts = 0;
    if (!customElements.get('flaky-element')) {
      customElements.define('flaky-element', class extends HTMLElement {
        connectedCallback(): void {
          if (mounts++ % 3 === 0) return;
          const t = performance.now();
          while (performance.now() - t < 300) { /* block */ }
        }
      });
    }
    const { blocked, runs, median } = await longTasksWhileMounting('<flaky-element></flaky-element>', () => {}, 250, 2);
    expect(runs.filter((r) => r.some((d) => d > 250))).toHaveLength(2);
    expect(median).toBeGreaterThan(250);
    expect(blocked).toBe(true);
  });

  it('the summary names the shapes and the limit', async () => {
    const el = await mount('<conv-window input="256x256" kernel="3x3"></conv-window>');
    const s = part(el, 'summary')!.textContent!;
    expect(s).toContain('256×256');
    expect(s).toContain('254×254');
    expect(s).toMatch(/4,096 entries/);
  });
});
