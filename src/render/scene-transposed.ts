import type { TransposedView } from '../view/transposed-view.ts';
import { type Label, LINE, MARGIN, type Scene, type SceneMark, type SceneText, TEXT_SIZE, fitWidth, row, textWidth } from './scene.ts';
import { outputOf, shapeText, stacked, verdictText } from './scene-stack.ts';

/**
 * The scene of a transposed convolution (transposedView): its input x, the
 * zero-inserted input padded by d(k−1)−p that the flipped kernel slides over
 * with stride 1, and the output; per frame the covered cells with the weight
 * on each and the current output lit, as the zero-insertion form computes it.
 */
export function transposedScene(v: TransposedView): Scene {
  const pads = v.padding.map(([b, a]) => (b < 0 || a < 0 ? `cropped ${Math.max(0, -b)}/${Math.max(0, -a)}` : `${b}/${a}`)).join(', ');
  const captions = [
    `input x (${shapeText(v.input[0]!.shape)})`,
    `s − 1 zeros inserted (s = ${v.stride.join('×')}), padded by d(k−1)−p = ${pads}${v.outputPadded ? ', output padding after' : ''}`,
    `output (${shapeText(v.output[0]!.shape)})`,
  ];
  const input = stacked(v.input, (g) => (q) => ({ label: [v.inputs[g.source[q]!]!] }), 'input');
  const zero = stacked(v.zeroInserted, (g) => (q) => (g.source[q]! >= 0 ? { label: [v.inputs[g.source[q]!]!] } : { label: ['0'] }), 'zero-inserted input');
  const output = stacked(v.output, (g) => (q) => ({ label: [v.outputs[g.source[q]!]!] }), 'output');
  const stacks = [input, zero, output];
  const top = MARGIN + 2 * LINE;
  const { xs, end } = row(stacks.map((s, i) => Math.max(s.w, Math.min(textWidth([captions[i]!], TEXT_SIZE.caption), i === 1 ? Infinity : s.w + 4))));
  const placed = stacks.map((s, i) => s.place(xs[i]!, top));
  const bottom = top + Math.max(...stacks.map((s) => s.h)) + LINE;
  const texts: SceneText[] = [
    ...captions.map((c, i): SceneText => ({ x: xs[i]!, y: MARGIN + (i === 1 ? 0 : LINE), label: [c], role: 'caption' })),
    ...placed.flatMap((p) => p.texts),
    { x: xs[0]!, y: bottom, label: ['the flipped kernel slides over the zero-inserted input with stride 1; each output is its dot product there'], role: 'caption' },
    verdictText(v.reports.zeroInsertion, xs[0]!, bottom + LINE),
    verdictText(v.reports.scatter, xs[0]!, bottom + 2 * LINE),
  ];
  const frames = v.frames.map((taps, r) => {
    const marks: SceneMark[] = taps.map((t) => ({ ...zero.at(t.channel, t.cell, xs[1]!, top), role: 'covered', note: v.weights[t.tap]! }));
    marks.push({ ...output.at(...outputOf(v.output, r), xs[2]!, top), role: 'current' });
    const caption: Label = [v.outputs[r]!, ' = ', v.zeroResult[r]!];
    return { marks, caption };
  });
  const frameCaption = { x: xs[0]!, y: bottom + 3 * LINE };
  return {
    width: fitWidth(end, texts, frames, xs[0]!), height: frameCaption.y + LINE, groups: placed.flatMap((p) => p.groups), lines: [], texts, frames, frameCaption,
    title: `Transposed convolution: input ${shapeText(v.input[0]!.shape)}, output ${shapeText(v.output[0]!.shape)}, as a stride-1 convolution of the zero-inserted input`,
    desc: `${captions.join('; ')}. ${v.frames.length} positions of the flipped kernel. ${v.reports.zeroInsertion.description}. ${v.reports.scatter.description}`,
  };
}
