import MarkdownIt from 'markdown-it';
import { renderFigure } from '../../src/render/figure.ts';
import convmatMarkdownIt from '../../src/notes/markdown-it.ts';
import { svgImage } from '../../src/notes/fence.ts';
import { escapeHtml } from './html-text.ts';

/**
 * The "Figures and notes" page's generated parts, made at build time by the
 * code the package ships: one spec in every format of renderFigure, and a
 * Markdown note rendered by convmat/markdown-it. Nothing is drawn by hand.
 */
const SPEC = { input: '5x5', kernel: '3x3', stride: '2', padding: '1' };
const FLAGS = '--input 5x5 --kernel 3x3 --stride 2 --padding 1';

const code = (text: string, label: string) => `<pre tabindex="0" aria-label="${escapeHtml(label)}"><code>${escapeHtml(text.trimEnd())}</code></pre>`;

/** The lines of a long text past `max`, cut with a note of how long it is. */
const head = (text: string, max: number) => {
  const lines = text.trimEnd().split('\n');
  return lines.length <= max ? text : `${lines.slice(0, max).join('\n')}\n% … ${lines.length - max} more lines`;
};

export function generateFigureFormats(): string {
  const still = renderFigure(SPEC, { view: 'window', format: 'svg', frame: 3 });
  const animated = renderFigure(SPEC, { view: 'window', format: 'svg', animate: true });
  const tikz = renderFigure(SPEC, { view: 'window', format: 'tikz' });
  const html = renderFigure(SPEC, { view: 'window', format: 'html', frame: 3 });
  return `<h3 id="format-svg">SVG: one frame</h3>
<p>Frames count from 0. Every cell carries <code>data-kind</code>, as in the live element. Shown here as an image, as a slide or a page uses the file.</p>
${code(`convmat figure window ${FLAGS} --frame 3 -o window.svg`, 'command')}
<div class="figure-out">${svgImage(still, 'The 3×3 kernel on the padded 5×5 input at its fourth position, the output cell it computes lit')}</div>
<h3 id="format-animated">SVG: every frame, animated</h3>
<p>A looping SVG with no script; readers who ask for reduced motion get one still frame.</p>
${code(`convmat figure window ${FLAGS} --animate -o window-animated.svg`, 'command')}
<div class="figure-out">${svgImage(animated, 'The 3×3 kernel stepping over the padded 5×5 input, position after position')}</div>
<h3 id="format-html">Static HTML</h3>
<p>A fragment with its CSS, KaTeX’s HTML for the equation and inline SVG for the grids, and no script (a Markdown fence puts it inside its element with <code>--format html</code>; by default a fence’s figure is the SVG file as an image).</p>
${code(`convmat figure window ${FLAGS} --frame 3 --format html`, 'command')}
<div class="figure-out">${html}</div>
<h3 id="format-tikz">TikZ</h3>
<p>A <code>tikzpicture</code> for a paper; <code>--standalone</code> makes it a whole document that pdflatex compiles, and <code>--animate</code> one Beamer overlay per frame.</p>
${code(`convmat figure window ${FLAGS} --format tikz -o window.tex`, 'command')}
${code(head(tikz, 24), 'TikZ of the window figure (its first lines)')}`;
}

/** A student's note, as written and as convmat/markdown-it renders it. */
export const NOTE = `## Stride 2

The window moves two cells at a time:

\`\`\`convmat
window --input 5x5 --kernel 3x3 --stride 2 --padding 1
\`\`\`

A typo shows here, and the page still builds:

\`\`\`convmat
window --input 5x5 --kernal 3x3
\`\`\`
`;

export function generateNoteExample(): string {
  const md = new MarkdownIt({ html: true }).use(convmatMarkdownIt);
  const html = md.render(NOTE).replace(/^<h2>/, '<h3 id="note-rendered">').replace(/<\/h2>/, '</h3>');
  const shown = html.replace(/src="data:image\/svg\+xml,[^"]*"/, 'src="data:image/svg+xml,…"');
  return `<p>The note, in Markdown:</p>
${code(NOTE, 'a Markdown note with two convmat fences')}
<p>What <code>md.use(convmat)</code> makes of it (the SVG’s data shortened here):</p>
${code(shown, 'the HTML the plugin writes')}
<p>And that HTML on this page: the live element (its “Save figure” menu included), and the bad fence’s one line in place.</p>
<div class="note-rendered">${html}</div>`;
}
