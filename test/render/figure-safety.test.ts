import { describe, expect, it } from 'vitest';
import { ConvmatError } from '../../src/errors.ts';
import { renderFigure } from '../../src/render/figure.ts';
import { sceneToHtml } from '../../src/render/html.ts';
import type { Scene } from '../../src/render/scene.ts';
import { sceneToSvg } from '../../src/render/svg.ts';
import { sceneToTikz } from '../../src/render/tikz.ts';

/**
 * No script anywhere: whatever names a spec holds, SVG and HTML figures carry
 * no <script>, no event attribute and no javascript: URL, and TikZ no command
 * a name did not come through the escaping. Names that are not identifiers
 * are refused before anything is drawn; the legal names that read like
 * attacks (script, onload, javascript, href) are drawn as text. Free text in
 * a scene (a caption) is escaped by every renderer.
 */
/**
 * Every tag of the markup (text is escaped, so a `<` in it is never a tag):
 * no script or embedding element, no event attribute, and every link (href,
 * src) a fragment of the same file. Attribute values are escaped text: an
 * aria-label may spell "onclick=" harmlessly, so names and values are read apart.
 */
function assertInert(markup: string): void {
  const tags = markup.match(/<[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(10);
  for (const tag of tags) {
    expect(tag).not.toMatch(/^<\/?(script|foreignObject|iframe|object|embed|image|a)\b/i);
    for (const [, name, value] of tag.matchAll(/\s([^\s=/>]+)\s*=\s*"([^"]*)"/g)) {
      expect(name, tag).not.toMatch(/^on/i);
      if (/^(href|src|xlink:href|action|formaction)$/i.test(name!)) expect(value, tag).toMatch(/^#[\w-]+$/);
    }
    expect(tag.replace(/"[^"]*"/g, '""'), tag).toMatch(/^<\/?[\w:-]+(\s+[\w:-]+(="")?)*\s*\/?>$|^<\?xml|^<!--/);
  }
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/javascript:(?!x)/i);
}

const HOSTILE_LEGAL = { input: '3x3', kernel: '2x2', weights: 'script,onload,javascript,href', inputs: 'onerror,alert,svg,style,title,desc,img,a,b' };
const VIEWS = ['window', 'transposed', 'matrix'] as const;

describe('figures with hostile names', () => {
  it.each(VIEWS)('%s: names that read like attacks are text, never markup (svg, animated svg, html)', (view) => {
    for (const options of [{ format: 'svg' as const }, { format: 'svg' as const, animate: true }, { format: 'html' as const }]) {
      const out = renderFigure(HOSTILE_LEGAL, { view, ...options });
      assertInert(out);
      expect(out).toMatch(/>script</); // drawn, as text
    }
  });

  it.each([
    ['<script>alert(1)</script>', 'weights'], ['x" onload="alert(1)', 'weights'], ['javascript:alert(1)', 'inputs'], ['\\input{/etc/passwd}', 'weights'],
  ])('refuses the name %j in %s before drawing anything', (name, key) => {
    const spec = { input: 3, kernel: 2, weights: 'a,b', inputs: 'c,d,e', [key]: key === 'weights' ? `a,${name}` : `c,d,${name}` };
    for (const format of ['svg', 'tikz', 'html'] as const) {
      expect(() => renderFigure(spec, { view: 'window', format })).toThrow(ConvmatError);
    }
  });

  it('escapes free text in every renderer (a caption holding markup and TeX)', () => {
    const evil = '</text><script>alert(1)</script><a href="javascript:x" onclick="y">\\input{/etc/passwd} $x$ & 100%';
    const scene: Scene = {
      width: 10, height: 4, title: evil, desc: evil, lines: [], frameCaption: { x: 1, y: 3 },
      groups: [{ name: evil, shape: '1', boxes: [{ x: 1, y: 1, w: 1, h: 1, kind: 'input', label: [evil] }] }],
      texts: [{ x: 1, y: 2, label: [evil], role: 'caption' }],
      frames: [{ marks: [{ x: 1, y: 1, w: 1, h: 1, role: 'current' }], caption: [evil] }],
    };
    assertInert(sceneToSvg(scene));
    assertInert(sceneToHtml(scene));
    const tikz = sceneToTikz(scene, { standalone: true });
    expect(tikz).not.toMatch(/\\input\{/);
    expect(tikz).toContain('\\textbackslash{}input\\{/etc/passwd\\}');
    expect(tikz).toContain('\\$x\\$ \\& 100\\%');
  });

  it('uses KaTeX with trust off: a figure\'s html holds no link or class KaTeX would only write when trusted', () => {
    const html = renderFigure({ input: 4, kernel: 2, weights: 'href,url', inputs: 'a,b,c,d' }, { view: 'window', format: 'html' });
    expect(html).toContain('class="katex');
    assertInert(html);
  });
});

describe('figures past a view\'s limits', () => {
  it.each([
    ['window', { input: '300x300', kernel: 3 }],
    ['transposed', { input: '100x100', kernel: 3, stride: 2 }],
    ['matrix', { input: '400x400', kernel: 3 }],
    ['receptive-field', { input: '100000', kernel: 3, stride: 2 }],
    ['checkerboard', { input: '300x300', kernel: 3, stride: 2 }],
  ] as const)('%s of %j is its summary, a few KB in every format', (view, spec) => {
    for (const format of ['svg', 'tikz', 'html'] as const) {
      const out = renderFigure(spec as never, { view, format, animate: true });
      expect(out.length, `${view} ${format}`).toBeLessThan(format === 'html' ? 40_000 : 6_000);
      expect(out).toMatch(/summarised, not drawn|too large to typeset/);
    }
  });
});
