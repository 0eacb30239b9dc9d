/**
 * A per-element stylesheet for linked highlighting: hovering changes one
 * stylesheet's text instead of re-rendering typeset matrices. Where shadow
 * roots cannot adopt constructed stylesheets (jsdom, happy-dom, old
 * browsers) it is a `<style>` element at the end of the shadow root instead.
 */
export class HighlightSheet {
  private sheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private text = '';

  attach(root: ShadowRoot | null): void {
    if (!root || this.sheet) return;
    if (canAdoptSheets(root)) {
      const sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } else {
      this.sheet = root.ownerDocument.createElement('style');
      root.append(this.sheet);
    }
    this.write();
  }

  set(css: string): void {
    if (css === this.text) return;
    this.text = css;
    this.write();
  }

  private write(): void {
    if (this.sheet && 'replaceSync' in this.sheet) this.sheet.replaceSync(this.text);
    else if (this.sheet) this.sheet.textContent = this.text;
  }
}

/** True where this root takes constructed stylesheets: a real array `adoptedStyleSheets` and a `CSSStyleSheet` with `replaceSync`. */
export function canAdoptSheets(root: ShadowRoot): boolean {
  return Array.isArray(root.adoptedStyleSheets) && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;
}
