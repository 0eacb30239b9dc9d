import type { DrawnGrid } from '../view/grid.ts';
import type { VerdictView } from '../view/verdict.ts';
import { type Label, LINE, type SceneGroup, type SceneText, cellPlace, gridBoxes, gridSize } from './scene.ts';

/**
 * The parts the grid scenes share (window, transposed, matrix): channels
 * stacked as grids, where output r is drawn, the verdict line, a shape in words.
 */
/** Grids of channels stacked top to bottom, each captioned when there are several. */
export interface Stack {
  w: number;
  h: number;
  place(x: number, y: number): { groups: SceneGroup[]; texts: SceneText[] };
  /** the box of cell q of channel c's grid when the stack is placed at (x, y) */
  at(c: number, q: number, x: number, y: number): { x: number; y: number; w: number; h: number };
}

export function stacked(grids: readonly DrawnGrid[], label: (g: DrawnGrid) => (q: number) => { label: Label | null; copied?: boolean }, name: string): Stack {
  const size = gridSize(grids[0]!.shape);
  const head = grids.length > 1 ? LINE : 0;
  const pitch = size.h + head + (grids.length > 1 ? 0.4 : 0);
  const offset = (c: number) => c * pitch + head;
  const shape = grids[0]!.shape.join('x');
  return {
    w: size.w, h: grids.length * pitch - (grids.length > 1 ? 0.4 : 0),
    place: (x, y) => ({
      groups: grids.map((g, c) => ({ shape, name: grids.length > 1 ? `${name}, channel ${c + 1}` : name, boxes: gridBoxes(g, x, y + offset(c), label(g)) })),
      texts: head ? grids.map((_, c) => ({ x, y: y + c * pitch + 0.45, label: [`channel ${c + 1}`], role: 'caption' as const })) : [],
    }),
    at: (c, q, x, y) => {
      const p = cellPlace(grids[0]!.shape, q);
      return { x: x + p.x, y: y + offset(c) + p.y, w: 1, h: 1 };
    },
  };
}

/** The grid and cell of output r (outputs are numbered channel by channel). */
export function outputOf(grids: readonly DrawnGrid[], r: number): [number, number] {
  const per = grids[0]!.kinds.length;
  return [Math.floor(r / per), r % per];
}

/** The verdict as a line of text, green or red. */
export function verdictText(verdict: VerdictView, x: number, y: number): SceneText {
  return { x, y, label: [`${verdict.holds ? '✓' : '✗'} ${verdict.description}`], role: verdict.holds ? 'pass' : 'fail' };
}

/** 3×3: a shape in words. */
export function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}
