import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { GrayScale, ImageConvolution } from '../../src/evaluate/image.ts';
import { SpecError } from '../../src/errors.ts';
import { LIMITS, parseInteger, parsePerAxis } from '../../src/geometry/spec-fields.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { type SummaryView, ViewBudget, isSummary } from '../shared/view-budget.ts';
import { simpleVerdict } from '../shared/verdict.ts';

/** The image convolution and the test pattern: a chunk loaded before the first render. */
const engine = new LazyPart('the image engine', () => import('./image-engine.ts'));

/** A picture as gray values in [0, 1], row-major. */
interface Picture { pixels: Float64Array; shape: [number, number]; upsampled?: number }

interface ImageView {
  picture: Picture;
  conv: ImageConvolution;
  scale: GrayScale;
  /** where the picture came from, for the alt text */
  source: string;
}

type View = ImageView | SummaryView | { loading: string };

const SOBEL_X = '[[1,0,-1],[2,0,-2],[1,0,-1]]';

/**
 * @summary A numeric kernel applied to a picture: input and output side by side, linked to the window.
 *
 * @attr src - URL of an image (same-origin or CORS-enabled), converted to grayscale; default: a test pattern made in code (a square, a disc and a gradient)
 * @attr input - picture size `HxW`; default 64x64 for the test pattern, the image's own size for `src` (a different size rescales it)
 * @attr upsample - nearest-neighbour upsampling factor applied to the picture before the convolution (default 1): resize-then-convolve
 * @attr kernel - kernel size (default 3x3 with the Sobel Gx weights when `weights` is unset)
 * @attr weights - the kernel's weights, all numbers (a symbolic weight is an inline error)
 * @attr stride - stride (default 1)
 * @attr padding - padding, a number or `same`/`valid`/`full` (default 0)
 * @attr dilation - dilation (default 1)
 * @attr transposed - a transposed convolution (boolean)
 * @attr output-padding - extra output size of a transposed convolution
 * @attr mode - `cross-correlation` (default) or `convolution` (flipped kernel)
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode): what the border pixels see past the edge
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart input - the input picture (a canvas)
 * @csspart output - the output picture (a canvas, keyboard focusable: arrow keys move the highlighted pixel)
 * @csspart range - the output's value range and the gray mapping used
 * @csspart verdict - the matrix K·x and the sliding window agree on every output pixel; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message (an invalid attribute, symbolic weights, an image that failed to load)
 * @csspart summary - shown instead of the pictures when the image is too large to compute without a freeze
 *
 * @fires spec-change - the spec was accepted; detail `{spec, shape}` (shape: the output's [height, width])
 * @fires highlight - an output pixel was hovered or chosen with the keyboard; detail `{output, row, inputs}` (inputs: the input pixels its window covers)
 */
export class ConvImageElement extends ConvElement<View> {
  static override styles = [...ConvElement.styles, css`
    .row { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: flex-start; }
    figure { margin: 0; }
    figcaption { font-size: 0.85rem; color: var(--conv-muted); margin-bottom: 0.2rem; }
    .stack { position: relative; width: min(16rem, 80vw); line-height: 0; }
    canvas { width: 100%; image-rendering: pixelated; border: 1px solid var(--conv-border); box-sizing: border-box; }
    canvas.overlay { position: absolute; inset: 0; pointer-events: none; border-color: transparent; }
    canvas[part='output'] { cursor: crosshair; }
    canvas[part='output']:focus-visible { outline: 2px solid var(--conv-accent); outline-offset: 2px; }
    [part='range'] { font-size: 0.85rem; margin: 0.4rem 0; }
  `];

  static override properties = {
    ...ConvElement.properties,
    src: { type: String, reflect: true },
    upsample: { type: String, reflect: true },
    loaded: { state: true },
  };
  static override inputKeys = [...ConvElement.inputKeys, 'src', 'upsample', 'loaded'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  declare src?: string;
  declare upsample?: string;
  /** the last image read from `src` (or its failure) */
  declare loaded?: { src: string; picture?: Picture; error?: string };

  private budget = new ViewBudget(this, { drawnEntries: 40_000, taps: 160_000, terms: 1_000_000 }, 'the convolved picture');
  private loading: string | null = null;

  protected override needsParser(): boolean { return false; }

  /** The output picture (row-major, by the sliding window) and its [height, width]; null until computed. */
  get result(): { values: Float64Array; shape: readonly [number, number] } | null {
    const v = this.view;
    return v && 'conv' in v ? { values: v.conv.output, shape: v.conv.shape } : null;
  }

  protected compute(): View {
    const picture = this.picture();
    // while a new src loads, the last picture stays
    if (!picture) return this.view && 'conv' in this.view ? this.view : { loading: this.src! };
    const input = { ...this.specInput(), input: `${picture.shape[0]}x${picture.shape[1]}` };
    if (input.kernel === undefined && input.weights === undefined) Object.assign(input, { kernel: '3x3', weights: SOBEL_X });
    const summary = this.budget.plan(input);
    if (summary) return summary;
    const { convolveImage, grayScaleFor, imageSpec, numericWeights } = engine.get();
    const spec = imageSpec(input, picture.shape);
    const conv = convolveImage(spec, picture.pixels);
    return { picture, conv, scale: grayScaleFor(conv.output, numericWeights(spec)), source: this.src ? `the image ${this.src}` : 'a test pattern (a square, a disc and a gradient)' };
  }

  /** The picture to convolve, upsampled; null while `src` loads (a failed load throws its message). */
  private picture(): Picture | null {
    const factor = this.upsample === undefined ? 1 : parseInteger(this.upsample, 'upsample', 1, 8);
    const size = this.input === undefined ? null : parsePerAxis(this.input, 'input', 1, LIMITS.size);
    if (size && size.length !== 2) throw new SpecError({ field: 'input', value: this.input, rule: 'must be a 2D size HxW for a picture' });
    let p: Picture;
    if (this.src) {
      if (this.loaded?.src !== this.src) { this.load(this.src, size as [number, number] | null); return null; }
      if (this.loaded.error) throw new Error(this.loaded.error);
      p = this.loaded.picture!;
    } else {
      const [h, w] = (size ?? [64, 64]) as [number, number];
      p = { pixels: engine.get().testPattern(h, w), shape: [h, w] };
    }
    if (factor === 1) return p;
    const [h, w] = p.shape;
    return { pixels: engine.get().upsampleNearest(p.pixels, h, w, factor), shape: [h * factor, w * factor], upsampled: factor };
  }

  /** Reads `src` into a canvas and then into gray values; sets `loaded`, which recomputes. */
  private load(src: string, size: [number, number] | null): void {
    if (this.loading === src) return;
    this.loading = src;
    const img = new Image();
    img.crossOrigin = 'anonymous';
    const done = (loaded: NonNullable<ConvImageElement['loaded']>) => { if (this.loading === src) { this.loading = null; this.loaded = loaded; } };
    img.onload = () => {
      try {
        const [h, w] = size ?? [img.naturalHeight, img.naturalWidth];
        const canvas = document.createElement('canvas');
        canvas.width = w; canvas.height = h;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0, w, h);
        done({ src, picture: { pixels: engine.get().grayFromRgba(ctx.getImageData(0, 0, w, h).data, w * h), shape: [h, w] } });
      } catch {
        done({ src, error: `conv-image could not read the pixels of src "${src}" (a cross-origin image needs CORS)` });
      }
    };
    img.onerror = () => done({ src, error: `conv-image could not load src "${src}"` });
    img.src = src;
  }

  protected override specChangeDetail(v: View): Record<string, unknown> {
    return { spec: this.specInput(), shape: 'conv' in v ? [...v.conv.shape] : null };
  }

  private move(r: number | null): void {
    const v = this.view;
    if (!v || !('conv' in v)) return;
    if (r === null) { this.setActive({ output: null }); return; }
    this.setActive({ output: r, row: r, inputs: engine.get().pixelsReadBy(v.conv, r) });
  }

  private pointer(e: PointerEvent, v: ImageView): void {
    const c = e.currentTarget as HTMLCanvasElement;
    const [oh, ow] = v.conv.shape;
    const x = Math.min(ow - 1, Math.max(0, Math.floor((e.offsetX / c.clientWidth) * ow)));
    const y = Math.min(oh - 1, Math.max(0, Math.floor((e.offsetY / c.clientHeight) * oh)));
    this.move(y * ow + x);
  }

  private key(e: KeyboardEvent, v: ImageView): void {
    const [oh, ow] = v.conv.shape;
    const r = this.active ?? 0;
    const y = Math.floor(r / ow), x = r % ow;
    const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const d = step[e.key];
    if (e.key === 'Escape') { this.move(null); return; }
    if (!d) return;
    e.preventDefault();
    if (this.active === undefined) { this.move(0); return; }
    this.move(Math.min(oh - 1, Math.max(0, y + d[0])) * ow + Math.min(ow - 1, Math.max(0, x + d[1])));
  }

  protected renderView(v: View): TemplateResult {
    if ('loading' in v) return html`<div class="caption" part="placeholder">Loading ${v.loading}…</div>`;
    if (isSummary(v)) return this.budget.template(v);
    const [h, w] = v.picture.shape, [oh, ow] = v.conv.shape;
    const s = v.conv.spec;
    const fmt = (x: number) => Number(x.toPrecision(4)).toString();
    const how = v.scale.kind === 'symmetric'
      ? `gray: symmetric around 0 (mid-gray is 0, black ${fmt(v.scale.lo)}, white ${fmt(v.scale.hi)}), as the kernel has negative weights`
      : `gray: min-max (black ${fmt(v.scale.lo)}, white ${fmt(v.scale.hi)})`;
    const at = this.active !== undefined && this.active < oh * ow
      ? html` · pixel (${Math.floor(this.active / ow)}, ${this.active % ow}) = ${fmt(v.conv.output[this.active]!)}` : nothing;
    return html`<div class="row">
        <figure><figcaption>input ${h}×${w}${v.picture.upsampled ? ` (${h / v.picture.upsampled}×${w / v.picture.upsampled} upsampled ×${v.picture.upsampled}, nearest)` : ''}</figcaption><div class="stack">
          <canvas part="input" width=${w} height=${h} role="img" aria-label=${`input: ${v.source}, ${h} by ${w} pixels`}></canvas>
          <canvas class="overlay" data-layer="input" width=${w} height=${h} aria-hidden="true"></canvas></div></figure>
        <figure><figcaption>${s.transposed ? 'transposed convolution' : 'convolution'} output ${oh}×${ow}</figcaption><div class="stack">
          <canvas part="output" width=${ow} height=${oh} tabindex="0" role="img"
            aria-label=${`output: the ${s.kernel.join('×')} kernel applied to ${v.source}, ${oh} by ${ow} pixels; arrow keys move the highlighted pixel`}
            @pointermove=${(e: PointerEvent) => this.pointer(e, v)} @pointerleave=${() => this.move(null)}
            @keydown=${(e: KeyboardEvent) => this.key(e, v)}></canvas>
          <canvas class="overlay" data-layer="output" width=${ow} height=${oh} aria-hidden="true"></canvas></div></figure>
      </div>
      <div part="range">values ${fmt(v.scale.min)} to ${fmt(v.scale.max)}; ${how}${at}</div>
      ${simpleVerdict(v.conv.agree, `the matrix K·x and the sliding window agree on all ${oh * ow} output pixels in float64 (largest difference ${v.conv.maxDifference.toExponential(1)})`)}`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const v = this.view;
    if (!v || !('conv' in v)) return;
    const q = (sel: string) => this.renderRoot.querySelector<HTMLCanvasElement>(sel);
    const { grayLevel, pixelsReadBy } = engine.get();
    if (changed.size !== 1 || !changed.has('active')) {
      paint(q('canvas[part="input"]'), v.picture.pixels, (x) => Math.round(x * 255));
      paint(q('canvas[part="output"]'), v.conv.output, (x) => grayLevel(x, v.scale));
    }
    const covered = this.active === undefined || this.active >= v.conv.output.length ? [] : pixelsReadBy(v.conv, this.active);
    mark(q('canvas[data-layer="input"]'), covered, [255, 196, 0, 150]);
    mark(q('canvas[data-layer="output"]'), this.active === undefined ? [] : [this.active], [255, 196, 0, 200]);
  }
}

/** Fills a canvas with gray levels, one pixel per value. */
function paint(c: HTMLCanvasElement | null, values: ArrayLike<number>, level: (v: number) => number): void {
  if (!c || c.width * c.height !== values.length) return;
  const img = new ImageData(c.width, c.height);
  for (let i = 0; i < values.length; i++) {
    const g = level(values[i]!);
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = g;
    img.data[4 * i + 3] = 255;
  }
  c.getContext('2d')!.putImageData(img, 0, 0);
}

/** Tints the given pixels of an overlay canvas, clearing the rest. */
function mark(c: HTMLCanvasElement | null, pixels: readonly number[], rgba: readonly number[]): void {
  if (!c) return;
  const img = new ImageData(c.width, c.height);
  for (const p of pixels) img.data.set(rgba, 4 * p);
  c.getContext('2d')!.putImageData(img, 0, 0);
}
