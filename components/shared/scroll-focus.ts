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

/**
 * Makes each box focusable exactly while it scrolls. Every box is measured
 * first and the attributes are written after, so one pass costs one layout
 * however many boxes it checks (a write between two reads would force another).
 */
export function syncScrollFocus(boxes: Iterable<Element>): void {
  const changes: Array<[Element, boolean]> = [];
  for (const el of boxes) {
    const ours = el.hasAttribute(MARK);
    if (el.hasAttribute('tabindex') && !ours) continue;
    const want = scrolls(el);
    if (want !== ours) changes.push([el, want]);
  }
  for (const [el, want] of changes) {
    if (want) { el.setAttribute('tabindex', '0'); el.setAttribute(MARK, ''); }
    else { el.removeAttribute('tabindex'); el.removeAttribute(MARK); }
  }
}

/** The boxes of every element that rendered since the last frame, checked together in one pass. */
const pending = new Set<() => Element[]>();
let frame = 0;

function syncNextFrame(boxesOf: () => Element[]): void {
  pending.add(boxesOf);
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    const all = [...pending].flatMap((f) => f());
    pending.clear();
    syncScrollFocus(all);
  });
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
  private readonly boxes = (): Element[] => {
    const root = this.host.shadowRoot;
    return root ? [this.host, ...root.querySelectorAll(ELEMENT_SCROLL_BOXES)] : [this.host];
  };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(() => syncScrollFocus(this.boxes()));
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    pending.delete(this.boxes);
  }

  hostUpdated(): void {
    if (typeof requestAnimationFrame !== 'undefined') syncNextFrame(this.boxes);
  }
}
