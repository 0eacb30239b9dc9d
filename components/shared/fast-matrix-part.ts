import { noChange } from 'lit';
import { Directive, type ChildPart, directive } from 'lit/directive.js';
import { fastMatrixShell } from './fast-matrix.ts';
import { fragment, parse } from './parsed-markup.ts';

/**
 * A light-path matrix (fast-matrix.ts) that an attribute change patches in
 * place: only the cells whose HTML changed are replaced, cells are added or
 * removed at the end, and the brackets, label and unchanged cells keep their
 * DOM. Style and layout then touch the changed cells only: switching the
 * padding mode of a 25×25 K rewrites its border cells, not 625 grid items.
 * The HTML is the light path's own (escaped pieces, see fast-matrix.ts).
 */
class FastMatrixDirective extends Directive {
  private root: HTMLElement | null = null;
  private grid: HTMLElement | null = null;
  private cells: readonly string[] = [];
  private cols = -1;
  private ariaLabel = '';
  private labelHtml = '';

  render(_cells: readonly string[], _cols: number, _ariaLabel: string, _labelHtml: string): unknown {
    return noChange;
  }

  override update(_part: ChildPart, [cells, cols, ariaLabel, labelHtml]: Parameters<this['render']>): unknown {
    const changed = this.root && cols === this.cols && labelHtml === this.labelHtml ? changedCells(this.cells, cells) : null;
    // a new shape or label, or mostly new cells: build it whole (from a parsed copy when the same matrix comes back)
    if (!this.root || !this.grid || !changed || changed.length + Math.abs(cells.length - this.cells.length) > cells.length / 2) {
      this.root = fragment(fastMatrixShell(cols, ariaLabel, labelHtml, cells.join(''))).firstElementChild as HTMLElement;
      this.grid = this.root.querySelector<HTMLElement>('.fm-grid');
      Object.assign(this, { cells, cols, ariaLabel, labelHtml });
      return this.root;
    }
    if (ariaLabel !== this.ariaLabel) this.root.setAttribute('aria-label', ariaLabel);
    patchCells(this.grid, changed, cells);
    Object.assign(this, { cells, ariaLabel });
    return this.root;
  }
}

/** Indices of the cells both lists have whose HTML differs. */
function changedCells(before: readonly string[], after: readonly string[]): number[] {
  const changed: number[] = [];
  for (let i = 0, n = Math.min(before.length, after.length); i < n; i++) if (before[i] !== after[i]) changed.push(i);
  return changed;
}

/** Replaces the `changed` cells of `grid` (one parse for all of them), then adds or removes cells at the end. */
function patchCells(grid: HTMLElement, changed: readonly number[], after: readonly string[]): void {
  const shared = Math.min(grid.children.length, after.length);
  if (changed.length) {
    const fresh = parse(changed.map((i) => after[i]!).join('')).children;
    const old = changed.map((i) => grid.children[i]!);
    // `fresh` is live: each replaceWith moves its first element out
    for (const o of old) o.replaceWith(fresh[0]!);
  }
  if (grid.children.length > after.length) {
    const tail = document.createRange();
    tail.setStartBefore(grid.children[after.length]!);
    tail.setEndAfter(grid.lastChild!);
    tail.deleteContents();
  }
  if (after.length > shared) grid.append(parse(after.slice(shared).join('')));
}

/** The light-path matrix of `cells` (fastMatrixCells' HTML, row by row), patched in place on re-render. */
export const fastMatrix = directive(FastMatrixDirective);
