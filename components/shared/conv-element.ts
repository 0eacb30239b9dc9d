import { LitElement, html, noChange, nothing, type TemplateResult } from 'lit';
import type { SpecInput } from '../../src/geometry/spec.ts';
import { katexPart } from './katex-block.ts';
import { adoptKatexSheet, katexSheet } from './katex-sheet.ts';
import { ScrollFocus } from './scroll-focus.ts';
import type { LazyPart } from './lazy-part.ts';
import { themeStyles } from './styles.ts';
import { fastMatrixStyles } from './fast-matrix.ts';
import { errorTemplate } from './error-template.ts';
import { type FigureChoice, FigureMenu, figureMenuStyles } from './figure-menu.ts';
import { LazyPartsController } from './controllers/lazy-parts-controller.ts';
import { RevealController } from './controllers/reveal-controller.ts';
import { FallbackController } from './controllers/fallback-controller.ts';
import { SpecViewController } from './controllers/spec-view-controller.ts';
import { SPEC_KEYS, type SpecAttributes, specFromAttributes, specNeedsParser, specProperties } from './spec-from-attributes.ts';
import type { HighlightDetail } from './highlight-detail.ts';

export { errorTemplate, pendingPart } from './error-template.ts';
export type { HighlightDetail } from './highlight-detail.ts';

/**
 * The base of every convmat element: the shared spec attributes (reflected),
 * `theme`, the inline error and events. Behaviour lives in controllers:
 * `parts` loads the lazy chunks before the first render, `specView` turns the
 * attributes into a view (`compute`, which may throw; the last good view and
 * the error are kept), `reveal` spreads a heavy first render over tasks,
 * `scrollFocus` keeps scroll boxes reachable by keyboard, `fallback` shows
 * the element's children until the first view, `figureMenu` offers the
 * drawing as SVG and TikZ (`figureView`). A subclass computes its view
 * (`compute`) and maps it to DOM (`renderView`).
 */
export abstract class ConvElement<View> extends LitElement {
  static override properties = { ...specProperties(), theme: { type: String, reflect: true }, active: { type: Number, reflect: true } };
  /** KaTeX's stylesheet is adopted before the first render (katex-sheet.ts); these come after it. */
  static override styles = [fastMatrixStyles, themeStyles, figureMenuStyles];
  /** Chunks loaded before the first render (`[...ConvElement.lazyParts, views]` in a subclass: its view module), kept out of the bundle's start. */
  static lazyParts: readonly LazyPart<unknown>[] = [katexPart, katexSheet];
  /** Properties whose change recomputes the view. */
  static inputKeys: readonly string[] = SPEC_KEYS;

  // the shared spec attributes (DESIGN.md), written as in the CLI
  declare input?: string; declare kernel?: string; declare stride?: string; declare padding?: string; declare dilation?: string;
  declare transposed?: boolean | string; declare outputPadding?: string; declare inChannels?: string; declare outChannels?: string;
  declare groups?: string; declare weights?: string; declare inputs?: string; declare mode?: string; declare paddingMode?: string;
  declare layer?: string;
  declare theme?: string;
  /** Flat index of the highlighted output (linked hover); unset when none. */
  declare active?: number;

  private get statics(): typeof ConvElement { return this.constructor as typeof ConvElement; }
  protected readonly scrollFocus = new ScrollFocus(this);
  protected readonly parts = new LazyPartsController(this, () => this.statics.lazyParts, () => adoptKatexSheet(this));
  protected readonly reveal = new RevealController(this);
  protected readonly fallback = new FallbackController(this);
  protected readonly figureMenu = new FigureMenu(this, () => this.figureView(), () => this.specInput());
  protected readonly specView = new SpecViewController<View>(this, {
    keys: this.statics.inputKeys,
    compute: () => this.compute(),
    accepted: (v) => { this.onViewChanged(v); this.fire('spec-change', this.specChangeDetail(v)); },
    ready: () => this.parts.ready,
    needsParser: () => this.needsParser(),
  });

  /** The last good view, kept while an attribute is invalid. */
  protected get view(): View | null { return this.specView.view; }

  /** The first update (or one after a part failed to load) waits for the parts, computes, and renders in the next task. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated && this.parts.ready) return super.scheduleUpdate();
    return this.parts.load().then(() => this.specView.computeAhead()).then(() => super.scheduleUpdate());
  }

  /** Resolves once the deferred parts of the first render are shown too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.reveal.done();
    return (await super.getUpdateComplete()) && done;
  }

  /** The spec written in this element's attributes. */
  protected specInput(): SpecInput { return specFromAttributes(this as SpecAttributes); }

  /** Builds the view from the attributes (through src/view); throws a ConvmatError on invalid input. */
  protected abstract compute(): View;
  protected abstract renderView(view: View): TemplateResult;

  /** The `spec-change` detail; plain data. */
  protected specChangeDetail(_view: View): Record<string, unknown> { return { spec: this.specInput() }; }

  /** The figure (src/render/figure.ts) of the drawing in its "Save figure" menu; null: no menu. */
  protected figureView(): FigureChoice | null { return null; }

  /** True when compute() needs mathjs (an expression such as 2x in weights or inputs). */
  protected needsParser(): boolean { return specNeedsParser(this.specInput()); }

  /** Hook for state that depends on the view (e.g. clamping a step counter). */
  protected onViewChanged(_view: View): void {}

  protected fire(type: string, detail: unknown): void { this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })); }

  /** Sets the active output and fires `highlight`. */
  protected setActive(detail: Pick<HighlightDetail, 'output' | 'name' | 'row' | 'inputs'> & Record<string, unknown>): void {
    const next = detail.output ?? undefined;
    if (next === this.active) return;
    this.active = next;
    this.fire('highlight', { ...detail, source: this.localName });
  }

  override render(): TemplateResult {
    const view = this.view;
    let body: TemplateResult | typeof nothing | typeof noChange = nothing;
    let error = this.specView.error ?? this.parts.error;
    // an error while rendering (an out-of-range `active`) lasts until the next render; the last rendering stays (noChange)
    if (view !== null) try { body = this.renderView(view); } catch (e) { error ??= e; body = noChange; }
    // while there is no view, the element's own children (fallback content) show, or "Loading…" when it has none
    const placeholder = view === null ? html`<slot>${error ? nothing : html`<div class="caption" part="placeholder">Loading…</div>`}</slot>` : nothing;
    return html`${error ? errorTemplate(error, view !== null) : nothing}${placeholder}${body}${view === null ? nothing : this.figureMenu.template()}`;
  }
}
