import { LazyPart } from './lazy-part.ts';

/** KaTeX's stylesheet and fonts, a lazy chunk adopted by each element before its first render. */
export const katexSheet = new LazyPart('the KaTeX stylesheet', () => import('./katex-styles.ts'));

/** Adopts KaTeX's stylesheet into an element's shadow root and installs its fonts in the document (once loaded). */
export function adoptKatexSheet(el: HTMLElement & { renderRoot: HTMLElement | DocumentFragment }): void {
  if (!katexSheet.ready) return;
  const { adoptKatexStyles, installKatexFonts } = katexSheet.get();
  adoptKatexStyles(el.renderRoot);
  try { installKatexFonts(el.ownerDocument); } catch { /* no document head: fonts fall back */ }
}
