import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from './html-text.ts';

/**
 * The Elements reference, generated from custom-elements.json (the manifest
 * the components ship): per element its attributes, events, CSS parts and
 * custom properties, a live example, and copy-paste snippets for a plain
 * HTML page, a Markdown note, React and Vue.
 */
interface Named { name: string; description?: string; type?: { text?: string }; default?: string }
interface Declaration {
  customElement?: boolean; tagName?: string; name?: string; summary?: string; description?: string;
  attributes?: Named[]; events?: Named[]; cssParts?: Named[]; cssProperties?: Named[];
}
interface Manifest { modules?: { path?: string; declarations?: Declaration[] }[] }

/** One lecture example per element, as attributes (CLI syntax). */
export const ELEMENT_EXAMPLES: Readonly<Record<string, string>> = {
  'conv-matrix': 'input="6" kernel="3" show="equation"',
  'conv-derivation': 'input="4" kernel="3" padding="1" weights="x,y,z" inputs="a,b,c,d"',
  'conv-window': 'input="5x5" kernel="3x3" weights="[[0,1,2],[2,2,0],[0,1,2]]" inputs="[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]"',
  'conv-transposed': 'input="4" kernel="3" inputs="z7,z8,z9,z10"',
  'conv-receptive-field': 'kernel="2" stride="2" input="8"',
  'conv-checkerboard': 'kernel="3" stride="2" input="8"',
  'conv-separable': 'weights="[[1,0,-1],[2,0,-2],[1,0,-1]]" spatial-input="5x5"',
  'conv-explorer': 'input="6" kernel="3"',
  'conv-image': 'input="32x32" kernel="3x3" padding="1" weights="[[1,0,-1],[2,0,-2],[1,0,-1]]"',
};

export function readManifest(root: string): Declaration[] {
  const file = resolve(root, 'custom-elements.json');
  if (!existsSync(file)) return [];
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  return (m.modules ?? []).flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement && d.tagName);
}

function md(s = ''): string {
  return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function table(title: string, rows: Named[] | undefined, cols: 'attr' | 'plain'): string {
  if (!rows?.length) return `<p class="none">${escapeHtml(title)}: none.</p>`;
  const head = cols === 'attr' ? '<th>name</th><th>type</th><th>description</th>' : '<th>name</th><th>description</th>';
  const body = rows.map((r) => cols === 'attr'
    ? `<tr><td><code>${escapeHtml(r.name)}</code></td><td>${r.type?.text ? `<code>${escapeHtml(r.type.text)}</code>` : ''}</td><td>${md(r.description)}</td></tr>`
    : `<tr><td><code>${escapeHtml(r.name)}</code></td><td>${md(r.description)}</td></tr>`).join('');
  return `<div class="table-wrap"><table><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function snippets(tag: string, attrs: string): string {
  const el = `<${tag} ${attrs}></${tag}>`;
  const jsxAttrs = attrs;
  const items = [
    ['Plain HTML', `<script type="module" src="./convmat.js"></script>\n${el}`],
    ['Markdown note (HTML blocks allowed)', `Some text in the note.\n\n${el}\n\n<script type="module" src="./convmat.js"></script>`],
    ['React 19', `import 'convmat/elements';\n\nexport function Example() {\n  return <${tag} ${jsxAttrs} />;\n}`],
    ['Vue 3 (compilerOptions.isCustomElement: t => t.startsWith("conv-"))', `<script setup>\nimport 'convmat/elements';\n</script>\n\n<template>\n  ${el}\n</template>`],
  ];
  return items.map(([label, code]) => `<figure class="snippet"><figcaption>${escapeHtml(label!)}</figcaption><pre><code>${escapeHtml(code!)}</code></pre></figure>`).join('');
}

export function generateElements(root: string): string {
  const decls = readManifest(root);
  if (!decls.length) return '<p class="none">custom-elements.json is not built yet.</p>';
  const index = `<ul class="element-index">${decls.map((d) => `<li><a href="#${d.tagName}"><code>&lt;${d.tagName}&gt;</code></a> ${md(d.summary ?? '')}</li>`).join('')}</ul>`;
  const sections = decls.map((d) => {
    const tag = d.tagName!;
    const attrs = ELEMENT_EXAMPLES[tag] ?? 'input="6" kernel="3"';
    return `<section class="element-doc"><h2 id="${tag}"><code>&lt;${tag}&gt;</code></h2>
<p>${md(d.summary ?? d.description ?? '')}</p>
<h3 id="${tag}-example">Live example</h3>
<${tag} ${attrs}></${tag}>
<h3 id="${tag}-snippets">Copy and paste</h3>${snippets(tag, attrs)}
<h3 id="${tag}-reference">Reference</h3>
${table('Attributes', d.attributes, 'attr')}${table('Events', d.events, 'plain')}${table('CSS parts', d.cssParts, 'plain')}${table('CSS custom properties', d.cssProperties, 'plain')}
</section>`;
  });
  return `${index}\n${sections.join('\n')}`;
}
