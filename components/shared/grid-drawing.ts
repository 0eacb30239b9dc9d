import { css, html, nothing, type TemplateResult } from 'lit';
import { type DrawnGrid, shapeLabel } from '../../src/view/grid.ts';
import type { CellMarkup } from './katex-block.ts';
import { overflowCueStyles, scrollBox } from './overflow-cue.ts';

/**
 * Maps the engine's drawn grids (src/view/grid.ts) to DOM: one
 * `part="grid"` per grid with `data-shape`, one `part="cell"` per cell with
 * `data-kind`. 1D is one row, 2D a grid, 3D a row of 2D slices inside one
 * grid. Channels are stacked by the caller. No index is computed here:
 * cell q of the template is cell q of the engine's grid.
 */
export type CellContent = (grid: DrawnGrid, q: number) => CellMarkup | typeof nothing | string;
export type CellClass = (grid: DrawnGrid, q: number) => string;

/**
 * `names` labels the inputs (src/view/grid.ts `inputLabels`): a padding cell
 * that copies an input (reflect, replicate, circular) gets `data-copies` (the
 * input's name), `data-copies-src` (its flat index, the `data-src` of the cell
 * it copies), an accessible label, and a tab stop; hovering or focusing it
 * lights the copied cell (class `copied`).
 */
export function gridTemplate(g: DrawnGrid, content: CellContent, cls: CellClass = () => '', label = '', names?: readonly string[]): TemplateResult {
  const shape = g.shape;
  const cols = shape[shape.length - 1] ?? 1;
  const perSlice = shape.length === 3 ? shape[1]! * shape[2]! : g.kinds.length;
  const slices = shape.length === 3 ? shape[0]! : 1;
  const cell = (q: number) => {
    const copy = names ? g.copies[q]! : -1;
    if (copy < 0) return html`<div part="cell" class="cell ${g.kinds[q]} ${cls(g, q)}" data-kind=${g.kinds[q]!} data-q=${q} data-src=${g.source[q]!}>${content(g, q)}</div>`;
    return html`<div part="cell" class="cell ${g.kinds[q]} ${cls(g, q)}" data-kind=${g.kinds[q]!} data-q=${q} data-src=${g.source[q]!}
      data-copies=${names![copy]!} data-copies-src=${copy} role="img" aria-label=${`padding, copies ${names![copy]!}`} tabindex="0">${content(g, q)}</div>`;
  };
  const slice = (s: number) => html`<div class="slice" style="--cols:${cols}">${range(s * perSlice, (s + 1) * perSlice).map(cell)}</div>`;
  // a grid wider than its box scrolls, with the overflow cue (overlay scrollbars show nothing)
  return scrollBox(html`<div part="grid" class="drawn" data-shape=${shapeLabel(shape)} data-channel=${g.channel} role="group"
    aria-label=${label || `grid ${shapeLabel(shape)}`} @pointerover=${linkCopy} @pointerout=${unlinkCopy} @focusin=${linkCopy} @focusout=${unlinkCopy}>${range(0, slices).map(slice)}</div>`, 'grid-scroll');
}

/** The padding cell an event is on, when it copies an input. */
function copyingCell(e: Event): HTMLElement | undefined {
  return (e.composedPath() as Element[]).find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.copiesSrc !== undefined);
}

/** Lights the cell a hovered or focused padding cell copies. */
function linkCopy(e: Event): void {
  const from = copyingCell(e);
  if (!from) return;
  const grid = e.currentTarget as HTMLElement;
  for (const c of grid.querySelectorAll('.copied, .copying')) c.classList.remove('copied', 'copying');
  from.classList.add('copying');
  grid.querySelector(`[data-kind="input"][data-src="${from.dataset.copiesSrc}"]`)?.classList.add('copied');
}

function unlinkCopy(e: Event): void {
  if (!copyingCell(e)) return;
  for (const c of (e.currentTarget as HTMLElement).querySelectorAll('.copied, .copying')) c.classList.remove('copied', 'copying');
}

/** Channels as a stack: each grid slightly offset behind the previous one. */
export function stackTemplate(grids: readonly DrawnGrid[], one: (g: DrawnGrid) => TemplateResult): TemplateResult {
  if (grids.length === 1) return one(grids[0]!);
  return html`<div class="stack">${grids.map((g) => html`<div class="layer"><span class="caption">channel ${g.channel + 1}</span>${one(g)}</div>`)}</div>`;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}

export const gridStyles = css`
  :host { --conv-cell-size: 2.4em; --conv-padding-bg: repeating-linear-gradient(135deg, transparent 0 4px, color-mix(in srgb, var(--conv-zero) 22%, transparent) 4px 6px); }
  ${overflowCueStyles}
  .drawn { display: flex; gap: 0.8rem; align-items: flex-start; position: relative; }
  .slice { display: grid; gap: 2px; grid-template-columns: repeat(var(--cols), var(--conv-cell-size)); }
  .cell { position: relative; height: var(--conv-cell-size); box-sizing: border-box; border: 1px solid var(--conv-border);
    display: flex; align-items: center; justify-content: center; transition: background 150ms; overflow: hidden; }
  .cell.input { background: var(--conv-input-bg); }
  .cell.padding { border-style: dashed; color: var(--conv-zero); background: var(--conv-padding-bg); }
  .cell.inserted { border-style: dotted; color: var(--conv-zero); background: color-mix(in srgb, var(--conv-accent) 8%, transparent); }
  .cell.output { min-width: var(--conv-cell-size); }
  /* a sum wider than its cell wraps after an operator (fast-matrix.ts writes <wbr> there), never cut by the cell */
  .cell .katex.fm { white-space: normal; }
  .cell.padding .copy { font-size: 0.85em; }
  .cell.copied, .cell.copying { outline: 2px solid var(--conv-accent); outline-offset: -2px; }
  .cell[data-copies]:focus-visible { outline: 2px solid var(--conv-accent); }
  .cell[data-copies].on { border-style: dashed; background: var(--conv-padding-bg), var(--conv-input-highlight); }
  .stack { display: flex; flex-direction: column; gap: 0.4rem; }
  .stack .layer { border-left: 3px solid var(--conv-border); padding-left: 0.4rem; }
  .legend { display: flex; gap: 0.8rem; flex-wrap: wrap; font-size: 0.8rem; color: var(--conv-muted); margin: 0.2rem 0; }
  .legend > span { display: inline-flex; align-items: center; }
  .legend .cell { display: inline-block; width: 1.8em; height: 1.1em; margin-right: 0.35em; border-radius: 2px; }
`;

/** What a padding cell holds, per padding mode (PyTorch's padding_mode), for the legend. */
const PADDING_KEY: Record<string, string> = {
  zeros: 'padding (zeros)',
  reflect: 'padding (reflect: a mirrored input)',
  replicate: 'padding (replicate: the edge input)',
  circular: 'padding (circular: wraps around)',
};

/** The key to the cell kinds present, each a filled swatch of its cell's look; `mode` names what the padding holds. */
export function legendTemplate(kinds: ReadonlySet<string>, mode = 'zeros'): TemplateResult {
  const item = (k: string, text: string) => (kinds.has(k) ? html`<span><span class="cell ${k}" data-swatch=${k} aria-hidden="true"></span>${text}</span>` : nothing);
  return html`<div class="legend">${item('input', 'input')}${item('padding', PADDING_KEY[mode] ?? PADDING_KEY.zeros!)}${item('inserted', 'inserted zeros (s − 1 between samples)')}</div>`;
}
