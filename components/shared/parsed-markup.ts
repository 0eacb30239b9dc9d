/**
 * Trusted markup (KaTeX's output, the light path's escaped pieces) turned into
 * DOM. `fragment` parses a markup once into a <template> and clones it after:
 * cloning is much cheaper than parsing the same HTML again. `parse` is for
 * markup seen once (the changed cells of a patched matrix).
 */
const parsed = new Map<string, HTMLTemplateElement>();
const LIMIT = 2048;

export function fragment(markup: string): DocumentFragment {
  let t = parsed.get(markup);
  if (!t) {
    t = template(markup);
    if (parsed.size >= LIMIT) parsed.delete(parsed.keys().next().value!);
    parsed.set(markup, t);
  }
  return t.content.cloneNode(true) as DocumentFragment;
}

export function parse(markup: string): DocumentFragment {
  return template(markup).content;
}

function template(markup: string): HTMLTemplateElement {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return t;
}
