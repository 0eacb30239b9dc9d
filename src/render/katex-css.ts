/**
 * KaTeX's stylesheet for a static fragment, read from the installed katex
 * package where Node is (process.getBuiltinModule: no import of node:fs, so
 * the renderers still bundle for a browser), without its @font-face rules: a
 * fragment has no font files beside it, and KaTeX's CSS falls back on Times
 * and serif fonts. Null where there is no Node (the caller then writes MathML).
 */
let cached: string | null | undefined;

interface NodeBuiltins {
  getBuiltinModule?(id: string): unknown;
}

export function katexFragmentCss(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  const proc = (globalThis as { process?: NodeBuiltins }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(p: string, enc: 'utf8'): string } | undefined;
  const mod = proc?.getBuiltinModule?.('node:module') as { createRequire(from: string): { resolve(id: string): string } } | undefined;
  if (!fs || !mod) return cached;
  try {
    const main = mod.createRequire(import.meta.url).resolve('katex');
    const css = fs.readFileSync(main.replace(/katex(\.min)?\.(c?js|mjs)$/, 'katex.min.css'), 'utf8');
    cached = css.replace(/@font-face\{[^}]*\}/g, '');
  } catch { /* no katex stylesheet found: MathML */ }
  return cached;
}
