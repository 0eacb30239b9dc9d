import { LazyPart } from './lazy-part.ts';

/**
 * The engine's matrix check (K·x against the sliding window, exactly or in
 * seeded floats, within the work limits) for <conv-matrix> and <conv-window>:
 * a lazy chunk of the embed bundle, loaded before their first render.
 */
export const matrixCheck = new LazyPart('the matrix check', () => import('../../src/check/matrix-check.ts'));
