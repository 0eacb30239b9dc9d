import { css, html, noChange, type TemplateResult } from 'lit';
import { type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';
import { AsyncDirective } from 'lit/async-directive.js';

/**
 * A sideways scroll box that says when there is more: overlay scrollbars (a
 * Mac, a phone) show nothing, so the box's frame gets `data-overflow`
 * (`right`, `left`, or both) while its content sticks out on that side, and
 * the stylesheet draws a fade there and a "scroll →" cue that scrolls on
 * click. Nothing shows when everything fits, and print lays the box open.
 */
class OverflowWatch extends AsyncDirective {
  private box: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('overflowWatch() goes on an element');
  }

  render(): unknown {
    return noChange;
  }

  override update(part: ElementPart): unknown {
    const box = part.element as HTMLElement;
    if (box !== this.box) {
      this.observer?.disconnect();
      this.box = box;
      box.addEventListener('scroll', () => mark(box), { passive: true });
      this.observe();
    }
    // the content may change without the box resizing: look again once it is laid out
    later(() => mark(box));
    return noChange;
  }

  private observe(): void {
    const box = this.box;
    if (!box || typeof ResizeObserver !== 'function') return;
    this.observer = new ResizeObserver(() => mark(box));
    this.observer.observe(box);
    if (box.firstElementChild) this.observer.observe(box.firstElementChild);
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  protected override reconnected(): void {
    this.observe();
  }
}

const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);

/** Sets the frame's `data-overflow` to the sides where the box's content sticks out. */
function mark(box: HTMLElement): void {
  const frame = box.parentElement;
  if (!frame) return;
  const hidden = box.scrollWidth - box.clientWidth;
  const sides = hidden > 1 ? [box.scrollLeft > 1 ? 'left' : '', box.scrollLeft < hidden - 1 ? 'right' : ''].filter(Boolean).join(' ') : '';
  if ((frame.dataset.overflow ?? '') === sides) return;
  if (sides) frame.dataset.overflow = sides;
  else delete frame.dataset.overflow;
}

const overflowWatch = directive(OverflowWatch);

/** Scrolls the box beside the clicked cue by most of its width. */
function scrollOn(e: Event): void {
  const box = (e.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(':scope > .scroll');
  box?.scrollBy({ left: box.clientWidth * 0.8, behavior: 'smooth' });
}

/** `content` in a sideways scroll box with the overflow cue. */
export function scrollBox(content: TemplateResult): TemplateResult {
  return html`<div class="scroll-frame"><div class="scroll" ${overflowWatch()}>${content}</div><span class="scroll-cue" aria-hidden="true" @click=${scrollOn}><span>scroll →</span></span></div>`;
}

export const overflowCueStyles = css`
  .scroll-frame { position: relative; max-width: 100%; }
  .scroll-cue { display: none; position: absolute; top: 0; right: 0; bottom: 0; width: 5.5rem; align-items: flex-start; justify-content: flex-end;
    background: linear-gradient(to right, transparent, var(--conv-bg) 75%); cursor: pointer; }
  .scroll-cue > span { font-size: 0.8rem; color: var(--conv-muted); background: var(--conv-bg); padding: 0 0.2rem; border-radius: 3px; }
  .scroll-frame[data-overflow~='right'] > .scroll-cue { display: flex; }
  .scroll-frame[data-overflow~='left']::before { content: ''; position: absolute; z-index: 1; top: 0; left: 0; bottom: 0; width: 2rem; pointer-events: none;
    background: linear-gradient(to left, transparent, var(--conv-bg)); }
  @media print { .scroll-cue, .scroll-frame::before { display: none !important; } }
`;
