/**
 * The backward pass from the oracle's definition, independent of src/: every
 * multiply-add out[o] += w[j]·x[i] of the forward convolution (forEachProduct)
 * sends δ[o] back along both of its factors, ∂L/∂x[i] += w[j]·δ[o] and
 * ∂L/∂w[j] += x[i]·δ[o]: the gradients are the adjoints of the products.
 */
import { type OracleParams, type Tensor, forEachProduct } from './oracle.ts';

export interface OracleGradients {
  gradInput: Tensor;
  gradWeight: Tensor;
}

export function oracleBackward(x: Tensor, w: Tensor, dy: Tensor, p: OracleParams = {}): OracleGradients {
  const gi = new Array<number>(x.data.length).fill(0);
  const gw = new Array<number>(w.data.length).fill(0);
  const outShape = forEachProduct(x.shape, w.shape, p, (o, i, j) => {
    gi[i] = gi[i]! + w.data[j]! * dy.data[o]!;
    gw[j] = gw[j]! + x.data[i]! * dy.data[o]!;
  });
  if (outShape.join() !== dy.shape.join()) throw new Error(`oracle: δ has shape [${dy.shape}], the output [${outShape}]`);
  return { gradInput: { data: gi, shape: [...x.shape] }, gradWeight: { data: gw, shape: [...w.shape] } };
}
