import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The theme of every element: CSS custom properties, light or dark. An element
 * is dark when the page's inherited `color-scheme` is dark (a site's dark
 * mode, `:root { color-scheme: dark }`), when the reader prefers a dark scheme
 * (`prefers-color-scheme`), or with `theme="dark"`; `theme="light"` forces
 * light. Colours keep WCAG AA contrast in both palettes.
 */
const PALETTE: Record<string, readonly [light: string, dark: string]> = {
  fg: ['#1f2328', '#e6edf3'],
  bg: ['#ffffff', '#0d1117'],
  muted: ['#59636e', '#9198a1'],
  border: ['#d0d7de', '#3d444d'],
  accent: ['#0b57d0', '#79b8ff'],
  highlight: ['#fff1b8', '#4d3d00'],
  'highlight-strong': ['#ffd54f', '#7a5c00'],
  'input-highlight': ['#d2f4d3', '#1b4721'],
  'input-bg': ['#edf2fb', '#161f2c'],
  pass: ['#116329', '#7ee787'],
  'pass-bg': ['#dafbe1', '#12261e'],
  fail: ['#a40e26', '#ffa198'],
  'fail-bg': ['#ffebe9', '#3c1618'],
  zero: ['#6e7781', '#8b949e'],
};

/** The palette as custom-property declarations, one value per colour picked from its [light, dark] pair. */
function palette(pick: (pair: readonly [string, string]) => string): CSSResult {
  return unsafeCSS(Object.entries(PALETTE).map(([name, pair]) => `--conv-${name}: ${pick(pair)};`).join('\n'));
}
const lightPalette = palette(([light]) => light);
const darkPalette = palette(([, dark]) => dark);
/** Both, chosen by the element's used color-scheme (inherited from the page unless `theme` or the media query sets it). */
const schemePalette = palette(([light, dark]) => `light-dark(${light}, ${dark})`);

export const themeStyles = css`
  :host {
    ${lightPalette}
    --conv-font: system-ui, -apple-system, 'Segoe UI', sans-serif;
    --conv-radius: 6px;
    --convmat-highlight: var(--conv-highlight);
    display: block;
    color: var(--conv-fg);
    background: var(--conv-bg);
    font-family: var(--conv-font);
    font-size: 1rem;
    line-height: 1.4;
    padding: 0.5rem;
    border-radius: var(--conv-radius);
    box-sizing: border-box;
    max-width: 100%;
    overflow-x: auto;
  }
  :host([hidden]) { display: none; }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) { ${darkPalette} }
  }
  :host([theme='dark']) { ${darkPalette} }
  /* where light-dark() exists, the inherited color-scheme decides too; the media query and theme set the host's own */
  @supports (color: light-dark(#000, #fff)) {
    :host { ${schemePalette} }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) { color-scheme: dark; }
    }
    :host([theme='dark']) { color-scheme: dark; }
    :host([theme='light']) { color-scheme: light; }
  }
  [part='error'] {
    color: var(--conv-fail);
    background: var(--conv-fail-bg);
    border: 1px solid var(--conv-fail);
    border-radius: var(--conv-radius);
    padding: 0.4rem 0.6rem;
    margin: 0.25rem 0 0.5rem;
    font-size: 0.9rem;
  }
  [part='verdict'] {
    display: inline-block;
    border-radius: 999px;
    padding: 0.15rem 0.7rem;
    font-size: 0.85rem;
    margin: 0.35rem 0;
  }
  [part='verdict'][data-verdict='pass'] { color: var(--conv-pass); background: var(--conv-pass-bg); }
  [part='verdict'][data-verdict='fail'] { color: var(--conv-fail); background: var(--conv-fail-bg); }
  .caption { color: var(--conv-muted); font-size: 0.85rem; margin: 0.25rem 0; }
  button, select, input {
    font: inherit;
    color: var(--conv-fg);
    background: var(--conv-bg);
    border: 1px solid var(--conv-border);
    border-radius: 4px;
    padding: 0.15rem 0.5rem;
  }
  button:focus-visible, select:focus-visible, input:focus-visible, [tabindex]:focus-visible {
    outline: 2px solid var(--conv-accent);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * { transition: none !important; animation: none !important; }
  }
  /* printing shows everything: no clipped scroll boxes, no skipped content, collapsed steps open */
  @media print {
    :host, .scroll, .drawn, .row > div, .copies { overflow: visible !important; max-width: none !important; }
    /* the query container a wide equation or grid is shrunk against (overflow-cue.ts) */
    :host { container-type: inline-size; }
    * { content-visibility: visible !important; transition: none !important; }
    details::details-content { content-visibility: visible !important; display: contents; }
    [part='controls'], button { display: none !important; }
  }
`;
