/**
 * Random specs for the property tests: 1–3 spatial axes, channels, groups,
 * stride, every padding form (asymmetric too), dilation, transposed with
 * output_padding (cropping included), convolution mode, and (on request) a
 * padding mode for regular convolutions, the input grown to PyTorch's bounds
 * (reflect pads at most n − 1 per side, circular at most n). Each comes with
 * the oracle's parameters, derived here from the definitions (not from src/).
 */
import fc from 'fast-check';
import { type SpecInput, normalizeSpec } from '../../src/geometry/spec.ts';
import type { OraclePaddingMode, OracleTransposeParams } from '../oracle.ts';

export interface RandomCase {
  spec: SpecInput;
  oracle: OracleTransposeParams;
  transposed: boolean;
  inShape: number[];
  weightShape: number[];
}

interface Axis { k: number; s: number; d: number; p0: number; p1: number; op: number; n: number }

const axisArb = (transposed: boolean, maxN: number) => fc.record({
  k: fc.integer({ min: 1, max: 3 }), s: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 2 }),
  p0: fc.integer({ min: 0, max: 3 }), p1: fc.integer({ min: 0, max: 3 }),
  op: fc.nat(2), extra: fc.nat(maxN),
}).map(({ k, s, d, p0, p1, op, extra }): Axis => {
  const span = d * (k - 1) + 1;
  if (!transposed) return { k, s, d, p0, p1, op: 0, n: Math.max(1, span - p0 - p1) + extra };
  const o = op % Math.max(s, d);
  // smallest input whose transposed output (n−1)s − p0 − p1 + span + op is at least 1
  const least = 1 + Math.ceil(Math.max(0, p0 + p1 - span - o + 1) / s);
  return { k, s, d, p0, p1, op: o, n: least + Math.min(extra, 2) };
});

type PaddingForm = 'pairs' | 'int' | 'per-axis' | 'valid' | 'full' | 'same';

export const PADDING_MODES: readonly OraclePaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

/** A drawn spec (e.g. from arbitrarySpec) with a padding mode where the spec allows it (regular, within PyTorch's bounds), else as drawn. */
export function withModeIfValid(raw: SpecInput, mode: OraclePaddingMode): SpecInput {
  try { normalizeSpec({ ...raw, paddingMode: mode }); } catch { return raw; }
  return { ...raw, paddingMode: mode };
}

export function randomCase(opts: { transposed?: boolean; maxDims?: number; paddingModes?: boolean } = {}): fc.Arbitrary<RandomCase> {
  return fc.record({
    transposed: opts.transposed === undefined ? fc.boolean() : fc.constant(opts.transposed),
    dims: fc.integer({ min: 1, max: opts.maxDims ?? 3 }),
    groups: fc.integer({ min: 1, max: 3 }),
    cinG: fc.integer({ min: 1, max: 2 }),
    coutG: fc.integer({ min: 1, max: 2 }),
    single: fc.boolean(),
    form: fc.constantFrom<PaddingForm>('pairs', 'int', 'per-axis', 'valid', 'full', 'same'),
    convolution: fc.boolean(),
    paddingMode: opts.paddingModes ? fc.constantFrom(...PADDING_MODES) : fc.constant<OraclePaddingMode>('zeros'),
    seed: fc.nat(),
  }).chain((r) => fc.array(axisArb(r.transposed, r.dims === 3 ? 2 : 4), { minLength: r.dims, maxLength: r.dims })
    .map((axes) => build(r, axes)));
}

function build(
  r: { transposed: boolean; dims: number; groups: number; cinG: number; coutG: number; single: boolean; form: PaddingForm; convolution: boolean; paddingMode: OraclePaddingMode },
  axes: Axis[],
): RandomCase {
  const [groups, cin, cout] = r.single ? [1, 1, 1] : [r.groups, r.groups * r.cinG, r.groups * r.coutG];
  let padding: SpecInput['padding'];
  let pairs: Array<[number, number]>;
  const form: PaddingForm = r.form === 'same' && (r.transposed || axes.some((a) => a.s > 1)) ? 'pairs' : r.form;
  switch (form) {
    case 'valid': pairs = axes.map(() => [0, 0]); padding = 'valid'; break;
    case 'full': pairs = axes.map((a) => [a.d * (a.k - 1), a.d * (a.k - 1)]); padding = 'full'; break;
    case 'same': pairs = axes.map((a) => { const t = a.d * (a.k - 1); return [Math.floor(t / 2), t - Math.floor(t / 2)]; }); padding = 'same'; break;
    case 'int': pairs = axes.map(() => [axes[0]!.p0, axes[0]!.p0]); padding = axes[0]!.p0; break;
    case 'per-axis': pairs = axes.map((a) => [a.p0, a.p0]); padding = axes.map((a) => a.p0); break;
    default: pairs = axes.map((a) => [a.p0, a.p1]); padding = pairs;
  }
  // keyword and symmetric forms change the padding, so re-size inputs that no longer fit
  const paddingMode: OraclePaddingMode = r.transposed ? 'zeros' : r.paddingMode;
  // PyTorch's bounds: reflect mirrors at most n − 1 samples per side, circular wraps at most n
  const modeLeast = (p: number) => (paddingMode === 'reflect' ? p + 1 : paddingMode === 'circular' ? p : 1);
  const n = axes.map((a, i) => {
    const span = a.d * (a.k - 1) + 1, [p0, p1] = pairs[i]!;
    if (!r.transposed) return Math.max(a.n, span - p0 - p1, modeLeast(p0), modeLeast(p1));
    const least = 1 + Math.ceil(Math.max(0, p0 + p1 - span - a.op + 1) / a.s);
    return Math.max(a.n, least);
  });
  const spec: SpecInput = {
    input: n, kernel: axes.map((a) => a.k), stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d), padding,
    mode: r.convolution ? 'convolution' : 'correlation',
  };
  if (paddingMode !== 'zeros') spec.paddingMode = paddingMode;
  if (r.transposed) { spec.transposed = true; spec.outputPadding = axes.map((a) => a.op); }
  if (!r.single) { spec.inChannels = cin; spec.outChannels = cout; spec.groups = groups; }
  const k = axes.map((a) => a.k);
  return {
    spec, transposed: r.transposed,
    inShape: [cin, ...n],
    weightShape: r.transposed ? [cin, cout / groups, ...k] : [cout, cin / groups, ...k],
    oracle: {
      stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d), padding: pairs, groups,
      flip: r.convolution, outputPadding: axes.map((a) => a.op), paddingMode,
    },
  };
}
