import { INSERTED, PADDING, drawnAxis } from '../geometry/index-map.ts';
import { product, tensorNamesFor } from '../geometry/names.ts';
import { type PaddingMode, padSource } from '../geometry/padding-mode.ts';
import { zeroInsertedLength, zeroInsertionPadding } from '../geometry/output-size.ts';
import type { ConvSpec } from '../geometry/spec.ts';

/**
 * Grids of cells as the spatial drawings show them (in the spirit of
 * conv_arithmetic): the padded input with padding cells, the zero-inserted
 * input of a transposed convolution, the output. Every cell comes from the
 * index map's drawn axes (`drawnAxis`); nothing here is recomputed by a view.
 */
export type CellKind = 'input' | 'padding' | 'inserted' | 'output';

export interface DrawnGrid {
  /** spatial shape, e.g. [6, 6]; [2, 3, 3] for 3D */
  shape: number[];
  /** the channel this grid draws */
  channel: number;
  kinds: CellKind[];
  /** flat index into the spec's inputs (or outputs) of each cell, −1 for padding and inserted zeros */
  source: Int32Array;
  /**
   * flat index into the spec's inputs of the sample a padding cell copies
   * (reflect, replicate, circular: PyTorch's padding_mode), −1 for every
   * other cell and for a padding cell that holds a zero
   */
  copies: Int32Array;
}

/** The axes of the drawn input: per axis, the sample at each drawn position (or PADDING / INSERTED). */
export function drawnInputAxes(spec: ConvSpec): Int32Array[] {
  return spec.conv.axes.map((axis, a) => {
    if (!spec.transposed) return drawnAxis(axis.n, 1, axis.p0, axis.p1);
    // a transposed convolution is drawn as its zero-insertion form: axis.o samples, s−1 zeros between
    const [p0, p1] = zeroInsertionPadding(axis, spec.outputPadding[a]!);
    return drawnAxis(axis.o, axis.s, p0, p1);
  });
}

/** Padding drawn before and after on each axis (negative: cropped), for captions. */
export function drawnPadding(spec: ConvSpec): Array<[number, number]> {
  return spec.conv.axes.map((axis, a) => (spec.transposed
    ? zeroInsertionPadding(axis, spec.outputPadding[a]!)
    : [axis.p0, axis.p1]));
}

/**
 * Per axis, the sample each drawn position holds once padded with `mode`:
 * its own sample inside the input, the sample a padding position copies
 * (`padSource`, the one rule), −1 for a zero. A transposed spec is drawn
 * zero-inserted with zero padding (PyTorch has no other mode there).
 */
export function copiedInputAxes(spec: ConvSpec, mode: PaddingMode, axes: Int32Array[] = drawnInputAxes(spec)): Int32Array[] {
  return axes.map((drawn, a) => {
    if (spec.transposed || mode === 'zeros') return drawn.map((i) => (i >= 0 ? i : -1));
    const { n, p0 } = spec.conv.axes[a]!;
    return drawn.map((_, q) => padSource(mode, q - p0, n));
  });
}

/** One grid per input channel: the padded (and, when transposed, zero-inserted) input; padding cells of `mode` say what they copy. */
export function inputGrids(spec: ConvSpec, axes: Int32Array[] = drawnInputAxes(spec), mode: PaddingMode = spec.paddingMode): DrawnGrid[] {
  const shape = axes.map((m) => m.length);
  const count = product(shape);
  const spatial = product(spec.input);
  const copied = copiedInputAxes(spec, mode, axes);
  const kinds: CellKind[] = new Array(count);
  const local = new Int32Array(count);
  const localCopy = new Int32Array(count);
  for (let q = 0; q < count; q++) {
    let rest = q, flat = 0, copy = 0, scale = 1, kind: CellKind = 'input';
    for (let a = axes.length - 1; a >= 0; a--) {
      const len = shape[a]!;
      const at = rest % len;
      const i = axes[a]![at]!;
      const from = copied[a]![at]!;
      rest = Math.floor(rest / len);
      if (i === PADDING) kind = 'padding';
      else if (i === INSERTED && kind === 'input') kind = 'inserted';
      flat += i * scale;
      copy = copy < 0 || from < 0 ? -1 : copy + from * scale;
      scale *= spec.input[a]!;
    }
    kinds[q] = kind;
    local[q] = kind === 'input' ? flat : -1;
    localCopy[q] = kind === 'padding' ? copy : -1;
  }
  return Array.from({ length: spec.inChannels }, (_, c) => ({
    shape, channel: c, kinds,
    source: local.map((i) => (i < 0 ? -1 : c * spatial + i)),
    copies: localCopy.map((i) => (i < 0 ? -1 : c * spatial + i)),
  }));
}

/** The names a drawing gives the inputs: the spec's own, or the default ones (z1…) when the inputs are values. */
export function inputLabels(spec: ConvSpec): readonly string[] {
  return spec.inputNames ?? tensorNamesFor('z', spec.inputShape, spec.singleChannel);
}

/** One grid per output channel, every cell an output. */
export function outputGrids(spec: ConvSpec): DrawnGrid[] {
  return plainGrids(spec.output, spec.outChannels, 'output');
}

/** One grid per channel of `shape`, every cell of one kind (the unpadded input, the output). */
export function plainGrids(shape: readonly number[], channels: number, kind: CellKind): DrawnGrid[] {
  const count = product(shape);
  const kinds: CellKind[] = new Array(count).fill(kind);
  return Array.from({ length: channels }, (_, c) => ({
    shape: [...shape], channel: c, kinds, source: Int32Array.from({ length: count }, (_, i) => c * count + i),
    copies: new Int32Array(count).fill(-1),
  }));
}

/** How many cells a full drawing of the spec has (inputs drawn padded, plus outputs). */
export function drawnCellCount(spec: ConvSpec): number {
  const padded = drawnPadding(spec);
  const drawnIn = spec.conv.axes.map((axis, a) => {
    const n = spec.transposed ? zeroInsertedLength(axis.o, axis.s) : axis.n;
    return Math.max(0, n + padded[a]![0] + padded[a]![1]);
  });
  return spec.inChannels * product(drawnIn) + spec.outChannels * product(spec.output);
}

/** "3x3", "2x3x3": the data-shape of a grid. */
export function shapeLabel(shape: readonly number[]): string {
  return shape.join('x');
}
