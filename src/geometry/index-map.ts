import type { AxisGeometry, ConvSpec } from './spec.ts';
import { product } from './names.ts';
import { zeroInsertedLength } from './output-size.ts';
import { type PaddingMode, padSource } from './padding-mode.ts';

/**
 * The one primitive. On one axis, output position o and kernel tap j read input
 * position i = o·s + j·d − p₀, or padding when i is outside [0, n): a zero, or
 * with a padding mode other than zeros the input the padding cell copies
 * (padSource, padding-mode.ts). Axes combine
 * as products; channels and groups form blocks. Every view (matrix, scatter,
 * receptive field, overlap, cost) asks this module and nothing else.
 */
export const PADDING = -1;
/** A zero inserted between two samples (the zero-insertion form of a transposed convolution). */
export const INSERTED = -2;

/** Where tap j of output o sits on the padded axis (padding included): o·s + j·d. */
export function paddedPosition(s: number, d: number, o: number, j: number): number {
  return o * s + j * d;
}

/** The input that tap j of output o reads on one axis: i, or the sample a padding cell copies, or PADDING (a zero). */
export function axisIndex(axis: AxisGeometry, o: number, j: number, mode: PaddingMode = 'zeros'): number {
  const i = paddedPosition(axis.s, axis.d, o, j) - axis.p0;
  if (i >= 0 && i < axis.n) return i;
  const src = mode === 'zeros' ? -1 : padSource(mode, i, axis.n);
  return src < 0 ? PADDING : src;
}

/**
 * The axis as it is drawn: n samples with s−1 zeros inserted between
 * neighbours (none when s = 1), padded by p₀ before and p₁ after (a negative
 * amount crops). Entry q is the sample drawn at position q, PADDING or INSERTED.
 */
export function drawnAxis(n: number, s: number, p0: number, p1: number): Int32Array {
  const m = zeroInsertedLength(n, s);
  const out = new Int32Array(Math.max(0, m + p0 + p1));
  for (let q = 0; q < out.length; q++) {
    const u = q - p0;
    out[q] = u < 0 || u >= m ? PADDING : u % s === 0 ? u / s : INSERTED;
  }
  return out;
}

/** The whole map of one axis: entry [o·k + j] is the input index (or the one a padding cell copies) or PADDING. */
export function axisMap(axis: AxisGeometry, mode: PaddingMode = 'zeros'): Int32Array {
  const m = new Int32Array(axis.o * axis.k);
  for (let o = 0; o < axis.o; o++) for (let j = 0; j < axis.k; j++) m[o * axis.k + j] = axisIndex(axis, o, j, mode);
  return m;
}

const UNIT: AxisGeometry = { n: 1, o: 1, k: 1, s: 1, d: 1, p0: 0, p1: 0 };

/** Pads the axes to three so that one triple loop serves 1D, 2D and 3D. */
function threeAxes(axes: readonly AxisGeometry[]): AxisGeometry[] {
  return [...Array(3 - axes.length).fill(UNIT), ...axes];
}

/**
 * Visits every tap of the regular convolution underlying `spec` that reads an
 * input: with zeros padding the taps that land inside the input, rows in
 * order and columns ascending in each row; with another padding mode every
 * tap, a padding tap reading the input its cell copies, so a row may visit a
 * column twice and out of order (the matrix builder sorts them):
 * row = flat output index [C_out, ...o], col = flat input index [C_in, ...n],
 * tap = flat weight index [C_out, C_in/groups, ...k] (flipped in convolution mode).
 */
export function forEachTap(spec: ConvSpec, visit: (row: number, col: number, tap: number) => void): void {
  const [A, B, C] = threeAxes(spec.conv.axes) as [AxisGeometry, AxisGeometry, AxisGeometry];
  const mode = spec.paddingMode;
  const mA = axisMap(A, mode), mB = axisMap(B, mode), mC = axisMap(C, mode);
  const flip = spec.mode === 'convolution';
  const O = A.o * B.o * C.o, N = A.n * B.n * C.n, K = A.k * B.k * C.k;
  const cinG = spec.conv.inChannels / spec.groups;
  const coutG = spec.conv.outChannels / spec.groups;
  for (let oc = 0; oc < spec.conv.outChannels; oc++) {
    const g = Math.floor(oc / coutG);
    for (let a = 0; a < A.o; a++) for (let b = 0; b < B.o; b++) for (let c = 0; c < C.o; c++) {
      const row = oc * O + (a * B.o + b) * C.o + c;
      for (let ic = 0; ic < cinG; ic++) {
        const colBase = (g * cinG + ic) * N;
        const tapBase = (oc * cinG + ic) * K;
        for (let ja = 0; ja < A.k; ja++) {
          const ia = mA[a * A.k + ja]!;
          if (ia === PADDING) continue;
          for (let jb = 0; jb < B.k; jb++) {
            const ib = mB[b * B.k + jb]!;
            if (ib === PADDING) continue;
            for (let jc = 0; jc < C.k; jc++) {
              const ix = mC[c * C.k + jc]!;
              if (ix === PADDING) continue;
              const j = flip
                ? ((A.k - 1 - ja) * B.k + (B.k - 1 - jb)) * C.k + (C.k - 1 - jc)
                : (ja * B.k + jb) * C.k + jc;
              visit(row, colBase + (ia * B.n + ib) * C.n + ix, tapBase + j);
            }
          }
        }
      }
    }
  }
}

/** Rows and columns of the regular convolution underlying `spec`. */
export function regularShape(spec: ConvSpec): { rows: number; cols: number } {
  return {
    rows: spec.conv.outChannels * product(spec.conv.axes.map((a) => a.o)),
    cols: spec.conv.inChannels * product(spec.conv.axes.map((a) => a.n)),
  };
}
