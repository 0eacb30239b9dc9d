import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@vue/compiler-dom';
import MarkdownIt from 'markdown-it';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { readmeSection, root } from '../docs/readme-blocks.ts';
import { cellCount, figureMarkup } from './figure-markup.ts';

/**
 * The README's notes section, run: every ```js block is imported with the
 * package's subpaths pointed at the source, and `vitepress`,
 * `vitepress/theme` and `astro/config` standing in (`defineConfig = (c) => c`,
 * an empty theme). A block that exports a site config is then used as
 * VitePress or Astro would use it: its markdown-it hook or its remark plugins
 * on a real note, and its custom-element rule.
 */
const section = readmeSection('notes');
// a block ends at a line of its own: the examples hold ``` inside strings
const blocks = [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
const tmp = join(root, 'test/notes/.examples-tmp', `readme-${String(Math.random()).slice(2)}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const STANDINS: Record<string, string> = {
  vitepress: 'export const defineConfig = (c) => c;\n',
  'vitepress/theme': 'export default { name: "default theme" };\n',
  'astro/config': 'export const defineConfig = (c) => c;\n',
};

async function importBlock(code: string, i: number): Promise<Record<string, unknown>> {
  mkdirSync(tmp, { recursive: true });
  let out = code
    .replaceAll("'convmat/markdown-it'", `'${join(root, 'src/notes/markdown-it.ts')}'`)
    .replaceAll("'convmat/remark'", `'${join(root, 'src/notes/remark.ts')}'`)
    .replaceAll("'convmat/elements'", `'${join(root, 'components/define.ts')}'`);
  for (const [name, source] of Object.entries(STANDINS)) {
    const file = join(tmp, `${name.replace('/', '-')}.mjs`);
    writeFileSync(file, source);
    out = out.replaceAll(`'${name}'`, `'${file}'`);
  }
  const file = join(tmp, `block-${i}.mjs`);
  writeFileSync(file, out);
  return (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
}

const NOTE = '# A note\n\n```convmat\nwindow --input 5x5 --kernel 3x3 --stride 2 --padding 1\n```\n';
/** The note's fence became the element around its figure: a 5×5 input padded by 1 draws 49 − 25 = 24 padding cells. */
function expectElement(html: string): void {
  const m = /<conv-window input="5x5" kernel="3x3" stride="2" padding="1">([\s\S]*)<\/conv-window>/.exec(html);
  expect(m, html.slice(0, 200)).not.toBeNull();
  expect(cellCount(figureMarkup(m![1]!), 'padding')).toBe(24);
}

interface SiteConfig {
  markdown?: { config?: (md: MarkdownIt) => void; remarkPlugins?: PluggableList };
  vue?: { template?: { compilerOptions?: { isCustomElement?: (tag: string) => boolean } } };
}

describe('README: notes, VitePress and Astro', () => {
  it('has the markdown-it example, the VitePress config and theme, and the Astro config', () => {
    expect(blocks).toHaveLength(4);
    expect(section).toContain('isCustomElement');
  });

  blocks.forEach((code, i) => {
    it(`block ${i + 1} runs, and a config it exports renders a note`, async () => {
      const mod = await importBlock(code, i);
      const config = mod.default as SiteConfig | undefined;
      if (config?.markdown?.config) {
        const md = new MarkdownIt({ html: true });
        config.markdown.config(md);
        const page = md.render(NOTE);
        expectElement(page);
        const isCustom = config.vue!.template!.compilerOptions!.isCustomElement!;
        // VitePress makes the page a Vue template: it must compile with no error, the elements left to the browser
        const errors: string[] = [];
        const { code } = compile(`<div>${page}</div>`, { isCustomElement: isCustom, onError: (e) => errors.push(e.message), onWarn: (e) => errors.push(e.message) });
        expect(errors).toEqual([]);
        expect(code).not.toMatch(/resolveComponent\("conv-/);
        expect(['conv-window', 'conv-matrix', 'conv-checkerboard'].map(isCustom)).toEqual([true, true, true]);
        expect(['div', 'Badge', 'svg'].map(isCustom)).toEqual([false, false, false]);
      }
      if (config?.markdown?.remarkPlugins) {
        const file = await unified().use(remarkParse).use(config.markdown.remarkPlugins)
          .use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(NOTE);
        expectElement(String(file));
      }
    });
  });
});
