/**
 * imageView and the image header against computations outside src/: the
 * oracle's convolution of the same pixels, headers of files whose bytes are
 * written here, and the overflow that `eval` refuses.
 */
import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { imageHeaderSize } from '../../src/view/image-header.ts';
import { type ImageView, MAX_SOURCE_PIXELS, checkSourceSize, imageView, pixelAfterKey, pixelAt, pixelCaption, windowOf } from '../../src/view/image-view.ts';
import { isSummary } from '../../src/view/summary.ts';
import { oracleConv } from '../oracle.ts';

function full(...args: Parameters<typeof imageView>): ImageView {
  const v = imageView(...args);
  if (isSummary(v)) throw new Error(`summary: ${v.summary.reason}`);
  return v;
}

function thrown(f: () => unknown): ConvmatError {
  try { f(); } catch (e) { if (e instanceof ConvmatError) return e; throw e; }
  throw new Error('expected a ConvmatError');
}

const SOBEL = [1, 0, -1, 2, 0, -2, 1, 0, -1];

describe('imageView', () => {
  it("Sobel's G_x by default, equal to the oracle's cross-correlation of the same pixels", () => {
    const h = 5, w = 6;
    const pixels = Float64Array.from({ length: h * w }, (_, i) => ((i * 7) % 11) / 10);
    const v = full({}, { pixels, shape: [h, w] }, 'a picture');
    const want = oracleConv({ data: [...pixels], shape: [1, h, w] }, { data: SOBEL, shape: [1, 1, 3, 3] });
    expect(v.output.shape).toEqual([3, 4]);
    [...v.output.values].forEach((x, i) => expect(x).toBeCloseTo(want.data[i]!, 12));
    expect(v.verdict.pass).toBe(true);
    expect(v.range).toMatch(/gray: symmetric around 0/);
    // gray levels: 0 is mid-gray (128 of 255) on the symmetric scale, the input maps [0, 1] to 0…255
    const m = Math.max(...[...v.output.values].map(Math.abs));
    expect([...v.output.gray]).toEqual([...v.output.values].map((x) => Math.round(((x + m) / (2 * m)) * 255)));
    expect([...v.input.gray]).toEqual([...pixels].map((x) => Math.round(x * 255)));
  });

  it('upsample, stride and padding: the oracle on the nearest-neighbour upsampled picture', () => {
    const pixels = Float64Array.from([0, 1, 0.5, 0.25]);
    const v = full({ upsample: '2', kernel: '2x2', weights: '[[1,2],[3,4]]', stride: '2', padding: '1' }, { pixels, shape: [2, 2] }, 'p');
    const up = [0, 0, 1, 1, 0, 0, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.5, 0.5, 0.25, 0.25];
    const want = oracleConv({ data: up, shape: [1, 4, 4] }, { data: [1, 2, 3, 4], shape: [1, 1, 2, 2] }, { stride: [2, 2], padding: [[1, 1], [1, 1]] });
    expect(v.output.shape).toEqual(want.shape.slice(1));
    expect([...v.output.values]).toEqual(want.data);
    expect(v.input.caption).toBe('input 4×4 (2×2 upsampled ×2, nearest)');
  });

  it('the window of an output pixel, the pixel under a pointer, arrow keys and the caption', () => {
    const v = full({ input: '8x8' }, null, 'a test pattern');
    // output (3, 2) of 6×6 reads rows 3..5, columns 2..4 of the 8-wide input
    expect(windowOf(v, 3 * 6 + 2).sort((a, b) => a - b)).toEqual([26, 27, 28, 34, 35, 36, 42, 43, 44]);
    expect(pixelAt(v, 2.5 / 6, 3.5 / 6)).toBe(20);
    expect(pixelAt(v, 1.2, -0.1)).toBe(5);
    expect(pixelAfterKey(v, 20, 'ArrowRight')).toBe(21);
    expect(pixelAfterKey(v, 5, 'ArrowRight')).toBe(5);
    expect(pixelAfterKey(v, 20, 'ArrowUp')).toBe(14);
    expect(pixelAfterKey(v, undefined, 'ArrowDown')).toBe(0);
    expect(pixelAfterKey(v, 20, 'Escape')).toBeNull();
    expect(pixelAfterKey(v, 20, 'a')).toBeUndefined();
    expect(pixelCaption(v, 20)).toBe(` · pixel (3, 2) = ${Number(v.output.values[20]!.toPrecision(4))}`);
    expect(pixelCaption(v, 36)).toBe('');
  });

  it('weights of 1e308 overflow: refused naming weights, as eval refuses, never a false "fail"', () => {
    const e = thrown(() => imageView({ input: '8x8', kernel: '3x3', weights: '[[1e308,1e308,1e308],[1e308,1e308,1e308],[1e308,1e308,1e308]]' }, null, 'p'));
    expect(e.field).toBe('weights');
    expect(e.rule).toMatch(/overflow float64/);
    // just below: the sums stay finite and the check passes
    expect(full({ input: '8x8', kernel: '3x3', weights: '[[1e300,0,0],[0,0,0],[0,0,-1e300]]' }, null, 'p').verdict.pass).toBe(true);
  });

  it('a large picture is a summary; a source over 4096×4096 is refused naming src', () => {
    const v = imageView({ input: '512x512' }, null, 'p');
    expect(isSummary(v) && v.summary.reason).toMatch(/more than the 40,000/);
    expect(isSummary(v) && v.summary.estimate!.output).toEqual([510, 510]);
    const e = thrown(() => checkSourceSize('big.png', { width: 16000, height: 16000 }));
    expect([e.field, e.rule]).toEqual(['src', 'is a 16000×16000 image; at most 16,777,216 pixels (4096×4096) are read here']);
    expect(() => checkSourceSize('ok.png', { width: 4096, height: MAX_SOURCE_PIXELS / 4096 })).not.toThrow();
    expect(thrown(() => imageView({ input: '8' }, null, 'p')).field).toBe('input');
    expect(thrown(() => imageView({ upsample: '9' }, null, 'p')).field).toBe('upsample');
  });
});

/** Big-endian and little-endian bytes. */
const be32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, n >>> 8];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('imageHeaderSize', () => {
  it('reads PNG, GIF, BMP, JPEG and WebP sizes from the first bytes', () => {
    const png = [0x89, ...ascii('PNG'), 13, 10, 26, 10, ...be32(13), ...ascii('IHDR'), ...be32(16000), ...be32(12000), 8, 0, 0, 0, 0];
    expect(imageHeaderSize(Uint8Array.from(png))).toEqual({ width: 16000, height: 12000 });
    expect(imageHeaderSize(Uint8Array.from([...ascii('GIF89a'), ...le16(640), ...le16(480)]))).toEqual({ width: 640, height: 480 });
    const bmp = [...ascii('BM'), ...new Array(16).fill(0), ...le32(300), ...le32(-200 >>> 0)];
    expect(imageHeaderSize(Uint8Array.from(bmp))).toEqual({ width: 300, height: 200 });
    // JPEG: SOI, an APP0 segment of 16 bytes, then SOF0 with height 1080 and width 1920
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 1080 >> 8, 1080 & 255, 1920 >> 8, 1920 & 255, 3];
    expect(imageHeaderSize(Uint8Array.from(jpeg))).toEqual({ width: 1920, height: 1080 });
    // a DHT segment before the frame is skipped, not read as one
    const dht = [0xff, 0xd8, 0xff, 0xc4, 0, 4, 0, 0, 0xff, 0xc2, 0, 17, 8, 0, 10, 0, 20, 3, 0, 0];
    expect(imageHeaderSize(Uint8Array.from(dht))).toEqual({ width: 20, height: 10 });
    const vp8x = [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...ascii('VP8X'), 10, 0, 0, 0, 0, 0, 0, 0, 99, 0, 0, 49, 0, 0];
    expect(imageHeaderSize(Uint8Array.from(vp8x))).toEqual({ width: 100, height: 50 });
  });

  it('null for other bytes, and for a header cut short', () => {
    expect(imageHeaderSize(Uint8Array.from(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toBeNull();
    expect(imageHeaderSize(Uint8Array.from([0x89, ...ascii('PNG'), 13, 10]))).toBeNull();
    expect(imageHeaderSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0]))).toBeNull();
  });
});
