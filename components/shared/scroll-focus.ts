import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { markOverflow, overflowSides } from './overflow-cue.ts';

/**
 * A box that scrolls must be reachable by keyboard, or a keyboard user can
 * never see what it clips (WCAG 2.1.1, axe-core's scrollable-region-focusable).
 * Focusability is decided without waiting for layout: a new scroll box gets
 * `tabindex="0"` when it is rendered (no measuring, so a box below the fold
 * that `content-visibility` has not laid out yet is already reachable, and
 * axe passes on the page as loaded). Once the browser lays a box out, a
 * ResizeObserver (which runs after layout, so reading sizes forces none)
 * keeps the tab stop exactly while the content overflows: boxes that do not
 * scroll add no tab stops. A tabindex the page set itself is left alone.
 */

/** The elements' scroll boxes: the boxes their styles give `overflow: auto` (styles.ts, overflow-cue, matrix-equation…). */
export const ELEMENT_SCROLL_BOXES = '.scroll, .grid-scroll, .math, .copies, .row > div, [part="output-size"]';

const MARK = 'data-scroll-focus';

function scrolls(el: Element): boolean {
  const style = getComputedStyle(el);
  const can = (v: string) => v === 'auto' || v === 'scroll';
  return (can(style.overflowX) && el.scrollWidth > el.clientWidth) || (can(style.overflowY) && el.scrollHeight > el.clientHeight);
}

/** Boxes whose overflow has been measured at least once (after a layout): from then on they follow it. */
const measured = new WeakSet<Element>();

/**
 * Makes each box focusable exactly while it scrolls. Every box is measured
 * first and the attributes are written after, so one pass costs one layout
 * however many boxes it checks (a write between two reads would force another).
 */
export function syncScrollFocus(boxes: Iterable<Element>): void {
  const changes: Array<[Element, boolean]> = [];
  const cues: Array<[Element, string]> = [];
  for (const el of boxes) {
    if (!el.isConnected) continue;
    measured.add(el);
    // a box in a frame with the overflow cue (overflow-cue.ts) shows it while it hides content
    if (el.parentElement?.classList.contains('scroll-frame')) cues.push([el, overflowSides(el)]);
    const ours = el.hasAttribute(MARK);
    if (el.hasAttribute('tabindex') && !ours) continue;
    const want = scrolls(el);
    // a box that has the focus keeps its tab stop (removing it would drop the keyboard user's place)
    if (want !== ours && (want || !el.matches(':focus'))) changes.push([el, want]);
  }
  for (const [el, want] of changes) setFocusable(el, want);
  for (const [el, sides] of cues) markOverflow(el, sides);
}

function setFocusable(el: Element, want: boolean): void {
  if (want) { el.setAttribute('tabindex', '0'); el.setAttribute(MARK, ''); }
  else { el.removeAttribute('tabindex'); el.removeAttribute(MARK); }
}

/**
 * For a page's own boxes: each is a tab stop at once (decided without layout,
 * as the elements' boxes are), then follows its overflow once laid out and as
 * its size changes (the window is resized, an element inside renders).
 */
export function watchScrollFocus(boxes: Iterable<Element>): ResizeObserver {
  const observer = new ResizeObserver((entries) => syncScrollFocus(entries.map((e) => e.target)));
  for (const el of boxes) {
    if (!measured.has(el) && !el.hasAttribute('tabindex')) setFocusable(el, true);
    observer.observe(el);
  }
  return observer;
}

/**
 * For an element: after every render its new scroll boxes are tab stops at
 * once (the host, which scrolls only when its content is wider than the
 * page, waits for its first layout), and every box is observed again, so the observer's next
 * callback (after the browser's own layout) measures them: a box whose
 * content grew or shrank in the render is re-decided too.
 */
export class ScrollFocus implements ReactiveController {
  private observer: ResizeObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  private boxes(): Element[] {
    const root = this.host.shadowRoot;
    return root ? [this.host, ...root.querySelectorAll(ELEMENT_SCROLL_BOXES)] : [this.host];
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => syncScrollFocus(entries.map((e) => e.target)));
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  hostUpdated(): void {
    const observer = this.observer;
    if (!observer) return;
    for (const el of this.boxes()) {
      // decided without layout: a box never measured is reachable until the browser lays it out
      // (not the host: its tab stop would restyle the whole element twice, on and then off, on every first render)
      if (el !== this.host && !measured.has(el) && !el.hasAttribute('tabindex')) setFocusable(el, true);
      observer.unobserve(el);
      observer.observe(el);
    }
  }
}
