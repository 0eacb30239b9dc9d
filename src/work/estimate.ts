import type { SpecInput } from '../geometry/spec-fields.ts';
import type { SpecGeometry } from '../geometry/spec-geometry.ts';
import { type ConvSpec, isConvSpec } from '../geometry/spec.ts';
import { product } from '../geometry/names.ts';
import { kernelSpan } from '../geometry/output-size.ts';
import type { WorkEstimate, WorkRequest } from './request.ts';
import { type SpecSize, productTerms, specSize } from './spec-size.ts';
import { readSpec } from './entry-terms.ts';
import { stackEstimate, compositionEstimate } from './stack-estimate.ts';

/**
 * The one work estimator: for a spec and a request (see request.ts) it
 * predicts the sparse entries, expanded terms and dense cells the engine will
 * allocate, from the spec's geometry and entry terms alone (entry-terms.ts,
 * spec-size.ts: no names are made), before anything is built.
 * Every estimate is an upper bound of what the engine meters (a property test
 * holds the two against each other on random specs).
 */
export function estimateWork(spec: unknown, request: WorkRequest): WorkEstimate {
  switch (request.kind) {
    case 'topic': return topicEstimate(request.topic, spec);
    case 'identity': return identityEstimate(request.id, spec);
    default: {
      const { geometry, terms } = readSpec(spec, request.kind === 'element' ? 'text' : 'exact');
      return basicEstimate(request, specSize(geometry, terms));
    }
  }
}

const work = (entries: number, terms: number, denseCells = 0): WorkEstimate => ({ entries, terms, denseCells });

function basicEstimate(request: WorkRequest, s: SpecSize): WorkEstimate {
  const P = productTerms(s);
  switch (request.kind) {
    case 'matrix': return work(s.nonzeros, 2 * P);
    case 'product': return work(s.nonzeros, P);
    case 'dense': return work(s.nonzeros, 0, s.rows * s.cols);
    case 'eval': return work(s.nonzeros, 2 * s.taps);
    case 'element':
      if (request.view === 'matrix') return work(s.nonzeros, 2 * P, s.rows * s.cols);
      if (request.view === 'grid') return work(0, 0, s.rows + s.cols);
      return work(0, 0, 0);
    default: return work(s.nonzeros, 2 * P);
  }
}

/** The keys identities and topics add to a spec, which normalizeSpec does not take. */
const EXTRA_KEYS = ['order', 'multiplier', 'transposedPadding'];

function plain(spec: unknown): SpecInput | ConvSpec {
  if (isConvSpec(spec)) return spec;
  const out: Record<string, unknown> = { ...(spec as object) };
  for (const k of EXTRA_KEYS) delete out[k];
  return out as SpecInput;
}

/** Taps of the undilated kernel d(k−1)+1 (what the zero-inserted kernel visits). */
function spanTaps(spec: SpecGeometry): number {
  const blocks = spec.conv.outChannels * (spec.conv.inChannels / spec.groups);
  return blocks * product(spec.conv.axes.map((a) => a.o * kernelSpan(a.k, a.d)));
}

/** A taps-based bound: every tap (landing or not) times the largest entries. */
const tapTerms = (s: SpecSize) => s.taps * s.weightTerms * s.inputTerms;

const SPEC_ESTIMATES: Record<string, (spec: SpecGeometry, s: SpecSize, raw: unknown) => WorkEstimate> = {
  // K·z, the window, and for a padded 1D input the same again over the padded input
  'matrix': (_c, s) => work(3 * s.taps, 5 * tapTerms(s)),
  'window': (_c, s) => work(s.nonzeros, 2 * productTerms(s)),
  // the matrix derivation, then K's blocks keyed by their nonzeros
  'block': (c, s, raw) => {
    const e = SPEC_ESTIMATES.matrix!(c, s, raw);
    return work(e.entries + s.nonzeros, e.terms);
  },
  // (for a regular spec, its matrix derivation first) Kᵀy, scatter and zero insertion
  'transposed': (_c, s) => work(6 * s.taps, 8 * tapTerms(s)),
  'dilation': (c, s) => work(4 * spanTaps(c), 2 * spanTaps(c) * s.weightTerms * s.inputTerms, 2 * s.rows * s.cols),
  'separable': separableEstimate,
  // the costs and the check, then the stage matrices drawn (on a small example when K is large)
  'depthwise': (c, s, raw) => {
    const e = depthwiseEstimate(c, s, raw);
    // derive-depthwise draws the spec's own matrices up to MAX_SHOWN_ENTRIES (4096) cells of K, else a small example
    const drawn = s.rows * s.cols <= 4096 ? e : work(SMALL_EXAMPLE, SMALL_EXAMPLE);
    return work(e.entries + drawn.entries, e.terms + drawn.terms);
  },
  'pointwise': pointwiseEstimate,
  'flatten': (_c, s) => work(2 * s.nonzeros + s.rows + s.cols, 2 * productTerms(s)),
  'checkerboard': (_c, s) => work(3 * s.taps, 0),
  // K and Z (the same stored taps, padding modes included), K·z, Z·w, the sliding window and the products of one row
  'im2col': (_c, s) => work(2 * s.taps, 4 * tapTerms(s)),
  // Kᵀδ and Zᵀδ, the direct forms, and both gradient identities (each forms its products once more)
  'gradient': (_c, s) => work(8 * s.taps, 12 * tapTerms(s)),
};

const IDENTITY_ESTIMATES: Record<string, (spec: SpecGeometry, s: SpecSize, raw: unknown) => WorkEstimate> = {
  // a claimed dense matrix is the caller's, already in memory: its size is not the spec's work
  'matrix-equals-sliding-window': (_c, s) => work(s.nonzeros, 2 * productTerms(s), 0),
  'transposed-adjoint': (_c, s) => work(0, 4 * tapTerms(s) + s.rows + s.cols),
  'transposed-forms-agree': (_c, s) => work(2 * s.taps, 3 * tapTerms(s)),
  'shape-round-trip': () => work(0, 0),
  'dilation-zero-inserted-kernel': SPEC_ESTIMATES.dilation!,
  'rank1-separable': separableEstimate,
  'depthwise-separable-factorization': depthwiseEstimate,
  'pointwise-channel-matmul': pointwiseEstimate,
  'conv-dense-equivalence': SPEC_ESTIMATES.flatten!,
  'correlation-convolution-flip': (_c, s) => work(2 * s.nonzeros, 2 * productTerms(s), 2 * s.rows * s.cols),
  'checkerboard-divisibility': (_c, s) => work(3 * s.taps, 0),
  // K and Z, then K·z, Z·w and the sliding window (the numeric sides are floats)
  'im2col-duality': (_c, s) => work(2 * s.taps, 3 * tapTerms(s)),
  'circular-dft-diagonal': dftEstimate,
  // Kᵀ·δ or Zᵀ·δ (δ single symbols), and the transposed window or the correlations over the same taps
  'input-gradient-is-transposed': (_c, s) => work(2 * s.taps, 4 * tapTerms(s)),
  'weight-gradient-is-correlation': (_c, s) => work(2 * s.taps, 4 * tapTerms(s)),
};

/**
 * F·K·F⁻¹ by direct DFTs in float64: K, K·F⁻¹ and the result are dense N×N
 * (N = Π n, complex: two cells each), and each of the 2N transforms costs
 * N·Σn complex multiply-adds. A multiply-add of floats is counted as 1/64 of
 * an expanded polynomial term (a term costs about 0.7 µs, a float
 * multiply-add of the direct DFT a few ns), so the limits refuse what would take seconds.
 */
function dftEstimate(spec: SpecGeometry, s: SpecSize): WorkEstimate {
  const N = product(spec.input), sumN = spec.input.reduce((a, b) => a + b, 0);
  return work(s.taps, Math.ceil((2 * N * N * sumN) / 64), 5 * N * N);
}

/** Sparse stage products: every output entry of a stage product multiplies one factor per axis. */
function separableEstimate(spec: SpecGeometry, s: SpecSize): WorkEstimate {
  const n = product(spec.input), k = product(spec.kernel);
  const factorTerms = s.weightTerms ** spec.dims;
  // stage matrices (built for the check and for the costs), their product, K, the kernel's minors and factors;
  // one stage per axis, each touching every input at least once even for a 1-wide kernel (measured: 12 entries at 1×1)
  return work(6 * n * k + 3 * s.nonzeros + 8 * spec.dims * n + 16, (spec.dims * n * k + 6 * k) * factorTerms + 4 * k * s.weightTerms ** 2 + 2 * productTerms(s), k * k);
}

/** What the lecture's small depthwise example costs, drawn when the spec's own matrices are too large to read. */
const SMALL_EXAMPLE = 2000;

/**
 * P·D sparse: each pointwise entry meets the taps of one depthwise row; the
 * full kernel sums m products. The costs count the stage matrices once more.
 */
function depthwiseEstimate(spec: SpecGeometry, s: SpecSize, raw: unknown): WorkEstimate {
  const m = Math.max(1, Number((raw as { multiplier?: unknown }).multiplier ?? 1) || 1);
  const outputs = product(spec.conv.axes.map((a) => a.o)), k = product(spec.kernel);
  const full = spec.inChannels * spec.outChannels * outputs * k;
  const stages = m * spec.inChannels * outputs * (k + spec.outChannels);
  return work(2 * stages + 2 * full + 2 * s.nonzeros, m * full * s.weightTerms ** 2 + spec.outChannels * spec.inChannels * k * m, 0);
}

/** M·X dense: C_out·C_in·HW multiplies; plus K·z. */
function pointwiseEstimate(spec: SpecGeometry, s: SpecSize): WorkEstimate {
  const hw = product(spec.input);
  const cells = spec.outChannels * spec.inChannels + spec.inChannels * hw + 2 * spec.outChannels * hw;
  return work(2 * s.nonzeros, 2 * spec.outChannels * spec.inChannels * hw * s.weightTerms * s.inputTerms + 2 * productTerms(s), cells);
}

function topicEstimate(topic: string, raw: unknown): WorkEstimate {
  if (topic === 'receptive-field') return stackEstimate(raw, 'topic');
  const f = SPEC_ESTIMATES[topic];
  const { geometry, terms } = readSpec(plain(raw));
  return (f ?? ((_c, s) => basicEstimate({ kind: 'matrix' }, s)))(geometry, specSize(geometry, terms), raw);
}

function identityEstimate(id: string, raw: unknown): WorkEstimate {
  if (id === 'receptive-field-closed-form') return stackEstimate(raw, 'identity');
  if (id === 'stride1-composition') return compositionEstimate(raw);
  const f = IDENTITY_ESTIMATES[id];
  const { geometry, terms } = readSpec(plain(identitySpec(id, raw)));
  return (f ?? ((_c, s) => basicEstimate({ kind: 'matrix' }, s)))(geometry, specSize(geometry, terms), raw);
}

/** The spec an identity normalises: its defaults and implied flags (see each identity's check). */
function identitySpec(id: string, raw: unknown): unknown {
  const r = { ...(raw as object) } as Record<string, unknown>;
  if (id === 'pointwise-channel-matmul') return { kernel: 1, ...r };
  if (id === 'transposed-forms-agree' || id === 'checkerboard-divisibility') return { ...r, transposed: true };
  if ((id === 'transposed-adjoint' || id === 'shape-round-trip') && r.transposed !== true && r.transposed !== 'true') delete r.outputPadding;
  return r;
}
