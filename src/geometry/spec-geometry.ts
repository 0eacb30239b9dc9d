import { LimitError, SpecError } from '../errors.ts';
import type { EntrySource } from '../algebra/entries.ts';
import {
  type AxisParams, convOutputSize, fullPadding, kernelSpan, samePadding, transposedOutputSize,
} from './output-size.ts';
import { type Mode, type SpecFields, type SpecInput, LIMITS, broadcast, readFields } from './spec-fields.ts';
import { product } from './names.ts';
import { inLayerTerms } from './layer-input.ts';
import { type PaddingMode, maxPadding } from './padding-mode.ts';

/** One spatial axis of the underlying regular convolution: n inputs, o outputs. */
export interface AxisGeometry extends AxisParams {
  n: number;
  o: number;
}

/**
 * The regular convolution whose matrix K a spec draws. For a regular spec it
 * is the spec itself; for a transposed spec it is the convolution whose
 * matrix is transposed, so its axes' `n` is the transposed spec's OUTPUT size,
 * its `o` the transposed spec's input, and its channels are swapped.
 */
export interface RegularConv {
  readonly axes: readonly AxisGeometry[];
  readonly inChannels: number;
  readonly outChannels: number;
}

/**
 * A spec's geometry: sizes, axes and shapes, read without making any name
 * (naming 262,144 inputs takes hundreds of ms; the work estimator reads only this).
 * `kernel`, `stride`, `dilation` and `padding` are derived from `conv.axes`.
 */
export interface SpecGeometry {
  readonly dims: number;
  readonly transposed: boolean;
  readonly mode: Mode;
  /** what a padding cell holds (PyTorch's padding_mode); always 'zeros' for a transposed spec */
  readonly paddingMode: PaddingMode;
  readonly input: readonly number[];
  readonly output: readonly number[];
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: ReadonlyArray<readonly [number, number]>;
  readonly outputPadding: readonly number[];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly singleChannel: boolean;
  /** the regular convolution underneath (for a transposed spec, the one whose matrix is transposed) */
  readonly conv: RegularConv;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly weightShape: readonly number[];
}

/** What reading a spec's geometry leaves for naming: the geometry and the weights' and inputs' sources. */
export interface GeometryRead {
  readonly geometry: SpecGeometry;
  readonly weights: EntrySource | undefined;
  readonly inputs: EntrySource | undefined;
}

/** The second step of reading a spec: fields (spec-fields.ts) → sizes, axes and shapes, every limit checked. No names. */
export function readGeometry(raw: SpecInput): GeometryRead {
  return inLayerTerms(raw ?? {}, () => {
    const f = readFields(raw);
    return { geometry: geometryOf(f), weights: f.weights, inputs: f.inputs };
  });
}

function geometryOf(f: SpecFields): SpecGeometry {
  const { dims, transposed, input, inChannels, outChannels, groups } = f;
  const padding = resolvePadding(f);
  checkGroups(inChannels, outChannels, groups);
  checkPaddingMode(f, padding);
  const axes: AxisGeometry[] = [];
  const output: number[] = [];
  for (let a = 0; a < dims; a++) {
    const p: AxisParams = { k: f.kernel[a]!, s: f.stride[a]!, d: f.dilation[a]!, p0: padding[a]![0], p1: padding[a]![1] };
    const axis = dims > 1 ? `[${a}]` : '';
    if (transposed) {
      const op = f.outputPadding[a]!;
      if (op >= Math.max(p.s, p.d)) {
        throw new SpecError({
          field: `outputPadding${axis}`, value: op,
          rule: `must be smaller than max(stride, dilation) = ${Math.max(p.s, p.d)}`,
          fix: 'output_padding only picks among output sizes that map back to the same input size',
        });
      }
      const o = transposedOutputSize(input[a]!, p, op);
      if (o < 1) {
        throw new SpecError({ field: `padding${axis}`, value: padding[a], rule: `leaves a transposed output of ${o} samples; it must be at least 1`, fix: 'reduce the padding' });
      }
      axes.push({ ...p, n: o, o: input[a]! });
      output.push(o);
    } else {
      if (f.outputPadding[a] !== 0) {
        throw new SpecError({ field: `outputPadding${axis}`, value: f.outputPadding[a], rule: 'only a transposed convolution takes output padding', fix: 'add transposed: true or drop outputPadding' });
      }
      const span = kernelSpan(p.k, p.d);
      const padded = input[a]! + p.p0 + p.p1;
      if (span > padded) {
        throw new SpecError({
          field: `kernel${axis}`, value: f.kernel[a],
          rule: `the kernel${p.d > 1 ? ` with dilation ${p.d}` : ''} spans ${span} but the padded input has ${padded}`,
          fix: `use a smaller kernel or dilation, or pad by at least ${span - input[a]!} in total`,
        });
      }
      const o = convOutputSize(input[a]!, p);
      axes.push({ ...p, n: input[a]!, o });
      output.push(o);
    }
  }
  const conv: RegularConv = { axes, inChannels: transposed ? outChannels : inChannels, outChannels: transposed ? inChannels : outChannels };
  const inputShape = [inChannels, ...input];
  const outputShape = [outChannels, ...output];
  const weightShape = [conv.outChannels, conv.inChannels / groups, ...f.kernel];
  checkLimits(inputShape, outputShape, weightShape, axes, conv.outChannels, conv.inChannels / groups);
  return {
    dims, transposed, mode: f.mode, paddingMode: f.paddingMode, input, output,
    kernel: axes.map((a) => a.k), stride: axes.map((a) => a.s), dilation: axes.map((a) => a.d), padding,
    outputPadding: f.outputPadding, inChannels, outChannels, groups, singleChannel: inChannels === 1 && outChannels === 1,
    conv, inputShape, outputShape, weightShape,
  };
}

function resolvePadding({ padding: raw, dims, kernel, dilation, stride }: SpecFields): Array<[number, number]> {
  if (raw === 'valid') return kernel.map(() => [0, 0]);
  if (raw === 'full') return kernel.map((k, a) => fullPadding(k, dilation[a]!));
  if (raw === 'same') {
    const bad = stride.findIndex((s) => s !== 1);
    if (bad >= 0) {
      throw new SpecError({ field: 'padding', value: 'same', rule: `"same" needs stride 1 (stride is ${stride[bad]})`, fix: 'give the padding as numbers, or use stride 1' });
    }
    return kernel.map((k, a) => samePadding(k, dilation[a]!));
  }
  if (raw.length > 0 && Array.isArray(raw[0])) {
    const pairs = raw as Array<[number, number]>;
    if (pairs.length === dims) return pairs;
    if (pairs.length === 1) return Array.from({ length: dims }, () => [...pairs[0]!] as [number, number]);
    throw new SpecError({ field: 'padding', value: pairs, rule: `needs 1 or ${dims} [before, after] pairs` });
  }
  return broadcast(raw as number[], dims, 'padding').map((p) => [p, p]);
}

/** PyTorch's rules for a padding mode other than zeros: regular convolutions only, and at most maxPadding per side. */
function checkPaddingMode({ paddingMode: mode, transposed, input, dims }: SpecFields, padding: ReadonlyArray<readonly [number, number]>): void {
  if (mode === 'zeros') return;
  if (transposed) {
    throw new SpecError({
      field: 'paddingMode', value: mode, rule: 'a transposed convolution pads only with zeros (PyTorch\'s ConvTranspose supports only padding_mode=\'zeros\')',
      fix: 'drop the padding mode or use zeros',
    });
  }
  for (let a = 0; a < dims; a++) {
    const n = input[a]!, max = maxPadding(mode, n);
    padding[a]!.forEach((p, side) => {
      if (p <= max) return;
      const where = `${dims > 1 ? `[${a}]` : ''}.${side === 0 ? 'before' : 'after'}`;
      throw new SpecError({
        field: `padding${where}`, value: p,
        rule: `${mode} padding of an axis of ${n} samples must be from 0 to ${max} on each side (${mode === 'reflect' ? 'it mirrors at most n − 1 samples' : 'it wraps around at most once'})`,
        fix: `pad by at most ${max} on this side, use a larger input, or use zeros or replicate padding`,
      });
    });
  }
}

function checkGroups(cin: number, cout: number, g: number): void {
  if (cin % g !== 0 || cout % g !== 0) {
    throw new SpecError({
      field: 'groups', value: g,
      rule: `must divide both inChannels (${cin}) and outChannels (${cout})`,
      fix: `try one of ${divisors(cin).filter((d) => cout % d === 0).join(', ')}`,
    });
  }
}

function divisors(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
}

function checkLimits(
  inputShape: number[], outputShape: number[], weightShape: number[], axes: AxisGeometry[], convOut: number, cinPerGroup: number,
): void {
  for (const [field, shape] of [['input', inputShape], ['output', outputShape], ['weights', weightShape]] as const) {
    const n = product(shape);
    if (n > LIMITS.elements) {
      throw new LimitError({ field, value: shape, rule: `has ${n} elements; the engine handles at most ${LIMITS.elements}`, fix: 'use a smaller example' });
    }
  }
  const taps = convOut * cinPerGroup * product(axes.map((a) => a.o * a.k));
  if (taps > LIMITS.taps) {
    throw new LimitError({ field: 'kernel', value: weightShape.slice(2), rule: `gives ${taps} multiply-adds; the engine handles at most ${LIMITS.taps}`, fix: 'use a smaller input or kernel' });
  }
}
