/**
 * The engine code <conv-separable> calls once it has a kernel: the rank-one
 * factorisation and the multiplication counts. A lazy chunk of the embed
 * bundle (see LazyPart), loaded before the element's first render.
 */
export { factorRankOne, isFactorization, readKernel2D } from '../../src/analysis/rank-one.ts';
export { depthwiseSeparableCost, spatiallySeparableCost } from '../../src/analysis/cost.ts';
