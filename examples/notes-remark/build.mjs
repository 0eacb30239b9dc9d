// Builds notes.md into dist/index.html with unified and convmat/remark (as
// Astro and Docusaurus do): each ```convmat fence becomes an html node holding
// the live element with its static figure inside; the HTML is kept by
// allowDangerousHtml on both sides of remark-rehype.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkConvmat from 'convmat/remark';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** The page: the rendered notes, and the script that makes the elements live (the figures show without it). */
export async function build(markdown) {
  const body = await unified().use(remarkParse).use(remarkConvmat)
    .use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true })
    .process(markdown);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title>
<script type="module" src="https://unpkg.com/convmat/dist/convmat.js"></script></head>
<body><main>
${String(body)}
</main></body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(here('./dist'), { recursive: true });
  writeFileSync(here('./dist/index.html'), await build(readFileSync(here('./notes.md'), 'utf8')));
  console.log('wrote dist/index.html');
}
