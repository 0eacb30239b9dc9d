import type { Derivation, Step } from '../../src/latex/derivation.ts';
import { deriveCheckerboard } from '../../src/latex/derive-checkerboard.ts';
import { deriveIm2col } from '../../src/latex/derive-im2col.ts';
import { deriveMatrix } from '../../src/latex/derive-matrix.ts';
import { deriveReceptiveField } from '../../src/latex/derive-receptive-field.ts';
import { derive } from '../../src/latex/derive.ts';
import { deriveTransposed } from '../../src/latex/derive-transposed.ts';
import { deriveWindow } from '../../src/latex/derive-window.ts';
import type { SpecInput } from '../../src/geometry/spec.ts';
import { specFromAttributes, type SpecAttributes } from '../../components/shared/spec-from-attributes.ts';
import { renderTex } from '../../src/render/katex-render.ts';
import { renderFigure } from '../../src/render/figure.ts';
import { layersOfSpec } from '../../src/geometry/layer-stack.ts';
import { escapeHtml } from './html-text.ts';

/**
 * The no-JavaScript fallback of a live element: its main equation, derived
 * by the engine and typeset by KaTeX at build time, with the verdict the
 * engine reached. Elements without a derivation get a one-line note.
 */
/** Past these sizes the static rendering is skipped (the live element switches to its structural view there too). */
const MAX_TEX = 20_000;
const MAX_HTML = 250_000;

type Deriver = (spec: SpecInput, attrs: Readonly<Record<string, string>>) => Derivation;

const DERIVERS: Record<string, { derive: Deriver; pick: 'first' | 'last' }> = {
  // form="im2col": the derivation's Z(z)·w step (its second equation; the first is K(w)·z)
  'conv-matrix': { derive: (s, a) => (a.form === 'im2col' ? withoutFirstEquation(deriveIm2col(s)) : deriveMatrix(s)), pick: 'first' },
  'conv-explorer': { derive: (s) => deriveMatrix(s), pick: 'first' },
  // its topic, and without spec attributes the topic's lecture example, as the element derives it
  'conv-derivation': { derive: (s, a) => (Object.keys(s).length ? derive(a.topic ?? 'matrix', s) : derive(a.topic ?? 'matrix')), pick: 'first' },
  'conv-window': { derive: (s) => deriveWindow(s), pick: 'last' },
  'conv-transposed': { derive: (s) => deriveTransposed({ ...s, transposed: true }), pick: 'first' },
  'conv-receptive-field': { derive: (s) => deriveReceptiveField(s), pick: 'first' },
  'conv-checkerboard': { derive: (s) => deriveCheckerboard({ kernel: 3, stride: 2, ...s }), pick: 'first' },
};

function withoutFirstEquation(d: Derivation): Derivation {
  const first = d.steps.findIndex((s) => s.type === 'equation');
  return { ...d, steps: d.steps.filter((_s, i) => i !== first) };
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The spec written in an element's attributes (kebab-case, CLI syntax). */
export function specOfAttributes(attrs: Readonly<Record<string, string>>): SpecInput {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) a[camel(k)] = v;
  return specFromAttributes(a as SpecAttributes);
}

function pickEquation(d: Derivation, pick: 'first' | 'last'): Step | undefined {
  const eqs = d.steps.filter((s) => s.type === 'equation');
  return pick === 'first' ? eqs[0] : eqs[eqs.length - 1];
}

/** The elements that draw a stack of layers (a comma list: one value per layer), which no single-spec derivation covers. */
const STACK_VIEWS: Readonly<Record<string, 'checkerboard' | 'receptive-field'>> = { 'conv-checkerboard': 'checkerboard', 'conv-receptive-field': 'receptive-field' };

/** A layer stack's fallback: the element's own figure as inline SVG (the view reads the stack as the element does). */
function stackFigure(tag: string, attrs: Readonly<Record<string, string>>): string | null {
  const view = STACK_VIEWS[tag];
  // a stack is what the layer reader reads as more than one layer (a comma list of kernel, stride or dilation, or `layers`)
  if (!view || layersOfSpec({ kernel: attrs.kernel, stride: attrs.stride, dilation: attrs.dilation, layers: attrs.layers }, {}, 1).length < 2) return null;
  const svg = renderFigure(attrs as never, { view, format: 'svg' }).replace(/^<\?xml[^>]*>\s*/, '');
  return `<div class="static-figure">${svg}</div>`;
}

/** Static HTML for the element `tag` with `attrs`; never throws (a failure becomes a note and a warning). */
export function prerender(tag: string, attrs: Readonly<Record<string, string>>, warn: (m: string) => void = () => {}): string {
  const entry = DERIVERS[tag];
  const note = `<p class="fallback-note">Live <code>&lt;${escapeHtml(tag)}&gt;</code>: it appears when JavaScript runs.</p>`;
  if (!entry) return note;
  try {
    const figure = stackFigure(tag, attrs);
    if (figure) return `${figure}${note}`;
    const d = entry.derive(specOfAttributes(attrs), attrs);
    const eq = pickEquation(d, entry.pick);
    const verdicts = d.steps.filter((s) => s.type === 'verdict');
    const typeset = eq && eq.tex.length <= MAX_TEX ? renderTex(eq.tex, { display: true }) : '';
    const math = !eq ? '' : typeset && typeset.length <= MAX_HTML
      ? `<div class="static-math">${typeset}</div>`
      : '<p class="fallback-note">This matrix is too large to typeset statically.</p>';
    const checks = verdicts.map((v) => `<li>${v.type === 'verdict' && v.equal ? '✓' : '✗'} ${escapeHtml(v.title)}</li>`).join('');
    return `${math}${checks ? `<ul class="static-verdicts">${checks}</ul>` : ''}${note}`;
  } catch (e) {
    warn(`prerender <${tag}> ${JSON.stringify(attrs)}: ${(e as Error).message}`);
    return note;
  }
}
