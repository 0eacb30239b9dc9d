import { css, html, type TemplateResult } from 'lit';
import type { Derivation, EquationStep, Highlight, MatrixPart, Step } from '../../src/view/derivation-view.ts';
import { type SummaryView, isSummary, summaryTemplate } from '../shared/view-budget.ts';
import { ConvElement } from '../shared/conv-element.ts';
import { pendingPart } from '../shared/error-template.ts';
import { LazyPart } from '../shared/lazy-part.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { cellSelector, highlightRule, tex, texMatrix } from '../shared/katex-block.ts';
import { overflowCueStyles, scrollBox } from '../shared/overflow-cue.ts';
import { SPEC_KEYS } from '../shared/spec-from-attributes.ts';

const STEPS_PER_TASK = 1;

/** The derivation view and its builder, a chunk loaded before the first render. */
const views = new LazyPart('the derivation view', () => import('../../src/view/derivation-view.ts'));

/**
 * @summary A step-by-step derivation in the lecture's notation, built by the engine's derivation builder, with collapsible steps and linked hover.
 *
 * @attr topic - `matrix` (default) or any topic of `convmat explain`: `transposed`, `window`, `block`, `dilation`, `receptive-field`, `separable`, `depthwise`, `pointwise`, `flatten`, `checkerboard`, `im2col`, `gradient`
 * @attr input - input size (CLI syntax, as every shared attribute); without any spec attribute the topic's lecture example is shown
 * @attr kernel - kernel size
 * @attr stride - stride
 * @attr padding - padding
 * @attr dilation - dilation
 * @attr transposed - boolean
 * @attr output-padding - output padding
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values
 * @attr inputs - input names or values
 * @attr mode - `correlation` or `convolution`
 * @attr padding-mode - `zeros` (default), `reflect`, `replicate` or `circular` (PyTorch's padding_mode): padded inputs show the input each padding cell copies, and entries of K may be sums of weights
 * @attr layer - PyTorch layer code (`nn.Conv2d(1, 1, 3, stride=2)`), read and never run; sets every field but input, weights and inputs
 * @attr collapsed - boolean: start with every step folded
 * @attr product-shown - boolean: the page shows this K·z = y just before the derivation (a `<conv-matrix show="equation">` of the same spec), so its product step refers to it instead of typesetting it twice
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 *
 * @csspart title - the derivation's title
 * @csspart step - one step (a details element)
 * @csspart verdict - a checked step; `data-verdict` is `pass` or `fail`
 * @csspart summary - shown instead of the steps for a spec too large to derive on the page: the shapes and the limit passed
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, topic, steps}`
 * @fires highlight - an output was hovered in a matrix; detail `{output, name, row, inputs}`
 *
 * @cssprop --conv-highlight - background of the hovered output's row
 * @cssprop --conv-highlight-strong - background of the inputs it reads
 */
export class ConvDerivationElement extends ConvElement<Derivation | SummaryView> {
  static override properties = {
    ...ConvElement.properties,
    topic: { type: String, reflect: true },
    collapsed: { type: Boolean, reflect: true },
    productShown: { type: Boolean, reflect: true, attribute: 'product-shown' },
  };
  static override inputKeys = [...SPEC_KEYS, 'topic', 'productShown'];
  static override lazyParts = [...ConvElement.lazyParts, views];
  static override styles = [...ConvElement.styles, overflowCueStyles, css`
    [part='title'] { font-size: 1.05rem; margin: 0 0 0.4rem; }
    details { border-left: 3px solid var(--conv-border); padding: 0.1rem 0 0.1rem 0.7rem; margin: 0.4rem 0; }
    summary { cursor: pointer; color: var(--conv-muted); font-size: 0.9rem; }
    .math { margin: 0.3rem 0; overflow-x: auto; }
    .math-row { display: flex; align-items: center; gap: 0.35rem; flex-wrap: wrap; }
    p { margin: 0.3rem 0; }
  `];

  declare topic?: string;
  declare collapsed?: boolean;
  declare productShown?: boolean;
  private sheet = new HighlightSheet();

  protected compute(): Derivation | SummaryView {
    return views.get().derivationView(this.topic ?? 'matrix', this.specInput(), { productShown: this.productShown ?? false });
  }

  protected override specChangeDetail(d: Derivation | SummaryView): Record<string, unknown> {
    if (isSummary(d)) return { spec: this.specInput(), topic: this.topic ?? 'matrix', steps: 0 };
    return { spec: this.specInput(), topic: d.topic, steps: d.steps.length };
  }

  protected override firstUpdated(): void {
    this.sheet.attach(this.shadowRoot);
  }

  protected override updated(): void {
    const d = this.view;
    this.sheet.set(d && !isSummary(d) ? linkCss(d, this.active) : '');
  }

  private hover(e: Event, step: EquationStep, part: MatrixPart, order: number): void {
    const cell = (e.composedPath() as Element[]).find((n) => n instanceof Element && n.classList.contains('convmat-cell'));
    if (!cell) return;
    const source = part.rowIndex[Number(cell.getAttribute('data-row'))];
    if (source === null || source === undefined || step.highlights.length < 2) return;
    const h = order === 1 ? undefined : step.highlights.find((x) => x.row === source);
    if (h) this.setActive({ output: h.output, row: h.row, name: h.name, inputs: [...h.inputs] });
  }

  protected renderView(d: Derivation | SummaryView): TemplateResult {
    if (isSummary(d)) return summaryTemplate(d);
    // the first render typesets STEPS_PER_TASK steps per task (RevealController)
    this.reveal.defer(Math.ceil(d.steps.length / STEPS_PER_TASK) - 1);
    return html`<h3 part="title">${d.title}</h3>
      <div @pointerleave=${() => this.setActive({ output: null })}>
        ${d.steps.map((s, i) => html`<details part="step" class="s${i}" ?open=${!this.collapsed}>
          <summary>${s.title}</summary>${this.reveal.shown(Math.floor(i / STEPS_PER_TASK)) ? this.renderStep(s) : pendingPart}</details>`)}
      </div>`;
  }

  private renderStep(s: Step): TemplateResult {
    switch (s.type) {
      case 'note': return html`<p>${s.text}</p>`;
      case 'table': return mathBox(tex(s.tex, true));
      case 'verdict': return html`<div part="verdict" data-verdict=${s.equal ? 'pass' : 'fail'}>${s.equal ? '✓' : '✗'} ${s.text}</div>`;
      case 'equation': return this.renderEquation(s);
    }
  }

  /** Part by part, so each matrix cell can be hovered; block-structured matrices are typeset whole. */
  private renderEquation(s: EquationStep): TemplateResult {
    if (s.parts.some((p) => p.type === 'matrix' && p.blocks && p.blocks.length > 0)) return mathBox(tex(s.tex, true));
    let order = 0;
    return mathBox(html`${s.parts.map((p) => {
      if (p.type === 'math') return tex(p.tex);
      const k = order++;
      const hl = p.highlightRow === undefined ? -1 : p.rowIndex.indexOf(p.highlightRow);
      return html`<span class="p${k}" @pointerover=${(e: Event) => this.hover(e, s, p, k)}>${texMatrix(
        p.cells.map((r) => r.map((c) => c.tex)),
        { ...(p.label ? { label: p.label.tex } : {}), ...(hl >= 0 ? { highlightRow: hl } : {}) },
      )}</span>`;
    })}`);
  }
}

/** A step's math in a sideways scroll box with the overflow cue (a wide matrix scrolls on screen, shrinks on paper). */
function mathBox(content: TemplateResult): TemplateResult {
  return scrollBox(html`<div class="math-row">${content}</div>`, 'math');
}

/**
 * Rules lighting one output across every equation step that links it: in the
 * first matrix (the operator) and the result vectors its row, in the second
 * (the input vector) the inputs it reads. Shown rows come from rowIndex.
 */
function linkCss(d: Derivation, active: number | undefined): string {
  if (active === undefined || active < 0) return '';
  const soft: string[] = [], strong: string[] = [];
  d.steps.forEach((s, i) => {
    if (s.type !== 'equation' || s.highlights.length < 2) return;
    const h: Highlight | undefined = s.highlights.find((x) => x.output === active);
    if (!h) return;
    s.parts.filter((p): p is MatrixPart => p.type === 'matrix').forEach((p, k) => {
      const wanted = k === 1 ? h.inputs : [h.row];
      for (const src of wanted) {
        const shown = p.rowIndex.indexOf(src);
        if (shown >= 0) (k === 1 ? strong : soft).push(`.s${i} ${cellSelector(`p${k}`, { row: shown })}`);
      }
    });
  });
  return highlightRule(soft, 'var(--conv-highlight)') + highlightRule(strong, 'var(--conv-highlight-strong)');
}
