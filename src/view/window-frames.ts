import { paddedPosition } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { unravel } from '../geometry/flat-index.ts';

/**
 * One frame of the sliding window over the drawn input (see grid.ts): the
 * cells the kernel covers for output r, padding and inserted zeros included,
 * and the weight written on each. A regular convolution slides over the padded
 * input with stride s; a transposed one over its zero-inserted, padded input
 * with stride 1 and the flipped kernel (the zero-insertion form).
 */
export interface FrameTap {
  /** input channel (the grid) */
  channel: number;
  /** flat cell of the drawn grid */
  cell: number;
  /** flat weight index into spec.weights */
  tap: number;
}

export function windowFrame(spec: ConvSpec, drawnShape: readonly number[], r: number): FrameTap[] {
  const O = product(spec.output);
  const oc = Math.floor(r / O);
  const o = unravel(r % O, spec.output);
  const K = product(spec.kernel);
  const out: FrameTap[] = [];
  const positions: number[] = [];
  for (let jflat = 0; jflat < K; jflat++) {
    const j = unravel(jflat, spec.kernel);
    let cell = 0;
    for (let a = 0; a < spec.dims; a++) {
      const axis = spec.conv.axes[a]!;
      cell = cell * drawnShape[a]! + paddedPosition(spec.transposed ? 1 : axis.s, axis.d, o[a]!, j[a]!);
    }
    positions.push(cell);
  }
  const groups = spec.groups;
  const cinG = spec.inChannels / groups, coutG = spec.outChannels / groups;
  const g = Math.floor(oc / coutG);
  // the transposed form slides the flipped kernel in correlation mode; a regular one flips in convolution mode
  const flip = spec.transposed ? spec.mode !== 'convolution' : spec.mode === 'convolution';
  for (let ic = 0; ic < cinG; ic++) {
    const channel = g * cinG + ic;
    const base = spec.transposed ? (channel * coutG + (oc - g * coutG)) * K : (oc * cinG + ic) * K;
    positions.forEach((cell, jflat) => out.push({ channel, cell, tap: base + (flip ? K - 1 - jflat : jflat) }));
  }
  return out;
}

