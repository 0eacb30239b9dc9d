import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from './html-text.ts';
import { type ExportedItem, readExports } from './ts-declarations.ts';

/**
 * The Library API reference, generated from the source: the explicit export
 * lists of src/index.ts (`convmat`) and src/testing/index.ts
 * (`convmat/testing`), each name with its kind, signature and JSDoc.
 */
const ENTRIES = [
  { file: 'src/index.ts', pkg: 'convmat' },
  { file: 'src/testing/index.ts', pkg: 'convmat/testing' },
  { file: 'src/testing/arbitrary.ts', pkg: 'convmat/testing/arbitrary' },
] as const;

/** JSDoc as HTML: paragraphs, `- ` bullets, `code`, and @tags as a definition list. */
export function docHtml(doc: string): string {
  if (!doc) return '';
  const [body, ...tags] = doc.split(/\n(?=@)/);
  const blocks = body!.split(/\n\s*\n/).map((b) => {
    const lines = b.split('\n');
    if (lines.every((l) => /^\s*- /.test(l) || /^\s{2,}\S/.test(l))) {
      const items = b.split(/\n(?=\s*- )/).map((l) => `<li>${inline(l.replace(/^\s*- /, ''))}</li>`);
      return `<ul>${items.join('')}</ul>`;
    }
    return `<p>${inline(b)}</p>`;
  });
  const tagRows = tags.map((t) => {
    const m = /^@(\w+)\s*([\s\S]*)$/.exec(t.trim());
    return m ? `<dt>${escapeHtml(m[1]!)}</dt><dd>${inline(m[2]!)}</dd>` : '';
  });
  return blocks.join('') + (tagRows.length ? `<dl class="doc-tags">${tagRows.join('')}</dl>` : '');
}

function inline(s: string): string {
  return escapeHtml(s.trim()).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function itemHtml(item: ExportedItem, pkg: string): string {
  const id = `${pkg === 'convmat' ? 'api' : 'testing'}-${item.name}`;
  const sig = item.signature.replace(/^export\s+/, '');
  return `<section class="api-item" id="${escapeHtml(id)}"><h3><code>${escapeHtml(item.name)}</code> <span class="kind">${escapeHtml(item.typeOnly ? `type · ${item.kind}` : item.kind)}</span></h3>
${sig ? `<pre class="signature"><code>${escapeHtml(sig)}</code></pre>` : ''}${docHtml(item.doc)}
<p class="source">from <code>${escapeHtml(item.module.replace(/^\.\//, 'src/'))}</code></p></section>`;
}

export function generateApi(root: string): string {
  const out: string[] = [];
  for (const entry of ENTRIES) {
    const file = resolve(root, entry.file);
    if (!existsSync(file)) continue;
    const sections = readExports(file);
    const count = sections.reduce((n, s) => n + s.items.length, 0);
    out.push(`<p class="api-package"><code>import … from '${entry.pkg}'</code>: ${count} exports, listed by name in <code>${entry.file}</code>.</p>`);
    for (const s of sections) {
      const gid = `${entry.pkg.replace('/', '-')}-${s.title.replace(/\W+/g, '-')}`;
      out.push(`<section class="api-section"><h2 id="${escapeHtml(gid)}">${escapeHtml(`${entry.pkg}: ${s.title}`)}</h2>${s.items.map((i) => itemHtml(i, entry.pkg)).join('\n')}</section>`);
    }
  }
  return out.join('\n');
}
