import { LimitError, ParseError } from '../errors.ts';
import { type Rational, parseRational, rToNumber } from '../algebra/rational.ts';
import { type Ring, float64Ring, floatClose, rationalRing } from '../algebra/ring.ts';
import { backwardBothWays } from '../evaluate/conv-backward.ts';
import type { Gradients } from '../evaluate/backward.ts';
import { type Nested, nest, position } from '../evaluate/nested.ts';
import type { ConvSpec } from '../geometry/spec.ts';

/**
 * The `conv_backward` case of `convmat eval`: given δ = grad_output (layout
 * [C_out, ...o], the forward output's shape), the gradients of a convolution
 * in PyTorch's layouts, grad_input [C_in, ...n] and grad_weight
 * [C_out, C_in/groups, ...k], each computed by the matrices (Kᵀ·δ, Zᵀ·δ) and
 * by the direct formulas, exactly over the rationals with the same float64
 * fallback as the forward cases.
 */
export interface BackwardEvalResult {
  /** the direct values (the definition) */
  grad_input: Nested;
  grad_weight: Nested;
  viaMatrix: { grad_input: Nested; grad_weight: Nested };
  viaDirect: { grad_input: Nested; grad_weight: Nested };
  agree: boolean;
}

/** What a prepared case carries into the computation. */
interface BackwardCase {
  readonly spec: ConvSpec;
  readonly weights: number[];
  readonly inputs: number[];
  readonly at: string;
}

/** Fields that belong to one op only: grad_output to conv_backward, output_padding to conv_transpose. */
export function checkBackwardFields(op: unknown, c: Record<string, unknown>): void {
  if (op === 'conv_backward' && c.output_padding !== undefined) {
    throw new ParseError({ field: 'output_padding', value: c.output_padding, rule: 'is not a field of conv_backward (the gradients of a conv, which has no output padding)', fix: 'drop it, or use op "conv_transpose"' });
  }
  if (op !== 'conv_backward' && c.grad_output !== undefined) {
    throw new ParseError({ field: 'grad_output', value: undefined, rule: `is a field of op "conv_backward" only (this case's op is ${JSON.stringify(op ?? 'conv')})`, fix: 'set "op": "conv_backward"' });
  }
}

/** δ's values once its shape is the forward output's, [C_out, ...o]. */
export function gradOutputOf(g: { values: number[]; shape: number[] }, spec: ConvSpec): number[] {
  const want = spec.outputShape;
  if (g.shape.length !== want.length || g.shape.some((v, i) => v !== want[i])) {
    throw new ParseError({ field: 'grad_output', value: undefined, rule: `needs shape [${want.join(', ')}] (C_out, ...output: the shape of the forward output), got [${g.shape.join(', ')}]` });
  }
  return g.values;
}

export function computeBackward(c: BackwardCase, delta: number[]): BackwardEvalResult {
  const { spec } = c;
  const r = exact(spec, c.weights, c.inputs, delta) ?? both(spec, [c.weights, c.inputs, delta], { ...float64Ring, equals: floatClose }, (v) => v, (v) => v);
  const shapes = { gradInput: spec.inputShape, gradWeight: spec.weightShape };
  for (const [way, g] of [['viaMatrix', r.viaMatrix], ['viaDirect', r.viaDirect]] as const) {
    for (const key of ['gradInput', 'gradWeight'] as const) {
      const bad = g[key].findIndex((v) => !Number.isFinite(v));
      if (bad < 0) continue;
      const field = key === 'gradInput' ? 'grad_input' : 'grad_weight';
      throw new LimitError({
        field: `${c.at}${field}${position(bad, shapes[key])}`, value: undefined,
        rule: `is ${g[key][bad]} in ${way}: the sums of grad_output × ${key === 'gradInput' ? 'weight' : 'input'} overflow float64`,
        fix: 'scale grad_output, the input or the weights down',
      });
    }
  }
  const out = (g: Gradients<number>) => ({ grad_input: nest(g.gradInput, shapes.gradInput), grad_weight: nest(g.gradWeight, shapes.gradWeight) });
  return { ...out(r.viaDirect), viaMatrix: out(r.viaMatrix), viaDirect: out(r.viaDirect), agree: r.agree };
}

interface Computed { viaMatrix: Gradients<number>; viaDirect: Gradients<number>; agree: boolean }

/** Both ways over one ring: the numbers read into it, the results read back as floats. */
function both<T>(
  spec: ConvSpec, [w, x, delta]: readonly number[][], ring: Ring<T>, read: (v: number) => T, toNumber: (v: T) => number,
): Computed {
  const r = backwardBothWays(spec, w!.map(read), x!.map(read), delta!.map(read), ring);
  const num = (g: Gradients<T>) => ({ gradInput: g.gradInput.map(toNumber), gradWeight: g.gradWeight.map(toNumber) });
  return { viaMatrix: num(r.viaMatrix), viaDirect: num(r.viaDirect), agree: r.agree };
}

/** Over the rationals; null when a number has no exact decimal of at most 15 digits or a sum overflows. */
function exact(spec: ConvSpec, w: number[], x: number[], delta: number[]): Computed | null {
  try {
    return both<Rational>(spec, [w, x, delta], rationalRing, (v) => parseRational(v), rToNumber);
  } catch (e) {
    if (e instanceof LimitError) return null;
    throw e;
  }
}
