import { LazyPart } from './lazy-part.ts';

type MatrixCheck = typeof import('../../src/check/matrix-check.ts');

/**
 * The engine's matrix check (K·x against the sliding window, exactly or in
 * seeded floats, within the work limits), whose verdict most elements show:
 * a lazy chunk of the embed bundle, one of ConvElement's lazy parts, so it is
 * loaded before any element's first render. The functions below have the
 * engine's signatures and call it synchronously once it is there.
 */
export const matrixCheck = new LazyPart<MatrixCheck>('the matrix check', () => import('../../src/check/matrix-check.ts'));

export function checkMatrix(...args: Parameters<MatrixCheck['checkMatrix']>): ReturnType<MatrixCheck['checkMatrix']> {
  return matrixCheck.get().checkMatrix(...args);
}

export function checkMatrixNumeric(...args: Parameters<MatrixCheck['checkMatrixNumeric']>): ReturnType<MatrixCheck['checkMatrixNumeric']> {
  return matrixCheck.get().checkMatrixNumeric(...args);
}
