import type { SpecGeometry } from '../geometry/spec-geometry.ts';
import { type ConvSpec, type SpecInput, isConvSpec } from '../geometry/spec.ts';
import { product } from '../geometry/names.ts';
import { kernelSpan } from '../geometry/output-size.ts';
import type { WorkEstimate } from './request.ts';
import { type SpecSize, kernelBlocks, productTerms, specSize } from './spec-size.ts';
import { readSpec } from './entry-terms.ts';

/**
 * The parts a topic's or an identity's estimate is written from (each
 * definition states its own estimate next to its builder or check: see
 * src/latex/derive-*.ts and src/check/identities/*.ts). The estimates shared
 * by a topic and an identity (the same computation under two names) live here, once.
 */
export const work = (entries: number, terms: number, denseCells = 0): WorkEstimate => ({ entries, terms, denseCells });

/** An estimate read from a spec's geometry and sizes (spec-size.ts); `raw` is the request's own spec (with its extra keys). */
export type SizeEstimate = (spec: SpecGeometry, s: SpecSize, raw: unknown) => WorkEstimate;

/** The keys identities and topics add to a spec, which normalizeSpec does not take. */
const EXTRA_KEYS = ['order', 'multiplier', 'transposedPadding'];

function plain(spec: unknown): SpecInput | ConvSpec {
  if (isConvSpec(spec)) return spec;
  const out: Record<string, unknown> = { ...(spec as object) };
  for (const k of EXTRA_KEYS) delete out[k];
  return out as SpecInput;
}

/**
 * The estimator of a request over one spec: `size` applied to the sizes of
 * `specOf(raw)`, the spec the request normalises (its defaults and implied
 * flags, e.g. `transposed: true`). Reading the spec throws its typed errors.
 */
export function bySpecSize(size: SizeEstimate, specOf: (raw: unknown) => unknown = (r) => r): (raw: unknown) => WorkEstimate {
  return (raw) => {
    const { geometry, terms } = readSpec(plain(specOf(raw)));
    return size(geometry, specSize(geometry, terms), raw);
  };
}

/** A taps-based bound: every tap (landing or not) times the largest entries. */
export const tapTerms = (s: SpecSize) => s.taps * s.weightTerms * s.inputTerms;

/** Taps of the undilated kernel d(k−1)+1 (what the zero-inserted kernel visits). */
function spanTaps(spec: SpecGeometry): number {
  return kernelBlocks(spec) * product(spec.conv.axes.map((a) => a.o * kernelSpan(a.k, a.d)));
}

/** K with its dilated kernel against K of the zero-inserted kernel (dilation topic and identity). */
export const dilationEstimate: SizeEstimate = (c, s) => work(4 * spanTaps(c), 2 * spanTaps(c) * s.weightTerms * s.inputTerms, 2 * s.rows * s.cols);

/** K, vec and the dense layer W·vec(X) (flatten topic, conv-dense-equivalence). */
export const flattenEstimate: SizeEstimate = (_c, s) => work(2 * s.nonzeros + s.rows + s.cols, 2 * productTerms(s));

/** Overlap counts of a transposed convolution (checkerboard topic and identity). */
export const overlapEstimate: SizeEstimate = (_c, s) => work(3 * s.taps, 0);

/** Sparse stage products: every output entry of a stage product multiplies one factor per axis. */
export const separableEstimate: SizeEstimate = (spec, s) => {
  const n = product(spec.input), k = product(spec.kernel);
  const factorTerms = s.weightTerms ** spec.dims;
  // stage matrices (built for the check and for the costs), their product, K, the kernel's minors and factors;
  // one stage per axis, each touching every input at least once even for a 1-wide kernel (measured: 12 entries at 1×1)
  return work(6 * n * k + 3 * s.nonzeros + 8 * spec.dims * n + 16, (spec.dims * n * k + 6 * k) * factorTerms + 4 * k * s.weightTerms ** 2 + 2 * productTerms(s), k * k);
};

/**
 * P·D sparse: each pointwise entry meets the taps of one depthwise row; the
 * full kernel sums m products. The costs count the stage matrices once more.
 */
export const depthwiseEstimate: SizeEstimate = (spec, s, raw) => {
  const m = Math.max(1, Number((raw as { multiplier?: unknown }).multiplier ?? 1) || 1);
  const outputs = product(spec.conv.axes.map((a) => a.o)), k = product(spec.kernel);
  const full = spec.inChannels * spec.outChannels * outputs * k;
  const stages = m * spec.inChannels * outputs * (k + spec.outChannels);
  return work(2 * stages + 2 * full + 2 * s.nonzeros, m * full * s.weightTerms ** 2 + spec.outChannels * spec.inChannels * k * m, 0);
};

/** M·X dense: C_out·C_in·HW multiplies; plus K·z. */
export const pointwiseEstimate: SizeEstimate = (spec, s) => {
  const hw = product(spec.input);
  const cells = spec.outChannels * spec.inChannels + spec.inChannels * hw + 2 * spec.outChannels * hw;
  return work(2 * s.nonzeros, 2 * spec.outChannels * spec.inChannels * hw * s.weightTerms * s.inputTerms + 2 * productTerms(s), cells);
};
