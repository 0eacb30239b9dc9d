import { stackGeometry, widestReceptiveField } from '../analysis/receptive-field.ts';
import { receptiveFieldClosedForm, stackRecurrence } from '../geometry/layer-stack.ts';
import { levelName, stackLayersOf, type ReceptiveFieldInput } from '../geometry/layer-stack.ts';
import { product } from '../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { compareCounts } from './derive-parts.ts';
import { latexNumber } from '../algebra/latex-escape.ts';
import { EQUALS, mathPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';
import { stackEstimate } from '../work/stack-estimate.ts';

/**
 * The receptive field of a stack of convolutions: the recurrence
 * r_l = r_{l−1} + d_l(k_l−1)·Π_{m<l} s_m with its numbers (closed form from
 * src/analysis), the positions that reach one top neuron (the composed index
 * maps), and the engine's comparison of the two. Lecture: k = 2, s = 2, two
 * layers → 4; with dilation 2 → 7; the TCN's k = 3, d = 1, 2, 4 → 15.
 *
 * A stack is given as `layers`, or spelled in one spec: comma lists in
 * kernel, stride and dilation give one value per layer (`dilation: "1,2,4"`),
 * a single value is repeated; without lists the stack has two layers (the
 * lecture's "one neuron in layer 2"). The input defaults to exactly one
 * receptive field, so the top layer has one neuron.
 */
export type { ReceptiveFieldInput } from '../geometry/layer-stack.ts';

export const RECEPTIVE_FIELD_NOTE =
  'The receptive field of a single neuron comprises all inputs that have an impact on this neuron. Neurons in the first layers see a small part of the input; neurons in the last layers see much more.';

export { stackLayersOf } from '../geometry/layer-stack.ts';

export function deriveReceptiveField(input: ReceptiveFieldInput | ConvSpec, _opts: DeriveOptions = {}): Derivation {
  const layers = stackLayersOf(input);
  const given = (input as SpecInput).input;
  const dims = given === undefined ? undefined : normalizeSpec({ input: given, kernel: 1 }).dims;
  const closed = receptiveFieldClosedForm(layers, dims);
  const recurrence = stackRecurrence(layers, closed.perAxis.length);
  const stack = stackGeometry(layers, given ?? closed.perAxis);
  // with padding a neuron at the border sees less: take the widest, nearest the middle
  const field = widestReceptiveField(stack);
  // no neuron sees past the input: where r exceeds it, the whole input is the most any field spans
  const reachable = closed.perAxis.map((r, a) => Math.min(r, stack.shapes[0]![a]!));
  const clipped = reachable.some((v, a) => v < closed.perAxis[a]!);
  const axes = (v: readonly number[]) => v.join('×');
  const steps: Step[] = [noteStep('The receptive field', RECEPTIVE_FIELD_NOTE)];
  const rows: Cell[][] = [], terms: string[] = [], texts: string[] = [];
  stack.layers.forEach((s, l) => {
    const { r, jump } = recurrence[l]!;
    const prev = l === 0 ? r.map(() => 1) : recurrence[l - 1]!.r;
    const term = s.conv.axes.map((x, a) => `${latexNumber(x.d)}\\cdot(${latexNumber(x.k)}-1)\\cdot ${latexNumber(jump[a]!)}`);
    const text = `${s.conv.axes[0]!.d}*(${s.conv.axes[0]!.k}-1)*${jump[0]}`;
    terms.push(term[0]!);
    texts.push(text);
    rows.push([
      numberCell(l + 1), textCell(axes(s.kernel)), textCell(axes(s.stride)), textCell(axes(s.dilation)), textCell(axes(jump)),
      {
        tex: `r_{${l + 1}} = ${latexNumber(prev[0]!)} + ${term[0]} = ${latexNumber(r[0]!)}`,
        text: `r${l + 1} = ${prev[0]} + ${text} = ${r[0]}`,
      },
    ]);
  });
  steps.push(tableStep(`The recurrence, layer by layer${closed.perAxis.length > 1 ? ' (first axis)' : ''}`, ['layer', 'k', 's', 'd', 'jump Π s below', 'receptive field'], rows));
  const first = closed.perAxis.length > 1 ? ' (first axis)' : '';
  steps.push(equationStep(`Closed form${first}`, [
    mathPart(`r = 1 + \\sum_{l} d_l (k_l - 1) \\prod_{m<l} s_m = 1 + ${terms.join(' + ')}`, `r = 1 + Σ d_l(k_l−1)·Π s_m = 1 + ${texts.join(' + ')}`),
    EQUALS, mathPart(latexNumber(closed.perAxis[0]!), String(closed.perAxis[0]!)),
  ]));
  const levels = field.levels.map((pos, l) => [
    textCell(levelName(l)), textCell(axes(stack.shapes[l]!)), textCell(listText(pos)),
  ]);
  const which = stack.shapes.at(-1)!.every((n) => n === 1) ? 'the neuron' : `neuron ${field.neuron}, the widest nearest the middle`;
  steps.push(tableStep(`Positions that reach one neuron of the top layer (${which}; composed index maps)`, ['level', 'size', 'positions (0-based, row-major)'], levels));
  steps.push(verdictStep(`Span of the composed maps against the closed form${clipped ? ', clipped to the input size' : ''}`, compareCounts(
    field.span, reachable, ['composed index maps', clipped ? 'closed form, at most the input size' : 'closed form'], closed.perAxis.map((_, a) => `axis ${a + 1}`),
  )));
  const holes = field.positions.length < field.size;
  steps.push(noteStep('Size', `One neuron of ${levelName(stack.layers.length)} has a receptive field of size ${field.span.length > 1 ? `${axes(field.span)} = ` : ''}${field.size} w.r.t. the input${holes ? `: it spans ${field.size} inputs and reads ${field.positions.length} of them (the dilation leaves holes)` : ''}.`));
  if (stack.layers.some((s) => s.dilation.some((d) => d > 1))) {
    const plain = receptiveFieldClosedForm(layers.map((l) => ({ ...l, dilation: 1 })), closed.perAxis.length);
    steps.push(tableStep('Dilation grows the receptive field with the same weights', ['stack', 'weights per layer', 'receptive field'], [
      [textCell('as given'), textCell(stack.layers.map((s) => product(s.kernel)).join(', ')), numberCell(closed.size)],
      [textCell('without dilation'), textCell(stack.layers.map((s) => product(s.kernel)).join(', ')), numberCell(plain.size)],
    ]));
  }
  return { topic: 'receptive-field', title: `Receptive field of a stack of ${stack.layers.length} layers`, steps };
}

function listText(pos: readonly number[]): string {
  return pos.length <= 16 ? pos.join(', ') : `${pos.slice(0, 8).join(', ')}, …, ${pos.slice(-4).join(', ')} (${pos.length})`;
}

/** Every level holds at most the whole receptive field of the stack. */
export const RECEPTIVE_FIELD_WORK: TopicWork = {
  estimate: (raw) => stackEstimate(raw, 'topic'),
  limits: { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 },
};
