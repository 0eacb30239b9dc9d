/**
 * Puts the live elements in place of their static fallbacks, one per task,
 * and only when they are needed: the slots on the first screen go live on
 * load; every other slot goes live when it comes within half a screen of
 * the viewport (IntersectionObserver), so a long page of typeset examples
 * never blocks the main thread on load, and scrolling renders one element at
 * a time. With JavaScript the static fallbacks are never laid out (site.css):
 * they are for readers without it, and for printing a slot not live yet.
 *
 * `<html data-hydrated-view>` is set once the first screen is live (the load
 * is done); `<html data-hydrated="N">` once all N slots are (the crawl test
 * scrolls through the page and waits for it). `hydrateAll()` forces the rest;
 * it runs before printing, and slots not live yet print their static rendering.
 * Each live example gets its controls (controls.ts).
 */
import { attachControls, exampleKeyAt } from './controls.ts';
import { hasParamsWith } from '../../components/conv-explorer/url-state.ts';
import { nextFrame } from '../../components/shared/controllers/next-task.ts';

function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** How far outside the viewport a slot starts rendering. */
const MARGIN = '50% 0px';

function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}

function activate(slot: HTMLElement): void {
  const tpl = slot.querySelector(':scope > template');
  if (!(tpl instanceof HTMLTemplateElement)) return;
  const live = document.importNode(tpl.content, true);
  slot.querySelector(':scope > .fallback')?.remove();
  tpl.remove();
  slot.append(live);
  slot.classList.add('is-live');
  const el = slot.lastElementChild;
  if (el instanceof HTMLElement) attachControls(el);
}

/**
 * A block that `content-visibility: auto` skips keeps the size it was last
 * laid out with (`contain-intrinsic-size: auto`). An element whose later parts
 * arrive while its block is skipped (the reader scrolled on, or back to the
 * top, before its progressive reveal ended) would leave the block at its
 * earlier, shorter size, its drawing running over the next section in the
 * layout (what axe-core and the scroll height read) until the block comes near
 * again. So the skippable blocks around a slot stay rendered (`data-rendering`,
 * site.css) until its element is complete and one frame has recorded its size.
 */
function holdRendered(slot: HTMLElement): HTMLElement[] {
  const held: HTMLElement[] = [];
  for (let n: HTMLElement | null = slot; n && n.localName !== 'main'; n = n.parentElement) {
    if (n === slot || n.localName === 'section') { n.dataset.rendering = ''; held.push(n); }
  }
  return held;
}

async function release(held: readonly HTMLElement[]): Promise<void> {
  // the size is recorded when the browser next updates its rendering (after style and layout); two frames make sure
  // (a hidden page draws no frames: nextFrame lets go at once, and the block is laid out again when shown)
  for (let i = 0; i < 2; i++) await nextFrame();
  for (const n of held) delete n.dataset.rendering;
}

/** Activates slots one per task, in order, never two at once. */
class Hydrator {
  private queue: HTMLElement[] = [];
  private done = new Set<HTMLElement>();
  private running = false;
  /** set once the first screen is live: only then may `data-hydrated` be set */
  ready = false;
  private observer: IntersectionObserver | null = null;

  constructor(private readonly doc: Document, private readonly slots: readonly HTMLElement[]) {}

  observe(slots: readonly HTMLElement[]): void {
    if (typeof IntersectionObserver !== 'function') { this.enqueue(slots); return; }
    this.observer = new IntersectionObserver((entries) => {
      this.enqueue(entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement));
    }, { rootMargin: MARGIN });
    for (const s of slots) this.observer.observe(s);
  }

  enqueue(slots: readonly HTMLElement[]): Promise<void> {
    for (const s of slots) if (!this.done.has(s) && !this.queue.includes(s)) this.queue.push(s);
    return this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length) {
      const slot = this.queue.shift()!;
      if (this.done.has(slot)) continue;
      this.done.add(slot);
      this.observer?.unobserve(slot);
      await nextTask();
      const t0 = performance.now();
      const held = holdRendered(slot);
      activate(slot);
      const el = slot.lastElementChild as (Element & { updateComplete?: Promise<unknown> }) | null;
      await el?.updateComplete;
      void release(held);
      performance.measure(`convmat ${slot.dataset.tag ?? ''} ${slot.id || ''}`.trim(), { start: t0, detail: el?.outerHTML.slice(0, 200) });
    }
    this.running = false;
    await this.finish();
  }

  async finish(): Promise<void> {
    if (!this.ready || this.done.size < this.slots.length || this.running) return;
    this.observer?.disconnect();
    await nextTask();
    this.doc.documentElement.dataset.hydrated = String(this.slots.length);
  }
}

let current: Hydrator | null = null;

export async function hydrate(doc: Document = document): Promise<void> {
  const slots = [...doc.querySelectorAll<HTMLElement>('.live')];
  const hydrator = (current = new Hydrator(doc, slots));
  doc.defaultView?.addEventListener('beforeprint', () => { void hydrateAll(doc); });
  // examples tweaked in a shared link go live first, and the first of them is scrolled to
  const tweaked = slots.filter((_, i) => hasParamsWith(doc.defaultView?.location.search ?? '', exampleKeyAt(i)));
  const first = slots.filter((s) => inView(s) || tweaked.includes(s));
  await hydrator.enqueue(first);
  tweaked[0]?.scrollIntoView({ block: 'start' });
  if (doc.querySelector('.identity-live')) {
    const { mountIdentityPanels } = await import('./identity-panel.ts');
    await mountIdentityPanels(doc);
  }
  await nextTask();
  doc.documentElement.dataset.hydratedView = String(first.length);
  hydrator.ready = true;
  hydrator.observe(slots.filter((s) => !first.includes(s)));
  await hydrator.finish();
}

/** Makes every remaining slot live now, one per task (printing, tests, "show all"). */
export function hydrateAll(doc: Document = document): Promise<void> {
  return current?.enqueue([...doc.querySelectorAll<HTMLElement>('.live:not(.is-live)')]) ?? Promise.resolve();
}
