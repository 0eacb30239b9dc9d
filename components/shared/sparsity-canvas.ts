import { type ConvMatrix, forEachCell } from '../../src/view/equation.ts';

/**
 * The structural view of a matrix too large to typeset: one square per entry,
 * nonzeros coloured by the weight they hold, a summed entry (reflect or
 * replicate padding: w1 + w3) in the theme's text colour. The pattern is drawn once into a
 * pixel buffer in O(nonzeros); hovering only repaints the buffer and one
 * highlighted row. Pixel ↔ cell conversion here is view geometry only.
 */
export const MAX_CANVAS_SIDE = 2048;

export function cellSize(m: ConvMatrix, width = 640): number {
  const fit = Math.max(1, Math.floor(width / Math.max(m.cols, 1)));
  const cap = MAX_CANVAS_SIDE / Math.max(m.rows, m.cols, 1);
  return Math.min(8, fit, cap);
}

/** hsl(hue 65% 48%) as RGB, the hue spread over the weights. */
function tapColour(tap: number, taps: number): [number, number, number] {
  const hue = (tap * 360) / Math.max(taps, 1), sat = 0.65, light = 0.48;
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** The colour of weight `tap` as CSS, for the legend. */
export function tapCss(tap: number, taps: number): string {
  const [r, g, b] = tapColour(tap, taps);
  return `rgb(${r}, ${g}, ${b})`;
}

export class SparsityPainter {
  private base: ImageData | null = null;
  private key: ConvMatrix | null = null;
  private size = 1;

  /** Draws the pattern of `m` into `canvas`, with row `active` (if any) lit across the whole width. */
  paint(canvas: HTMLCanvasElement, m: ConvMatrix, taps: number, active: number | undefined, bg: [number, number, number]): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (this.key !== m || !this.base) {
      this.size = cellSize(m);
      canvas.width = Math.max(1, Math.ceil(m.cols * this.size));
      canvas.height = Math.max(1, Math.ceil(m.rows * this.size));
      this.base = pattern(ctx, m, taps, this.size, bg);
      this.key = m;
    }
    ctx.putImageData(this.base, 0, 0);
    if (active !== undefined && active >= 0 && active < m.rows) {
      const y = Math.floor(active * this.size), h = Math.max(1, Math.floor(this.size));
      ctx.fillStyle = 'rgba(255, 200, 0, 0.45)';
      ctx.fillRect(0, y, canvas.width, h);
    }
  }
}

function pattern(ctx: CanvasRenderingContext2D, m: ConvMatrix, taps: number, size: number, bg: [number, number, number]): ImageData {
  const w = ctx.canvas.width, h = ctx.canvas.height;
  const img = ctx.createImageData(w, h);
  const px = img.data;
  for (let i = 0; i < px.length; i += 4) { px[i] = bg[0]; px[i + 1] = bg[1]; px[i + 2] = bg[2]; px[i + 3] = 255; }
  const colours = Array.from({ length: taps }, (_, t) => tapColour(t, taps));
  const summed = summedColour(bg);
  const dot = Math.max(1, Math.floor(size));
  forEachCell(m, (r, c, cellTaps) => {
    const y0 = Math.floor(r * size), x0 = Math.floor(c * size);
    const [cr, cg, cb] = cellTaps.length > 1 ? summed : colours[cellTaps[0]!] ?? [128, 128, 128];
    for (let y = y0; y < Math.min(y0 + dot, h); y++) {
      for (let x = x0; x < Math.min(x0 + dot, w); x++) {
        const o = (y * w + x) * 4;
        px[o] = cr; px[o + 1] = cg; px[o + 2] = cb;
      }
    }
  });
  return img;
}

/** The colour of a summed entry: near black on a light background, near white on a dark one. */
function summedColour(bg: readonly [number, number, number]): [number, number, number] {
  return bg[0] + bg[1] + bg[2] > 384 ? [25, 25, 25] : [235, 235, 235];
}

/** The same colour as CSS, for the legend. */
export function summedCss(bg: readonly [number, number, number]): string {
  const [r, g, b] = summedColour(bg);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The (row, col) under a pointer event, or null outside the drawn area. */
export function cellAt(canvas: HTMLCanvasElement, m: ConvMatrix, e: { clientX: number; clientY: number }): { row: number; col: number } | null {
  const box = canvas.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const col = Math.floor(((e.clientX - box.left) / box.width) * m.cols);
  const row = Math.floor(((e.clientY - box.top) / box.height) * m.rows);
  return row >= 0 && row < m.rows && col >= 0 && col < m.cols ? { row, col } : null;
}

/** An `rgb(…)` colour as numbers (the theme's background), white if unreadable. */
export function parseRgb(css: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255];
}
