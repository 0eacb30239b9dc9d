import { displayName } from '../algebra/latex-escape.ts';
import { float64Ring } from '../algebra/ring.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { compareVectors } from './equivalence.ts';
import { type Rows, likelyCause } from './probe-causes.ts';
import type { Probe, Shapes } from './probe-units.ts';
import type { Comparison } from './report.ts';

/**
 * Random probes with signed, non-integer values, and the bilinearity of fn.
 * A convolution is bilinear, and unit probing (probe-units.ts) is only sound
 * for a bilinear fn: ReLU(conv), |conv|, round(conv), conv(x², w²) or
 * conv + 1 look right on units and 0/1 inputs. Seven calls check additivity
 * and homogeneity in each argument, with a negative non-integer scalar, and
 * each output is also compared with the sliding window.
 *
 * Exactness, so that a verdict is never a false pass nor a flaky fail: every
 * probe value is a dyadic rational k/8 with k odd and |k| ≤ M, and the scalars
 * are −5/4 and −3/4. Every input and weight is then a multiple of 2⁻⁵ of size
 * at most M/4, every product a multiple of 2⁻¹⁰, and every partial sum of the
 * at most T products of one output (in any order) a multiple of 2⁻¹⁰ below
 * T·M²/16 in size. M is chosen so that T·M² < 2¹⁸: every such sum is below 2¹⁴
 * and is exact in float32 (24-bit significand) and a fortiori in float64. So a
 * correct implementation in float64 or float32, summing in any order, returns
 * the exact outputs, the sliding window computes them exactly, and the sums
 * and scalings of the properties are exact too: equality is tested with ===,
 * and any difference is the function's. The values come from a fixed seed, so
 * a verdict is reproducible. (Past 2¹⁸ terms per output float32 sums may
 * round; float64 ones stay exact.)
 */

/** Calls the bilinearity plan makes: f(x₁, w₁), f(x₂, w₁), f(x₁ + x₂, w₁), f(a·x₁, w₁), f(x₁, w₂), f(x₁, w₁ + w₂), f(x₁, b·w₁). */
export const RANDOM_PROBES = 7;
export const INPUT_SCALE = -5 / 4;
export const WEIGHT_SCALE = -3 / 4;

/** The properties, in the order they are checked: [property, left, right]. */
const PROPERTIES = [
  ['additive in the input', 'f(x₁ + x₂, w)', 'f(x₁, w) + f(x₂, w)'],
  ['homogeneous in the input', 'f(−5/4·x, w)', '−5/4·f(x, w)'],
  ['additive in the weight', 'f(x, w₁ + w₂)', 'f(x, w₁) + f(x, w₂)'],
  ['homogeneous in the weight', 'f(x, −3/4·w)', '−3/4·f(x, w)'],
] as const;

/** The largest odd numerator M ≤ 15 with T·M² < 2¹⁸ (at least 1). */
export function probeMagnitude(termsPerOutput: number): number {
  let m = 15;
  while (m > 1 && termsPerOutput * m * m >= 2 ** 18) m -= 2;
  return m;
}

/** Deterministic odd multiples of 1/8 in [−M/8, M/8] (a 32-bit LCG). */
function dyadics(seed: number, m: number): (n: number) => number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const k = 2 * ((s >>> 16) % ((m + 1) / 2)) + 1; // odd, 1..m
    return ((s >>> 15) & 1 ? k : -k) / 8;
  };
  return (n) => Array.from({ length: n }, next);
}

export interface RandomOutcome {
  /** the four properties, then fn against the sliding window on the seven probes */
  comparisons: Comparison[];
  /** the first property that fails, or null */
  property: string | null;
  /** the likely cause of a bilinear fn's wrong outputs, or null */
  cause: string | null;
}

export function* randomProbes(spec: ConvSpec, shapes: Shapes): Generator<Probe, RandomOutcome, number[]> {
  const terms = (spec.inChannels / spec.groups) * spec.kernel.reduce((a, b) => a * b, 1);
  const draw = dyadics(0x5eed, probeMagnitude(terms));
  const nx = shapes.input.reduce((a, b) => a * b, 1), nw = shapes.weight.reduce((a, b) => a * b, 1);
  const [x1, x2, w1, w2] = [draw(nx), draw(nx), draw(nw), draw(nw)];
  const plus = (a: number[], b: number[]) => a.map((v, i) => v + b[i]!);
  const times = (c: number, a: number[]) => a.map((v) => c * v);
  const probes: Probe[] = [
    { x: x1, w: w1 }, { x: x2, w: w1 }, { x: plus(x1, x2), w: w1 }, { x: times(INPUT_SCALE, x1), w: w1 },
    { x: x1, w: w2 }, { x: x1, w: plus(w1, w2) }, { x: x1, w: times(WEIGHT_SCALE, w1) },
  ];
  const got: number[][] = [];
  for (const p of probes) got.push(yield p);
  const [y0, y1, y2, y3, y4, y5, y6] = got as [number[], number[], number[], number[], number[], number[], number[]];
  const names = spec.outputNames.map(displayName);
  const sides: Array<[number[], number[]]> = [[y2, plus(y0, y1)], [y3, times(INPUT_SCALE, y0)], [y5, plus(y0, y4)], [y6, times(WEIGHT_SCALE, y0)]];
  const properties = sides.map(([a, b], i) => compareVectors(a, b, { ring: float64Ring, show: String, names, labels: [PROPERTIES[i]![1], PROPERTIES[i]![2]] }));
  const failed = properties.findIndex((c) => !c.equal);
  const window = (s: ConvSpec) => probes.map((p) => evaluateByWindow(s, p.w, p.x, float64Ring));
  const expected = window(spec);
  const rows = y0.length;
  const probeNames = probes.flatMap((_, i) => names.map((n) => `row ${n} on random probe ${i + 1}`));
  const outputs = compareVectors(got.flat(), expected.flat(), { ring: float64Ring, show: String, names: probeNames, labels: ['fn on the random probes', 'the sliding window'] });
  let cause: string | null = null;
  if (failed < 0 && !outputs.equal) {
    const wrong = [...Array(rows).keys()].filter((r) => got.some((o, i) => o[r] !== expected[i]![r]));
    const sig = (outs: number[][]): Rows => (r) => (outs.every((o) => o[r] === 0) ? '' : outs.map((o) => o[r]).join(','));
    cause = likelyCause(spec, shapes.output, sig(got), wrong, (alt) => sig(window(alt)), null);
  }
  return { comparisons: [...properties, outputs], property: failed < 0 ? null : PROPERTIES[failed]![0], cause };
}
