import type { Entry } from '../algebra/print.ts';
import { windowInputCaption } from '../view/padding-phrase.ts';
import type { DrawnGrid } from '../view/grid.ts';
import { type WindowView, dotTerms } from '../view/window-view.ts';
import { type Label, LINE, MARGIN, type Scene, type SceneMark, type SceneText, TEXT_SIZE, fitWidth, row, textWidth } from './scene.ts';
import { outputOf, shapeText, stacked, verdictText } from './scene-stack.ts';

/**
 * The scene of the sliding window (windowView): the drawn input (padding
 * cells, inserted zeros; a padding cell of reflect/replicate/circular shows
 * the input it copies), the output, and per frame the covered cells with the
 * weight on each and the current output cell lit.
 */
export function windowScene(v: WindowView): Scene {
  const caption = windowInputCaption(v.padding, v.transposed);
  const inputs = stacked(v.inputs, (g) => (q) => inputLabel(v, g, q), 'input');
  const outputs = stacked(v.outputs, (g) => (q) => ({ label: [v.outputCells[g.source[q]!]!] }), 'output');
  const top = MARGIN + LINE;
  const { xs, end } = row([Math.max(inputs.w, textWidth([caption], TEXT_SIZE.caption)), outputs.w]);
  const placed = [inputs.place(xs[0]!, top), outputs.place(xs[1]!, top)];
  const groups = placed.flatMap((p) => p.groups);
  const bottom = top + Math.max(inputs.h, outputs.h) + LINE;
  const texts: SceneText[] = [
    { x: xs[0]!, y: MARGIN, label: [caption], role: 'caption' },
    { x: xs[1]!, y: MARGIN, label: ['output'], role: 'caption' },
    { x: xs[0]!, y: bottom, label: [legend(v)], role: 'caption' },
    verdictText(v.verdict, xs[0]!, bottom + LINE),
    ...placed.flatMap((p) => p.texts),
  ];
  const frames = v.frames.map((taps, r) => {
    const marks: SceneMark[] = taps.map((t) => {
      const p = inputs.at(t.channel, t.cell, xs[0]!, top);
      return { ...p, role: 'covered', note: v.weightCells[t.tap]! };
    });
    marks.push({ ...outputs.at(...outputOf(v.outputs, r), xs[1]!, top), role: 'current' });
    return { marks, caption: frameCaption(v, r) };
  });
  return {
    width: fitWidth(end, texts, frames, xs[0]!), height: bottom + 3 * LINE, groups, lines: [], texts, frames, frameCaption: { x: xs[0]!, y: bottom + 2 * LINE },
    title: `${v.transposed ? 'Transposed convolution as a sliding window' : 'Sliding window'}: input ${shapeText(v.inputs[0]!.shape)}, output ${shapeText(v.outputs[0]!.shape)}`,
    desc: `${caption}. ${legend(v)}. ${v.frames.length} positions of the kernel, one per output. ${v.verdict.description}`,
  };
}

function inputLabel(v: WindowView, g: DrawnGrid, q: number): { label: Label | null; copied?: boolean } {
  const src = g.source[q]!, copy = g.copies[q]!;
  if (src >= 0) return { label: [v.inputCells[src]!] };
  if (copy >= 0) return { label: [v.inputCells[copy]!], copied: true };
  return { label: ['0'] };
}

/** The frame's dot product: `z₈ = w₁·z₂ + …`, or with numbers `0·3 + 1·3 + … = 12`. */
function frameCaption(v: WindowView, r: number): Label {
  const runs: Array<string | Entry> = [];
  dotTerms(v, r).forEach((t, i) => runs.push(...(i ? [' + '] : []), t.weight, '·', t.input));
  const dot = runs.length ? runs : ['0'];
  return v.numeric ? [...dot, ' = ', v.outputCells[r]!] : [v.outputCells[r]!, ' = ', ...dot];
}

const PADDING_KEY: Record<string, string> = {
  zeros: 'padding (zeros)', reflect: 'padding (reflect: a mirrored input)', replicate: 'padding (replicate: the edge input)', circular: 'padding (circular: wraps around)',
};

function legend(v: WindowView): string {
  const parts = ['input', ...(v.kinds.includes('padding') ? [PADDING_KEY[v.paddingMode] ?? PADDING_KEY.zeros!] : []), ...(v.kinds.includes('inserted') ? ['inserted zeros (s − 1 between samples)'] : [])];
  return `${parts.join(' · ')}; the kernel's weights are written on the covered cells`;
}
