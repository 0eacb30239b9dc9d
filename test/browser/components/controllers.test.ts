import { LitElement, html, nothing } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/errors.ts';
import { RevealController } from '../../../components/shared/controllers/reveal-controller.ts';
import { SpecViewController } from '../../../components/shared/controllers/spec-view-controller.ts';
import { LazyPartsController } from '../../../components/shared/controllers/lazy-parts-controller.ts';
import { LazyPart } from '../../../components/shared/lazy-part.ts';
import { cleanup, mount } from './helpers.ts';

/**
 * The element behaviour lives in Lit reactive controllers, usable by any
 * LitElement: here a bare host with no ConvElement around them.
 */
afterEach(cleanup);

let computed = 0;
class SquareHost extends LitElement {
  static override properties = { size: { type: String }, label: { type: String } };
  declare size?: string;
  declare label?: string;
  readonly spec = new SpecViewController<number>(this, {
    keys: ['size'],
    compute: () => {
      computed++;
      const n = Number(this.size);
      if (!Number.isInteger(n) || n < 1) throw new SpecError({ field: 'size', value: this.size, rule: 'must be a whole number from 1' });
      return n * n;
    },
  });
  override render(): unknown {
    return html`<output>${this.spec.view ?? nothing}</output><span class="error">${this.spec.error ? String((this.spec.error as Error).message) : ''}</span>`;
  }
}
customElements.define('test-square-host', SquareHost);

let ticks: number[] = [];
class RevealHost extends LitElement {
  readonly reveal = new RevealController(this);
  override render(): unknown {
    this.reveal.defer(3);
    ticks.push([1, 2, 3].filter((k) => this.reveal.shown(k)).length);
    return html`${[1, 2, 3].map((k) => (this.reveal.shown(k) ? html`<i>${k}</i>` : nothing))}`;
  }
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.reveal.done();
    return done;
  }
}
customElements.define('test-reveal-host', RevealHost);

describe('SpecViewController', () => {
  it('computes when a key changes, and only then', async () => {
    const el = await mount<SquareHost>('<test-square-host size="3"></test-square-host>');
    expect(el.spec.view).toBe(9);
    const before = computed;
    el.label = 'x';
    await el.updateComplete;
    expect(computed).toBe(before);
    el.size = '4';
    await el.updateComplete;
    expect(el.spec.view).toBe(16);
    expect(computed).toBe(before + 1);
  });

  it('keeps the last good view and records the error; the next good spec clears it', async () => {
    const el = await mount<SquareHost>('<test-square-host size="3"></test-square-host>');
    el.size = 'zero';
    await el.updateComplete;
    expect(el.spec.view).toBe(9);
    expect(el.spec.error).toBeInstanceOf(SpecError);
    expect(el.shadowRoot!.querySelector('output')!.textContent).toBe('9');
    el.size = '2';
    await el.updateComplete;
    expect(el.spec.view).toBe(4);
    expect(el.spec.error).toBeNull();
  });
});

describe('RevealController', () => {
  it('shows one more deferred part per render until all are shown, and done() waits for the last', async () => {
    ticks = [];
    const el = await mount<RevealHost>('<test-reveal-host></test-reveal-host>');
    expect(ticks.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(el.shadowRoot!.querySelectorAll('i')).toHaveLength(3);
    el.requestUpdate();
    await el.updateComplete;
    expect(ticks.at(-1)).toBe(3);
  });
});

let drawn: string[] = [];
/** Two parts after the first; `view` stands for the spec: a new one redraws part 1 now and parts 2 and 3 in later tasks. */
class AgainHost extends LitElement {
  static override properties = { view: { type: String } };
  declare view?: string;
  readonly reveal = new RevealController(this);
  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('view') && changed.get('view') !== undefined) this.reveal.again(2);
  }
  override render(): unknown {
    this.reveal.defer(3);
    const v = this.view ?? '';
    const part = (k: number) => this.reveal.part(k, () => { drawn.push(`${k}${v}`); return html`<i>${k}${v}</i>`; }, html`<b>…</b>`);
    return html`${part(1)}${part(2)}${part(3)}`;
  }
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.reveal.done();
    return done;
  }
}
customElements.define('test-again-host', AgainHost);

describe('RevealController.again: a new view after the first render', () => {
  it('redraws the parts before `from` at once; the later ones keep their last drawing and are redrawn one per task', async () => {
    const el = await mount<AgainHost>('<test-again-host view="a"></test-again-host>');
    const text = () => el.shadowRoot!.textContent!.replace(/\s+/g, '');
    expect(text()).toBe('1a2a3a');
    drawn = [];
    el.view = 'b';
    (el as unknown as { performUpdate(): void }).performUpdate(); // the task of the change
    expect(text()).toBe('1b2a3a');
    expect(drawn).toEqual(['1b']);
    await el.updateComplete;
    expect(text()).toBe('1b2b3b');
    // each later task draws one more part (the parts already shown render again, unchanged)
    expect(drawn.filter((d) => d !== '1b')).toEqual(['2b', '2b', '3b']);
    // once every part is redrawn, a render that is not a new view draws them all at once
    drawn = [];
    el.requestUpdate();
    (el as unknown as { performUpdate(): void }).performUpdate();
    expect(drawn).toEqual(['1b', '2b', '3b']);
  });
});

describe('LazyPartsController', () => {
  it('is not ready until its parts load, records a failure instead of rejecting, and loads again after it', async () => {
    let fail = true;
    const chunk = new LazyPart('a chunk', async () => { if (fail) throw new Error('offline'); return 1; });
    const host = document.createElement('test-square-host') as SquareHost;
    const parts = new LazyPartsController(host, () => [chunk]);
    expect(parts.ready).toBe(false);
    await parts.load();
    expect(parts.ready).toBe(false);
    expect((parts.error as Error).message).toBe('offline');
    fail = false;
    await parts.load();
    expect(parts.ready).toBe(true);
    expect(parts.error).toBeNull();
  });
});
