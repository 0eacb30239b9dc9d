import { bench, describe } from 'vitest';

/**
 * The interactive budgets of issue 9 in a real Chromium: re-rendering a
 * lecture example after ONE attribute change (≤ 16 ms median, one frame) and
 * the first render (≤ 50 ms). Each re-render bench flips one attribute
 * between two values on a mounted element and waits for updateComplete.
 * Shared by rerender.bench.ts (dev build) and rerender-bundle.bench.ts (production bundle).
 */
type Lit = HTMLElement & { updateComplete: Promise<unknown> };

function mounted(markup: string): () => Lit {
  let el: Lit | null = null;
  return () => {
    if (!el) {
      const host = document.createElement('div');
      host.innerHTML = markup;
      document.body.append(host);
      el = host.firstElementChild as Lit;
    }
    return el;
  };
}

/** The mounted element with `attr` switched between `a` and `b` on each call: the attribute change both kinds of bench time. */
function toggler(markup: string, attr: string, a: string, b: string) {
  const get = mounted(markup);
  let on = false;
  return () => {
    const el = get();
    on = !on;
    el.setAttribute(attr, on ? b : a);
    return el;
  };
}

export function flip(markup: string, attr: string, a: string, b: string) {
  const toggle = toggler(markup, attr, a, b);
  return async () => {
    const el = toggle();
    await el.updateComplete;
    void el.offsetHeight; // style and layout included: the work of the frame
  };
}

/**
 * The clock of the frame-of-the-change benches: it stands still while an
 * element finishes the parts it redraws in later tasks (conv-transposed's
 * scatter and zero-insertion forms, conv-window's matrix row), so a sample is
 * the task that answers the attribute change, its style and layout included:
 * what the next frame waits for. The flip benches above time everything up to
 * updateComplete (every part redrawn), for comparison.
 */
let still = 0;
const frameClock = (): number => performance.now() - still;

/** A later task: the update an attribute change schedules has run (microtasks), the parts it deferred wait behind. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

export function frameOfChange(markup: string, attr: string, a: string, b: string) {
  const toggle = toggler(markup, attr, a, b);
  return async () => {
    const el = toggle();
    await nextTask();
    void el.offsetHeight; // style and layout of what the task changed
    const stop = performance.now();
    await el.updateComplete; // the deferred parts, off the clock
    void el.offsetHeight;
    still += performance.now() - stop;
  };
}

const WINDOW = `<conv-window input="5x5" kernel="3x3" inputs="[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]" weights="[[0,1,2],[2,2,0],[0,1,2]]"></conv-window>`;

async function first(markup: string): Promise<void> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  await (host.firstElementChild as Lit).updateComplete;
  void host.offsetHeight; // style and layout included
  host.remove();
}

/** The benches of both variants (dev build, production bundle); `setup` waits for what the variant loads. */
export function rerenderBenches(setup: () => Promise<void>): void {
  describe('re-render after one attribute change (budget 16 ms median)', () => {
    bench('conv-window 5×5 ⊛ 3×3: step', flip(WINDOW, 'step', '0', '4'), { setup });
    bench('conv-window 5×5 ⊛ 3×3: padding 0 ↔ 1', flip('<conv-window input="5x5" kernel="3x3"></conv-window>', 'padding', '0', '1'), { setup });
    bench('conv-window 5×5 ⊛ 3×3, p 1: padding-mode zeros ↔ reflect', flip('<conv-window input="5x5" kernel="3x3" padding="1"></conv-window>', 'padding-mode', 'zeros', 'reflect'), { setup });
    bench('conv-transposed 2×2, s 2, p 1: padding 1 ↔ 0', flip('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>', 'padding', '1', '0'), { setup });
    bench('conv-transposed 4 → 6: stride 1 ↔ 2', flip('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>', 'stride', '1', '2'), { setup });
    bench('conv-window 5×5 ↔ 6×6 ⊛ 3×3: input size', flip('<conv-window input="5x5" kernel="3x3"></conv-window>', 'input', '5x5', '6x6'), { setup });
    bench('conv-transposed 2×2 ↔ 3×3, s 2, p 1: input size', flip('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>', 'input', '2x2', '3x3'), { setup });
    bench('conv-matrix 6 ⊛ 3 equation: kernel 3 ↔ 2', flip('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>', 'kernel', '3', '2'), { setup });
  });

  describe('re-render: the frame of the change (budget 16 ms median; later parts in the tasks after)', () => {
    const frame = { setup, now: frameClock };
    bench('conv-window 5×5 ↔ 6×6 ⊛ 3×3: input size', frameOfChange('<conv-window input="5x5" kernel="3x3"></conv-window>', 'input', '5x5', '6x6'), frame);
    bench('conv-transposed 2×2 ↔ 3×3, s 2, p 1: input size', frameOfChange('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>', 'input', '2x2', '3x3'), frame);
    bench('conv-transposed 2×2, s 2, p 1: padding 1 ↔ 0', frameOfChange('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>', 'padding', '1', '0'), frame);
    bench('conv-window 5×5 ⊛ 3×3: padding 0 ↔ 1', frameOfChange('<conv-window input="5x5" kernel="3x3"></conv-window>', 'padding', '0', '1'), frame);
  });

  describe('first render (budget 50 ms)', () => {
    bench('conv-window 5×5 ⊛ 3×3', () => first(WINDOW), { setup });
    bench('conv-window 4×4, s 2, p 1 (Example 4)', () => first('<conv-window input="4x4" kernel="3x3" stride="2" padding="1"></conv-window>'), { setup });
    bench('conv-transposed 2×2, s 2, p 1', () => first('<conv-transposed input="2x2" kernel="3x3" stride="2" padding="1"></conv-transposed>'), { setup });
    bench('conv-transposed 4 → 6', () => first('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>'), { setup });
    bench('conv-matrix 6 ⊛ 3 equation', () => first('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>'), { setup });
  });
}
