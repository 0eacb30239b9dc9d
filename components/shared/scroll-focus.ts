import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A box that scrolls must be reachable by keyboard, or a keyboard user can
 * never see what it clips (WCAG 2.1.1, axe-core's scrollable-region-focusable).
 * A box gets `tabindex="0"` while its content overflows it, and loses it
 * again when it fits, so boxes that do not scroll add no tab stops. A
 * tabindex the page set itself is left alone.
 */

/** The elements' scroll boxes: the boxes their styles give `overflow: auto` (styles.ts, matrix-equation, grid-drawing…). */
export const ELEMENT_SCROLL_BOXES = '.scroll, .math, .drawn, .copies, .row > div, [part="output-size"]';

const MARK = 'data-scroll-focus';

function scrolls(el: Element): boolean {
  const style = getComputedStyle(el);
  const can = (v: string) => v === 'auto' || v === 'scroll';
  return (can(style.overflowX) && el.scrollWidth > el.clientWidth) || (can(style.overflowY) && el.scrollHeight > el.clientHeight);
}

/** Makes each box focusable exactly while it scrolls. */
export function syncScrollFocus(boxes: Iterable<Element>): void {
  for (const el of boxes) {
    const ours = el.hasAttribute(MARK);
    if (el.hasAttribute('tabindex') && !ours) continue;
    const want = scrolls(el);
    if (want && !ours) { el.setAttribute('tabindex', '0'); el.setAttribute(MARK, ''); }
    else if (!want && ours) { el.removeAttribute('tabindex'); el.removeAttribute(MARK); }
  }
}

/** Keeps `boxes` in sync as their sizes change (the window is resized, an element inside renders). */
export function watchScrollFocus(boxes: Iterable<Element>): ResizeObserver {
  const observer = new ResizeObserver((entries) => syncScrollFocus(entries.map((e) => e.target)));
  for (const el of boxes) observer.observe(el);
  return observer;
}

/**
 * For an element: its host and its scroll boxes follow their overflow after
 * every render (checked once per frame) and whenever the host is resized.
 */
export class ScrollFocus implements ReactiveController {
  private observer: ResizeObserver | null = null;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(() => this.sync());
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostUpdated(): void {
    if (this.frame || typeof requestAnimationFrame === 'undefined') return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.sync(); });
  }

  private sync(): void {
    const root = this.host.shadowRoot;
    syncScrollFocus(root ? [this.host, ...root.querySelectorAll(ELEMENT_SCROLL_BOXES)] : [this.host]);
  }
}
