import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SpecInput } from '../../src/geometry/spec.ts';
import { ConvmatError } from '../../src/errors.ts';
import { katexStyles, installKatexFonts } from './katex-styles.ts';
import { katexReady, loadKatex } from './katex-block.ts';
import { themeStyles } from './styles.ts';
import { fastMatrixStyles } from './fast-matrix.ts';
import {
  SPEC_KEYS, type SpecAttributes, attributeName, loadExpressionParser, specFromAttributes, specNeedsParser, specProperties,
} from './spec-from-attributes.ts';

/** Detail of the `highlight` event: plain data naming the output and the inputs it reads. */
export interface HighlightDetail {
  /** flat output index, or null when the highlight is cleared */
  output: number | null;
  /** the output's name, e.g. "z7" */
  name?: string;
  /** the matrix row (equals `output`) */
  row?: number | null;
  /** flat input indices the output reads (columns of its matrix row) */
  inputs?: number[];
  /** the tag of the element that fired it */
  source: string;
  /** element-specific extras, e.g. an overlap count or a layer */
  [extra: string]: unknown;
}

/**
 * The base of every convmat element: the shared spec attributes (reflected),
 * `theme`, error handling and events. A subclass turns its attributes into a
 * view (`compute`, which may throw) and renders it (`renderView`). An invalid
 * attribute never throws into the host page: the message goes into
 * part="error" naming the attribute, and the last good rendering stays.
 */
export abstract class ConvElement<View> extends LitElement {
  static override properties = {
    ...specProperties(),
    theme: { type: String, reflect: true },
    active: { type: Number, reflect: true },
  };

  static override styles = [katexStyles, fastMatrixStyles, themeStyles];

  /** Properties whose change recomputes the view. */
  static inputKeys: readonly string[] = SPEC_KEYS;

  declare input?: string;
  declare kernel?: string;
  declare stride?: string;
  declare padding?: string;
  declare dilation?: string;
  declare transposed?: string;
  declare outputPadding?: string;
  declare inChannels?: string;
  declare outChannels?: string;
  declare groups?: string;
  declare weights?: string;
  declare inputs?: string;
  declare mode?: string;
  declare theme?: string;
  /** Flat index of the highlighted output (linked hover); unset when none. */
  declare active?: number;

  /** The last good view, kept while an attribute is invalid. */
  protected view: View | null = null;
  protected error: unknown = null;
  private lastGood: TemplateResult | null = null;
  private parserPending = false;

  override connectedCallback(): void {
    super.connectedCallback();
    try { installKatexFonts(this.ownerDocument); } catch { /* no document head: fonts fall back */ }
  }

  /** Every update waits for KaTeX once, so the first render is already typeset. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (katexReady()) return super.scheduleUpdate();
    return loadKatex().then(() => super.scheduleUpdate(), (e) => {
      this.error = e;
      return super.scheduleUpdate();
    });
  }

  /** The spec written in this element's attributes. */
  protected specInput(): SpecInput {
    return specFromAttributes(this as SpecAttributes);
  }

  /** Builds the view from the attributes; throws a ConvmatError on invalid input. */
  protected abstract compute(): View;
  protected abstract renderView(view: View): TemplateResult;

  /** The `spec-change` detail; plain data. */
  protected specChangeDetail(_view: View): Record<string, unknown> {
    return { spec: this.specInput() };
  }

  /** True when compute() needs mathjs (an expression such as 2*w1 in weights or inputs). */
  protected needsParser(): boolean {
    return specNeedsParser(this.specInput());
  }

  protected override willUpdate(changed: PropertyValues): void {
    const keys = (this.constructor as typeof ConvElement).inputKeys;
    if (!this.hasUpdated || keys.some((k) => changed.has(k))) this.recompute();
  }

  private recompute(): void {
    try {
      if (this.needsParser() && !this.parserPending) {
        this.parserPending = true;
        loadExpressionParser().then(() => this.recomputeNow(), (e) => { this.error = e; this.requestUpdate(); });
        return;
      }
      this.recomputeNow(false);
    } catch (e) {
      this.error = e;
    }
  }

  private recomputeNow(request = true): void {
    try {
      const view = this.compute();
      this.view = view;
      this.error = null;
      this.onViewChanged(view);
      this.fire('spec-change', this.specChangeDetail(view));
    } catch (e) {
      this.error = e;
    }
    if (request) this.requestUpdate();
  }

  /** Hook for state that depends on the view (e.g. clamping a step counter). */
  protected onViewChanged(_view: View): void {}

  protected fire(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Sets the active output and fires `highlight`. */
  protected setActive(detail: Pick<HighlightDetail, 'output' | 'name' | 'row' | 'inputs'> & Record<string, unknown>): void {
    const next = detail.output ?? undefined;
    if (next === this.active) return;
    this.active = next;
    this.fire('highlight', { ...detail, source: this.localName });
  }

  override render(): TemplateResult {
    let body: TemplateResult | typeof nothing = nothing;
    if (this.view !== null) {
      try {
        body = this.renderView(this.view);
        if (!this.error) this.lastGood = body;
      } catch (e) {
        this.error ??= e;
        body = this.lastGood ?? nothing;
      }
    }
    const placeholder = this.view === null && !this.error
      ? html`<div class="caption" part="placeholder">Loading…</div>` : nothing;
    return html`${this.error ? errorTemplate(this.error, this.lastGood !== null) : nothing}${placeholder}${body}`;
  }
}

/** The inline error: which attribute, its value, the rule, and a fix. */
export function errorTemplate(e: unknown, kept = false): TemplateResult {
  if (e instanceof ConvmatError) {
    const base = e.field.split(/[[.]/)[0]!;
    const attr = attributeName(base);
    return html`<div part="error" role="alert" data-attribute=${attr}>
      <strong>Invalid attribute <code>${attr}</code>${e.field !== base ? html` (${e.field})` : nothing}:</strong>
      ${e.rule}${e.value !== undefined ? html` — got <code>${shortValue(e.value)}</code>` : nothing}${e.fix ? html`. ${e.fix}` : nothing}.
      ${kept ? html`<span class="caption">Showing the last valid rendering.</span>` : nothing}
    </div>`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return html`<div part="error" role="alert" data-attribute="">${message}</div>`;
}

function shortValue(v: unknown): string {
  let s: string;
  try { s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v); } catch { s = String(v); }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
