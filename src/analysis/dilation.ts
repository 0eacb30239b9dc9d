import { SpecError } from '../errors.ts';
import { type Polynomial, zeroPoly } from '../algebra/polynomial.ts';
import { forEachTap } from '../geometry/index-map.ts';
import { product } from '../geometry/names.ts';
import { kernelSpan } from '../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';

/**
 * Dilation as a convolution with a zero-inserted kernel: a kernel of k taps
 * with dilation d is an undilated kernel of size d(k−1)+1 that holds the
 * weights at every d-th position and zeros between them.
 */
export interface DilationEquivalent {
  /** kernel size per axis of the zero-inserted kernel, d(k−1)+1 */
  kernel: number[];
  /** zero-inserted weights, in the spec's weight layout with the larger kernel */
  weights: Polynomial[];
  /** for each original weight (flat index), its flat index in `weights` */
  positions: number[];
  /** the equivalent spec: same geometry, kernel d(k−1)+1, dilation 1; give it `weights` */
  spec: SpecInput;
}

/**
 * Where each tap of a dilated kernel sits inside its span, read from the index
 * map: a probe convolution whose input is exactly one span wide has a single
 * window, and tap j of that window reads input position j·d.
 */
export function dilatedTapPositions(spec: ConvSpec): { kernel: number[]; positions: number[] } {
  const kernel = spec.kernel.map((k, a) => kernelSpan(k, spec.dilation[a]!));
  const probe = normalizeSpec({
    input: kernel, kernel: [...spec.kernel], dilation: [...spec.dilation],
    inChannels: spec.conv.inChannels, outChannels: spec.conv.outChannels, groups: spec.groups,
  });
  const N = product(kernel), K = product(spec.kernel);
  const positions = new Array<number>(spec.weights.length);
  forEachTap(probe, (_row, col, tap) => {
    positions[tap] = Math.floor(tap / K) * N + (col % N);
  });
  return { kernel, positions };
}

/** The zero-inserted kernel of a spec and the undilated spec it belongs to. */
export function zeroInsertedKernel(input: SpecInput | ConvSpec, weights?: readonly Polynomial[]): DilationEquivalent {
  const spec = normalizeSpec(input);
  const w = weights ?? spec.weights;
  if (w.length !== spec.weights.length) {
    throw new SpecError({ field: 'weights', value: w.length, rule: `needs ${spec.weights.length} weights for this spec` });
  }
  const { kernel, positions } = dilatedTapPositions(spec);
  const out: Polynomial[] = new Array(spec.weightShape[0]! * spec.weightShape[1]! * product(kernel)).fill(zeroPoly);
  positions.forEach((dst, tap) => { out[dst] = w[tap]!; });
  return { kernel, weights: out, positions, spec: undilatedSpec(spec, kernel) };
}

/**
 * The same convolution with dilation 1 and the larger kernel. A transposed
 * spec whose output padding is only allowed because of the dilation
 * (output_padding ≥ stride) moves it into the trailing padding, which leaves
 * both the output size and the index map unchanged.
 */
function undilatedSpec(spec: ConvSpec, kernel: number[]): SpecInput {
  const padding = spec.padding.map(([p0, p1]) => [p0, p1] as [number, number]);
  const outputPadding = [...spec.outputPadding];
  if (spec.transposed) {
    outputPadding.forEach((op, a) => {
      if (op < spec.stride[a]!) return;
      if (padding[a]![1] < op) {
        throw new SpecError({
          field: `outputPadding${spec.dims > 1 ? `[${a}]` : ''}`, value: op,
          rule: `without dilation it must be smaller than the stride ${spec.stride[a]}, and the trailing padding ${padding[a]![1]} is too small to absorb it`,
          fix: 'this dilated transposed convolution has no undilated equivalent spec; compare matrices instead',
        });
      }
      padding[a]![1] -= op;
      outputPadding[a] = 0;
    });
  }
  return {
    input: [...spec.input], kernel, stride: [...spec.stride], padding, dilation: spec.kernel.map(() => 1),
    transposed: spec.transposed, outputPadding, inChannels: spec.inChannels, outChannels: spec.outChannels,
    groups: spec.groups, mode: spec.mode, paddingMode: spec.paddingMode,
    ...(spec.inputNames && spec.inputNames.length > 1 ? { inputs: spec.inputNames.join(',') } : {}),
  };
}
