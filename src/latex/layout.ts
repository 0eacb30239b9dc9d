/**
 * Display layout only: where the entry at flat row-major index f of a tensor
 * of shape [h, w] is drawn (row ⌊f/w⌋, column f mod w). This is the vec(·)
 * convention of DESIGN.md (last axis fastest); it is never used to decide
 * which input a tap reads — that comes from the engine's matrix.
 */
export function gridShape(shape: readonly number[]): [number, number] {
  if (shape.length === 1) return [1, shape[0]!];
  const w = shape[shape.length - 1]!;
  return [shape.slice(0, -1).reduce((a, b) => a * b, 1), w];
}

export function flatAt(shape: readonly number[], r: number, c: number): number {
  return r * gridShape(shape)[1] + c;
}
