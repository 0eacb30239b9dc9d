import { type ComplexVector, complexVector, dft } from '../../algebra/dft.ts';
import { float64Ring } from '../../algebra/ring.ts';
import { substituteRandom } from '../../evaluate/numeric.ts';
import { SpecError } from '../../errors.ts';
import { ravel, unravel } from '../../geometry/flat-index.ts';
import { product } from '../../geometry/names.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { convMatrix } from '../../matrix/conv-matrix.ts';
import { forEachEntry } from '../../matrix/csr.ts';
import { compareVectors } from '../equivalence.ts';
import type { Comparison } from '../report.ts';
import { type ClaimEntry, claimedMatrix } from './claims.ts';
import { defineIdentity } from './define.ts';
import { P } from './parameters.ts';
import { failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { type SizeEstimate, bySpecSize, work } from '../../work/spec-estimate.ts';

/**
 * A stride-1 circular convolution is circulant, so the DFT diagonalises it.
 * For cross-correlation with dilation d and padding offset p₀ (per axis),
 *   K[o, i] = Σ_j w_j · [i ≡ o + j·d − p₀ (mod n)],
 * a circulant matrix whose first column is h, h[(p₀ − j·d) mod n] = w_j (the
 * zero-padded kernel reversed and shifted). With F[m, i] = ω^{−m·i} (numpy's
 * fft), ω = e^{2πi/n}: F·K·F⁻¹ = diag(λ), λ = F·h, λ_m = Σ_j w_j ω^{m(j·d − p₀)};
 * the eigenvector of λ_m is v_m[i] = ω^{m·i}, column m of F⁻¹ times n. In 2D
 * and 3D K is block-circulant with circulant blocks and F is the DFT of every
 * axis (F_{n₁} ⊗ F_{n₂} ⊗ …, row-major). Convolution mode flips the kernel.
 *
 * Checked numerically in complex float64 (symbolic weights get seeded values
 * in [−1, 1)): F·K·F⁻¹ is computed from the engine's K with a direct DFT, its
 * off-diagonal entries must vanish and its diagonal must equal F·h, h placed
 * from the weights by the formula above (not by the index map), within a
 * relative 1e-9. A claimed K (dense rows) replaces the engine's.
 */
export interface DftClaim {
  matrix?: ReadonlyArray<readonly ClaimEntry[]>;
}

const ID = 'circular-dft-diagonal';
const RELATIVE_TOLERANCE = 1e-9;
/** How many eigenvalues the report lists (the first, in row-major order of m). */
const SHOWN = 8;

/** Refuses a spec outside the hypothesis, naming the field and the rule. */
function assertCirculant(spec: ConvSpec): void {
  const refuse = (field: string, value: unknown, rule: string, fix: string) => {
    throw new SpecError({ field, value, rule: `the DFT diagonalises a circulant K: ${rule}`, fix });
  };
  if (spec.transposed) refuse('transposed', true, 'it is stated for a regular convolution', 'drop transposed');
  if (spec.paddingMode !== 'circular') refuse('paddingMode', spec.paddingMode, `needs paddingMode circular, the only mode whose K is circulant`, 'set paddingMode: "circular"');
  if (!spec.singleChannel) refuse(spec.inChannels > 1 ? 'inChannels' : 'outChannels', spec.inChannels > 1 ? spec.inChannels : spec.outChannels, 'it is stated for one input and one output channel (with more, K is a block matrix of circulants)', 'use inChannels: 1, outChannels: 1');
  if (spec.stride.some((s) => s !== 1)) refuse('stride', spec.stride, 'needs stride 1 on every axis (with stride s, K has n/s rows and is not square)', 'use stride 1');
  const off = spec.input.findIndex((n, a) => spec.output[a] !== n);
  if (off >= 0) {
    const d = spec.dilation[off]!, k = spec.kernel[off]!;
    refuse('padding', spec.padding, `needs the output size to equal the input size on every axis; axis ${off + 1} maps ${spec.input[off]} to ${spec.output[off]}, so p₀ + p₁ must be d(k−1) = ${d * (k - 1)}`, `pad by ${d * (k - 1)} in total on that axis (padding "same" does)`);
  }
}

/** The kernel placed as the first column of K: h[(p₀ − j·d) mod n] += w_j (the flipped kernel in convolution mode). */
export function circulantColumn(spec: ConvSpec, w: readonly number[]): Float64Array {
  const h = new Float64Array(product(spec.input));
  for (let t = 0; t < w.length; t++) {
    const j = unravel(t, spec.kernel);
    const weight = spec.mode === 'convolution' ? w[ravel(j.map((x, a) => spec.kernel[a]! - 1 - x), spec.kernel)]! : w[t]!;
    const at = j.map((x, a) => mod(spec.padding[a]![0] - x * spec.dilation[a]!, spec.input[a]!));
    h[ravel(at, spec.input)]! += weight;
  }
  return h;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** F·A·F⁻¹ for a dense real N×N matrix A (rows row-major): F⁻¹ on each row, then F on each column. */
function conjugateByDft(a: Float64Array, shape: readonly number[]): ComplexVector {
  const N = product(shape);
  const x = { re: new Float64Array(N * N), im: new Float64Array(N * N) };
  for (let o = 0; o < N; o++) {
    // (A·F⁻¹)[o, m] = (1/N) Σ_i A[o, i] ω^{m·i}: the inverse DFT of row o
    const r = dft(complexVector(a.subarray(o * N, (o + 1) * N)), shape, 1);
    x.re.set(r.re, o * N);
    x.im.set(r.im, o * N);
  }
  const out = { re: new Float64Array(N * N), im: new Float64Array(N * N) };
  const col = { re: new Float64Array(N), im: new Float64Array(N) };
  for (let m = 0; m < N; m++) {
    for (let o = 0; o < N; o++) { col.re[o] = x.re[o * N + m]!; col.im[o] = x.im[o * N + m]!; }
    const c = dft(col, shape, -1);
    for (let o = 0; o < N; o++) { out.re[o * N + m] = c.re[o]!; out.im[o * N + m] = c.im[o]!; }
  }
  return out;
}

/** The engine's K (or a claimed one) as dense float rows, with the weights' seeded values. */
function denseK(spec: ConvSpec, claim: DftClaim['matrix']): { a: Float64Array; w: number[] } | string {
  const N = product(spec.input);
  const rows = claim ? claimedMatrix(claim, 'matrix') : [];
  if (claim && (rows.length !== N || rows.some((r) => r.length !== N))) return `K is ${rows.length}×${rows[0]?.length ?? 0}, the spec needs ${N}×${N}`;
  const [w, values] = substituteRandom([spec.weights, rows.flat()], 17) as [number[], number[]];
  const a = new Float64Array(N * N);
  if (claim) a.set(values);
  else forEachEntry(convMatrix(spec), (r, c, t) => { a[r * N + c]! += w[t]!; });
  return { a, w };
}

const multiIndex = (spec: ConvSpec) => (m: number) => (spec.dims === 1 ? `λ${m}` : `λ(${unravel(m, spec.input).join(',')})`);
const show = (v: number) => String(Number(v.toPrecision(12)));
/** a + bi, with parts below the tolerance written as 0 (rounding noise of the DFT) */
const complexText = (re: number, im: number, tol: number) => {
  const [a, b] = [Math.abs(re) <= tol ? 0 : re, Math.abs(im) <= tol ? 0 : im];
  return `${show(a)}${b < 0 ? ' - ' : ' + '}${show(Math.abs(b))}i`;
};

export function checkCircularDftDiagonal(input: SpecInput | ConvSpec, options: DftClaim = {}): IdentityReport {
  const spec = normalizeSpec(input);
  assertCirculant(spec);
  const K = denseK(spec, options.matrix);
  if (typeof K === 'string') return failedReport(ID, K);
  const N = product(spec.input);
  const m = conjugateByDft(K.a, spec.input);
  const lambda = dft(complexVector(circulantColumn(spec, K.w)), spec.input, -1);
  const scale = Math.max(1, K.w.reduce((s, x) => s + Math.abs(x), 0));
  const tol = RELATIVE_TOLERANCE * scale;
  const offDiagonal = Array.from({ length: N }, (_, r) => {
    let most = 0;
    for (let c = 0; c < N; c++) if (c !== r) most = Math.max(most, Math.hypot(m.re[r * N + c]!, m.im[r * N + c]!));
    return most;
  });
  const names = Array.from({ length: N }, (_, i) => multiIndex(spec)(i));
  const near = (a: number, b: number) => Math.abs(a - b) <= tol;
  const compare = (a: number[], b: number[], labels: [string, string], rowNames: string[]): Comparison =>
    compareVectors(a, b, { ring: float64Ring, labels, names: rowNames, show, same: near });
  const diag = (part: Float64Array) => Array.from({ length: N }, (_, i) => part[i * N + i]!);
  return identityReport(ID, [
    compare(offDiagonal, new Array(N).fill(0), ['largest off-diagonal |(F K F⁻¹)[m, m′]|', '0'], names.map((n) => `row of ${n}`)),
    compare(diag(m.re), Array.from(lambda.re), ['Re diag(F K F⁻¹)', 'Re (F h)'], names),
    compare(diag(m.im), Array.from(lambda.im), ['Im diag(F K F⁻¹)', 'Im (F h)'], names),
  ], {
    n: spec.input, tolerance: tol, padding: spec.padding.map((p) => p[0]),
    eigenvalues: Array.from({ length: Math.min(N, SHOWN) }, (_, i) => complexText(lambda.re[i]!, lambda.im[i]!, tol)),
    ...(N > SHOWN ? { eigenvaluesShown: `the first ${SHOWN} of ${N}` } : {}),
  });
}

/**
 * F·K·F⁻¹ by direct DFTs in float64: K, K·F⁻¹ and the result are dense N×N
 * (N = Π n, complex: two cells each), and each of the 2N transforms costs
 * N·Σn complex multiply-adds. A multiply-add of floats is counted as 1/64 of
 * an expanded polynomial term (a term costs about 0.7 µs, a float
 * multiply-add of the direct DFT a few ns), so the limits refuse what would take seconds.
 */
const dftEstimate: SizeEstimate = (spec, s) => {
  const N = product(spec.input), sumN = spec.input.reduce((a, b) => a + b, 0);
  return work(s.taps, Math.ceil((2 * N * N * sumN) / 64), 5 * N * N);
};

export const circularDftDiagonal = defineIdentity<SpecInput, DftClaim>({
  id: ID,
  title: 'A circular convolution is diagonalised by the DFT',
  statement: 'F K F^{-1} = \\operatorname{diag}(\\lambda), \\quad \\lambda_m = \\sum_{j} w_j\\, \\omega^{m (j d - p_0)} = (F h)_m, \\quad F_{m i} = \\omega^{-m i},\\ \\omega = e^{2\\pi \\mathrm{i}/n},\\ h_{(p_0 - j d) \\bmod n} = w_j',
  holdsWhen: 'For a single-channel regular convolution with stride 1, paddingMode circular and p₀ + p₁ = d(k−1) on every axis (the output has the input\'s size; padding "same" does it). Then K[o, i] = Σ_j w_j·[i ≡ o + j·d − p₀ (mod n)] is circulant (block-circulant with circulant blocks in 2D and 3D, where F is the DFT of every axis, F_{n₁} ⊗ F_{n₂}, in row-major order). Its eigenvectors are the Fourier vectors v_m[i] = ω^{m·i} (column m of F⁻¹, times n) and its eigenvalues λ = F·h, the DFT of its first column h: the zero-padded kernel, reversed and shifted by p₀. With mode convolution the kernel is flipped first (w_j becomes w_{k−1−j}). Checked in float64 to a relative 1e-9.',
  failsWhen: 'Outside the hypothesis it is refused with the reason: stride > 1 (K is not square), p₀ + p₁ ≠ d(k−1) (the output size differs from the input size), padding modes zeros, reflect or replicate (K is not circulant: border entries are missing or summed), several channels (a block matrix of circulants, diagonalised block by block) and transposed specs. For any other K, even one entry changed, F K F⁻¹ has off-diagonal entries, which the report names by row.',
  parameters: [
    P.input, P.kernel, P.dilation,
    { field: 'padding', symbol: 'p', range: 'p₀ + p₁ = d(k−1) per axis, each side at most n (PyTorch\'s circular bound)', min: 0 },
    { field: 'paddingMode', symbol: '\\text{mode}', range: 'circular' },
    { field: 'stride', symbol: 's', range: '1', min: 1, max: 1 },
    P.mode,
  ],
  examples: [
    { input: 6, kernel: 3, padding: 1, paddingMode: 'circular' },
    { input: [4, 4], kernel: [3, 3], padding: 1, paddingMode: 'circular' },
    { input: 8, kernel: 3, dilation: 2, padding: [[3, 1]], paddingMode: 'circular' },
    { input: 5, kernel: 2, padding: 'same', paddingMode: 'circular', mode: 'convolution', weights: '[1,-1]' },
  ],
  sampling: {
    constraints: { dims: [1, 2], maxSize: 6, maxStride: 1, maxPadding: 0, mode: true },
    extras: 2,
    build: (spec, extras) => {
      const kernel = spec.kernel as number[], dilation = (spec.dilation as number[] | undefined) ?? kernel.map(() => 1);
      const padding = kernel.map((k, a) => {
        const total = dilation[a]! * (k - 1), p0 = Math.abs(extras[a] ?? 0) % (total + 1);
        return [p0, total - p0] as [number, number];
      });
      return { ...spec, padding, paddingMode: 'circular' };
    },
  },
  check: checkCircularDftDiagonal,
  estimate: bySpecSize(dftEstimate),
});
