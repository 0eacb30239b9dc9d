/**
 * A per-element stylesheet for linked highlighting: hovering changes one
 * stylesheet's text instead of re-rendering typeset matrices.
 */
export class HighlightSheet {
  private sheet: CSSStyleSheet | null = null;
  private text = '';

  attach(root: ShadowRoot | null): void {
    if (!root || this.sheet) return;
    this.sheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    this.sheet.replaceSync(this.text);
  }

  set(css: string): void {
    if (css === this.text) return;
    this.text = css;
    this.sheet?.replaceSync(css);
  }
}
