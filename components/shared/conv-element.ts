import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SpecInput } from '../../src/geometry/spec.ts';
import { ConvmatError } from '../../src/errors.ts';
import { katexPart } from './katex-block.ts';
import { ScrollFocus } from './scroll-focus.ts';
import { LazyPart } from './lazy-part.ts';
import { matrixCheck } from './matrix-check-part.ts';
import { themeStyles } from './styles.ts';
import { fastMatrixStyles } from './fast-matrix.ts';
import {
  SPEC_KEYS, type SpecAttributes, attributeName, loadExpressionParser, specFromAttributes, specNeedsParser, specProperties,
} from './spec-from-attributes.ts';

/** KaTeX's stylesheet and fonts, adopted by each element before its first render. */
const katexSheet = new LazyPart('the KaTeX stylesheet', () => import('./katex-styles.ts'));

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

  /** KaTeX's stylesheet is adopted before the first render (see katexSheet); these come after it. */
  static override styles = [fastMatrixStyles, themeStyles];

  /**
   * Chunks loaded before the first render: KaTeX, its stylesheet, the matrix
   * check most elements show as a verdict and, in a subclass, the engine code
   * its `compute()` calls (`[...ConvElement.lazyParts, part]`). Kept out of the
   * embed bundle's start (DESIGN.md, budgets).
   */
  static lazyParts: readonly LazyPart<unknown>[] = [katexPart, katexSheet, matrixCheck];

  /** Properties whose change recomputes the view. */
  static inputKeys: readonly string[] = SPEC_KEYS;

  declare input?: string;
  declare kernel?: string;
  declare stride?: string;
  declare padding?: string;
  declare dilation?: string;
  declare transposed?: boolean | string;
  declare outputPadding?: string;
  declare inChannels?: string;
  declare outChannels?: string;
  declare groups?: string;
  declare weights?: string;
  declare inputs?: string;
  declare mode?: string;
  declare paddingMode?: string;
  declare layer?: string;
  declare theme?: string;
  /** Flat index of the highlighted output (linked hover); unset when none. */
  declare active?: number;

  /** Boxes that scroll (the host, wide matrices, long equations) are reachable by keyboard while they scroll. */
  protected readonly scrollFocus = new ScrollFocus(this);

  /** The last good view, kept while an attribute is invalid. */
  protected view: View | null = null;
  protected error: unknown = null;
  private lastGood: TemplateResult | null = null;
  private parserPending = false;
  /** the view was computed in the task before the first render (firstUpdate) */
  private precomputed = false;
  /**
   * Parts of the FIRST render that wait for later tasks: a subclass with a
   * heavy view sets this and asks `shown(k)` (k = 1…deferredParts) before
   * rendering part k, so the first render typesets in several short tasks
   * instead of one long one. `updateComplete` resolves when all are shown.
   */
  protected deferredParts = 0;
  private shownParts = 0;
  private partsDone: Promise<void> | null = null;

  /**
   * The first update waits for the lazy parts (KaTeX…), so the first render is already typeset.
   * The first update computes the view (the engine's work) in one task and
   * renders it (KaTeX and the DOM) in the next, so neither blocks for long.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated && this.partsReady()) return super.scheduleUpdate();
    return this.firstUpdate();
  }

  private partsReady(): boolean {
    return (this.constructor as typeof ConvElement).lazyParts.every((p) => p.ready);
  }

  private async firstUpdate(): Promise<unknown> {
    if (!this.partsReady()) {
      try {
        await Promise.all((this.constructor as typeof ConvElement).lazyParts.map((p) => p.load()));
      } catch (e) {
        this.error = e; // shown until an update loads the part again (willUpdate computes nothing meanwhile)
        return super.scheduleUpdate();
      }
    }
    if (katexSheet.ready) {
      const { adoptKatexStyles, installKatexFonts } = katexSheet.get();
      adoptKatexStyles(this.renderRoot);
      try { installKatexFonts(this.ownerDocument); } catch { /* no document head: fonts fall back */ }
    }
    // the first render, or the first after a part failed to load: compute in this task, render in the next
    if (this.view === null && (this.hasUpdated || !this.error)) {
      this.recompute();
      this.precomputed = true;
      await nextTask();
    }
    return super.scheduleUpdate();
  }

  /** An input property changed after the view was computed ahead of the first render: compute again. */
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: Parameters<LitElement['requestUpdate']>[2]): void {
    if (this.precomputed && typeof name === 'string' && (this.constructor as typeof ConvElement).inputKeys.includes(name)) this.precomputed = false;
    super.requestUpdate(name, oldValue, options);
  }

  /** True when deferred part `k` (1-based) of the first render may be rendered. */
  protected shown(k: number): boolean {
    return k <= this.shownParts;
  }

  /** After the first render, shows one more deferred part per task. */
  private showDeferredParts(): Promise<void> {
    this.partsDone ??= (async () => {
      while (this.shownParts < this.deferredParts) {
        await nextTask();
        this.shownParts++;
        this.requestUpdate();
        await super.getUpdateComplete();
      }
    })();
    return this.partsDone;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.shownParts >= this.deferredParts) return done;
    await this.showDeferredParts();
    return super.getUpdateComplete();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (this.deferredParts > this.shownParts && this.view !== null) void this.showDeferredParts();
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
    const precomputed = this.precomputed;
    this.precomputed = false;
    if (precomputed) return;
    // a part that failed to load keeps its error on show; the next update loads it again (firstUpdate), then computes
    if (!this.partsReady()) return;
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
    // an error while rendering (e.g. an out-of-range `active`) lasts until the next render, not the next spec
    let renderError: unknown = null;
    if (this.view !== null) {
      try {
        body = this.renderView(this.view);
        if (!this.error) this.lastGood = body;
      } catch (e) {
        renderError = e;
        body = this.lastGood ?? nothing;
      }
    }
    const error = this.error ?? renderError;
    const placeholder = this.view === null && !error
      ? html`<div class="caption" part="placeholder">Loading…</div>` : nothing;
    return html`${error ? errorTemplate(error, this.lastGood !== null) : nothing}${placeholder}${body}`;
  }
}

/** Stands in for a deferred part of the first render for the few milliseconds until its task. */
export const pendingPart = html`<div class="caption" part="placeholder">…</div>`;

/** Resolves in a later task, so the browser can paint and handle input in between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
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
