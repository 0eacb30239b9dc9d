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
  const source = (u: number, a: number) => padSource(mode, u, n[a]!);
  const paddedInput: T[][] = [];
  for (let c = 0; c < p.inChannels; c++) {
    const img: T[] = new Array(padded[0]! * padded[1]! * padded[2]!).fill(ring.zero);
    for (let x = 0; x < padded[0]!; x++) for (let y = 0; y < padded[1]!; y++) for (let z = 0; z < padded[2]!; z++) {
      const ox = source(x - pads[0]![0], 0), oy = source(y - pads[1]![0], 1), oz = source(z - pads[2]![0], 2);
      if (ox < 0 || oy < 0 || oz < 0) continue;
      img[(x * padded[1]! + y) * padded[2]! + z] = input[((c * n[0]! + ox) * n[1]! + oy) * n[2]! + oz]!;
    }
    paddedInput.push(img);
  }

  // 2. each window position: the dot product of the kernel with the window
  const values: T[] = [];
  // reused between windows: set to each window's length only when it changes (emptying would free the backing store)
  const ws: T[] = [], cells: T[] = [];
  const [k0, k1, k2] = k as [number, number, number];
  const [s0, s1, s2] = s as [number, number, number], [d0, d1, d2] = d as [number, number, number];
  const [, P1, P2] = padded as [number, number, number], [O0, O1, O2] = out as [number, number, number];
  const flip = p.flip;
  for (let oc = 0; oc < p.outChannels; oc++) {
    const group = Math.floor(oc / coutG);
    for (let x = 0; x < O0; x++) for (let y = 0; y < O1; y++) for (let z = 0; z < O2; z++) {
      let m = 0;
      for (let ic = 0; ic < cinG; ic++) {
        const img = paddedInput[group * cinG + ic]!;
        const kernelBase = (oc * cinG + ic) * k0;
        for (let u = 0; u < k0; u++) for (let v = 0; v < k1; v++) for (let w = 0; w < k2; w++) {
          const px = x * s0 + u * d0, py = y * s1 + v * d1, pz = z * s2 + w * d2;
          const cell = img[(px * P1 + py) * P2 + pz]!;
          if (ring.isZero(cell)) continue;
          // true convolution reads the kernel flipped on every axis
          const ku = flip ? k0 - 1 - u : u, kv = flip ? k1 - 1 - v : v, kw = flip ? k2 - 1 - w : w;
          ws[m] = weights[((kernelBase + ku) * k1 + kv) * k2 + kw]!;
          cells[m++] = cell;
        }
      }
      if (ws.length !== m) { ws.length = m; cells.length = m; }
      values.push(dotProduct(ring, ws, cells));
    }
  }
  return { values, shape: [p.outChannels, ...out.slice(3 - dims)] };
}
