import { renderTex } from '../../src/render/katex-render.ts';
import { type ArchitectureLayer, type ArchitectureView, architectureView } from '../../src/view/architecture-view.ts';
import { escapeHtml } from './html-text.ts';

/**
 * The lecture's 1D classifier, drawn at build time from architectureView
 * (src/view): one box per layer with its shape and how the size comes about,
 * then GAP and the dense layer as matrices (KaTeX), with the view's checks.
 * Static HTML: no script, readable in print. Every number comes from the
 * view; nothing is computed here.
 */
export function generateArchitecture(view: ArchitectureView = architectureView()): string {
  const layers = view.layers.map(layerHtml).join('');
  const eqs = view.equations.map((e) => `<p class="arch-step">${escapeHtml(e.title)}:</p>
<div class="arch-eq">${renderTex(e.tex, { display: true })}</div>`).join('\n');
  const verdicts = view.verdicts.map((v) => `<p class="arch-verdict" data-verdict="${v.pass ? 'pass' : 'fail'}">${v.pass ? '✓' : '✗'} ${escapeHtml(v.text)}</p>`).join('');
  return `<figure class="arch">
<ol class="arch-layers" aria-label="layers, in order">${layers}</ol>
<figcaption>Output shape of each layer (channels × time steps), from the input to the class probabilities.</figcaption>
</figure>
${view.omitted ? `<p>${escapeHtml(view.omitted)}.</p>` : ''}${eqs}
${verdicts}`;
}

function layerHtml(l: ArchitectureLayer): string {
  const [a, b] = l.shape;
  // a series is a block of channels × steps; a vector is one column of cells
  const box = b === undefined ? `--rows:${a};--cols:1` : `--rows:${a};--cols:${b}`;
  const what = b === undefined ? `a vector of ${a}` : `${a} channels by ${b} time steps`;
  return `<li class="arch-layer" data-kind="${l.kind}" data-shape="${l.shape.join('x')}"><div class="arch-card">
<div class="arch-box" style="${box}" role="img" aria-label="${escapeHtml(`${l.name}: ${what}`)}"></div>
<div class="arch-name">${escapeHtml(l.name)}</div><div class="arch-shape">${escapeHtml(l.shapeText)}</div>
<div class="arch-note">${escapeHtml(l.sizeNote)}${l.weights ? ` (${l.weights} weights)` : ''}</div></div></li>`;
}
