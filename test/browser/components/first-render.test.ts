import { describe, expect, it } from 'vitest';
import { shadow } from './helpers.ts';
import { loadKatex } from '../../../components/shared/katex-block.ts';

/**
 * The first render of a heavy element is spread over several tasks (the view
 * is computed in one, K typeset in the next, the vectors after), so a page of
 * examples never blocks the main thread for long; `updateComplete` still
 * resolves only when everything is shown. Counted in tasks, not milliseconds.
 */
function countTasksUntil(done: Promise<unknown>): Promise<number> {
  let tasks = 0;
  let finished = false;
  void done.then(() => { finished = true; });
  // a message per task, queued like the elements' own yields, so the two interleave
  const ch = new MessageChannel();
  return new Promise((resolve) => {
    ch.port1.onmessage = () => {
      if (finished) { ch.port1.close(); resolve(tasks); return; }
      tasks++;
      ch.port2.postMessage(null);
    };
    ch.port2.postMessage(null);
  });
}

async function mountRaw(markup: string): Promise<{ el: HTMLElement & { updateComplete: Promise<unknown> }; tasks: number }> {
  await loadKatex();
  const host = document.createElement('div');
  host.innerHTML = markup;
  const el = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  document.body.append(host);
  const tasks = await countTasksUntil(el.updateComplete);
  return { el, tasks };
}

describe('first render in several tasks', () => {
  it('conv-matrix: the equation is complete when updateComplete resolves, after more than one task', async () => {
    const { el, tasks } = await mountRaw('<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>');
    const root = shadow(el);
    expect(root.querySelector('[part="placeholder"]')).toBeNull();
    expect(root.querySelector('.mK .convmat-cell')).not.toBeNull();
    expect(root.querySelectorAll('.mo .convmat-cell')).toHaveLength(4);
    expect(root.querySelector('[part~="verdict"]')?.getAttribute('data-verdict')).toBe('pass');
    expect(tasks).toBeGreaterThanOrEqual(2);
  });

  it('conv-transposed and conv-derivation show every form and step, typeset over several tasks', async () => {
    const t = await mountRaw('<conv-transposed input="4" kernel="3" inputs="z7,z8,z9,z10"></conv-transposed>');
    expect(shadow(t.el).querySelector('[part="placeholder"]')).toBeNull();
    expect([...shadow(t.el).querySelectorAll('[part~="verdict"]')].map((v) => v.getAttribute('data-verdict'))).toEqual(['pass', 'pass']); // scatter and zero insertion, both deferred parts
    expect(t.tasks).toBeGreaterThanOrEqual(3);
    const d = await mountRaw('<conv-derivation></conv-derivation>');
    const steps = shadow(d.el).querySelectorAll('[part="step"]');
    expect(steps.length).toBeGreaterThan(2);
    expect(shadow(d.el).querySelector('[part="placeholder"]')).toBeNull();
    expect(d.tasks).toBeGreaterThanOrEqual(steps.length);
  });

  it('an attribute changed while the first render waits is honoured', async () => {
    await loadKatex();
    const host = document.createElement('div');
    host.innerHTML = '<conv-matrix input="6" kernel="3" show="equation"></conv-matrix>';
    const el = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 0));
    el.setAttribute('input', '5');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.mo .convmat-cell')).toHaveLength(3);
  });
});
