/** An h×w picture drawn on a canvas in the test, gray level (0…255) per pixel from `f`. */
export function pictureCanvas(h: number, w: number, f: (y: number, x: number) => number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = 4 * (y * w + x);
    img.data[i] = img.data[i + 1] = img.data[i + 2] = f(y, x);
    img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return c;
}
