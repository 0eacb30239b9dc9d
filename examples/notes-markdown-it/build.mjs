// Builds notes.md into dist/index.html with markdown-it and convmat/markdown-it:
// each ```convmat fence becomes the live element with its static figure inside.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import convmat from 'convmat/markdown-it';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

/** The page: the rendered notes, and the script that makes the elements live (the figures show without it). */
export function build(markdown) {
  const body = new MarkdownIt({ html: true }).use(convmat).render(markdown);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Notes</title>
<script type="module" src="https://unpkg.com/convmat/dist/convmat.js"></script></head>
<body><main>
${body}</main></body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(here('./dist'), { recursive: true });
  writeFileSync(here('./dist/index.html'), build(readFileSync(here('./notes.md'), 'utf8')));
  console.log('wrote dist/index.html');
}
