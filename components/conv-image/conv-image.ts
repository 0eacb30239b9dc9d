import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ImageView } from '../../src/view/image-view.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { simpleVerdict } from '../shared/verdict.ts';
import type { ImageAttrs, Read } from './read-picture.ts';
import { fileId, fileName } from './picture-file.ts';
import { KERNEL_PRESETS, TYPED_KERNEL, kernelChoice } from '../../src/view/image-kernels.ts';

/** The image view and the test pattern: a chunk loaded before the first render. */
const engine = new LazyPart('the image view', () => import('./image-engine.ts'));

/** While `src` loads for the first time. */
interface Pending { loading: string }

/** What was read from `src`: the picture, or only its size (a summary needs no pixels), or why it failed. */
type Loaded = { src: string } & Read;


/**
 * @summary A numeric kernel applied to a picture: input and output side by side, linked to the window.
 *
 * @attr src - URL of an image (same-origin or CORS-enabled), converted to grayscale; default: a test pattern made in code (a square, a disc and a gradient)
 * @prop file - a File or Blob the reader chose ("your own image…"): read here (its header's size checked before it is decoded, as for src), never uploaded; it replaces src while set
 * @attr input - picture size `HxW`; default 64x64 for the test pattern, the image's own size for `src` (a different size rescales it)
 * @attr upsample - nearest-neighbour upsampling factor applied to the picture before the convolution (default 1): resize-then-convolve
 * @attr kernel - kernel size (default 3x3 with the Sobel Gx weights when `weights` is unset)
 * @attr weights - the kernel's weights, all numbers (a symbolic weight is an inline error); the kernel select sets them to a preset (Sobel x and y, box, Gaussian, sharpen: src/view/image-kernels.ts) or lets the reader type them
 * @attr stride - stride (default 1)
 * @attr padding - padding, a number or `same`/`valid`/`full` (default 0)
 * @attr dilation - dilation (default 1)
 * @attr transposed - a transposed convolution (boolean)
 * @attr output-padding - extra output size of a transposed convolution
 * @attr mode - `cross-correlation` (default) or `convolution` (flipped kernel)
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode): what the border pixels see past the edge
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart choices - the kernel select (presets, or typed weights in the text field beside it) and the image select with "your own image…" (a file read locally)
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
export class ConvImageElement extends ConvElement<ImageView | SummaryView | Pending> {
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
    [part='choices'] { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: end; margin-bottom: 0.6rem; font-size: 0.85rem; }
    [part='choices'] label { display: flex; flex-direction: column; gap: 0.1rem; color: var(--conv-muted); max-width: 100%; }
    [part='choices'] input[type='text'] { width: min(22rem, 80vw); }
    [part='choices'] input[type='file'] { max-width: min(16rem, 80vw); }
  `];

  static override properties = {
    ...ConvElement.properties,
    src: { type: String, reflect: true },
    upsample: { type: String, reflect: true },
    file: { attribute: false },
    loaded: { state: true },
    typingWeights: { state: true },
  };
  static override inputKeys = [...ConvElement.inputKeys, 'src', 'upsample', 'file', 'loaded'];
  static override lazyParts = [...ConvElement.lazyParts, engine];
  declare src?: string;
  declare upsample?: string;
  /** the last image read from `src` (or its failure) */
  declare loaded?: Loaded;
  /** the reader's own picture, read locally */
  declare file?: Blob | null;
  /** the kernel select is on "typed…" */
  declare typingWeights?: boolean;

  private loading: string | null = null;

  protected override needsParser(): boolean { return false; }

  /** The output picture (row-major, by the sliding window) and its [height, width]; null until computed. */
  get result(): { values: Float64Array; shape: readonly [number, number] } | null {
    const v = this.view;
    return v && 'kind' in v && v.kind === 'image' ? { values: v.output.values, shape: v.output.shape } : null;
  }

  private attrs(): ImageAttrs {
    const { input, ...rest } = this.specInput();
    return { ...rest, input: this.input ?? undefined, upsample: this.upsample ?? undefined };
  }

  protected compute(): ImageView | SummaryView | Pending {
    const { imageRequest, imageView } = engine.get();
    const attrs = this.attrs();
    const file = this.file ?? null;
    if (!this.src && !file) return imageView(attrs, null, 'a test pattern (a square, a disc and a gradient)');
    const name = file ? fileName(file) : this.src!;
    const { size } = imageRequest(attrs);
    const key = `${file ? `file:${name}:${file.size}:${fileId(file)}` : name}\n${size?.join('x') ?? ''}`;
    if (this.loaded?.src !== key) {
      this.load(file ?? this.src!, name, key, attrs);
      // while a new picture loads, the last one stays
      return this.view && !('loading' in this.view) ? this.view : { loading: name };
    }
    if (this.loaded.error) throw this.loaded.error;
    if (!this.loaded.picture) return engine.get().imageSummary(attrs, this.loaded.shape!)!;
    return imageView(attrs, this.loaded.picture, file ? `your image ${name}` : `the image ${name}`);
  }

  /**
   * Reads the picture (`src` fetched, or the reader's file read here, never
   * sent anywhere): its header first (the size, before anything is decoded:
   * a picture too large to read is refused naming it, one too large to
   * convolve here is summarised without its pixels), then the pixels, drawn
   * at the `input` size if one is given. Sets `loaded`, which recomputes.
   */
  private load(source: string | Blob, name: string, key: string, attrs: ReturnType<ConvImageElement['attrs']>): void {
    if (this.loading === key) return;
    this.loading = key;
    const done = (loaded: Omit<Loaded, 'src'>) => { if (this.loading === key) { this.loading = null; this.loaded = { src: key, ...loaded }; } };
    const failed = () => new Error(`conv-image could not load ${typeof source === 'string' ? 'src' : 'the file'} "${name}"`);
    const api = engine.get();
    (async () => {
      const blob = typeof source === 'string' ? await api.fetchMeasured(source, name, attrs, failed) : await api.measuredFile(source, name, attrs);
      if (!(blob instanceof Blob)) return blob;
      return api.decodePicture(blob, name, attrs, failed);
    })().then((r) => done(r), (e: unknown) => done({ error: e instanceof Error ? e : failed() }));
  }

  /** The kernel and image selects. */
  private choices(): TemplateResult {
    const chosen = this.typingWeights ? TYPED_KERNEL : kernelChoice(this.weights, this.kernel);
    const image = this.file ? 'file' : this.src ? 'src' : 'pattern';
    return html`<div part="choices">
      <label>kernel<select name="kernel-preset" @change=${(e: Event) => this.chooseKernel((e.target as HTMLSelectElement).value)}>
        ${KERNEL_PRESETS.map((p) => html`<option value=${p.id} ?selected=${chosen === p.id}>${p.label}</option>`)}
        <option value=${TYPED_KERNEL} ?selected=${chosen === TYPED_KERNEL}>typed weights…</option></select></label>
      ${chosen === TYPED_KERNEL ? html`<label>weights (numbers, nested rows)<input type="text" name="weights" spellcheck="false" .value=${this.weights ?? ''}
        placeholder="[[0,1,0],[1,-4,1],[0,1,0]]" @input=${(e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); this.weights = v === '' ? undefined : v; }}></label>` : nothing}
      <label>image<select name="image" @change=${(e: Event) => this.chooseImage((e.target as HTMLSelectElement).value)}>
        <option value="pattern" ?selected=${image === 'pattern'}>test pattern</option>
        ${this.src ? html`<option value="src" ?selected=${image === 'src'}>the page's image</option>` : nothing}
        ${this.file ? html`<option value="file" ?selected=${image === 'file'}>your image: ${fileName(this.file)}</option>` : nothing}</select></label>
      <label>your own image (read here, never uploaded)<input type="file" name="file" accept="image/*"
        @change=${(e: Event) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) this.file = f; }}></label>
    </div>`;
  }

  private chooseKernel(id: string): void {
    const preset = KERNEL_PRESETS.find((p) => p.id === id);
    this.typingWeights = preset === undefined;
    if (!preset) return;
    this.kernel = undefined;
    this.weights = preset.weights;
  }

  private chooseImage(which: string): void {
    if (which !== 'file') this.file = null;
    if (which === 'pattern') { this.pageSrc ??= this.src; this.src = undefined; }
    if (which === 'src' && this.pageSrc) this.src = this.pageSrc;
  }

  /** the page's `src`, kept while the reader looks at the test pattern */
  private pageSrc: string | undefined;

  protected override specChangeDetail(v: ImageView | SummaryView | Pending): Record<string, unknown> {
    return { spec: this.specInput(), shape: 'kind' in v && v.kind === 'image' ? [...v.output.shape] : null };
  }

  private move(r: number | null): void {
    const v = this.view;
    if (!v || !('kind' in v) || v.kind !== 'image') return;
    if (r === null) { this.setActive({ output: null }); return; }
    this.setActive({ output: r, row: r, inputs: engine.get().windowOf(v, r) });
  }

  private pointer(e: PointerEvent, v: ImageView): void {
    const c = e.currentTarget as HTMLCanvasElement;
    this.move(engine.get().pixelAt(v, e.offsetX / c.clientWidth, e.offsetY / c.clientHeight));
  }

  private key(e: KeyboardEvent, v: ImageView): void {
    const next = engine.get().pixelAfterKey(v, this.active, e.key);
    if (next === undefined) return;
    if (next !== null) e.preventDefault();
    this.move(next);
  }

  protected renderView(v: ImageView | SummaryView | Pending): TemplateResult {
    if ('loading' in v) return html`${this.choices()}<div class="caption" part="placeholder">Loading ${v.loading}…</div>`;
    if (isSummary(v)) return html`${this.choices()}${summaryTemplate(v)}`;
    const [h, w] = v.input.shape, [oh, ow] = v.output.shape;
    return html`${this.choices()}<div class="row">
        <figure><figcaption>${v.input.caption}</figcaption><div class="stack">
          <canvas part="input" width=${w} height=${h} role="img" aria-label=${v.input.label}></canvas>
          <canvas class="overlay" data-layer="input" width=${w} height=${h} aria-hidden="true"></canvas></div></figure>
        <figure><figcaption>${v.output.caption}</figcaption><div class="stack">
          <canvas part="output" width=${ow} height=${oh} tabindex="0" role="img" aria-label=${v.output.label}
            @pointermove=${(e: PointerEvent) => this.pointer(e, v)} @pointerleave=${() => this.move(null)}
            @keydown=${(e: KeyboardEvent) => this.key(e, v)}></canvas>
          <canvas class="overlay" data-layer="output" width=${ow} height=${oh} aria-hidden="true"></canvas></div></figure>
      </div>
      <div part="range">${v.range}${engine.get().pixelCaption(v, this.active)}</div>
      ${simpleVerdict(v.verdict.pass, v.verdict.text)}`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const v = this.view;
    if (!v || !('kind' in v) || v.kind !== 'image') return;
    const q = (sel: string) => this.renderRoot.querySelector<HTMLCanvasElement>(sel);
    if (changed.size !== 1 || !changed.has('active')) {
      paint(q('canvas[part="input"]'), v.input.gray);
      paint(q('canvas[part="output"]'), v.output.gray);
    }
    const active = this.active !== undefined && this.active < v.output.values.length ? this.active : undefined;
    mark(q('canvas[data-layer="input"]'), active === undefined ? [] : engine.get().windowOf(v, active), [255, 196, 0, 150]);
    mark(q('canvas[data-layer="output"]'), active === undefined ? [] : [active], [255, 196, 0, 200]);
  }
}

/** Fills a canvas with gray levels, one pixel per value. */
function paint(c: HTMLCanvasElement | null, gray: Uint8ClampedArray): void {
  if (!c || c.width * c.height !== gray.length) return;
  const img = new ImageData(c.width, c.height);
  for (let i = 0; i < gray.length; i++) {
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = gray[i]!;
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
