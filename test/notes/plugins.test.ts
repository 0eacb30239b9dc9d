import MarkdownIt from 'markdown-it';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import convmatMarkdownIt from '../../src/notes/markdown-it.ts';
import remarkConvmat from '../../src/notes/remark.ts';
import { renderFence } from '../../src/notes/fence.ts';

/** A note as a student writes it: prose, a convmat fence, another language's fence, a bad convmat fence. */
const NOTE = [
  '# Stride 2',
  '',
  'The window moves two cells at a time.',
  '',
  '```convmat',
  'window --input 5x5 --kernel 3x3 --stride 2 --padding 1',
  '```',
  '',
  '```js',
  'const a = "<b>";',
  '```',
  '',
  '```convmat',
  'window --input 5 --kernal 3',
  '```',
  '',
].join('\n');

const GOOD = 'window --input 5x5 --kernel 3x3 --stride 2 --padding 1\n';

function expectNote(html: string): void {
  // the fence became exactly what renderFence makes of its body: the live element around its static figure
  expect(html).toContain(renderFence(GOOD).trim());
  expect(html).toMatch(/<conv-window input="5x5" kernel="3x3" stride="2" padding="1">/);
  // the other language's fence is untouched (and escaped as before)
  expect(html).toMatch(/<pre><code class="language-js">const a = (&quot;|")(&lt;|&#x3C;)b(&gt;|>)(&quot;|");\n<\/code><\/pre>/);
  // the bad fence is its one line, in place: after the js block, before the end
  const error = html.indexOf('<p class="convmat-fence-error"');
  expect(error).toBeGreaterThan(html.indexOf('language-js'));
  expect(html.slice(error)).toMatch(/^<p class="convmat-fence-error"[^>]*>convmat: --kernal: is not an option of convmat figure[^<]*did you mean --kernel\?[^<]*<\/p>/);
  expect(html.match(/<conv-/g)).toHaveLength(1);
}

describe('convmat/markdown-it', () => {
  it('turns ```convmat fences into live elements with their figure, and leaves other fences alone', () => {
    const md = new MarkdownIt({ html: true }).use(convmatMarkdownIt);
    expectNote(md.render(NOTE));
  });

  it('keeps a fence rule installed before it (a highlighter) for other languages', () => {
    const md = new MarkdownIt();
    md.renderer.rules.fence = (tokens, idx) => `<pre class="highlighted">${tokens[idx]!.content}</pre>`;
    md.use(convmatMarkdownIt);
    const html = md.render(NOTE);
    expect(html).toContain('<pre class="highlighted">const a = "<b>";\n</pre>');
    expect(html).toContain('<conv-window');
  });
});

describe('the plugins\' option: the fallback of fences that do not say', () => {
  it('an image by default; format html inlines the fragment in every fence, a fence\'s own --format still wins; a bad option is the error in place', async () => {
    const fence = (flags: string) => `\`\`\`convmat\nwindow --input 5 --kernel 3${flags}\n\`\`\`\n`;
    expect(new MarkdownIt().use(convmatMarkdownIt).render(fence(''))).toMatch(/^<conv-window input="5" kernel="3"><img alt="window figure: input 5, kernel 3" /);
    const md = new MarkdownIt().use(convmatMarkdownIt, { format: 'html' });
    expect(md.render(fence(''))).toMatch(/^<conv-window input="5" kernel="3"><figure class="convmat-figure"/);
    expect(md.render(fence(' --format svg'))).toMatch(/^<conv-window input="5" kernel="3"><img /);
    const file = await unified().use(remarkParse).use(remarkConvmat, { format: 'html' }).use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true }).process(fence(''));
    expect(String(file)).toMatch(/^<conv-window input="5" kernel="3"><figure class="convmat-figure"/);
    const bad = new MarkdownIt().use(convmatMarkdownIt, { format: 'tikz' as 'svg' }).render(fence(''));
    expect(bad).toMatch(/^<p class="convmat-fence-error"[^>]*>convmat: format: must be html or svg \(the plugin option\)/);
  });
});

describe('convmat/remark', () => {
  it('replaces convmat code nodes with html nodes: the same output through remark-rehype', async () => {
    const file = await unified().use(remarkParse).use(remarkConvmat).use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeStringify, { allowDangerousHtml: true }).process(NOTE);
    expectNote(String(file));
  });

  it('is a plain mdast transformer: code nodes in lists and quotes are found too, other nodes stay', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'blockquote', children: [{ type: 'code', lang: 'convmat', value: GOOD }] },
        { type: 'code', lang: 'python', value: 'x = 1' },
      ],
    };
    remarkConvmat()(tree);
    expect(tree.children[0]!.children![0]).toEqual({ type: 'html', value: renderFence(GOOD) });
    expect(tree.children[1]).toEqual({ type: 'code', lang: 'python', value: 'x = 1' });
  });
});
