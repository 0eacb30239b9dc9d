import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ExplorerView } from '../../src/view/explorer-view.ts';
import { LAYER_FIELDS } from '../../src/view/layer-fields.ts';
import { uniformSlider } from '../../src/view/number-fields.ts';
import { ConvElement, type HighlightDetail } from '../shared/conv-element.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { tex } from '../shared/katex-block.ts';
import { SPEC_KEYS, type SpecKey, attributeName } from '../shared/spec-from-attributes.ts';
import { readSpecFromUrl, writeSpecToUrl } from './url-state.ts';

/** The explorer's view (the PyTorch code, the size formulas): a chunk loaded before the first render. */
const engine = new LazyPart('the explorer view', () => import('./explorer-engine.ts'));

/** Quiet time after the last keystroke before a text field applies (sliders apply at once; Enter or leaving the field too). */
const TYPING_MS = 250;

/** The numeric fields: each gets a slider beside its text field. */
const NUMERIC: readonly SpecKey[] = ['input', 'kernel', 'stride', 'padding', 'dilation', 'outputPadding', 'inChannels', 'outChannels', 'groups'];

/** What an unset field means (the explorer's defaults), for its slider. */
const UNSET: Partial<Record<SpecKey, string>> = {
  input: '6', kernel: '3', stride: '1', padding: '0', dilation: '1', outputPadding: '0', inChannels: '1', outChannels: '1', groups: '1',
};

const HINTS: Partial<Record<SpecKey, string>> = {
  input: '6, 5x5', kernel: '3, 3x3', stride: '1, 2x1', padding: '1, same, 1,2;0,1', dilation: '1, 2',
  outputPadding: '0', inChannels: '1', outChannels: '1', groups: '1', weights: 'w, x,y,z, [[…]]', inputs: 'z, a,b,c,d',
};

/**
 * @summary A playground with a control for every spec field, composing conv-matrix, conv-window and conv-transposed with linked highlighting.
 *
 * @attr input - input size (CLI syntax, as every shared attribute; default 6)
 * @attr kernel - kernel size (default 3)
 * @attr stride - stride
 * @attr padding - padding
 * @attr dilation - dilation
 * @attr transposed - boolean: explore the transposed convolution
 * @attr output-padding - output padding of a transposed convolution
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values
 * @attr inputs - input names or values
 * @attr mode - `correlation` or `convolution`
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode); a select in the controls, kept in the URL with url-state
 * @attr layer - PyTorch layer code (`nn.Conv2d(1, 1, 3, stride=2)`), read and never run; the "paste a layer" box shows it, and the fields it sets are disabled while it is there
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 * @attr active - flat index of the highlighted output, shared by every view
 * @attr url-state - boolean: the spec lives in the page URL's query (`?input=5x5&kernel=3x3`), read on connect and written on every valid change, so a link reproduces the playground
 *
 * @csspart controls - the form with one control per spec field; every numeric field has a slider (applied as you drag) beside its text field (applied as you type, debounced, and on Enter); a slider is disabled while the axes differ (`5x3`) or the value is a word (`same`)
 * @csspart layer - the "paste a layer" box: PyTorch Conv or ConvTranspose code replaces every field but input, weights and inputs; applied as you type or paste (an incomplete layer is explained inline, the last good view stays); clearing it brings the fields back
 * @csspart status - a polite status line: which other fields a change dropped or adjusted, and why (unticking transposed drops the output padding)
 * @csspart torch - the current spec as PyTorch layer code (bias=False), or why no Conv layer has it
 * @csspart output-size - the output size of each axis: its formula, the numbers substituted, the value
 * @csspart views - the composed elements
 * @csspart error - the inline explanation of an invalid combination
 *
 * @fires spec-change - a new valid spec; detail `{spec}` (attribute values)
 * @fires highlight - re-fired by the composed elements; detail `{output, name, row, inputs, source}`
 */
export class ConvExplorerElement extends ConvElement<ExplorerView> {
  static override lazyParts = [...ConvElement.lazyParts, engine];
  declare urlState?: boolean;
  static override properties = { ...ConvElement.properties, urlState: { type: Boolean, reflect: true, attribute: 'url-state' }, status: { state: true } };
  declare status: string;
  private typing: ReturnType<typeof setTimeout> | undefined;
  /** the fields as they were before a layer was pasted, brought back when the box is cleared */
  private beforeLayer: Partial<Record<SpecKey, string>> | null = null;
  /** the spec of the first render, as JSON (url-state) */
  private firstValues?: string;

  override connectedCallback(): void {
    if (this.urlState) {
      const values = readSpecFromUrl(location.search);
      const el = this as unknown as Record<string, unknown>;
      // a layer in the URL replaces the page's fields it sets
      if (values.layer !== undefined) for (const k of (LAYER_FIELDS as readonly string[])) el[k] = undefined;
      for (const [k, v] of Object.entries(values)) el[k] = v;
    }
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.typing);
    super.disconnectedCallback();
  }

  static override styles = [...ConvElement.styles, css`
    form { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.4rem 0.8rem; margin-bottom: 0.6rem; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; color: var(--conv-muted); gap: 0.1rem; }
    label.check { flex-direction: row; align-items: center; gap: 0.4rem; }
    input[type='text'] { width: 100%; box-sizing: border-box; }
    [part='views'] > * { margin: 0.5rem 0; border: 1px solid var(--conv-border); }
    label.wide { grid-column: 1 / -1; }
    [part='torch'] { margin: 0.2rem 0; overflow-wrap: anywhere; }
    [part='torch'] code { font-size: 0.85rem; }
    [part='torch'] .note { display: block; font-size: 0.8rem; color: var(--conv-muted); }
    [part='output-size'] { margin: 0.2rem 0 0.6rem; overflow-x: auto; }
    .slider { display: flex; gap: 0.3rem; align-items: center; }
    .slider input[type='range'] { flex: 1 1 auto; min-width: 0; margin: 0; }
    .slider input[type='text'] { flex: 0 0 4.5rem; }
    [part='status'] { font-size: 0.8rem; color: var(--conv-muted); margin: 0 0 0.4rem; min-height: 0; }
    [part='status']:empty { display: none; }
    .size-line { display: flex; flex-wrap: wrap; align-items: center; column-gap: 0.3em; row-gap: 0.2rem; margin: 0.3rem 0; }
  `];

  protected compute(): ExplorerView {
    const values: Partial<Record<SpecKey, string>> = {};
    for (const k of SPEC_KEYS) {
      const v = this[k as keyof this];
      if (typeof v === 'string') values[k] = v;
    }
    return engine.get().explorerView(this.specInput(), values);
  }

  protected override specChangeDetail(v: ExplorerView): Record<string, unknown> {
    return { spec: { ...v.values } };
  }

  /** With url-state, a valid spec goes into the address; the page's own spec leaves it clean until something changes. */
  protected override onViewChanged(v: ExplorerView): void {
    if (!this.urlState) return;
    const key = JSON.stringify(v.values);
    this.firstValues ??= key;
    if (key !== this.firstValues || Object.keys(readSpecFromUrl(location.search)).length > 0) writeSpecToUrl(v.values);
  }

  /** Hands the last valid spec and the shared highlight to the composed elements. */
  protected override updated(changed: PropertyValues): void {
    const v = this.view;
    if (!v) return;
    for (const child of this.renderRoot.querySelectorAll<HTMLElement>('[data-linked]')) {
      const el = child as HTMLElement & Record<string, unknown>;
      for (const k of SPEC_KEYS) {
        const want = v.values[k];
        if (el[k] !== want) el[k] = want;
      }
      if (changed.has('active')) {
        if (child.localName === 'conv-window') { if (this.active !== undefined) el.step = this.active; }
        else el.active = this.active;
      }
    }
  }

  private onHighlight(e: CustomEvent<HighlightDetail>): void {
    if (e.detail.source === this.localName) return;
    const next = e.detail.output ?? undefined;
    if (next !== this.active) this.active = next;
  }

  /** The spec properties as the controls hold them (`transposed`: '' when ticked). */
  private values(): Partial<Record<SpecKey, string>> {
    const out: Partial<Record<SpecKey, string>> = {};
    for (const k of SPEC_KEYS) {
      const v = this[k as keyof this];
      if (typeof v === 'string') out[k] = v;
      else if (k === 'transposed' && v === true) out[k] = '';
    }
    return out;
  }

  /**
   * Sets a spec property: null or an empty field removes it; `transposed` is a boolean attribute, present as ''.
   * With `settle` (a slider, a choice, Enter), the other fields the new value cannot go with are adjusted
   * (src/view/explorer-transition.ts) and the status line says how; `'clamp'` (a slider) brings the value itself
   * down to what the engine takes too; while typing, an impossible value is only explained.
   */
  private set(key: SpecKey, value: string | null, settle: boolean | 'clamp' = true): void {
    clearTimeout(this.typing);
    let values = this.values();
    if (value === null || (value === '' && key !== 'transposed')) delete values[key]; else values[key] = value;
    if (key === 'layer') values = this.withLayer(values);
    const next = settle ? engine.get().settleTransition(values, key, { clampChanged: settle === 'clamp' }) : { values, notes: [] };
    const el = this as unknown as Record<string, unknown>;
    for (const k of SPEC_KEYS) if (el[k] !== next.values[k]) el[k] = next.values[k];
    this.status = next.notes.join(' ');
  }

  /** A pasted layer replaces the fields it sets; clearing it brings them back. */
  private withLayer(values: Partial<Record<SpecKey, string>>): Partial<Record<SpecKey, string>> {
    const out = { ...values };
    if (out.layer !== undefined) {
      this.beforeLayer ??= Object.fromEntries(LAYER_FIELDS.map((k) => [k, this.values()[k as SpecKey]]));
      for (const k of LAYER_FIELDS) delete out[k as SpecKey];
    } else if (this.beforeLayer) {
      for (const [k, v] of Object.entries(this.beforeLayer)) if (v !== undefined) out[k as SpecKey] = v;
      this.beforeLayer = null;
    }
    return out;
  }

  private field(key: SpecKey): TemplateResult {
    const name = attributeName(key);
    const read = (e: Event) => (e.target as HTMLInputElement).value.trim();
    const value = (this[key as keyof this] as string | undefined) ?? '';
    const disabled = this.layer !== undefined && (LAYER_FIELDS as readonly string[]).includes(key);
    const text = html`<input type="text" id=${`${name}-text`} name=${name} .value=${value} placeholder=${HINTS[key] ?? ''} ?disabled=${disabled}
        @input=${(e: Event) => { const v = read(e); clearTimeout(this.typing); this.typing = setTimeout(() => this.set(key, v, false), TYPING_MS); }}
        @change=${(e: Event) => this.set(key, read(e))}>`;
    if (!NUMERIC.includes(key)) return html`<label>${name}${text}</label>`;
    const slider = uniformSlider(name, value || (UNSET[key] ?? '1'));
    // the slider moves every axis together; the text field takes one number per axis and the words (same)
    return html`<div class="field"><label for=${`${name}-text`}>${name}</label><div class="slider">
      <input type="range" name=${`${name}-slider`} aria-label=${`${name} (slider${slider ? '' : ': the axes differ, use the text field'})`}
        min=${slider?.min ?? 0} max=${slider?.max ?? 1} step="1" .value=${live(String(slider?.value ?? 0))} ?disabled=${disabled || !slider}
        @input=${(e: Event) => { if (slider) this.set(key, slider.write(Number((e.target as HTMLInputElement).value)), 'clamp'); }}>
      ${text}</div></div>`;
  }

  /** PyTorch's padding_mode: what the padding cells hold (zeros, or copies of inputs). */
  private paddingModeSelect(v: ExplorerView): TemplateResult {
    // a pasted layer sets the mode: the select shows the layer's, disabled
    return html`<label>padding-mode<select name="padding-mode" ?disabled=${this.layer !== undefined && v.setByLayer.includes('paddingMode')}
      @change=${(e: Event) => { const m = (e.target as HTMLSelectElement).value; this.set('paddingMode', m === 'zeros' ? null : m); }}>
      ${v.paddingModes.map((m) => html`<option value=${m} ?selected=${v.paddingMode === m}>${m}</option>`)}</select></label>`;
  }

  /** The "paste a layer" box: applied as you paste or type (an incomplete layer is an inline error), cleared to go back to the fields. */
  private layerBox(): TemplateResult {
    const apply = (e: Event) => { const v = (e.target as HTMLInputElement).value.trim(); if (v !== (this.layer ?? '')) this.set('layer', v); };
    return html`<label part="layer" class="wide">paste a PyTorch layer
      <input type="text" name="layer" spellcheck="false" .value=${this.layer ?? ''} placeholder="nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)"
        @input=${apply} @change=${apply}></label>`;
  }

  /** The engine's PyTorch code of the current spec, shown as text. */
  private torchLine(v: ExplorerView): TemplateResult | typeof nothing {
    if (!v.torch) return nothing;
    return html`<div part="torch"><span class="caption">PyTorch:</span>
      ${v.torch.code === null ? nothing : html`<code>${v.torch.code}</code>`}
      ${v.torch.note === null ? nothing : html`<span class="note">${v.torch.note}</span>`}</div>`;
  }

  private outputSize(v: ExplorerView): TemplateResult {
    const many = v.dims > 1;
    if (!v.formulas) return html`<div part="output-size"><span class="caption">Output size: ${v.output?.join('×') ?? '?'} (too large to draw here; the views below say why)</span></div>`;
    return html`<div part="output-size"><span class="caption">Output size${v.transposed ? ' (transposed)' : ''}:</span>
      ${v.formulas.map((f) => html`<div class="size-line" data-axis=${f.axis}>
      ${tex(`\\displaystyle ${many ? `\\text{axis ${f.axis + 1}: }` : ''}o = ${f.tex}`)}${tex(`\\displaystyle = ${f.substitutedTex} = ${f.value}`)}</div>`)}</div>`;
  }

  protected renderView(v: ExplorerView): TemplateResult {
    const fields = SPEC_KEYS.filter((k) => k !== 'transposed' && k !== 'mode' && k !== 'paddingMode' && k !== 'layer');
    const byLayer = this.layer !== undefined;
    return html`<form part="controls" @submit=${(e: Event) => e.preventDefault()} aria-label="convolution spec">
        ${this.layerBox()}
        ${fields.map((k) => this.field(k))}
        <label>mode<select name="mode" ?disabled=${byLayer} @change=${(e: Event) => this.set('mode', (e.target as HTMLSelectElement).value)}>
          <option value="correlation" ?selected=${v.mode === 'correlation'}>correlation</option>
          <option value="convolution" ?selected=${v.mode === 'convolution'}>convolution</option></select></label>
        ${this.paddingModeSelect(v)}
        <label class="check"><input type="checkbox" name="transposed" ?disabled=${byLayer} .checked=${byLayer ? v.transposed : this.transposed !== undefined && this.transposed !== false}
          @change=${(e: Event) => this.set('transposed', (e.target as HTMLInputElement).checked ? '' : null)}>transposed</label>
      </form>
      <p part="status" role="status" aria-live="polite">${this.status ?? ''}</p>
      ${this.torchLine(v)}
      ${this.outputSize(v)}
      <div part="views" @highlight=${(e: CustomEvent<HighlightDetail>) => this.onHighlight(e)}
        @spec-change=${(e: Event) => e.stopPropagation()}>
        <conv-matrix data-linked show="equation" theme=${this.theme ?? nothing}></conv-matrix>
        ${v.composed.includes('conv-window') ? html`<conv-window data-linked hide-matrix theme=${this.theme ?? nothing}></conv-window>` : nothing}
        ${v.composed.includes('conv-transposed') ? html`<conv-transposed data-linked theme=${this.theme ?? nothing}></conv-transposed>` : nothing}
      </div>`;
  }
}
