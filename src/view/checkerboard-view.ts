import { checkerboard, periodInput, predictsUniformOverlap, stackOverlapCounts } from '../analysis/overlap.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { layerAxes, layersOfSpec } from '../geometry/layer-stack.ts';
import { product } from '../geometry/names.ts';
import { normalizeSpec, specGeometry } from '../geometry/spec.ts';
import { type StackViewInput, levelShapes } from './receptive-field-view.ts';
import { type SummaryView, count, summaryOfFacts } from './summary.ts';
import type { SimpleVerdict } from './verdict.ts';

/**
 * The view of the checkerboard (<conv-checkerboard>): how many taps of a
 * transposed convolution (or paths of taps, through a stack) land on each
 * output position, beside the taps per output of resize-then-convolve, the
 * finding (even or uneven overlap) and the divisibility rule checked against
 * the counts. Counted by src/analysis/overlap.ts; plain data here.
 */
export interface OverlapPlot {
  /** a title for the plot */
  title: string;
  /** what the numbers are, for an accessible label */
  label: string;
  /** spatial shape: a bar strip in 1D, a heat map in 2D */
  shape: number[];
  /** one count per output position, flat row-major */
  values: number[];
  /** the largest count (at least 1): the full bar, the strongest colour */
  max: number;
}

export interface CheckerboardView {
  kind: 'checkerboard';
  layers: Array<{ k: number[]; s: number[]; d: number[]; predicted: boolean; uniform: boolean }>;
  transposed: OverlapPlot;
  /** one layer: nearest-neighbour resize then a stride 1 "same" convolution, same output shape; null for a stack */
  resized: OverlapPlot | null;
  uniform: boolean;
  /** the counts seen away from the borders, ascending and distinct */
  interiorValues: number[];
  /** the finding, one sentence */
  pattern: string;
  /** the rule against the counts: one verdict, or one per layer of a stack */
  verdicts: SimpleVerdict[];
  /** a note under the verdicts (a stack), or null */
  caption: string | null;
}

/**
 * Limits of a drawn checkerboard (measured in Chromium, dev build of Lit):
 * positions drawn per plot, and taps counted over all the counts the view makes.
 */
export const CHECKERBOARD_LIMITS = { cells: 600, taps: 400_000 };

/** The view, or its summary when counting or drawing it would block the page. Throws a ConvmatError naming the field on bad input. */
export function checkerboardView(input: StackViewInput): CheckerboardView | SummaryView {
  const stack = layersOfSpec({ kernel: input.kernel, stride: input.stride, dilation: input.dilation, padding: input.padding, layers: input.layers },
    { kernel: 3, stride: 2 }, 1);
  const dims = input.input === undefined ? undefined : specGeometry({ input: input.input, kernel: 1 }).dims;
  const axes = layerAxes(stack, dims, 'lists');
  const predicted = axes.map(({ k, s, d }) => k.every((x, a) => predictsUniformOverlap(x, s[a]!, d[a]!)));
  const rules = axes.map((a, i) => `${axes.length > 1 ? `layer ${i + 1}: ` : ''}${ruleSentence(a)}`);
  const shapes = levelShapes(stack, input.input ?? periodInput(stack), true);
  if (typeof shapes === 'string') return summaryOfFacts(shapes, 'the overlap counts', [title(axes), ...rules]);
  const cells = product(shapes.at(-1)!);
  // the stack's paths twice (as drawn, and without padding for the interior), each layer alone on its period, the resized taps
  const perLayer = axes.reduce((acc, { k, d }) => acc + product(k.map((x, a) => x * d[a]! + 2)) * product(k), 0);
  const taps = 2 * axes.reduce((acc, { k }, l) => acc + product(shapes[l]!) * product(k), 0) + perLayer + (stack.length === 1 ? cells * product(axes[0]!.k) : 0);
  const over = cells > CHECKERBOARD_LIMITS.cells ? `${count(cells)} output positions are more than the ${count(CHECKERBOARD_LIMITS.cells)} drawn one each`
    : taps > CHECKERBOARD_LIMITS.taps ? `counting them visits ${count(taps)} taps, more than the ${count(CHECKERBOARD_LIMITS.taps)} counted on the page` : null;
  if (over) {
    return summaryOfFacts(over, 'the overlap counts', [
      `${title(axes)}: levels ${shapes.map((s) => s.join('×')).join(' → ')}`, ...rules,
    ]);
  }
  const counted = stackOverlapCounts(stack, input.input);
  const layers = axes.map(({ k, s, d }, i) => ({ k, s, d, predicted: predicted[i]!, uniform: checkerboard({ kernel: k, stride: s, dilation: d }).uniform }));
  const one = layers.length === 1 ? layers[0]! : null;
  let resized: OverlapPlot | null = null;
  if (one) {
    const alt = normalizeSpec({ input: counted.shape, kernel: one.k, padding: 'same' });
    const values = new Array<number>(counted.counts.length).fill(0);
    forEachTap(alt, (row) => { values[row]!++; });
    resized = plot(`resize ×${one.s.join('×')} (nearest), then a stride 1 "same" convolution`, 'taps per output', counted.shape, values);
  }
  const list = counted.interiorValues;
  return {
    kind: 'checkerboard', layers, resized, uniform: counted.uniform, interiorValues: list,
    transposed: plot(title(axes), 'overlap counts', counted.shape, counted.counts),
    pattern: counted.uniform
      ? `Even overlap: every interior output receives ${list[0]} ${one ? 'taps' : 'paths of taps'}.`
      : `Uneven overlap (${listing(list)} ${one ? 'taps' : 'paths'}): a checkerboard pattern.`,
    verdicts: one ? [ruleVerdict(one, counted.uniform)] : layers.map((l, i) => ruleVerdict(l, l.uniform, `layer ${i + 1}: `)),
    caption: one ? null : "The rule is stated for one layer; a later layer can even out (or not) the pattern of an earlier one, so the stack's counts are shown as counted.",
  };
}

function plot(title: string, label: string, shape: number[], values: number[]): OverlapPlot {
  return { title, label, shape, values, max: values.reduce((m, v) => Math.max(m, v), 1) };
}

/** "transposed convolution, k = 3, s = 2" or "2 transposed convolutions, k = 3, 2, s = 2, 2" */
function title(axes: ReadonlyArray<{ k: number[]; s: number[]; d: number[] }>): string {
  const x = (xs: readonly number[]) => xs.join('×');
  const one = axes.length === 1 ? axes[0]! : null;
  return one
    ? `transposed convolution, k = ${x(one.k)}, s = ${x(one.s)}${one.d.some((d) => d > 1) ? `, d = ${x(one.d)}` : ''}`
    : `${axes.length} transposed convolutions, k = ${axes.map((l) => x(l.k)).join(', ')}, s = ${axes.map((l) => x(l.s)).join(', ')}`;
}

/**
 * The rule "s divides k (and gcd(s, d) = 1)" applied to one layer's numbers,
 * as a sentence that is true in each case: "s = 2 does not divide k = 3, so
 * the rule predicts uneven overlap", "s = 2 divides k = 4, so …even overlap".
 */
export function ruleSentence({ k, s, d }: { k: readonly number[]; s: readonly number[]; d: readonly number[] }): string {
  const x = (xs: readonly number[]) => (xs.every((v) => v === xs[0]) ? String(xs[0]) : xs.join('×'));
  const divides = k.every((kk, a) => kk % s[a]! === 0);
  const dilated = d.some((dd) => dd > 1);
  if (!divides) return `s = ${x(s)} does not divide k = ${x(k)}, so the rule predicts uneven overlap`;
  if (!k.every((kk, a) => predictsUniformOverlap(kk, s[a]!, d[a]!))) {
    return `s = ${x(s)} divides k = ${x(k)}, but s and d = ${x(d)} share a factor, so the rule predicts uneven overlap`;
  }
  return `s = ${x(s)} divides k = ${x(k)}${dilated ? ` and gcd(s, d = ${x(d)}) = 1` : ''}, so the rule predicts even overlap`;
}

/** The verdict of the divisibility rule against counted overlap. */
function ruleVerdict(layer: { k: number[]; s: number[]; d: number[]; predicted: boolean }, uniform: boolean, prefix = ''): SimpleVerdict {
  const counted = uniform ? 'even' : 'uneven';
  return layer.predicted === uniform
    ? { pass: true, text: `${prefix}${ruleSentence(layer)}, and the counts agree (${counted})` }
    : { pass: false, text: `${prefix}${ruleSentence(layer)}, but the counts are ${counted}` };
}

/** 1 and 2; 1, 2 and 4 */
function listing(xs: readonly number[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
