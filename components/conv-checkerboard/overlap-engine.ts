/**
 * The engine code <conv-checkerboard> calls once it has a layer stack: the
 * overlap counts and their prediction. A lazy chunk of the embed bundle
 * (see LazyPart), loaded before the element's first render.
 */
export { checkerboard, predictsUniformOverlap, stackOverlapCounts } from '../../src/analysis/overlap.ts';
