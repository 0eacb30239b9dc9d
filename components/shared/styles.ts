import { css } from 'lit';

/**
 * The theme of every element: CSS custom properties with light defaults, a
 * dark palette through `prefers-color-scheme` or `theme="dark"`, and
 * `theme="light"` to force light. Colours keep WCAG AA contrast in both.
 */
/** The dark palette, used by `prefers-color-scheme: dark` and by `theme="dark"`. */
const darkPalette = css`
  --conv-fg: #e6edf3;
  --conv-bg: #0d1117;
  --conv-muted: #9198a1;
  --conv-border: #3d444d;
  --conv-accent: #79b8ff;
  --conv-highlight: #4d3d00;
  --conv-highlight-strong: #7a5c00;
  --conv-input-highlight: #1b4721;
  --conv-pass: #7ee787;
  --conv-pass-bg: #12261e;
  --conv-fail: #ffa198;
  --conv-fail-bg: #3c1618;
  --conv-zero: #8b949e;
`;

export const themeStyles = css`
  :host {
    --conv-fg: #1f2328;
    --conv-bg: #ffffff;
    --conv-muted: #59636e;
    --conv-border: #d0d7de;
    --conv-accent: #0b57d0;
    --conv-highlight: #fff1b8;
    --conv-highlight-strong: #ffd54f;
    --conv-input-highlight: #d2f4d3;
    --conv-pass: #116329;
    --conv-pass-bg: #dafbe1;
    --conv-fail: #a40e26;
    --conv-fail-bg: #ffebe9;
    --conv-zero: #6e7781;
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
    * { content-visibility: visible !important; transition: none !important; }
    details::details-content { content-visibility: visible !important; display: contents; }
    [part='controls'], button { display: none !important; }
  }
`;
