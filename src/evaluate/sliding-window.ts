import { type Ring, dotProduct } from '../algebra/ring.ts';
import { type PaddingMode, padSource } from '../geometry/padding-mode.ts';

/**
 * The textbook sliding window, the check on every matrix. It is written from
 * the definition and shares nothing with the index map: pad the input (with
 * zeros, or per PyTorch's padding mode with copies of inputs, padSource; a
 * negative amount crops), put the kernel at each window position,
 * and take the dot product. Layouts: input [C_in, ...n], weight
 * [C_out, C_in/groups, ...k], output [C_out, ...o].
 */
export interface WindowProblem {
  input: readonly number[];
  kernel: readonly number[];
  stride: readonly number[];
  dilation: readonly number[];
  padding: ReadonlyArray<readonly [number, number]>;
  inChannels: number;
  outChannels: number;
  groups: number;
  /** true convolution: the kernel is flipped on every spatial axis */
  flip: boolean;
  /** what a padding cell holds; zeros when absent */
  paddingMode?: PaddingMode;
}

export interface WindowResult<T> {
  values: T[];
  shape: number[];
}

export function slidingWindow<T>(p: WindowProblem, weights: readonly T[], input: readonly T[], ring: Ring<T>): WindowResult<T> {
  const dims = p.input.length;
  const pad = (v: readonly number[], fill: number) => [...Array(3 - dims).fill(fill), ...v];
  const n = pad(p.input, 1), k = pad(p.kernel, 1), s = pad(p.stride, 1), d = pad(p.dilation, 1);
  const pads = [...Array(3 - dims).fill([0, 0]), ...p.padding] as Array<readonly [number, number]>;
  const padded = n.map((x, a) => x + pads[a]![0] + pads[a]![1]);
  const out = n.map((_, a) => Math.floor((padded[a]! - (d[a]! * (k[a]! - 1) + 1)) / s[a]!) + 1);
  const cinG = p.inChannels / p.groups, coutG = p.outChannels / p.groups;

  // 1. the padded input, one array per channel: zeros, or the input each padding cell copies
  const mode = p.paddingMode ?? 'zeros';
  // per axis, the input sample each padded position holds (−1: a zero)
  const sources = padded.map((P, a) => Int32Array.from({ length: P }, (_, u) => padSource(mode, u - pads[a]![0], n[a]!)));
  const [src0, src1, src2] = sources as [Int32Array, Int32Array, Int32Array];
  const paddedInput: T[][] = [];
  for (let c = 0; c < p.inChannels; c++) {
    const img: T[] = new Array(padded[0]! * padded[1]! * padded[2]!).fill(ring.zero);
    let cell = 0;
    for (let x = 0; x < padded[0]!; x++) for (let y = 0; y < padded[1]!; y++) for (let z = 0; z < padded[2]!; z++, cell++) {
      const ox = src0[x]!, oy = src1[y]!, oz = src2[z]!;
      if (ox < 0 || oy < 0 || oz < 0) continue;
      img[cell] = input[((c * n[0]! + ox) * n[1]! + oy) * n[2]! + oz]!;
    }
    paddedInput.push(img);
  }

  // 2. each window position: the dot product of the kernel with the window
  const [k0, k1, k2] = k as [number, number, number];
  const [s0, s1, s2] = s as [number, number, number], [d0, d1, d2] = d as [number, number, number];
  const [, P1, P2] = padded as [number, number, number], [O0, O1, O2] = out as [number, number, number];
  // the kernel's taps in order: the cell each reads, counted from the window's first cell, and the weight it takes
  const K = k0 * k1 * k2;
  const cellOf = new Int32Array(K), weightOf = new Int32Array(K);
  for (let u = 0, t = 0; u < k0; u++) for (let v = 0; v < k1; v++) for (let w = 0; w < k2; w++, t++) {
    cellOf[t] = (u * d0 * P1 + v * d1) * P2 + w * d2;
    // true convolution reads the kernel flipped on every axis
    weightOf[t] = p.flip ? ((k0 - 1 - u) * k1 + (k1 - 1 - v)) * k2 + (k2 - 1 - w) : t;
  }
  const values: T[] = [];
  // reused between windows: set to each window's length only when it changes (emptying would free the backing store)
  const ws: T[] = [], cells: T[] = [];
  for (let oc = 0; oc < p.outChannels; oc++) {
    const group = Math.floor(oc / coutG);
    for (let x = 0; x < O0; x++) for (let y = 0; y < O1; y++) for (let z = 0; z < O2; z++) {
      const first = (x * s0 * P1 + y * s1) * P2 + z * s2;
      let m = 0;
      for (let ic = 0; ic < cinG; ic++) {
        const img = paddedInput[group * cinG + ic]!;
        const kernelBase = (oc * cinG + ic) * K;
        for (let t = 0; t < K; t++) {
          const cell = img[first + cellOf[t]!]!;
          if (ring.isZero(cell)) continue;
          ws[m] = weights[kernelBase + weightOf[t]!]!;
          cells[m++] = cell;
        }
      }
      if (ws.length !== m) { ws.length = m; cells.length = m; }
      values.push(dotProduct(ring, ws, cells));
    }
  }
  return { values, shape: [p.outChannels, ...out.slice(3 - dims)] };
}
