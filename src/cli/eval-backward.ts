import { LimitError, ParseError } from '../errors.ts';
import { type Exactish, bothWays, firstNonFinite, inexactFields } from '../check/both-ways.ts';
import { backwardBothWays } from '../evaluate/conv-backward.ts';
import type { Gradients } from '../evaluate/backward.ts';
import { type Nested, nest, position } from '../evaluate/nested.ts';
import type { ConvSpec } from '../geometry/spec.ts';

/**
 * The `conv_backward` case of `convmat eval`: given δ = grad_output (layout
 * [C_out, ...o], the forward output's shape), the gradients of a convolution
 * in PyTorch's layouts, grad_input [C_in, ...n] and grad_weight
 * [C_out, C_in/groups, ...k], each computed by the matrices (Kᵀ·δ, Zᵀ·δ) and
 * by the direct formulas, with the same both-ways evaluator as the forward
 * cases (exact; `exact: false` and the reason when it could not be).
 */
export interface BackwardEvalResult {
  /** the direct values (the definition) */
  grad_input: Nested;
  grad_weight: Nested;
  viaMatrix: { grad_input: Nested; grad_weight: Nested };
  viaDirect: { grad_input: Nested; grad_weight: Nested };
  agree: boolean;
  /** present (false) only when the arithmetic was not exact; `inexact` says why */
  exact?: false;
  inexact?: string;
}

/** What a prepared case carries into the computation. */
interface BackwardCase {
  readonly spec: ConvSpec;
  readonly weights: readonly Exactish[];
  readonly inputs: readonly Exactish[];
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
export function gradOutputOf(g: { values: Exactish[]; shape: number[] }, spec: ConvSpec): Exactish[] {
  const want = spec.outputShape;
  if (g.shape.length !== want.length || g.shape.some((v, i) => v !== want[i])) {
    throw new ParseError({ field: 'grad_output', value: undefined, rule: `needs shape [${want.join(', ')}] (C_out, ...output: the shape of the forward output), got [${g.shape.join(', ')}]` });
  }
  return g.values;
}

export function computeBackward(c: BackwardCase, delta: readonly Exactish[]): BackwardEvalResult {
  const { spec } = c;
  const shapes = { gradInput: spec.inputShape, gradWeight: spec.weightShape };
  const r = bothWays([c.weights, c.inputs, delta], (ring, [w, x, d]) => {
    const { viaMatrix, viaDirect } = backwardBothWays(spec, w!, x!, d!, ring);
    return [[viaMatrix.gradInput, viaDirect.gradInput], [viaMatrix.gradWeight, viaDirect.gradWeight]];
  }, {
    comparisons: [
      { labels: ['Kᵀ·δ', 'δ scattered back'], names: spec.inputNames ?? undefined },
      { labels: ['Zᵀ·δ', 'input correlated with δ'], names: spec.weightNames ?? undefined },
    ],
  });
  const [[inMatrix, inDirect], [wMatrix, wDirect]] = r.values as [[number[], number[]], [number[], number[]]];
  const viaMatrix = { gradInput: inMatrix, gradWeight: wMatrix }, viaDirect = { gradInput: inDirect, gradWeight: wDirect };
  for (const [way, g] of [['viaMatrix', viaMatrix], ['viaDirect', viaDirect]] as const) {
    for (const key of ['gradInput', 'gradWeight'] as const) {
      const bad = firstNonFinite(g[key]);
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
  return { ...out(viaDirect), viaMatrix: out(viaMatrix), viaDirect: out(viaDirect), agree: r.report.holds, ...inexactFields(r) };
}
