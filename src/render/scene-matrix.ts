import type { Entry } from '../algebra/print.ts';
import { rowInputs } from '../view/equation.ts';
import type { MatrixView } from '../view/matrix-view.ts';
import { GAP, type Label, LINE, MARGIN, type Scene, type SceneBox, type SceneFrame, type SceneText, TEXT_SIZE, fitWidth, textWidth } from './scene.ts';
import { verdictText } from './scene-stack.ts';

/**
 * The scene of a matrix view (matrixView): K (Kᵀ, or Z for im2col) with its
 * entries, the vector it multiplies and the outputs; one frame per row, the
 * row and the entries of the vector it reads lit. A matrix too large to
 * typeset is stated (shape and nonzeros), not drawn: its structure belongs
 * to the live element's sparsity view.
 */
export function matrixScene(v: MatrixView): Scene {
  const eq = v.eq;
  const title = `${eq.name}: ${eq.matrix.rows}×${eq.matrix.cols}, ${v.nonzeros} nonzeros`;
  if (!eq.typeset || !eq.cells) return statedMatrix(v, title);
  const label = (e: Entry | null): Label | null => (e ? [e] : null);
  const widthOf = (l: Label | null) => Math.max(1, l ? textWidth(l, TEXT_SIZE.label) + 0.3 : 1);
  const colW = eq.cells[0]!.map((_, c) => Math.max(...eq.cells!.map((r) => widthOf(label(r[c]!)))));
  const colX: number[] = [];
  let x = MARGIN;
  for (const w of colW) { colX.push(x); x += w; }
  const top = MARGIN + LINE;
  const cell = (x0: number, y0: number, w: number, l: Label | null, kind: SceneBox['kind']): SceneBox =>
    ({ x: x0 + GAP / 2, y: y0 + GAP / 2, w: w - GAP, h: 1 - GAP, kind, label: l });
  const matrix: SceneBox[] = eq.cells.flatMap((r, i) => r.map((e, c) => cell(colX[c]!, top + i, colW[c]!, e ? [e] : null, e ? 'entry' : 'zero')));
  const vx = x + MARGIN;
  const vw = Math.max(1, ...eq.z.map((e) => widthOf([e])));
  const vector = eq.z.map((e, i) => cell(vx, top + i, vw, [e], 'entry'));
  const ox = vx + vw + 1.2;
  const outs = eq.outputs.map((e, r) => [e, ' = ', eq.products[r] ?? e] as Label);
  const ow = Math.max(1, ...outs.map((l) => widthOf(l)));
  const outputs = outs.map((l, i) => cell(ox, top + i, ow, l, 'entry'));
  const bottom = top + Math.max(eq.matrix.rows, eq.z.length) + LINE;
  const texts: SceneText[] = [
    { x: MARGIN, y: MARGIN, label: [`${eq.name} (${eq.matrix.rows}×${eq.matrix.cols})`], role: 'caption' },
    { x: vx, y: MARGIN, label: [eq.form === 'im2col' ? 'weights' : 'input'], role: 'caption' },
    { x: ox, y: MARGIN, label: ['outputs'], role: 'caption' },
    { x: vx + vw + 0.6, y: top + eq.z.length / 2 + 0.1, label: ['='], role: 'label', anchor: 'middle' },
    { x: MARGIN, y: bottom, label: [`${v.nonzeros} nonzeros, ${v.storedTaps} weight taps; empty cells are structural zeros`], role: 'caption' },
    ...(v.verdict ? [verdictText(v.verdict, MARGIN, bottom + LINE)] : []),
  ];
  const frames: SceneFrame[] = Array.from({ length: eq.matrix.rows }, (_, r) => ({
    marks: [
      { x: MARGIN, y: top + r, w: x - MARGIN, h: 1, role: 'current' as const },
      ...rowInputs(eq, r).map((c) => ({ x: vx, y: top + c, w: vw, h: 1, role: 'covered' as const })),
      { x: ox, y: top + r, w: ow, h: 1, role: 'current' as const },
    ],
    caption: outs[r] ?? [],
  }));
  return {
    width: fitWidth(ox + ow + MARGIN, texts), height: bottom + 2 * LINE, frames, frameCaption: { x: MARGIN, y: bottom + 2 * LINE },
    groups: [{ name: eq.name, boxes: matrix }, { name: 'input vector', boxes: vector }, { name: 'outputs', boxes: outputs }], lines: [], texts,
    title, desc: `${title}, times the input vector, equals the outputs; one frame per row. ${v.verdict?.description ?? ''}`,
  };
}

function statedMatrix(v: MatrixView, title: string): Scene {
  const lines = [title, `too large to typeset (${v.eq.matrix.rows * v.eq.matrix.cols} cells); the live element draws its sparsity pattern`, ...(v.verdict ? [v.verdict.description] : [])];
  const texts: SceneText[] = lines.map((l, i) => ({ x: MARGIN, y: MARGIN + (i + 0.5) * LINE, label: [l], role: i ? 'caption' : 'label' }));
  return { width: fitWidth(8, texts), height: 2 * MARGIN + lines.length * LINE, groups: [], lines: [], texts, frames: [], frameCaption: { x: MARGIN, y: 0 }, title, desc: lines.join('. ') };
}
