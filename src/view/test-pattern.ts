/**
 * Grayscale pictures made in code for <conv-image>: values in [0, 1],
 * row-major, height × width. No geometry of any convolution here.
 */

/**
 * The default test pattern: a dark background with a bright square (sharp
 * vertical and horizontal edges) in the upper left, a left-to-right gradient
 * in the lower band, and a bright disc on the right.
 */
export function testPattern(h: number, w: number): Float64Array {
  const img = new Float64Array(h * w);
  const band = Math.floor(h * 0.7);
  const cx = w * 0.7, cy = h * 0.35, r = Math.min(h, w) * 0.2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0.15;
      if (y >= band) v = w > 1 ? x / (w - 1) : 0.5;
      else if (x >= w * 0.1 && x < w * 0.4 && y >= h * 0.15 && y < h * 0.55) v = 0.85;
      else if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) v = 1;
      img[y * w + x] = v;
    }
  }
  return img;
}

/** Nearest-neighbour upsampling by an integer factor on both axes (each pixel becomes a factor × factor block). */
export function upsampleNearest(img: Float64Array, h: number, w: number, factor: number): Float64Array {
  const W = w * factor;
  const out = new Float64Array(h * factor * W);
  for (let y = 0; y < h * factor; y++) {
    for (let x = 0; x < W; x++) out[y * W + x] = img[Math.floor(y / factor) * w + Math.floor(x / factor)]!;
  }
  return out;
}

/** RGBA pixels as gray in [0, 1] (Rec. 601 luma; alpha ignored). */
export function grayFromRgba(data: ArrayLike<number>, pixels: number): Float64Array {
  const out = new Float64Array(pixels);
  for (let i = 0; i < pixels; i++) out[i] = (0.299 * data[4 * i]! + 0.587 * data[4 * i + 1]! + 0.114 * data[4 * i + 2]!) / 255;
  return out;
}
