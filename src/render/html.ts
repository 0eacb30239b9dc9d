import { latexText } from '../algebra/latex-escape.ts';
import { entryToLatex } from '../algebra/print.ts';
import { katexFragmentCss } from './katex-css.ts';
import { renderTex } from './katex-render.ts';
import type { Label, Scene } from './scene.ts';
import { sceneToSvg } from './svg.ts';
import { labelPlain, xml } from './svg-text.ts';

/**
 * A scene as a static HTML fragment: the drawing as inline SVG, the frame's
 * equation typeset by KaTeX (renderToString with the project's safe options:
 * trust false, bounded maxSize and maxExpand), the stylesheet once, no
 * script. Readable with JavaScript off, in print and in feed readers.
 */
export interface HtmlOptions {
  frame?: number;
}

const FIGURE_CSS = `.convmat-figure{margin:1rem 0;max-width:100%;color:#1f2328;background:#fff}
.convmat-figure svg{max-width:100%;height:auto;display:block}
.convmat-figure figcaption{font:0.9rem/1.4 system-ui,sans-serif;color:#57606a;margin-top:.4rem}
.convmat-figure .convmat-equation{overflow-x:auto;color:#1f2328}.convmat-figure .katex-display{margin:.3rem 0}.convmat-figure .katex-display>.katex{text-align:left}
@media print{.convmat-figure{break-inside:avoid;color:#000}.convmat-figure svg{max-width:100%}}`;

/** A label as LaTeX for KaTeX: entries through the printing rules, text through latexText. */
function labelTex(l: Label): string {
  return l.map((r) => (typeof r === 'string' ? latexText(r, 400) : entryToLatex(r))).join('');
}

function equationHtml(l: Label, mathml: boolean): string {
  try {
    return renderTex(labelTex(l), { display: true, mathml });
  } catch {
    return `<p>${xml(labelPlain(l))}</p>`;
  }
}

export function sceneToHtml(scene: Scene, opts: HtmlOptions = {}): string {
  const css = katexFragmentCss();
  const frame = scene.frames[opts.frame ?? 0];
  const svg = sceneToSvg(scene, { frame: opts.frame ?? 0, inline: true, frameCaption: false });
  const equation = frame && frame.caption.length ? `<div class="convmat-equation">${equationHtml(frame.caption, css === null)}</div>` : '';
  return `<figure class="convmat-figure" data-convmat-figure="">
<style>${css ?? ''}${FIGURE_CSS}</style>
${svg.trim()}
<figcaption>${equation}${xml(scene.title)}</figcaption>
</figure>
`;
}
