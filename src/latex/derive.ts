import type { ConvSpec, SpecInput } from '../geometry/spec.ts';
import { ParseError } from '../errors.ts';
import type { DeriveOptions, Derivation } from './derivation.ts';
import { deriveBlock } from './derive-block.ts';
import { deriveMatrix } from './derive-matrix.ts';
import { deriveTransposed } from './derive-transposed.ts';
import { deriveWindow } from './derive-window.ts';

/**
 * The topics and their lecture examples; `derive(topic, spec)` dispatches.
 * A topic's example is used when no spec is given.
 */
export interface Topic {
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
  { name: 'matrix', summary: 'K z = … with labels, expanded products and named outputs; padded inputs with their zeros', example: { input: 6, kernel: 3 }, build: deriveMatrix },
  { name: 'transposed', summary: 'Kᵀ times the outputs, the learned-weights remark, and the three equivalent forms', example: { input: 6, kernel: 3 }, build: deriveTransposed },
  { name: 'window', summary: 'the sliding window, one step per output position', example: LECTURE_WINDOW_EXAMPLE, build: deriveWindow },
  { name: 'block', summary: '2D/3D convolution as a (doubly/triply) block-Toeplitz matrix, flatten order stated', example: { input: '4x4', kernel: '3x3' }, build: deriveBlock },
];

export const TOPICS: ReadonlyMap<string, Topic> = new Map(TOPIC_LIST.map((t) => [t.name, t]));

export function derive(topic: string, spec?: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const t = TOPICS.get(topic);
  if (!t) {
    throw new ParseError({ field: 'topic', value: topic, rule: `must be one of ${[...TOPICS.keys()].join(', ')}` });
  }
  return t.build(spec ?? t.example, opts);
}
