import { polynomialRing, float64Ring } from '../../algebra/ring.ts';
import type { Polynomial } from '../../algebra/polynomial.ts';
import { evaluateByWindow } from '../../evaluate/evaluate.ts';
import { seededRandom } from '../../evaluate/numeric.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import { convMatrix } from '../../matrix/conv-matrix.ts';
import { type ConvMatrix, isConvMatrix, nonzeros } from '../../matrix/csr.ts';
import { im2colMatrix } from '../../matrix/im2col.ts';
import { matVec } from '../../matrix/products.ts';
import { compareVectors } from '../equivalence.ts';
import { type ClaimEntry, claimedMatrix } from './claims.ts';
import { defineIdentity } from './define.ts';
import { SPEC_PARAMETERS } from './parameters.ts';
import { comparePolynomials, failedReport, identityReport } from './report.ts';
import type { IdentityReport } from './types.ts';
import { bySpecSize, tapTerms, work } from '../../work/spec-estimate.ts';

/**
 * K(w)·z = Z(z)·w: the im2col matrix Z holds the inputs and multiplies the
 * weights. Three computations of the outputs are compared exactly: K(w)·z
 * (the convolution matrix), Z(z)·w (the im2col matrix) and the sliding window
 * (which builds neither); symbolically, then numerically on seeded integers.
 * A claimed Z (a ConvMatrix holding input indices, or dense rows of input
 * entries) replaces the engine's: one moved entry is named by its output.
 */
export interface Im2colClaim {
  matrix?: ConvMatrix | ReadonlyArray<readonly ClaimEntry[]>;
}

const ID = 'im2col-duality';

/** Z·w for a claimed Z, or null with the reason when its shape is not the spec's. */
function claimedProduct(spec: ConvSpec, claim: Im2colClaim['matrix'], w: readonly Polynomial[]): Polynomial[] | string {
  const want = `${spec.outputNames.length}×${spec.weights.length}`;
  if (isConvMatrix(claim)) {
    if (claim.rows !== spec.outputNames.length || claim.cols !== spec.weights.length) return `Z is ${claim.rows}×${claim.cols}, the spec needs ${want} (outputs × weights)`;
    return matVec(claim, spec.inputs, w, polynomialRing);
  }
  const m = claimedMatrix(claim!, 'matrix');
  if (m.length !== spec.outputNames.length || (m[0]?.length ?? 0) !== spec.weights.length) return `Z is ${m.length}×${m[0]?.length ?? 0}, the spec needs ${want} (outputs × weights)`;
  return m.map((row) => polynomialRing.sum(row.map((v, t) => polynomialRing.mul(v, w[t]!))));
}

/** The same products over seeded integers in [−4, 4]: exact in float64. */
function numericSides(spec: ConvSpec, K: ConvMatrix, Z: ConvMatrix): { kz: number[]; zw: number[] } {
  const rand = seededRandom(13);
  const int = () => Math.floor(rand() * 9) - 4;
  const w = spec.weights.map(int), x = spec.inputs.map(int);
  return { kz: matVec(K, w, x, float64Ring), zw: matVec(Z, x, w, float64Ring) };
}

export function checkIm2colDuality(input: SpecInput | ConvSpec, options: Im2colClaim = {}): IdentityReport {
  const spec = normalizeSpec(input);
  const K = convMatrix(spec);
  const w = spec.weights, z = spec.inputs;
  const kz = matVec(K, w, z, polynomialRing);
  const window = evaluateByWindow(spec, w, z, polynomialRing);
  if (options.matrix !== undefined) {
    const zw = claimedProduct(spec, options.matrix, w);
    if (typeof zw === 'string') return failedReport(ID, zw);
    return identityReport(ID, [comparePolynomials(kz, zw, ['K(w)·z', 'Z(z)·w'], spec.outputNames), comparePolynomials(zw, window, ['Z(z)·w', 'sliding window'], spec.outputNames)]);
  }
  const Z = im2colMatrix(spec);
  const zw = matVec(Z, z, w, polynomialRing);
  const num = numericSides(spec, K, Z);
  return identityReport(ID, [
    comparePolynomials(kz, zw, ['K(w)·z', 'Z(z)·w'], spec.outputNames),
    comparePolynomials(zw, window, ['Z(z)·w', 'sliding window'], spec.outputNames),
    compareVectors(num.kz, num.zw, { ring: float64Ring, labels: ['K(w)·z (integers)', 'Z(z)·w (integers)'], names: spec.outputNames, show: String }),
  ], { rows: Z.rows, cols: Z.cols, nonzeros: nonzeros(Z), nonzerosOfK: nonzeros(K) });
}

export const im2colDuality = defineIdentity<SpecInput, Im2colClaim>({
  id: ID,
  title: 'The im2col matrix: K(w)·z = Z(z)·w',
  statement: 'K(w)\\, z = Z(z)\\, w \\quad\\text{where}\\quad Z(z)_{o,j} = z_{o s + j d - p_{0}} \\ (0 \\text{ on padding})',
  holdsWhen: 'For every valid spec: 1, 2 or 3 spatial axes, channels and groups (Z is block diagonal over output channels), stride, padding (every padding mode: a padding tap holds the input it copies, so Z keeps apart the taps K sums), dilation, transposed and both modes. Z has a row per output and a column per weight, in the order of the weights [C_out, C_in/groups, k…] ([C_in, C_out/groups, k…] when transposed), and holds the input each tap reads (with mode convolution the kernel is flipped, j becomes k−1−j).',
  failsWhen: 'It fails for any other Z: an entry moved to another column or row, an input read twice or not at all, or the Z of another spec (other stride, padding or dilation), which the report names by output entry.',
  parameters: SPEC_PARAMETERS,
  examples: [
    { input: 6, kernel: 3 },
    { input: 4, kernel: 3, padding: 1, weights: 'x,y,z', inputs: 'a,b,c,d' },
    { input: [4, 4], kernel: [2, 2], inChannels: 2, outChannels: 2 },
    { input: 4, kernel: 2, inChannels: 4, outChannels: 4, groups: 2 },
  ],
  sampling: {
    constraints: { dims: [1, 2, 3], maxSize: 5, channels: true, transposed: 'either', mode: true, asymmetricPadding: true },
    extras: 0,
    build: (spec) => spec,
  },
  check: checkIm2colDuality,
  // K and Z, then K·z, Z·w and the sliding window (the numeric sides are floats)
  estimate: bySpecSize((_c, s) => work(2 * s.taps, 3 * tapTerms(s))),
});
