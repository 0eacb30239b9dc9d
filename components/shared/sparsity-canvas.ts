import type { ConvMatrix } from '../../src/matrix/conv-matrix.ts';

/**
 * The structural view of a matrix too large to typeset: one square per entry,
 * nonzeros coloured by the weight they hold, drawn on a canvas in O(nonzeros).
 * Pixel ↔ cell conversion here is view geometry only.
 */
export const MAX_CANVAS_SIDE = 4096;

export function cellSize(m: ConvMatrix, width = 640): number {
  const fit = Math.max(1, Math.floor(width / Math.max(m.cols, 1)));
  const cap = MAX_CANVAS_SIDE / Math.max(m.rows, m.cols, 1);
  return Math.min(8, fit, cap);
}

function tapColour(tap: number, taps: number): string {
  const hue = (tap * 360) / Math.max(taps, 1);
  return `hsl(${hue.toFixed(0)} 65% 48%)`;
}

/** Draws the pattern, with row `active` (if any) outlined across the whole width. */
export function drawSparsity(canvas: HTMLCanvasElement, m: ConvMatrix, taps: number, active: number | undefined, bg: string): void {
  const size = cellSize(m);
  const w = Math.ceil(m.cols * size), h = Math.ceil(m.rows * size);
  const dot = Math.max(size, 1);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, w, h);
  const colours = Array.from({ length: taps }, (_, t) => tapColour(t, taps));
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowPtr[r]!; k < m.rowPtr[r + 1]!; k++) {
      ctx.fillStyle = colours[m.tap[k]!] ?? '#888';
      ctx.fillRect(m.colIndex[k]! * size, r * size, dot, dot);
    }
  }
  if (active !== undefined && active >= 0 && active < m.rows) {
    ctx.fillStyle = 'rgba(255, 200, 0, 0.35)';
    ctx.fillRect(0, active * size, w, dot);
    ctx.strokeStyle = '#e0a000';
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, active * size + 0.5, w - 1, Math.max(dot - 1, 1));
  }
}

/** The (row, col) under a pointer event, or null outside the drawn area. */
export function cellAt(canvas: HTMLCanvasElement, m: ConvMatrix, e: { clientX: number; clientY: number }): { row: number; col: number } | null {
  const box = canvas.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const col = Math.floor(((e.clientX - box.left) / box.width) * m.cols);
  const row = Math.floor(((e.clientY - box.top) / box.height) * m.rows);
  return row >= 0 && row < m.rows && col >= 0 && col < m.cols ? { row, col } : null;
}
