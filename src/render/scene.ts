import { type Entry, entryToText } from '../algebra/print.ts';
import type { CellKind, DrawnGrid } from '../view/grid.ts';

/**
 * A renderer-neutral figure: positioned boxes and text, computed once from a
 * view (scene-*.ts), printed by svg.ts and tikz.ts alike, so no layout
 * arithmetic is written twice. Units: one cell is 1×1 (a pitch of 1, the box
 * inset by GAP), y grows downwards. Labels are runs of plain text and entries
 * (symbols as structure, src/algebra/print.ts): each renderer prints them.
 */
export type Run = string | Entry;
export type Label = readonly Run[];

/** What a box is: a drawn cell of the cell contract, or a part of another drawing. */
export type BoxKind = CellKind | 'entry' | 'zero' | 'count' | 'neuron' | 'lit';

export interface SceneBox {
  x: number; y: number; w: number; h: number;
  kind: BoxKind;
  label: Label | null;
  /** the label is what a padding cell copies (drawn faded) */
  copied?: boolean;
  /** 0…1: strength of a heat-map fill (overlap counts) */
  heat?: number;
  /** round (a neuron) */
  round?: boolean;
}

export interface SceneGroup {
  /** a grid of the cell contract carries its shape (`6x6`) */
  shape?: string;
  /** the accessible name of the group */
  name: string;
  boxes: SceneBox[];
}

export interface SceneText {
  x: number; y: number;
  label: Label;
  /** a caption (small, muted), a label beside a drawing, or a line of an equation */
  role: 'caption' | 'label' | 'equation' | 'pass' | 'fail';
  anchor?: 'start' | 'middle' | 'end';
}

export interface SceneLine { x1: number; y1: number; x2: number; y2: number; lit?: boolean }

/** One step of an animation: boxes lit over the drawing, each with an optional note (the weight on a covered cell). */
export interface SceneMark { x: number; y: number; w: number; h: number; role: 'covered' | 'current'; note?: Entry }

export interface SceneFrame {
  marks: SceneMark[];
  /** the frame's equation line (z₇ = w₁z₁ + …) */
  caption: Label;
}

export interface Scene {
  width: number;
  height: number;
  title: string;
  desc: string;
  groups: SceneGroup[];
  lines: SceneLine[];
  texts: SceneText[];
  frames: SceneFrame[];
  /** where a frame's equation line starts (its baseline) */
  frameCaption: { x: number; y: number };
}

/** Inset of a box inside its pitch of 1. */
export const GAP = 0.08;
/** Height of one line of text. */
export const LINE = 0.62;
/** Space between drawings. */
export const MARGIN = 0.8;

/** Where cell q of a drawn grid (1D: one row; 2D: rows; 3D: slices side by side) sits, relative to the grid's corner. */
export function cellPlace(shape: readonly number[], q: number): { x: number; y: number } {
  const cols = shape[shape.length - 1] ?? 1;
  const rows = shape.length >= 2 ? shape[shape.length - 2]! : 1;
  const perSlice = rows * cols;
  const slice = Math.floor(q / perSlice), within = q % perSlice;
  return { x: slice * (cols + 0.5) + (within % cols), y: Math.floor(within / cols) };
}

/** Width and height a drawn grid of `shape` takes. */
export function gridSize(shape: readonly number[]): { w: number; h: number } {
  const cols = shape[shape.length - 1] ?? 1;
  const rows = shape.length >= 2 ? shape[shape.length - 2]! : 1;
  const slices = shape.length === 3 ? shape[0]! : 1;
  return { w: slices * cols + (slices - 1) * 0.5, h: rows };
}

/** A box at pitch position (x, y), inset by GAP. */
export function box(x: number, y: number, kind: BoxKind, label: Label | null, extra: Partial<SceneBox> = {}): SceneBox {
  return { x: x + GAP / 2, y: y + GAP / 2, w: 1 - GAP, h: 1 - GAP, kind, label, ...extra };
}

/** The boxes of a drawn grid at (x0, y0): one per cell, of the grid's kind, labelled by `label`. */
export function gridBoxes(g: DrawnGrid, x0: number, y0: number, label: (q: number) => { label: Label | null; copied?: boolean }): SceneBox[] {
  return g.kinds.map((kind, q) => {
    const p = cellPlace(g.shape, q);
    const l = label(q);
    return box(x0 + p.x, y0 + p.y, kind, l.label, l.copied ? { copied: true } : {});
  });
}

/** Lays drawings out left to right with MARGIN between them; returns the x of each and the total width. */
export function row(widths: readonly number[], x0 = MARGIN): { xs: number[]; end: number } {
  const xs: number[] = [];
  let x = x0;
  for (const w of widths) { xs.push(x); x += w + MARGIN; }
  return { xs, end: x };
}

/** Font size of each role of text, in cell units (SVG's sizes; TikZ's fonts are chosen to match). */
export const TEXT_SIZE = { caption: 0.3, label: 0.34, equation: 0.36, pass: 0.3, fail: 0.3 } as const;

/** An estimate of a label's width (0.56 em per character, what small Computer Modern and serif fonts take), to lay text out without a font. */
export function textWidth(l: Label, size: number): number {
  const chars = l.reduce((a, r) => a + (typeof r === 'string' ? r : entryToText(r)).length, 0);
  return chars * 0.56 * size;
}

/** The width a scene needs so that its texts (and its frames' equation lines from `frameAt`) fit. */
export function fitWidth(width: number, texts: readonly SceneText[], frames: readonly SceneFrame[] = [], frameAt = 0): number {
  let w = width;
  for (const t of texts) if ((t.anchor ?? 'start') === 'start') w = Math.max(w, t.x + textWidth(t.label, TEXT_SIZE[t.role]) + MARGIN);
  for (const f of frames) w = Math.max(w, frameAt + textWidth(f.caption, TEXT_SIZE.equation) + MARGIN);
  return w;
}
