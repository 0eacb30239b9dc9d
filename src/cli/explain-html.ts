import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderTex } from '../render/katex-render.ts';
import type { Derivation, Step } from '../latex/derivation.ts';

/**
 * A standalone HTML page of a derivation that needs no JavaScript: every step
 * is pre-rendered with katex.renderToString (safe options), and KaTeX's CSS
 * is inlined with its woff2 fonts as data: URIs, so the one file works offline
 * and can be mailed or attached (about 400 KB, most of it fonts).
 */
let cachedCss: string | undefined;

export function katexInlineCss(): string {
  if (cachedCss) return cachedCss;
  const dist = dirname(createRequire(import.meta.url).resolve('katex'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  cachedCss = css.replace(/src:[^;}]*/g, (src) => {
    const file = /url\(fonts\/([^)]+\.woff2)\)/.exec(src)?.[1];
    if (!file) return src;
    const data = readFileSync(join(dist, 'fonts', file)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return cachedCss;
}

const PAGE_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin:1.5rem 0 .25rem}
.step{overflow-x:auto}.verdict[data-verdict=pass]{color:#1a7f37}.verdict[data-verdict=fail]{color:#cf222e}`;

export function derivationToHtml(d: Derivation): string {
  const body = d.steps.map(stepHtml).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
<style>${katexInlineCss()}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
<h1>${escapeHtml(d.title)}</h1>
${body}
</body>
</html>
`;
}

function stepHtml(s: Step): string {
  const head = `<section class="step" data-type="${s.type}"><h2>${escapeHtml(s.title)}</h2>`;
  if (s.type === 'note') return `${head}<p>${escapeHtml(s.text)}</p></section>`;
  const verdict = s.type === 'verdict'
    ? `<p class="verdict" part="verdict" data-verdict="${s.equal ? 'pass' : 'fail'}">${s.equal ? '✓' : '✗'} ${escapeHtml(s.text)}</p>`
    : '';
  return `${head}${verdict}${renderTex(s.tex, { display: true })}</section>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
