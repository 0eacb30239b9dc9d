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
 * The taps of the regular convolution underlying `spec` that read an input,
 * one output row at a time: with zeros padding the taps that land inside the
 * input, columns ascending; with another padding mode every tap, a padding
 * tap reading the input its cell copies, so a row may list a column twice and
 * out of order (the matrix builder sorts them).
 * row = flat output index [C_out, ...o], col = flat input index [C_in, ...n],
 * tap = flat weight index [C_out, C_in/groups, ...k] (flipped in convolution mode).
 * A class with typed arrays, so that the builders' loops call one method per row.
 */
export class TapRows {
  /** output rows */
  readonly rows: number;
  /** the most taps a row can have */
  readonly widest: number;
  private readonly mA: Int32Array;
  private readonly mB: Int32Array;
  private readonly mC: Int32Array;
  /** the kernel's sizes and the input's sizes on the three axes, outputs on the last two */
  private readonly kA: number; private readonly kB: number; private readonly kC: number;
  private readonly nB: number; private readonly nC: number;
  private readonly oB: number; private readonly oC: number;
  private readonly flip: boolean;
  private readonly perChannel: { outputs: number; inputs: number; taps: number; cinG: number; coutG: number };

  constructor(spec: ConvSpec) {
    const [A, B, C] = threeAxes(spec.conv.axes) as [AxisGeometry, AxisGeometry, AxisGeometry];
    const mode = spec.paddingMode;
    this.mA = axisMap(A, mode); this.mB = axisMap(B, mode); this.mC = axisMap(C, mode);
    this.kA = A.k; this.kB = B.k; this.kC = C.k;
    this.nB = B.n; this.nC = C.n; this.oB = B.o; this.oC = C.o;
    this.flip = spec.mode === 'convolution';
    const cinG = spec.conv.inChannels / spec.groups;
    const outputs = A.o * B.o * C.o, taps = A.k * B.k * C.k;
    this.perChannel = { outputs, inputs: A.n * B.n * C.n, taps, cinG, coutG: spec.conv.outChannels / spec.groups };
    this.rows = spec.conv.outChannels * outputs;
    this.widest = cinG * taps;
  }

  /** Writes row r's columns and taps into `cols` and `taps` from index `at`; returns the index after the last. */
  write(r: number, cols: Int32Array, taps: Int32Array, at: number): number {
    const { outputs, inputs, taps: K, cinG, coutG } = this.perChannel;
    const { mA, mB, mC, kA, kB, kC, nB, nC, oB, oC, flip } = this;
    const oc = Math.floor(r / outputs), flat = r - oc * outputs;
    const c = flat % oC, b = Math.floor(flat / oC) % oB, a = Math.floor(flat / (oB * oC));
    const g = Math.floor(oc / coutG);
    for (let ic = 0; ic < cinG; ic++) {
      const colBase = (g * cinG + ic) * inputs;
      const tapBase = (oc * cinG + ic) * K;
      for (let ja = 0; ja < kA; ja++) {
        const ia = mA[a * kA + ja]!;
        if (ia === PADDING) continue;
        for (let jb = 0; jb < kB; jb++) {
          const ib = mB[b * kB + jb]!;
          if (ib === PADDING) continue;
          for (let jc = 0; jc < kC; jc++) {
            const ix = mC[c * kC + jc]!;
            if (ix === PADDING) continue;
            cols[at] = colBase + (ia * nB + ib) * nC + ix;
            taps[at++] = tapBase + (flip ? ((kA - 1 - ja) * kB + (kB - 1 - jb)) * kC + (kC - 1 - jc) : (ja * kB + jb) * kC + jc);
          }
        }
      }
    }
    return at;
  }
}

/** Visits every tap of TapRows in order, rows ascending: (row, col, tap). */
export function forEachTap(spec: ConvSpec, visit: (row: number, col: number, tap: number) => void): void {
  const rows = new TapRows(spec);
  const cols = new Int32Array(rows.widest), taps = new Int32Array(rows.widest);
  for (let r = 0; r < rows.rows; r++) {
    const end = rows.write(r, cols, taps, 0);
    for (let k = 0; k < end; k++) visit(r, cols[k]!, taps[k]!);
  }
}

/** Rows and columns of the regular convolution underlying `spec`. */
export function regularShape(spec: ConvSpec): { rows: number; cols: number } {
  return {
    rows: spec.conv.outChannels * product(spec.conv.axes.map((a) => a.o)),
    cols: spec.conv.inChannels * product(spec.conv.axes.map((a) => a.n)),
  };
}
