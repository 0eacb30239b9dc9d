/**
 * Every output-size formula of convmat lives here and nowhere else.
 *
 * Convolution:            o = ⌊(n + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1
 * Transposed convolution: o = (n−1)s − p₀ − p₁ + d(k−1) + output_padding + 1
 */
export interface AxisParams {
  k: number;
  s: number;
  d: number;
  p0: number;
  p1: number;
}

/** The span of a dilated kernel: d(k−1) + 1 input positions from the first tap to the last. */
export function kernelSpan(k: number, d: number): number {
  return d * (k - 1) + 1;
}

export function convOutputSize(n: number, a: AxisParams): number {
  return Math.floor((n + a.p0 + a.p1 - kernelSpan(a.k, a.d)) / a.s) + 1;
}

export function transposedOutputSize(n: number, a: AxisParams, outputPadding: number): number {
  return (n - 1) * a.s - a.p0 - a.p1 + kernelSpan(a.k, a.d) + outputPadding;
}

/** Padding of "same" (stride 1): total d(k−1), the odd extra at the end, as PyTorch and TensorFlow do. */
export function samePadding(k: number, d: number): [number, number] {
  const total = kernelSpan(k, d) - 1;
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Padding of "full": d(k−1) on each side. */
export function fullPadding(k: number, d: number): [number, number] {
  return [kernelSpan(k, d) - 1, kernelSpan(k, d) - 1];
}

/** Causal padding: d(k−1) before and none after, so a stride-1 layer keeps its length and reads only the past. */
export function causalPadding(k: number, d: number): [number, number] {
  return [kernelSpan(k, d) - 1, 0];
}

/**
 * The padding of the stride-1 convolution that computes a transposed convolution
 * on the zero-inserted input: d(k−1) − p₀ before, d(k−1) − p₁ + output_padding after.
 * Negative amounts mean cropping.
 */
export function zeroInsertionPadding(a: AxisParams, outputPadding: number): [number, number] {
  const full = kernelSpan(a.k, a.d) - 1;
  return [full - a.p0, full - a.p1 + outputPadding];
}

/** Length of an input of n samples with s−1 zeros inserted between neighbours. */
export function zeroInsertedLength(n: number, s: number): number {
  return (n - 1) * s + 1;
}

/**
 * The receptive-field recurrence of a stack, one entry per layer:
 * r_l = r_{l−1} + d_l(k_l−1)·jump_l, where jump_l = Π_{m<l} s_m and r_0 = 1.
 */
export function receptiveFieldRecurrence(
  layers: ReadonlyArray<Pick<AxisParams, 'k' | 's' | 'd'>>,
): Array<{ jump: number; r: number }> {
  let r = 1;
  let jump = 1;
  return layers.map((l) => {
    const step = { jump, r: r + (kernelSpan(l.k, l.d) - 1) * jump };
    r = step.r;
    jump *= l.s;
    return step;
  });
}

/** Receptive field of a stack, closed form: r = 1 + Σ_l d_l(k_l−1)·Π_{m<l} s_m. */
export function receptiveFieldSize(layers: ReadonlyArray<Pick<AxisParams, 'k' | 's' | 'd'>>): number {
  return receptiveFieldRecurrence(layers).at(-1)?.r ?? 1;
}
