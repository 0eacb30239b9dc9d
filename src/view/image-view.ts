import { LimitError, SpecError } from '../errors.ts';
import { type ImageCheck, checkImage } from '../check/image-check.ts';
import { grayLevel, grayScaleFor, imageSpec, numericWeights, pixelsReadBy } from '../evaluate/image.ts';
import { LIMITS, parseInteger, parsePerAxis } from '../geometry/spec-fields.ts';
import type { SpecInput } from '../geometry/spec.ts';
import { testPattern, upsampleNearest } from './test-pattern.ts';
import { DEFAULT_KERNEL } from './image-kernels.ts';
import { type SummaryView, count, summaryFor } from './summary.ts';
import type { SimpleVerdict } from './verdict.ts';

/**
 * The view of a numeric kernel applied to a picture (<conv-image>): the input
 * and output as gray levels, the output's values and range, the check that
 * the matrix K·x and the sliding window agree, and the answers to a pointer
 * or a key on the output (which pixel, which window). The picture is the test
 * pattern made in code or one read from `src` by the element; its size is
 * known (from the file's header) before it is decoded, so a picture too large
 * to read, or to convolve on the page, is refused or summarised first.
 */
export type ImageViewInput = Omit<SpecInput, 'input'> & { input?: string; upsample?: string };

/** A picture as gray values in [0, 1], row-major, [height, width]. */
export interface Picture { pixels: Float64Array; shape: [number, number] }

export interface ImageView {
  kind: 'image';
  input: { shape: [number, number]; gray: Uint8ClampedArray; caption: string; label: string };
  output: { shape: [number, number]; values: Float64Array; gray: Uint8ClampedArray; caption: string; label: string };
  /** the output's range and the gray mapping used */
  range: string;
  verdict: SimpleVerdict;
}

/** Past these the picture gets a summary (measured: no main-thread task over 250 ms). */
export const IMAGE_LIMITS = { drawnEntries: 40_000, taps: 160_000, terms: 1_000_000 };

/** The most pixels read from `src` (decoded RGBA: 64 MB), whatever size it is drawn at. */
export const MAX_SOURCE_PIXELS = 4096 * 4096;


/** The `input` size (HxW) and `upsample` factor, checked; null size: the picture's own. */
export function imageRequest(attrs: ImageViewInput): { size: [number, number] | null; factor: number } {
  const factor = attrs.upsample === undefined ? 1 : parseInteger(attrs.upsample, 'upsample', 1, 8);
  const size = attrs.input === undefined ? null : parsePerAxis(attrs.input, 'input', 1, LIMITS.size);
  if (size && size.length !== 2) throw new SpecError({ field: 'input', value: attrs.input, rule: 'must be a 2D size HxW for a picture' });
  return { size: size as [number, number] | null, factor };
}

/** Refuses a source image larger than MAX_SOURCE_PIXELS, from its header's size, before it is decoded. */
export function checkSourceSize(src: string, size: { width: number; height: number }): void {
  if (size.width * size.height <= MAX_SOURCE_PIXELS && size.width > 0 && size.height > 0) return;
  throw new LimitError({
    field: 'src', value: src.length > 60 ? `${src.slice(0, 57)}…` : src,
    rule: `is a ${size.width}×${size.height} image; at most ${count(MAX_SOURCE_PIXELS)} pixels (4096×4096) are read here`,
    fix: 'scale the image down first',
  });
}

/** The summary for a picture of `shape` (before upsampling), or null when the full view fits the limits. */
export function imageSummary(attrs: ImageViewInput, shape: readonly [number, number]): SummaryView | null {
  const { factor } = imageRequest(attrs);
  return summaryFor(specOf(attrs, [shape[0] * factor, shape[1] * factor]), IMAGE_LIMITS, 'the convolved picture');
}

/** The spec at a picture size: the attributes, with Sobel's G_x when no kernel and no weights are given. */
function specOf(attrs: ImageViewInput, shape: readonly [number, number]): SpecInput {
  const spec: SpecInput = { ...attrs, input: `${shape[0]}x${shape[1]}` };
  delete (spec as { upsample?: unknown }).upsample;
  if (spec.kernel === undefined && spec.weights === undefined) Object.assign(spec, { weights: DEFAULT_KERNEL.weights });
  return spec;
}

/** The engine's convolution behind a view, for the windows a hover asks for. */
const convolutions = new WeakMap<ImageView, ImageCheck>();

/**
 * The view of `source` (null: the test pattern at `input`, default 64×64),
 * upsampled, convolved. `described` names the picture for the alt text.
 */
export function imageView(attrs: ImageViewInput, source: Picture | null, described: string): ImageView | SummaryView {
  const { size, factor } = imageRequest(attrs);
  const [h0, w0] = source?.shape ?? size ?? [64, 64];
  const summary = imageSummary(attrs, [h0, w0]);
  if (summary) return summary;
  const base = source?.pixels ?? testPattern(h0, w0);
  const [h, w] = [h0 * factor, w0 * factor];
  const pixels = factor === 1 ? base : upsampleNearest(base, h0, w0, factor);
  const spec = imageSpec(specOf(attrs, [h, w]), [h, w]);
  const conv = checkImage(spec, pixels); // refuses a symbolic weight and an output that overflows float64
  const weights = numericWeights(spec);
  const scale = grayScaleFor(conv.output, weights);
  const [oh, ow] = conv.shape;
  const fmt = (x: number) => Number(x.toPrecision(4)).toString();
  const how = scale.kind === 'symmetric'
    ? `gray: symmetric around 0 (mid-gray is 0, black ${fmt(scale.lo)}, white ${fmt(scale.hi)}), as the kernel has negative weights`
    : `gray: min-max (black ${fmt(scale.lo)}, white ${fmt(scale.hi)})`;
  const view: ImageView = {
    kind: 'image',
    input: {
      shape: [h, w], gray: Uint8ClampedArray.from(pixels, (x) => Math.round(x * 255)),
      caption: `input ${h}×${w}${factor > 1 ? ` (${h0}×${w0} upsampled ×${factor}, nearest)` : ''}`,
      label: `input: ${described}, ${h} by ${w} pixels`,
    },
    output: {
      shape: [oh, ow], values: conv.output, gray: Uint8ClampedArray.from(conv.output, (x) => grayLevel(x, scale)),
      caption: `${spec.transposed ? 'transposed convolution' : 'convolution'} output ${oh}×${ow}`,
      label: `output: the ${spec.kernel.join('×')} kernel applied to ${described}, ${oh} by ${ow} pixels; arrow keys move the highlighted pixel`,
    },
    range: `values ${fmt(scale.min)} to ${fmt(scale.max)}; ${how}`,
    verdict: {
      pass: conv.report.holds,
      text: conv.exact
        ? `the matrix K·x and the sliding window ${conv.report.holds ? 'agree' : 'disagree'} exactly on all ${oh * ow} output pixels (rational arithmetic)`
        : `the matrix K·x and the sliding window ${conv.report.holds ? 'agree' : 'disagree'} on all ${oh * ow} output pixels in float64 (largest difference ${conv.maxDifference.toExponential(1)}; ${conv.inexact})`,
    },
  };
  convolutions.set(view, conv);
  return view;
}

/** The input pixels (flat) output pixel `r` reads: its window. */
export function windowOf(view: ImageView, r: number): number[] {
  const conv = convolutions.get(view);
  if (!conv) throw new Error('windowOf: a view made by imageView in this page is needed');
  return pixelsReadBy(conv, r);
}

/** The output pixel under a pointer at fractions (fx, fy) of the output's width and height. */
export function pixelAt(view: ImageView, fx: number, fy: number): number {
  const [oh, ow] = view.output.shape;
  const x = Math.min(ow - 1, Math.max(0, Math.floor(fx * ow)));
  const y = Math.min(oh - 1, Math.max(0, Math.floor(fy * oh)));
  return y * ow + x;
}

/** The pixel an arrow key moves to from `r` (the first pixel when none is highlighted); null for Escape, undefined for other keys. */
export function pixelAfterKey(view: ImageView, r: number | undefined, key: string): number | null | undefined {
  if (key === 'Escape') return null;
  const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  const d = step[key];
  if (!d) return undefined;
  if (r === undefined) return 0;
  const [oh, ow] = view.output.shape;
  const y = Math.floor(r / ow), x = r % ow;
  return Math.min(oh - 1, Math.max(0, y + d[0])) * ow + Math.min(ow - 1, Math.max(0, x + d[1]));
}

/** " · pixel (y, x) = v" for the highlighted output pixel, or "" when none (or out of range). */
export function pixelCaption(view: ImageView, r: number | undefined): string {
  const [oh, ow] = view.output.shape;
  if (r === undefined || r < 0 || r >= oh * ow) return '';
  return ` · pixel (${Math.floor(r / ow)}, ${r % ow}) = ${Number(view.output.values[r]!.toPrecision(4)).toString()}`;
}
