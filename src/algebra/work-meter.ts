/**
 * What the engine actually allocated, counted where it happens: sparse
 * entries (matrix builders), terms formed by polynomial multiplication
 * (dotPolys) and by dense products (matMul), dense cells (materialize,
 * matMul). One addition per call, cheap enough to stay on. Tests reset it,
 * run a request and hold the counts against the work estimator's prediction.
 */
export interface WorkCounts {
  entries: number;
  terms: number;
  denseCells: number;
}

export const workMeter: WorkCounts = { entries: 0, terms: 0, denseCells: 0 };

export function resetWorkMeter(): void {
  workMeter.entries = 0;
  workMeter.terms = 0;
  workMeter.denseCells = 0;
}
