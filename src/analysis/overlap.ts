import { forEachTap } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import { kernelSpan } from '../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type StackLayer, layerAxes } from '../geometry/layer-stack.ts';
import { ravel } from '../geometry/flat-index.ts';

/**
 * Overlap counts of a transposed convolution (the checkerboard): how many
 * kernel taps land on each output position when every input scatters the
 * filter. Counted from the index map; channels do not change the pattern, so
 * only the spatial geometry is used.
 */
export interface OverlapCounts {
  /** spatial shape of the transposed output (or, for a regular spec, of its input) */
  shape: number[];
  /** taps landing on each position, flat row-major */
  counts: number[];
}

/** The single-channel spec with the same spatial geometry. */
function spatialOnly(spec: ConvSpec): ConvSpec {
  return normalizeSpec({
    input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as [number, number]), transposed: spec.transposed,
    outputPadding: [...spec.outputPadding],
  });
}

/**
 * For a transposed spec: the taps landing on each output position. For a
 * regular spec: how many window taps read each input position (the column
 * counts of K), which is the same pattern seen from the other side.
 */
export function overlapCounts(input: SpecInput | ConvSpec): OverlapCounts {
  const spec = spatialOnly(normalizeSpec(input));
  const shape = spec.conv.axes.map((a) => a.n);
  const counts = new Array<number>(product(shape)).fill(0);
  forEachTap(spec, (_row, col) => { counts[col]!++; });
  return { shape, counts };
}

export interface UniformityReport {
  uniform: boolean;
  /** the counts seen away from the borders, ascending and distinct */
  interiorValues: number[];
  /** per axis: the first interior position and one past the last one */
  interior: Array<[number, number]>;
}

/**
 * Whether the overlap counts are the same everywhere away from the borders.
 * The border of each axis is kernelSpan − 1 positions wide at both ends of
 * the uncropped output: only there can a tap fall outside the input. So the
 * counts are taken with padding and output padding removed (they only crop).
 */
export function isUniformAwayFromBorders(input: SpecInput | ConvSpec): UniformityReport {
  const spec = normalizeSpec(input);
  const { shape, counts } = overlapCounts({
    input: [...spec.input], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    transposed: true,
  });
  const interior = shape.map((n, a) => {
    const border = kernelSpan(spec.kernel[a]!, spec.dilation[a]!) - 1;
    return [border, Math.max(border, n - border)] as [number, number];
  });
  return { ...interiorReport(shape, counts, interior), interior };
}

/** The distinct counts inside the per-axis ranges [lo, hi), ascending, and whether there is one. */
function interiorReport(shape: readonly number[], counts: readonly number[], interior: ReadonlyArray<readonly [number, number]>): Omit<UniformityReport, 'interior'> {
  const values = new Set<number>();
  const idx = interior.map(([lo]) => lo);
  const empty = interior.some(([lo, hi]) => lo >= hi);
  while (!empty) {
    values.add(counts[ravel(idx, shape)]!);
    let a = idx.length - 1;
    while (a >= 0 && ++idx[a]! >= interior[a]![1]) { idx[a] = interior[a]![0]; a--; }
    if (a < 0) break;
  }
  const interiorValues = [...values].sort((x, y) => x - y);
  return { uniform: interiorValues.length === 1, interiorValues };
}

/** Paths of taps from every input to each output of a stack of transposed convolutions (all inputs and weights 1). */
function stackPaths(layers: readonly StackLayer[], input: SpecInput['input']): OverlapCounts {
  let shape = normalizeSpec({ input, kernel: 1 }).input as number[];
  let counts = new Array<number>(product(shape)).fill(1);
  for (const layer of layers) {
    const spec = spatialOnly(normalizeSpec({ ...layer, input: shape, transposed: true }));
    const next = new Array<number>(product(spec.output)).fill(0);
    forEachTap(spec, (row, col) => { next[col]! += counts[row]!; });
    shape = [...spec.output];
    counts = next;
  }
  return { shape, counts };
}

/**
 * A stack of transposed convolutions, each on the output of the one below:
 * how many paths of taps reach each output position when every input and
 * weight is 1 (the checkerboard of the stack). Uniformity is judged as for
 * one layer, on the stack without padding (padding only crops): the border of
 * each axis is B = Σ_l d_l(k_l−1)·Π_{m>l} s_m positions at both ends.
 */
export function stackOverlapCounts(layers: readonly StackLayer[], input: SpecInput['input'] = periodInput(layers)): OverlapCounts & UniformityReport {
  const shown = stackPaths(layers, input);
  const unpadded = layers.map(({ kernel, stride, dilation }) => ({ kernel, stride, dilation }));
  const free = stackPaths(unpadded, input);
  const axes = layerAxes(unpadded, free.shape.length);
  const interior = free.shape.map((n, a) => {
    const border = axes.reduce((b, l) => b * l.s[a]! + kernelSpan(l.k[a]!, l.d[a]!) - 1, 0);
    return [border, Math.max(border, n - border)] as [number, number];
  });
  return { ...shown, ...interiorReport(free.shape, free.counts, interior), interior };
}

/**
 * An input long enough to show a full period of the interior: n = k·d + 2
 * samples per axis, from the first layer.
 */
export function periodInput(layers: ReadonlyArray<Pick<SpecInput, 'kernel' | 'stride' | 'dilation'>>): number[] {
  const { k, d } = layerAxes(layers.slice(0, 1), undefined, 'lists')[0] ?? { k: [1], d: [1] };
  return k.map((x, a) => x * d[a]! + 2);
}

/** The overlap pattern of (k, s, d) on periodInput: one transposed layer. */
export function checkerboard(params: Pick<SpecInput, 'kernel' | 'stride' | 'dilation'>): UniformityReport & OverlapCounts {
  return stackOverlapCounts([params]);
}

/**
 * The rule, stated on (k, s, d) alone: the interior overlap is uniform exactly
 * when s divides k and gcd(s, d) = 1. With d = 1 this is the lecture's "make
 * sure that the kernel size k is divisible by the stride s".
 */
export function predictsUniformOverlap(k: number, s: number, d = 1): boolean {
  return k % s === 0 && gcd(s, d) === 1;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
