import { css, html, nothing, type TemplateResult } from 'lit';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { describeReport } from '../../src/check/equivalence.ts';
import { ConvElement, pendingPart } from '../shared/conv-element.ts';
import { HighlightSheet } from '../shared/highlight-sheet.ts';
import { highlightRule, tex } from '../shared/katex-block.ts';
import { rowEntries } from '../shared/matrix-data.ts';
import { equationHighlightCss, equationTemplate, liveRegion, outputLine, rowAt } from '../shared/matrix-equation.ts';
import { verdictTemplate } from '../shared/verdict.ts';
import { type TransposedForms, transposedForms } from './transposed-forms.ts';

/**
 * @summary The three equivalent forms of a transposed convolution side by side — Kᵀ·x, scatter, and zero insertion with a flipped kernel — each checked and linked by hover.
 *
 * @attr input - size of the transposed convolution's input, e.g. `4` or `2x2` (CLI syntax)
 * @attr kernel - kernel size
 * @attr stride - stride (the step between scattered copies in the output)
 * @attr padding - padding of the matching regular convolution
 * @attr dilation - dilation
 * @attr output-padding - extra output samples, smaller than max(stride, dilation)
 * @attr in-channels - input channels
 * @attr out-channels - output channels
 * @attr groups - groups
 * @attr weights - weight names or values
 * @attr inputs - input names or values, e.g. `z7,z8,z9,z10`
 * @attr mode - `correlation` (default) or `convolution`
 * @attr transposed - ignored: this element is always transposed
 * @attr theme - `light`, `dark`, or unset to follow prefers-color-scheme
 * @attr active - flat index of the highlighted output
 *
 * @csspart matrix-form - the Kᵀ·x equation
 * @csspart scatter-form - the scatter table
 * @csspart zero-insertion-form - the zero-inserted input, flipped kernel and result
 * @csspart equation - the typeset Kᵀ equation
 * @csspart verdict - one badge per alternative form; `data-verdict` is `pass` or `fail`
 * @csspart error - the inline message for an invalid attribute
 *
 * @fires spec-change - the spec was accepted; detail `{spec, outputs}`
 * @fires highlight - an output was hovered; detail `{output, name, row, inputs}`
 *
 * @cssprop --conv-highlight - background of the highlighted output in every form
 * @cssprop --conv-highlight-strong - background of the inputs it reads
 */
export class ConvTransposedElement extends ConvElement<TransposedForms> {
  static override styles = [...ConvElement.styles, css`
    .forms { display: flex; gap: 1.25rem; flex-wrap: wrap; align-items: flex-start; }
    .form { border: 1px solid var(--conv-border); border-radius: var(--conv-radius); padding: 0.5rem 0.75rem; }
    h3 { font-size: 0.95rem; margin: 0 0 0.4rem; font-weight: 600; }
    .equation { display: flex; align-items: center; gap: 0.3rem; flex-wrap: wrap; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    td, th { border: 1px solid var(--conv-border); padding: 0.1rem 0.35rem; text-align: center; min-width: 1.6em; }
    th { font-weight: normal; color: var(--conv-muted); }
    tr.sum td { border-top: 2px solid var(--conv-fg); }
    .grid { display: grid; gap: 2px; grid-template-columns: repeat(var(--cols), auto); justify-content: start; margin: 0.3rem 0; }
    .grid > span { border: 1px solid var(--conv-border); padding: 0.1rem 0.4rem; text-align: center; }
    .grid > span.zero { color: var(--conv-zero); }
  `];

  private sheet = new HighlightSheet();

  /** The scatter and zero-insertion forms typeset in the two tasks after the matrix form. */
  protected override deferredParts = 2;

  protected compute(): TransposedForms {
    return transposedForms(normalizeSpec({ ...this.specInput(), transposed: true }));
  }

  protected override specChangeDetail(f: TransposedForms): Record<string, unknown> {
    return { spec: { ...this.specInput(), transposed: true }, outputs: f.outputs.length };
  }

  protected override firstUpdated(): void {
    this.sheet.attach(this.shadowRoot);
  }

  protected override updated(): void {
    const f = this.view;
    const a = this.active;
    if (!f || a === undefined || a < 0) { this.sheet.set(''); return; }
    this.sheet.set(equationHighlightCss(f.eq, a)
      + highlightRule([`[data-out="${a}"]`], 'var(--conv-highlight)'));
  }

  private hover(e: Event): void {
    const f = this.view;
    if (!f) return;
    const fromMatrix = rowAt(e);
    const tagged = (e.composedPath() as Element[]).find((n) => n instanceof Element && n.hasAttribute('data-out'));
    const r = fromMatrix ?? (tagged ? Number(tagged.getAttribute('data-out')) : null);
    if (r === null) return;
    this.setActive({ output: r, row: r, name: f.eq.spec.outputNames[r], inputs: rowEntries(f.eq.matrix, r).cols });
  }

  protected renderView(f: TransposedForms): TemplateResult {
    const a = this.active;
    const line = a !== undefined && a >= 0 && a < f.outputs.length ? outputLine(f.eq, a) : null;
    return html`<div class="forms" @pointerover=${(e: Event) => this.hover(e)} @pointerleave=${() => this.setActive({ output: null })}>
      <section class="form" part="matrix-form"><h3>1 · Kᵀ times the input</h3>
        ${f.eq.typeset ? equationTemplate(f.eq, true) : html`<p class="caption">Kᵀ is ${f.eq.matrix.rows} × ${f.eq.matrix.cols}; see &lt;conv-matrix&gt; for its structure.</p>`}
      </section>
      <section class="form" part="scatter-form"><h3>2 · Scatter: the filter scaled by each input</h3>
        ${this.shown(1) ? html`${this.scatterTable(f)}
        ${verdictTemplate(f.reports.scatter, describeReport(f.reports.scatter))}` : pendingPart}
      </section>
      <section class="form" part="zero-insertion-form"><h3>3 · Zero insertion, flipped kernel, stride 1</h3>
        ${this.shown(2) ? html`${this.zeroInsertion(f)}
        ${verdictTemplate(f.reports.zeroInsertion, describeReport(f.reports.zeroInsertion))}` : pendingPart}
      </section>
    </div>
    <p class="caption">The weights of a transposed convolution are learned: they are not the values of the transpose of some other layer's matrix.</p>
    ${liveRegion(line?.text ?? '')}`;
  }

  private scatterTable(f: TransposedForms): TemplateResult {
    const head = html`<tr><th></th>${f.outputs.map((o, i) => html`<th data-out=${i}>${tex(o)}</th>`)}</tr>`;
    const rows = f.scatterRows
      ? f.scatterRows.map((row, o) => html`<tr><th>${tex(f.inputs[o]!)}</th>${row.map((c, i) => html`<td data-out=${i}>${c ? tex(c) : nothing}</td>`)}</tr>`)
      : nothing;
    return html`<table aria-label="scatter table: rows are inputs, columns are outputs">${head}${rows}
      <tr class="sum"><th>Σ</th>${f.scatter.map((c, i) => html`<td data-out=${i}>${tex(c)}</td>`)}</tr></table>`;
  }

  private zeroInsertion(f: TransposedForms): TemplateResult {
    const pads = f.padding.map(([b, e]) => `${b} before, ${e} after`).join('; ');
    return html`<div class="caption">input with stride − 1 zeros between samples, then padded by ${pads} (negative crops):</div>
      <div class="grid" style="--cols:${f.zeroInsertedWidth}">${f.zeroInserted.map((c) => html`<span class=${c === '0' ? 'zero' : ''}>${tex(c)}</span>`)}</div>
      ${f.flippedKernel ? html`<div class="caption">flipped kernel: ${tex(`\\left[${f.flippedKernel.join(',\\ ')}\\right]`)}</div>` : nothing}
      <div class="caption">result:</div>
      <table><tr>${f.zeroResult.map((c, i) => html`<td data-out=${i}>${tex(c)}</td>`)}</tr></table>`;
  }
}
