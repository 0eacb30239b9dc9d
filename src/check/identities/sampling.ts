import { SpecError } from '../../errors.ts';
import { seededRandom } from '../../evaluate/numeric.ts';
import { kernelSpan } from '../../geometry/output-size.ts';
import type { SpecInput } from '../../geometry/spec.ts';

/**
 * Valid specs from raw integers. A draw is a record of small integers, each in
 * a fixed range; `specFromDraw` turns any draw into a valid spec by deriving
 * what depends on what (the kernel is shrunk to fit `maxSize`, padding is at
 * most d(k−1) in total, the input is long enough for the kernel, output
 * padding is below max(s, d)). Every map is monotone, so smaller draws give
 * smaller specs: fast-check shrinks the draw and the spec follows. The same
 * draws feed the deterministic `instances()` of the identities.
 */
export interface SpecConstraints {
  /** spatial axes, one number or a choice (default [1, 2]) */
  dims?: number | readonly number[];
  /** the largest input length per axis (default 6) */
  maxSize?: number;
  minKernel?: number;
  maxKernel?: number;
  minStride?: number;
  maxStride?: number;
  maxDilation?: number;
  /** the largest padding per side before clamping to d(k−1) in total (default 2; 0 for none) */
  maxPadding?: number;
  /** allow [before, after] pairs that differ (default false) */
  asymmetricPadding?: boolean;
  /** true, false, or 'either' (default false) */
  transposed?: boolean | 'either';
  /** draw output padding for transposed specs (default true) */
  outputPadding?: boolean;
  /** channels: false (single channel, the default), true, or bounds */
  channels?: boolean | { maxPerGroup?: number; maxGroups?: number };
  /** also draw mode: 'convolution' (default false) */
  mode?: boolean;
}

export interface AxisDraw { k: number; s: number; d: number; p0: number; p1: number; extra: number; op: number }
export interface SpecDraw {
  dims: number;
  axes: readonly AxisDraw[];
  transposed: number;
  groups: number;
  inPerGroup: number;
  outPerGroup: number;
  mode: number;
}

export type Range = readonly [number, number];
export interface DrawRanges {
  dims: Range;
  axis: { [K in keyof AxisDraw]: Range };
  transposed: Range;
  groups: Range;
  inPerGroup: Range;
  outPerGroup: Range;
  mode: Range;
}

const dimsChoices = (c: SpecConstraints): readonly number[] => (typeof c.dims === 'number' ? [c.dims] : c.dims ?? [1, 2]);

/** The range of every raw integer of a draw; each shrinks towards its lower end. */
export function drawRanges(c: SpecConstraints): DrawRanges {
  const dims = dimsChoices(c);
  if (dims.length === 0 || dims.some((d) => ![1, 2, 3].includes(d))) {
    throw new SpecError({ field: 'dims', value: c.dims, rule: 'must be 1, 2 or 3 (or a list of them)' });
  }
  const maxSize = c.maxSize ?? 6;
  const minKernel = c.minKernel ?? 1, maxKernel = c.maxKernel ?? 4;
  if (maxSize < minKernel || minKernel < 1 || maxKernel < minKernel) {
    throw new SpecError({ field: 'maxSize', value: maxSize, rule: `needs 1 ≤ minKernel (${minKernel}) ≤ maxKernel (${maxKernel}) and minKernel ≤ maxSize` });
  }
  const minStride = c.minStride ?? 1, maxStride = Math.max(minStride, c.maxStride ?? 3);
  const maxDilation = c.maxDilation ?? 2;
  const channels = c.channels === true ? {} : c.channels || null;
  const transposed: Range = c.transposed === 'either' ? [0, 1] : c.transposed ? [1, 1] : [0, 0];
  return {
    dims: [0, dims.length - 1],
    axis: {
      k: [minKernel, maxKernel], s: [minStride, maxStride], d: [1, maxDilation],
      p0: [0, c.maxPadding ?? 2], p1: [0, c.asymmetricPadding ? c.maxPadding ?? 2 : 0],
      extra: [0, maxSize - 1], op: [0, c.outputPadding === false ? 0 : maxStride + maxDilation],
    },
    transposed,
    groups: [1, channels ? channels.maxGroups ?? 2 : 1],
    inPerGroup: [1, channels ? channels.maxPerGroup ?? 2 : 1],
    outPerGroup: [1, channels ? channels.maxPerGroup ?? 2 : 1],
    mode: [0, c.mode ? 1 : 0],
  };
}

/** Turns any draw within `drawRanges(c)` into a valid spec (plain object, defaults left out). */
export function specFromDraw(draw: SpecDraw, c: SpecConstraints): SpecInput {
  const dims = dimsChoices(c)[draw.dims]!;
  const maxSize = c.maxSize ?? 6;
  const transposed = draw.transposed === 1;
  const axes = draw.axes.slice(0, dims).map((x) => {
    // shrink dilation, then the kernel, until the kernel's span fits in maxSize
    const d = x.k > 1 ? Math.min(x.d, Math.max(1, Math.floor((maxSize - 1) / (x.k - 1)))) : x.d;
    const k = Math.max(c.minKernel ?? 1, Math.min(x.k, Math.floor((maxSize - 1) / d) + 1));
    const room = kernelSpan(k, d) - 1;
    const p0 = c.asymmetricPadding ? Math.min(x.p0, room) : Math.min(x.p0, Math.floor(room / 2));
    const p1 = c.asymmetricPadding ? Math.min(x.p1, room - p0) : p0;
    const n = transposed ? 1 + x.extra : Math.min(maxSize, Math.max(1, room + 1 - p0 - p1) + x.extra);
    const op = transposed ? Math.min(x.op, Math.max(x.s, d) - 1) : 0;
    return { n, k, s: x.s, d, p0, p1, op };
  });
  const spec: SpecInput & Record<string, unknown> = { input: axes.map((a) => a.n), kernel: axes.map((a) => a.k) };
  if (axes.some((a) => a.s !== 1)) spec.stride = axes.map((a) => a.s);
  if (axes.some((a) => a.p0 !== 0 || a.p1 !== 0)) {
    spec.padding = c.asymmetricPadding ? axes.map((a) => [a.p0, a.p1] as [number, number]) : axes.map((a) => a.p0);
  }
  if (axes.some((a) => a.d !== 1)) spec.dilation = axes.map((a) => a.d);
  if (transposed) spec.transposed = true;
  if (axes.some((a) => a.op !== 0)) spec.outputPadding = axes.map((a) => a.op);
  if (c.channels) {
    spec.inChannels = draw.groups * draw.inPerGroup;
    spec.outChannels = draw.groups * draw.outPerGroup;
    if (draw.groups > 1) spec.groups = draw.groups;
  }
  if (draw.mode === 1) spec.mode = 'convolution';
  return spec;
}

/** A draw from a uniform random source (integers uniform in their ranges). */
export function randomDraw(r: DrawRanges, rand: () => number): SpecDraw {
  const int = ([lo, hi]: Range) => lo + Math.floor(rand() * (hi - lo + 1));
  const axis = (): AxisDraw => ({
    k: int(r.axis.k), s: int(r.axis.s), d: int(r.axis.d), p0: int(r.axis.p0), p1: int(r.axis.p1), extra: int(r.axis.extra), op: int(r.axis.op),
  });
  return {
    dims: int(r.dims), axes: [axis(), axis(), axis()], transposed: int(r.transposed),
    groups: int(r.groups), inPerGroup: int(r.inPerGroup), outPerGroup: int(r.outPerGroup), mode: int(r.mode),
  };
}

/** The range of the extra integers an identity's `build` reads. */
export const EXTRA_RANGE: Range = [-3, 3];

/** Deterministic valid specs: `count` seeded draws mapped through `build`. */
export function* sampleSpecs<S>(
  constraints: SpecConstraints, extras: number, build: (spec: SpecInput, extras: readonly number[]) => S,
  count: number, seed: number,
): Generator<S> {
  const rand = seededRandom(seed);
  const ranges = drawRanges(constraints);
  for (let i = 0; i < count; i++) {
    const spec = specFromDraw(randomDraw(ranges, rand), constraints);
    const ex = Array.from({ length: extras }, () => EXTRA_RANGE[0] + Math.floor(rand() * (EXTRA_RANGE[1] - EXTRA_RANGE[0] + 1)));
    yield build(spec, ex);
  }
}
