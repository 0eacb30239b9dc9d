/**
 * An independent reference for convolutions in plain float arrays. It imports
 * nothing from src/: sizes, indices, padding and the transposed convolution are
 * all re-derived here from the definitions, so the engine can be held against
 * it. Layouts follow PyTorch without the batch axis:
 *   input [C_in, ...n], conv weight [C_out, C_in/groups, ...k],
 *   transposed weight [C_in, C_out/groups, ...k], output [C_out, ...o].
 */
export interface Tensor {
  data: number[];
  shape: number[];
}

export interface OracleParams {
  stride?: number[];
  dilation?: number[];
  /** [before, after] per spatial axis */
  padding?: Array<[number, number]>;
  groups?: number;
  /** true convolution (kernel flipped) instead of cross-correlation */
  flip?: boolean;
  /** PyTorch's padding_mode: what a padding cell holds (zeros when absent) */
  paddingMode?: OraclePaddingMode;
}

export type OraclePaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

/**
 * The sample that position u of an axis of n samples holds after padding, or
 * −1 for a zero, from the definitions of torch.nn.functional.pad:
 *   reflect    the signal mirrored about its first and last samples, which are
 *              not repeated: a sequence of period 2(n−1) (…z3 z2 z1 z2 z3…)
 *   replicate  the nearest edge sample
 *   circular   the signal repeated with period n
 */
export function paddedSample(mode: OraclePaddingMode, u: number, n: number): number {
  if (u >= 0 && u < n) return u;
  if (mode === 'zeros') return -1;
  if (mode === 'replicate') return Math.min(n - 1, Math.max(0, u));
  if (mode === 'circular') return u - n * Math.floor(u / n);
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const r = Math.abs(u) % period;
  return r < n ? r : period - r;
}

export interface OracleTransposeParams extends OracleParams {
  outputPadding?: number[];
}

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/** Row-major multi-index of a flat index (last axis fastest). */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) {
    idx[a] = flat % shape[a]!;
    flat = Math.floor(flat / shape[a]!);
  }
  return idx;
}

/** Flat index of a multi-index, or −1 when some coordinate is outside the shape. */
export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let a = 0; a < shape.length; a++) {
    if (idx[a]! < 0 || idx[a]! >= shape[a]!) return -1;
    flat = flat * shape[a]! + idx[a]!;
  }
  return flat;
}

function defaults(spatial: number, p: OracleParams) {
  return {
    s: p.stride ?? Array(spatial).fill(1),
    d: p.dilation ?? Array(spatial).fill(1),
    pad: p.padding ?? Array.from({ length: spatial }, () => [0, 0] as [number, number]),
    g: p.groups ?? 1,
  };
}

/**
 * Every multiply-add of a convolution, from the definition:
 * out[oc, o] += w[oc, c, j]·x[g·C_in/g + c, o·s + j·d − p₀] for every tap that lands
 * inside x; outside is zero padding (skipped), or with another padding mode the
 * sample the padding cell holds (paddedSample). Visits (flat out, flat x, flat w)
 * and returns the output shape.
 */
export function forEachProduct(
  xShape: readonly number[], wShape: readonly number[], p: OracleParams,
  visit: (out: number, x: number, w: number) => void,
): number[] {
  const [cin, ...n] = xShape;
  const [cout, cinG, ...k] = wShape;
  const { s, d, pad, g } = defaults(n.length, p);
  if (cinG! * g !== cin || cout! % g !== 0) throw new Error('oracle: channels do not match groups');
  const o = n.map((len, a) => Math.floor((len + pad[a]![0] + pad[a]![1] - d[a]! * (k[a]! - 1) - 1) / s[a]!) + 1);
  if (o.some((v) => v < 1)) throw new Error('oracle: empty output');
  const outShape = [cout!, ...o];
  for (let flatOut = 0; flatOut < prod(outShape); flatOut++) {
    const [oc, ...pos] = unravel(flatOut, outShape);
    const group = Math.floor(oc! / (cout! / g));
    for (let c = 0; c < cinG!; c++) {
      for (let flatK = 0; flatK < prod(k); flatK++) {
        const j = unravel(flatK, k);
        const xi = ravel(pos.map((v, a) => paddedSample(p.paddingMode ?? 'zeros', v * s[a]! + j[a]! * d[a]! - pad[a]![0], n[a]!)), n);
        if (xi < 0) continue;
        const jw = p.flip ? j.map((v, a) => k[a]! - 1 - v) : j;
        visit(flatOut, (group * cinG! + c) * prod(n) + xi, ravel([oc!, c, ...jw], wShape));
      }
    }
  }
  return outShape;
}

/** Cross-correlation (or convolution with `flip`): out[oc, o] = Σ w[oc, c, j]·x[c, o·s + j·d − p₀]. */
export function oracleConv(x: Tensor, w: Tensor, p: OracleParams = {}): Tensor {
  const terms: Array<[number, number, number]> = [];
  const shape = forEachProduct(x.shape, w.shape, p, (o, i, j) => terms.push([o, i, j]));
  const data = new Array<number>(prod(shape)).fill(0);
  for (const [o, i, j] of terms) data[o] = data[o]! + w.data[j]! * x.data[i]!;
  return { data, shape };
}

/**
 * Transposed convolution by its adjoint definition: K is the convolution with
 * the same (k, s, p, d) whose input has the transposed output's length,
 * restricted to the first n outputs per axis; Kᵀ moves each product of K
 * backwards: out[i] += w[j]·x[o] wherever K has out[o] += w[j]·z[i].
 */
export function oracleConvTranspose(x: Tensor, w: Tensor, p: OracleTransposeParams = {}): Tensor {
  const [cin, ...n] = x.shape;
  const [wcin, coutG, ...k] = w.shape;
  const { s, d, pad, g } = defaults(n.length, p);
  if (wcin !== cin) throw new Error('oracle: transposed weight must have C_in first');
  const op = p.outputPadding ?? Array(n.length).fill(0);
  const o = n.map((len, a) => (len - 1) * s[a]! - pad[a]![0] - pad[a]![1] + d[a]! * (k[a]! - 1) + op[a]! + 1);
  if (o.some((v) => v < 1)) throw new Error('oracle: empty output');
  const outShape = [coutG! * g, ...o];
  const data = new Array<number>(prod(outShape)).fill(0);
  const terms: Array<[number, number, number]> = [];
  const kShape = forEachProduct(outShape, w.shape, p, (r, i, j) => terms.push([r, i, j]));
  for (const [r, i, j] of terms) {
    const xr = ravel(unravel(r, kShape), x.shape); // rows of K beyond the first n per axis are dropped
    if (xr >= 0) data[i] = data[i]! + w.data[j]! * x.data[xr]!;
  }
  return { data, shape: outShape };
}

/** Permutes the axes of a tensor: result axis a is source axis perm[a] (for tfjs layouts). */
export function permute(t: Tensor, perm: readonly number[]): Tensor {
  const shape = perm.map((a) => t.shape[a]!);
  const data = new Array<number>(t.data.length);
  for (let flat = 0; flat < data.length; flat++) {
    const idx = unravel(flat, shape);
    const src = new Array<number>(t.shape.length);
    perm.forEach((a, i) => { src[a] = idx[i]!; });
    data[flat] = t.data[ravel(src, t.shape)]!;
  }
  return { data, shape };
}

/** A tensor of random integers in [lo, hi] from a given generator. */
export function randomTensor(shape: number[], rand: () => number, lo = -3, hi = 3): Tensor {
  return { shape, data: Array.from({ length: prod(shape) }, () => lo + Math.floor(rand() * (hi - lo + 1))) };
}

/** A tiny seeded generator (test-only, independent of src/evaluate/numeric.ts). */
export function lcg(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

/** A nested array as `convmat eval` reads and prints tensors ([C, ...spatial]). */
export type Nested = number | Nested[];

/** The entries of a nested array, row-major. */
export const flatNested = (x: Nested): number[] => (Array.isArray(x) ? x.flatMap(flatNested) : [x]);

/** A tensor as a nested array. */
export function nest(t: Tensor): Nested {
  const build = (data: number[], shape: number[]): Nested => {
    if (shape.length === 0) return data[0]!;
    const [n, ...rest] = shape;
    const size = rest.reduce((a, b) => a * b, 1);
    return Array.from({ length: n! }, (_, i) => build(data.slice(i * size, (i + 1) * size), rest));
  };
  return build(t.data, t.shape);
}
