import { isUniformAwayFromBorders, overlapCounts, predictsUniformOverlap } from '../analysis/overlap.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { compareCounts, numberGridPart } from './derive-parts.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';
import { mathPart } from './matrix-part.ts';
import { bySpecSize, overlapEstimate } from '../work/spec-estimate.ts';

/**
 * Checkerboard artifacts of a transposed convolution: how many kernel taps
 * land on each output position (src/analysis/overlap.ts), whether the counts
 * are uniform away from the borders, and the lecture's rule "make sure the
 * kernel size k is divisible by the stride s" (with dilation: and gcd(s, d) = 1),
 * beside a contrasting kernel that breaks or satisfies the rule.
 */
export const CHECKERBOARD_EXAMPLE: SpecInput = { input: 5, kernel: 3, stride: 2, transposed: true };

export const CHECKERBOARD_NOTE =
  'A transposed convolution scatters the kernel, scaled by each input, onto the output. Where the copies overlap, more taps add up: some outputs get a higher magnitude than others, and the uneven pattern shows as a checkerboard. One solution is to make the kernel size divisible by the stride.';

export function deriveCheckerboard(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const given = normalizeSpec(input);
  // the topic is the transposed convolution of the given geometry
  const spec = given.transposed ? given : normalizeSpec({ ...specInput(given), transposed: true, outputPadding: 0 });
  const steps: Step[] = [noteStep('Overlap', CHECKERBOARD_NOTE)];
  steps.push(...countSteps(spec, 'as given', opts));
  const contrast = contrastKernel(spec);
  if (contrast) steps.push(...countSteps(normalizeSpec({ ...specInput(spec), kernel: contrast }), 'contrast', opts));
  return { topic: 'checkerboard', title: 'Checkerboard: overlap counts of a transposed convolution', steps };
}

function countSteps(spec: ConvSpec, which: string, opts: DeriveOptions): Step[] {
  const { shape, counts } = overlapCounts(spec);
  const u = isUniformAwayFromBorders(spec);
  const rule = spec.conv.axes.map((a) => predictsUniformOverlap(a.k, a.s, a.d));
  const params = `k = ${spec.kernel.join('×')}, s = ${spec.stride.join('×')}${spec.dilation.some((d) => d > 1) ? `, d = ${spec.dilation.join('×')}` : ''}`;
  const rows: Cell[][] = spec.conv.axes.map((a, i) => [
    numberCell(i + 1), numberCell(a.k), numberCell(a.s), numberCell(a.d), numberCell(a.k % a.s), textCell(rule[i] ? 'uniform' : 'uneven'),
  ]);
  const predicted = rule.every(Boolean);
  const interior = u.interiorValues.join(', ');
  return [
    equationStep(`Taps landing on each output (${which}: ${params}, output ${shape.join('×')})`, [
      mathPart('\\text{overlap} =', 'overlap ='), numberGridPart(shape, counts, { limits: opts.limits }),
    ]),
    tableStep(`The divisibility rule (${which})`, ['axis', 'k', 's', 'd', 'k mod s', 'rule predicts'], rows),
    noteStep(`Away from the borders (${which})`, `Interior counts: ${interior || 'none (the output is all border)'}: ${u.uniform ? 'uniform, no checkerboard' : 'uneven, a checkerboard pattern'}. The rule predicts ${predicted ? 'uniform' : 'uneven'}.`),
    verdictStep(`Rule and counts agree (${which})`, compareCounts(
      [u.uniform ? 1 : 0], [predicted ? 1 : 0], [`overlap counts: ${even(u.uniform)}`, `divisibility rule: ${even(predicted)}`], ['even overlap'],
    )),
  ];
}

/** The finding in words, the same on both sides of a verdict. */
function even(uniform: boolean): string {
  return uniform ? 'even' : 'uneven';
}

/**
 * A kernel on the other side of the rule, per axis: the next multiple of the
 * stride when k is not divisible, k + 1 when it is. None when the stride is 1
 * everywhere (always uniform).
 */
function contrastKernel(spec: ConvSpec): number[] | null {
  if (spec.conv.axes.every((a) => a.s === 1)) return null;
  return spec.conv.axes.map((a) => (a.k % a.s === 0 ? a.k + 1 : Math.ceil(a.k / a.s) * a.s));
}

function specInput(spec: ConvSpec): SpecInput {
  return {
    input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as [number, number]), transposed: spec.transposed,
    outputPadding: [...spec.outputPadding],
  };
}

/** Counts only: wide limits. */
export const CHECKERBOARD_WORK: TopicWork = {
  estimate: bySpecSize(overlapEstimate),
  limits: { drawnEntries: 20_000, taps: 400_000, terms: 4_000_000 },
};
