import type { Entry } from '../algebra/print.ts';
import { type ReceptiveFieldView, focusCaption } from '../view/receptive-field-view.ts';
import { LINE, MARGIN, type Scene, type SceneBox, type SceneLine, type SceneText, box, cellPlace, fitWidth, gridSize, row } from './scene.ts';

/**
 * The scene of a layer stack (receptiveFieldView): every level a row of
 * neurons (1D, input at the bottom, with the edges of each layer's index
 * map) or a grid (2D, input on the left), the receptive field of the view's
 * central neuron lit level by level, the closed form and its verdict.
 */
export function fieldScene(v: ReceptiveFieldView): Scene {
  const lit = v.central.lit.map((l) => new Set(l));
  const texts: SceneText[] = [];
  const groups = v.dims === 1 ? rows(v, lit, texts) : grids(v, lit, texts);
  const lines: SceneLine[] = v.dims === 1 ? edges(v, lit) : [];
  const bottom = Math.max(...groups.flatMap((g) => g.boxes.map((b) => b.y + b.h))) + LINE + (v.dims === 1 ? 0.9 : 0);
  texts.push({ x: MARGIN, y: bottom, label: [focusCaption(v, v.central)], role: 'caption' });
  if (v.verdict) texts.push({ x: MARGIN, y: bottom + LINE, label: [`${v.verdict.pass ? '✓' : '✗'} ${v.verdict.text}`], role: v.verdict.pass ? 'pass' : 'fail' });
  if (v.note) texts.push({ x: MARGIN, y: bottom + LINE, label: [v.note], role: 'caption' });
  const right = Math.max(...groups.flatMap((g) => g.boxes.map((b) => b.x + b.w)));
  return {
    width: fitWidth(right + MARGIN, texts), height: bottom + 2 * LINE, groups, lines, texts, frames: [], frameCaption: { x: MARGIN, y: 0 },
    title: `Receptive field of a stack of ${v.layers.length} layer${v.layers.length === 1 ? '' : 's'}: closed form ${v.closed.perAxis.join('×')}`,
    desc: `${v.levels.map((l) => `${l.caption}: ${l.shape.join('×')}`).join('; ')}. ${focusCaption(v, v.central)}`,
  };
}

const LEVEL_GAP = 2.2;

/** 1D: the input at the bottom, each level a centred row above the one below. */
function centre(v: ReceptiveFieldView, level: number): { x: number; y: number } {
  const widest = Math.max(...v.levels.map((l) => l.count));
  return { x: MARGIN + 4 + (widest - v.levels[level]!.count) / 2, y: MARGIN + (v.levels.length - 1 - level) * LEVEL_GAP + LINE };
}

function rows(v: ReceptiveFieldView, lit: ReadonlyArray<Set<number>>, texts: SceneText[]): Array<{ name: string; boxes: SceneBox[] }> {
  const ends = new Map(v.ends.map((e) => [`${e.level} ${e.at}`, e]));
  return v.levels.map((l, level) => {
    const at = centre(v, level);
    texts.push({ x: MARGIN, y: at.y + 0.6, label: [l.caption], role: 'caption' });
    const boxes = Array.from({ length: l.count }, (_, i) => {
      const end = ends.get(`${level} ${i}`);
      if (end) texts.push({ x: at.x + i + 0.5, y: level === 0 ? at.y + 1.5 : at.y - 0.25, label: [symbolEntry(end.symbol)], role: 'label', anchor: 'middle' });
      return box(at.x + i, at.y, lit[level]?.has(i) ? 'lit' : 'neuron', null, { round: true });
    });
    return { name: l.caption, boxes };
  });
}

function edges(v: ReceptiveFieldView, lit: ReadonlyArray<Set<number>>): SceneLine[] {
  return v.edges.flatMap((pairs, l) => {
    const up = centre(v, l + 1), down = centre(v, l);
    return pairs.map(([above, below]) => ({
      x1: up.x + above + 0.5, y1: up.y + 1 - 0.04, x2: down.x + below + 0.5, y2: down.y + 0.04,
      ...(lit[l + 1]?.has(above) && lit[l]?.has(below) ? { lit: true } : {}),
    }));
  });
}

/** 2D: the levels as grids, left to right. */
function grids(v: ReceptiveFieldView, lit: ReadonlyArray<Set<number>>, texts: SceneText[]): Array<{ name: string; shape: string; boxes: SceneBox[] }> {
  const { xs } = row(v.levels.map((l) => gridSize(l.shape).w));
  const top = MARGIN + LINE;
  return v.levels.map((l, level) => {
    texts.push({ x: xs[level]!, y: MARGIN, label: [`${l.caption} (${l.shape.join('×')})`], role: 'caption' });
    const boxes = Array.from({ length: l.count }, (_, q) => {
      const p = cellPlace(l.shape, q);
      return box(xs[level]! + p.x, top + p.y, lit[level]?.has(q) ? 'lit' : 'neuron', null);
    });
    return { name: l.caption, shape: l.shape.join('x'), boxes };
  });
}

/** x₀, ŷ₁₅: an end label's symbol as an entry. */
function symbolEntry(s: { base: string; index: number[]; accent?: 'hat' }): Entry {
  const symbol = { name: `${s.base}${s.index.join('_')}`, base: s.base, index: s.index.map(String), ...(s.accent ? { accent: s.accent } : {}) };
  return { terms: [{ negative: false, coef: { n: '1', d: '1' }, factors: [{ symbol, power: 1 }] }], total: 1 };
}
