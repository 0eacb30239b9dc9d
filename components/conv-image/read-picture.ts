import { type ImageViewInput, type Picture, checkSourceSize, imageRequest, imageSummary } from '../../src/view/image-view.ts';
import { imageHeaderSize } from '../../src/view/image-header.ts';
import { grayFromRgba } from '../../src/view/test-pattern.ts';
import { fileId } from './picture-file.ts';

/**
 * How <conv-image> reads a picture: `src` fetched, or the reader's own file
 * read in the page (never sent anywhere). Either way the size in the file's
 * header is checked first (checkSourceSize: too large to read is refused,
 * naming it; too large to convolve here is summarised without its pixels),
 * and only then are the pixels decoded, drawn at the requested size, and
 * turned to gray. Part of the element's lazy image engine (image-engine.ts):
 * none of it is in the bundle's start.
 */
export type ImageAttrs = ImageViewInput;

/** What was read: the picture, or only its size (a summary needs no pixels), or why it failed. */
export interface Read { picture?: Picture; shape?: [number, number]; error?: unknown }

/** Bytes of a file read before its header must have given the size. */
const HEADER_BYTES = 1 << 18;

type Measured = Blob | { shape: [number, number] };

/** The size in a header, checked (too large to read: refused); a summary's shape when too large to convolve here, else null. */
function checkHeader(name: string, header: { width: number; height: number }, attrs: ImageAttrs): { shape: [number, number] } | null {
  checkSourceSize(name, header);
  const shape = imageRequest(attrs).size ?? [header.height, header.width];
  return imageSummary(attrs, shape) ? { shape } : null;
}

/** `src` fetched, its header checked as soon as it has arrived (the rest is not read when it says no). */
export async function fetchMeasured(src: string, name: string, attrs: ImageAttrs, failed: () => Error): Promise<Measured> {
  const response = await fetch(src, { credentials: 'same-origin' }).catch(() => { throw failed(); });
  if (!response.ok || !response.body) throw failed();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0, header: { width: number; height: number } | null = null;
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    chunks.push(value);
    read += value.length;
    if (!header && (header = imageHeaderSize(concat(chunks, read))) !== null) {
      let summary: { shape: [number, number] } | null;
      try { summary = checkHeader(name, header, attrs); } catch (e) { void reader.cancel(); throw e; }
      if (summary) { void reader.cancel(); return summary; }
    }
    if (!header && read > HEADER_BYTES) break;
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' });
}

/** The reader's file: its first bytes read here for the header (a file with none is refused before decoding). */
export async function measuredFile(file: Blob, name: string, attrs: ImageAttrs): Promise<Measured> {
  fileId(file);
  const header = imageHeaderSize(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  if (!header) throw new Error(`conv-image reads PNG, GIF, JPEG, WebP and BMP files; "${name}" is none of them`);
  return checkHeader(name, header, attrs) ?? file;
}

/**
 * The pixels of an image file, decoded here (createImageBitmap; an <img> for
 * what it does not take, such as SVG), checked again by their decoded size,
 * drawn at the requested size, gray.
 */
export async function decodePicture(blob: Blob, name: string, attrs: ImageAttrs, failed: () => Error): Promise<Read> {
  const { image, width, height, close } = await decoded(blob, failed);
  try {
    checkSourceSize(name, { width, height });
    const [h, w] = imageRequest(attrs).size ?? [height, width];
    if (imageSummary(attrs, [h, w])) return { shape: [h, w] };
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(image, 0, 0, w, h);
    return { picture: { pixels: grayFromRgba(ctx.getImageData(0, 0, w, h).data, w * h), shape: [h, w] } };
  } finally {
    close();
  }
}

async function decoded(blob: Blob, failed: () => Error): Promise<{ image: CanvasImageSource; width: number; height: number; close: () => void }> {
  try {
    const bitmap = await createImageBitmap(blob);
    return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  } catch {
    const url = URL.createObjectURL(blob);
    const img = new Image();
    img.src = url;
    try { await img.decode(); } catch { URL.revokeObjectURL(url); throw failed(); }
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  }
}

/** The bytes read so far, as one array. */
function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

