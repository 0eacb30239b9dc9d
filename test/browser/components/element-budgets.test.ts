import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, longTasksWhileMounting, mount, part, settle, shadow } from './helpers.ts';

/**
 * Issue 25, in the browser: specs the elements accept, each measured at
 * 0.4–144 s of frozen page before. Every view asks the estimator (typesetting
 * included) and switches to its summary, or elides long entries, before a
 * main-thread task can pass 250 ms: each case mounts three times with a
 * PerformanceObserver for 'longtask', and the median mount must stay under.
 */
afterEach(cleanup);

const POWER = Array.from({ length: 9 }, () => '(a+b+c+d+f)^8').join(',');

const CASES: Array<[string, string, RegExp]> = [
  ['conv-matrix 6×6 equation, nine (a+b+c+d+f)^8 weights (was frozen > 144 s)',
    `<conv-matrix input="6x6" kernel="3x3" show="equation" weights="${POWER}"></conv-matrix>`, /terms|too large/i],
  ['conv-derivation im2col, 8×8, 12 → 12 channels (was 1.3 s)',
    '<conv-derivation topic="im2col" input="8x8" kernel="3x3" in-channels="12" out-channels="12"></conv-derivation>', /too large|limit|im2col/i],
  ['conv-transposed 20×20, k 4, s 2 (was 862 ms)',
    '<conv-transposed input="20x20" kernel="4x4" stride="2"></conv-transposed>', /too large|K/i],
  ['conv-window 45×45, k 5, d 2, p 4 (was 441 ms)',
    '<conv-window input="45x45" kernel="5x5" dilation="2" padding="4"></conv-window>', /too large|position/i],
];

describe('no task over 250 ms on accepted specs (issue 25)', { timeout: 120_000 }, () => {
  for (const [name, markup, shows] of CASES) {
    it(name, async () => {
      const { blocked, runs } = await longTasksWhileMounting(markup, (el) => {
        expect(part(el, 'error'), 'an accepted spec shows no error').toBeNull();
        expect(shadow(el).textContent).toMatch(shows);
      }, 250, 20);
      expect(blocked, `long tasks (ms) per mount: ${runs.map((l) => l.join(', ')).join(' | ')}`).toBe(false);
    });
  }
});

describe('a property set to a value no attribute can hold', () => {
  for (const tag of ['conv-matrix', 'conv-window', 'conv-transposed', 'conv-derivation']) {
    it(`${tag}: el.weights = Symbol() shows an inline error and throws nothing into the page`, async () => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => { errors.push(e.error ?? e.message); e.preventDefault(); };
      const onRejection = (e: PromiseRejectionEvent) => { errors.push(e.reason); e.preventDefault(); };
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const el = await mount(`<${tag} input="4" kernel="3"></${tag}>`);
        (el as unknown as Record<string, unknown>).weights = Symbol('w');
        await settle(el);
        await new Promise((r) => setTimeout(r, 50));
        expect(errors).toEqual([]);
        expect(part(el, 'error')?.dataset.attribute).toBe('weights');
        (el as unknown as Record<string, unknown>).weights = 'x,y,z';
        await settle(el);
        expect(part(el, 'error')).toBeNull();
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });
  }
});
