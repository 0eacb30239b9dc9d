import type { ConvSpec, SpecInput } from '../geometry/spec.ts';
import { ParseError } from '../errors.ts';
import type { DeriveOptions, Derivation, TopicWork } from './derivation.ts';
import { BLOCK_WORK, deriveBlock } from './derive-block.ts';
import { MATRIX_WORK, deriveMatrix } from './derive-matrix.ts';
import { TRANSPOSED_WORK, deriveTransposed } from './derive-transposed.ts';
import { WINDOW_WORK, deriveWindow } from './derive-window.ts';
import { CHECKERBOARD_EXAMPLE, CHECKERBOARD_WORK, deriveCheckerboard } from './derive-checkerboard.ts';
import { DEPTHWISE_EXAMPLE, DEPTHWISE_WORK, deriveDepthwise } from './derive-depthwise.ts';
import { DILATION_WORK, deriveDilation } from './derive-dilation.ts';
import { FLATTEN_WORK, deriveFlatten } from './derive-flatten.ts';
import { IM2COL_WORK, deriveIm2col } from './derive-im2col.ts';
import { GRADIENT_WORK, deriveGradient } from './derive-gradient.ts';
import { POINTWISE_EXAMPLE, POINTWISE_WORK, derivePointwise } from './derive-pointwise.ts';
import { RECEPTIVE_FIELD_WORK, deriveReceptiveField } from './derive-receptive-field.ts';
import { SEPARABLE_WORK, SOBEL_EXAMPLE, deriveSeparable } from './derive-separable.ts';
import { assertEstimate } from '../work/guard.ts';
import { withWorkLimits } from '../work/limits.ts';

/**
 * The topics and their lecture examples; `derive(topic, spec)` dispatches.
 * A topic's example is used when no spec is given. Its estimate and view
 * limits (TopicWork) are stated next to its builder.
 */
export interface Topic extends TopicWork {
  readonly name: string;
  readonly summary: string;
  readonly example: SpecInput;
  readonly build: (spec: SpecInput | ConvSpec, opts: DeriveOptions) => Derivation;
}

export const LECTURE_WINDOW_EXAMPLE: SpecInput = {
  input: '5x5', kernel: '3x3',
  inputs: '[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]',
  weights: '[[0,1,2],[2,2,0],[0,1,2]]',
};

const TOPIC_LIST: Topic[] = [
  { name: 'matrix', summary: 'K z = … with labels, expanded products and named outputs; padded inputs with their zeros, or, with a padding mode (reflect, replicate, circular), the inputs their padding cells copy', example: { input: 6, kernel: 3 }, build: deriveMatrix, ...MATRIX_WORK },
  { name: 'transposed', summary: 'Kᵀ times the outputs (a padded 1D spec: the lecture\'s X on [0,a,b,c,d,0], then Xᵀ a), the learned-weights remark, the three equivalent forms', example: { input: 6, kernel: 3 }, build: deriveTransposed, ...TRANSPOSED_WORK },
  { name: 'window', summary: 'the sliding window, one step per output position', example: LECTURE_WINDOW_EXAMPLE, build: deriveWindow, ...WINDOW_WORK },
  { name: 'block', summary: '2D/3D convolution as a (doubly/triply) block-Toeplitz matrix level by level (blocks of blocks of bands), flatten order stated', example: { input: '4x4', kernel: '3x3' }, build: deriveBlock, ...BLOCK_WORK },
  { name: 'dilation', summary: 'a dilated kernel as a kernel interleaved with zeros (w1 0 w2 0 w3), K checked equal', example: { input: 7, kernel: 3, dilation: 2 }, build: deriveDilation, ...DILATION_WORK },
  { name: 'receptive-field', summary: 'the receptive-field recurrence with its numbers; comma lists give one value per layer (--dilation 1,2,4)', example: { kernel: 2, stride: 2, dilation: 2 }, build: deriveReceptiveField, ...RECEPTIVE_FIELD_WORK },
  { name: 'separable', summary: 'Sobel G = [1,2,1]ᵀ[1,0,−1], the two stages as matrices, 81 against 45 + 27 = 72 multiplications (nonzeros of K apart)', example: SOBEL_EXAMPLE, build: deriveSeparable, ...SEPARABLE_WORK },
  { name: 'depthwise', summary: 'depthwise separable as P · D (block diagonal), 86,400 against 675 + 9,600 = 10,275', example: DEPTHWISE_EXAMPLE, build: deriveDepthwise, ...DEPTHWISE_WORK },
  { name: 'pointwise', summary: '1×1 convolution as a channel-mixing matrix, Y = M·X (200 channels → 1)', example: POINTWISE_EXAMPLE, build: derivePointwise, ...POINTWISE_WORK },
  { name: 'flatten', summary: 'vec(·) with its index table (row-major; column-major beside it), the dense layer W·vec(X)', example: { input: '3x3', kernel: '2x2' }, build: deriveFlatten, ...FLATTEN_WORK },
  { name: 'checkerboard', summary: 'overlap counts of a transposed convolution and the rule "k divisible by s"', example: CHECKERBOARD_EXAMPLE, build: deriveCheckerboard, ...CHECKERBOARD_WORK },
  { name: 'im2col', summary: 'K(w)·z and Z(z)·w side by side: Z, the im2col (unfold) matrix GEMM implementations build, holds the inputs; one row of each; channels and groups as blocks', example: { input: 6, kernel: 3 }, build: deriveIm2col, ...IM2COL_WORK },
  { name: 'gradient', summary: 'the backward pass: δ = ∂L/∂y, ∂L/∂z = Kᵀδ (a transposed convolution), ∂L/∂w = Zᵀδ (the input correlated with δ)', example: { input: 6, kernel: 3 }, build: deriveGradient, ...GRADIENT_WORK },
];

export const TOPICS: ReadonlyMap<string, Topic> = new Map(TOPIC_LIST.map((t) => [t.name, t]));

export function derive(topic: string, spec?: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const t = TOPICS.get(topic);
  if (!t) {
    throw new ParseError({ field: 'topic', value: topic, rule: `must be one of ${[...TOPICS.keys()].join(', ')}` });
  }
  if (opts.maxWork !== undefined) return withWorkLimits(opts.maxWork, () => derive(topic, spec, { ...opts, maxWork: undefined }));
  const s = spec ?? t.example;
  assertEstimate(t.estimate(s), { kind: 'topic', topic });
  return t.build(s, opts);
}
