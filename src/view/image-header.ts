/**
 * The size of an image read from the first bytes of its file, before anything
 * is decoded (DESIGN.md: images are measured by their header), so a
 * 16000×16000 picture is refused without 1 GB of pixels. PNG, GIF, JPEG, WebP
 * and BMP; null for anything else (or too few bytes yet).
 */
export function imageHeaderSize(b: Uint8Array): { width: number; height: number } | null {
  const u16be = (i: number) => (b[i]! << 8) | b[i + 1]!;
  const u16le = (i: number) => b[i]! | (b[i + 1]! << 8);
  const u32be = (i: number) => u16be(i) * 65536 + u16be(i + 2);
  const u32le = (i: number) => u16le(i) + u16le(i + 2) * 65536;
  const ascii = (i: number, s: string) => [...s].every((c, k) => b[i + k] === c.charCodeAt(0));
  // PNG: signature, then IHDR with width and height (big-endian)
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 'PNG') && ascii(12, 'IHDR')) return { width: u32be(16), height: u32be(20) };
  if (b.length >= 10 && (ascii(0, 'GIF87a') || ascii(0, 'GIF89a'))) return { width: u16le(6), height: u16le(8) };
  // BMP: BITMAPINFOHEADER's width and height (a negative height is top-down)
  if (b.length >= 26 && ascii(0, 'BM')) return { width: Math.abs(u32le(18) | 0), height: Math.abs(u32le(22) | 0) };
  if (b.length >= 30 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return webpSize(b, u16le);
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b, u16be);
  return null;
}

function webpSize(b: Uint8Array, u16le: (i: number) => number): { width: number; height: number } | null {
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === 'VP8 ') return { width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const u24 = (i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return null;
}

/** The first start-of-frame marker's size, walking the segments (null until it is in the bytes read). */
function jpegSize(b: Uint8Array, u16be: (i: number) => number): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16be(i + 7), height: u16be(i + 5) };
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    i += 2 + u16be(i + 2);
  }
  return null;
}
