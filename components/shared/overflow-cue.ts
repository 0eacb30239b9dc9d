import { css, html, noChange, type TemplateResult } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';

/**
 * A sideways scroll box that says when there is more: overlay scrollbars (a
 * Mac, a phone) show nothing, so the box's frame gets `data-overflow`
 * (`right`, `left`, or both) while its content sticks out on that side, and
 * the stylesheet draws a fade there and a "scroll →" cue that scrolls on
 * click. Nothing shows when everything fits, and print lays the box open.
 * The box is one of the elements' scroll boxes: ScrollFocus (scroll-focus.ts)
 * measures it after every layout and calls `overflowSides`/`markOverflow`;
 * this directive follows the reader's scrolling.
 */
class ScrollWatch extends Directive {
  private box: Element | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('scrollWatch() goes on an element');
  }

  render(): unknown {
    return noChange;
  }

  override update(part: ElementPart): unknown {
    const box = part.element as HTMLElement;
    if (box !== this.box) {
      this.box = box;
      box.addEventListener('scroll', () => markOverflow(box, overflowSides(box)), { passive: true });
      printed.add(box);
      if (!printing && typeof addEventListener === 'function') { addEventListener('beforeprint', fitForPrint); printing = true; }
    }
    return noChange;
  }
}

/** Every box the cue watches, for printing; boxes gone from the page are dropped when the page prints. */
const printed = new Set<HTMLElement>();
let printing = false;

/**
 * Before the page prints, each frame gets `--fit`, the width of the widest
 * thing its box holds (a matrix, a group of the equation, a grid's slice),
 * measured on screen; the print stylesheet zooms the box's content by
 * min(1, the element's width / --fit), so on paper it shrinks to the page
 * instead of running off it (nothing scrolls on paper). A frame short
 * enough is marked to be printed whole (`data-print-whole`).
 */
export function fitForPrint(): void {
  const fits: Array<[HTMLElement, number, boolean]> = [];
  for (const box of printed) {
    if (!box.isConnected) { printed.delete(box); continue; }
    const items = box.firstElementChild?.children ?? [];
    let widest = 0;
    for (const item of items) widest = Math.max(widest, item.getBoundingClientRect().width, item.scrollWidth);
    if (box.parentElement && widest > 0) fits.push([box.parentElement, Math.ceil(widest), box.getBoundingClientRect().height <= PRINT_WHOLE_PX]);
  }
  for (const [frame, w, whole] of fits) {
    frame.style.setProperty('--fit', `${w}px`);
    frame.toggleAttribute('data-print-whole', whole);
  }
}

/**
 * A frame up to this tall (about 40% of an A4 page) is printed whole, moved
 * to the next page if need be; a taller one (a 25-row Kᵀ) breaks across pages
 * rather than leave most of a page empty.
 */
const PRINT_WHOLE_PX = 420;

/** The sides where a box's content sticks out: '', 'right', 'left' or 'left right' (reads layout). */
export function overflowSides(box: Element): string {
  const hidden = box.scrollWidth - box.clientWidth;
  return hidden > 1 ? [box.scrollLeft > 1 ? 'left' : '', box.scrollLeft < hidden - 1 ? 'right' : ''].filter(Boolean).join(' ') : '';
}

/** Sets the frame's `data-overflow` (writes only; a box outside a frame is left alone). */
export function markOverflow(box: Element, sides: string): void {
  const frame = box.parentElement;
  if (!frame?.classList.contains('scroll-frame') || (frame.dataset.overflow ?? '') === sides) return;
  if (sides) frame.dataset.overflow = sides;
  else delete frame.dataset.overflow;
}

const scrollWatch = directive(ScrollWatch);

/** Scrolls the box beside the clicked cue by most of its width. */
function scrollOn(e: Event): void {
  const box = (e.currentTarget as HTMLElement).parentElement?.firstElementChild as HTMLElement | null | undefined;
  box?.scrollBy({ left: box.clientWidth * 0.8, behavior: 'smooth' });
}

/** `content` in a sideways scroll box (class `box`: `scroll` for equations, `grid-scroll` for drawn grids) with the overflow cue. */
export function scrollBox(content: TemplateResult, box = 'scroll'): TemplateResult {
  return html`<div class="scroll-frame"><div class=${box} ${scrollWatch()}>${content}</div><span class="scroll-cue" aria-hidden="true" @click=${scrollOn}><span>scroll →</span></span></div>`;
}

export const overflowCueStyles = css`
  .scroll-frame { position: relative; max-width: 100%; }
  .grid-scroll { max-width: 100%; overflow-x: auto; overflow-y: hidden; }
  .scroll-cue { display: none; position: absolute; top: 0; right: 0; bottom: 0; width: 5.5rem; align-items: flex-start; justify-content: flex-end;
    background: linear-gradient(to right, transparent, var(--conv-bg) 75%); cursor: pointer; }
  .scroll-cue > span { font-size: 0.8rem; color: var(--conv-muted); background: var(--conv-bg); padding: 0 0.2rem; border-radius: 3px; }
  .scroll-frame[data-overflow~='right'] > .scroll-cue { display: flex; }
  .scroll-frame[data-overflow~='left']::before { content: ''; position: absolute; z-index: 1; top: 0; left: 0; bottom: 0; width: 2rem; pointer-events: none;
    background: linear-gradient(to left, transparent, var(--conv-bg)); }
  @media print {
    .scroll-cue, .scroll-frame::before { display: none !important; }
    .grid-scroll { overflow: visible !important; }
    .scroll-frame[data-print-whole] { break-inside: avoid; }
    /* shrunk to the element's width (the host is the query container in print, styles.ts), less room for the boxes around */
    .scroll-frame > * > * { zoom: min(1, calc((100cqw - 2rem) / var(--fit, 1px))); }
  }
`;
