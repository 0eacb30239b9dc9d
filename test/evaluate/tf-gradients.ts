/**
 * Gradients of a convolution by tfjs's autodiff, for the backward-pass tests:
 * ∂/∂x and ∂/∂w of sum(conv(x, w) ⊙ δ). Layouts are converted to tfjs's
 * (NWC / NHWC / NDHWC, filters [...k, in, out]) and back. tfjs's gradients
 * refuse dilation and groups, so the test builds them from tfjs ops that
 * autodiff passes through: the padded input (tf.pad), the dilated kernel
 * (zeros inserted by expandDims, pad and reshape), the flipped kernel
 * (tf.reverse) and groups (tf.slice and tf.concat on the channel axes).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { type Tensor, paddedSample, permute } from '../oracle.ts';

export interface TfParams {
  stride: number[];
  dilation: number[];
  padding: Array<[number, number]>;
  groups: number;
  flip: boolean;
  /**
   * PyTorch's padding_mode (default zeros): the padding cells as 1-wide slices of the input, concatenated.
   * Not tf.mirrorPad: its gradient (tfjs-core 4.x) only slices the middle and drops what the reflected cells received.
   */
  paddingMode?: 'zeros' | 'reflect' | 'replicate' | 'circular';
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

/** d − 1 zeros between the taps of every spatial axis of a filter [...k, in, out]. */
function dilate(f: tf.Tensor, d: readonly number[]): tf.Tensor {
  let out = f;
  d.forEach((da, a) => {
    if (da === 1) return;
    const k = out.shape[a]!;
    const column = tf.expandDims(out, a + 1); // [..., k, 1, ...]: each tap followed by d − 1 zeros
    const spread = tf.pad(column, column.shape.map((_, b): [number, number] => (b === a + 1 ? [0, da - 1] : [0, 0])));
    const merged = tf.reshape(spread, out.shape.map((v, b) => (b === a ? k * da : v)));
    out = tf.slice(merged, out.shape.map(() => 0), out.shape.map((v, b) => (b === a ? da * (k - 1) + 1 : v)));
  });
  return out;
}

/** The input [1, ...n, C] padded on every spatial axis in a padding mode, from tfjs ops autodiff passes through. */
function padInput(x: tf.Tensor, padding: Array<[number, number]>, mode: TfParams['paddingMode'] = 'zeros'): tf.Tensor {
  if (mode === 'zeros') return tf.pad(x, [[0, 0], ...padding, [0, 0]]);
  let out = x;
  padding.forEach(([p0, p1], a) => {
    const axis = a + 1, n = out.shape[axis]!;
    // one sample of the axis; the padding cells are copies of samples, so autodiff sends their gradient home
    const at = (i: number) => tf.slice(out, out.shape.map((_, b) => (b === axis ? i : 0)), out.shape.map((v, b) => (b === axis ? 1 : v)));
    const source = (u: number) => paddedSample(mode, u, n); // the oracle's rule (F.pad's definitions)
    const before = Array.from({ length: p0 }, (_, i) => at(source(i - p0)));
    const after = Array.from({ length: p1 }, (_, i) => at(source(n + i)));
    out = tf.concat([...before, out, ...after], axis);
  });
  return out;
}

function convValid(x: tf.Tensor, f: tf.Tensor, stride: number[]): tf.Tensor {
  switch (stride.length) {
    case 1: return tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, stride[0]!, 'valid');
    case 2: return tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, stride as [number, number], 'valid');
    default: return tf.conv3d(x as tf.Tensor5D, f as tf.Tensor5D, stride as [number, number, number], 'valid');
  }
}

/** [C, ...n] → tfjs [1, ...n, C] and back. */
const toTf = (t: Tensor) => { const dims = t.shape.length - 1; const p = permute(t, [...range(1, dims + 1), 0]); return tf.tensor(p.data, [1, ...p.shape]); };
const fromTf = (t: tf.Tensor): Tensor => {
  const shape = t.shape.slice(1), dims = shape.length - 1;
  return permute({ data: Array.from(t.dataSync()), shape }, [dims, ...range(0, dims)]);
};

/** δ-weighted gradients by tfjs: grad_input [C_in, ...n] and grad_weight [C_out, C_in/g, ...k]. */
export function tfGradients(x: Tensor, w: Tensor, dy: Tensor, p: TfParams): { gradInput: Tensor; gradWeight: Tensor } {
  let result: { gradInput: Tensor; gradWeight: Tensor } | undefined;
  tf.tidy(() => {
    const dims = x.shape.length - 1;
    const xt = toTf(x), dyt = toTf(dy);
    const wp = permute(w, [...range(2, dims + 2), 1, 0]);
    const wt = tf.tensor(wp.data, wp.shape);
    const loss = (xv: tf.Tensor, wv: tf.Tensor) => {
      const padded = padInput(xv, p.padding, p.paddingMode);
      const kernel = dilate(p.flip ? tf.reverse(wv, range(0, dims)) : wv, p.dilation);
      // groups: the channel axes cut into g slices by tf.slice, each pair convolved, the outputs concatenated
      const cut = (t: tf.Tensor, g: number) => {
        const size = t.shape[dims + 1]! / p.groups;
        return tf.slice(t, t.shape.map((_, a) => (a === dims + 1 ? g * size : 0)), t.shape.map((v, a) => (a === dims + 1 ? size : v)));
      };
      const ys = range(0, p.groups).map((g) => convValid(cut(padded, g), cut(kernel, g), p.stride));
      const y = ys.length === 1 ? ys[0]! : tf.concat(ys, dims + 1);
      return tf.sum(tf.mul(y, dyt));
    };
    const [gx, gw] = tf.grads(loss)([xt, wt]);
    const gwData = Array.from(gw!.dataSync());
    result = {
      gradInput: fromTf(gx!),
      gradWeight: permute({ data: gwData, shape: wp.shape }, [dims + 1, dims, ...range(0, dims)]),
    };
  });
  return result!;
}
