import { supportsAdoptingStyleSheets, unsafeCSS, type CSSResult } from 'lit';
import { canAdoptSheets } from './highlight-sheet.ts';
import katexCss from 'katex/dist/katex.min.css?raw';

/**
 * KaTeX's stylesheet for shadow roots, and its fonts for the document.
 * Chromium ignores `@font-face` inside a shadow root, so the rules are split:
 * every element adopts the stylesheet without its `@font-face` rules, and the
 * `@font-face` rules are added once to `document.head`, with each font's URL
 * resolved relative to this module, so a copied bundle finds its fonts.
 * A lazy chunk (ConvElement loads it with KaTeX): the stylesheet is added to
 * an element's shadow root before its first render, ahead of its own styles.
 */
const FONT_FACE = /@font-face\s*{[^}]*}/g;

/** KaTeX's CSS read once (one use, so the minifier keeps one copy of the 24 KB string): its @font-face rules, and the rest. */
const [fontFaceRules, katexRules] = ((css: string) => [css.match(FONT_FACE) ?? [], css.replace(FONT_FACE, '')] as const)(katexCss);

/** KaTeX's CSS without @font-face, for a shadow root. */
export const katexStyles: CSSResult = unsafeCSS(katexRules);

/** woff2 files by name (`KaTeX_Main-Regular.woff2`), emitted as assets next to the bundle. */
const fontUrls: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob('../../node_modules/katex/dist/fonts/*.woff2', { query: '?url', import: 'default', eager: true }) as Record<string, string>,
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), new URL(url, import.meta.url).href]),
);

/** The @font-face rules of KaTeX, pointing at the resolved woff2 URLs only. */
export function fontFaceCss(): string {
  return fontFaceRules.map((rule) => {
    const file = /url\(fonts\/([^)]+\.woff2)\)/.exec(rule)?.[1];
    const url = file ? fontUrls[file] : undefined;
    if (!url) return '';
    return rule.replace(/src:[^;}]*/, `src:url(${JSON.stringify(url)}) format("woff2")`);
  }).join('\n');
}

const MARKER = 'data-convmat-katex-fonts';

/** Adds the font rules to document.head once (idempotent across bundles and reloads). */
export function installKatexFonts(doc: Document = document): void {
  if (doc.head.querySelector(`style[${MARKER}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = fontFaceCss();
  doc.head.append(style);
}

/** Puts KaTeX's stylesheet first in a shadow root (the element's own styles, adopted by Lit, come after and win). */
export function adoptKatexStyles(root: HTMLElement | DocumentFragment): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = katexStyles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet && canAdoptSheets(root)) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  } else if (!root.querySelector(`style[${MARKER}]`)) {
    const style = root.ownerDocument.createElement('style');
    style.setAttribute(MARKER, '');
    style.textContent = katexStyles.cssText;
    root.prepend(style);
  }
}
