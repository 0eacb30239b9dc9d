import { normalizeSpec } from '../../src/geometry/spec.ts';
import { outputSizeLines } from '../../src/view/output-size-formula.ts';
import { SPEC_KEYS, type SpecAttributes, attributeName, specFromAttributes } from '../../components/shared/spec-from-attributes.ts';
import { readParams, replaceSearch, searchWithParams } from '../../components/conv-explorer/url-state.ts';
import {
  CHOICES, type NumberTemplate, SIZED_NAMES, SIZE_ATTRIBUTES, UNSET_DEFAULT, fieldsFor, numbersOf, rangeOf, withNumbers,
} from './control-fields.ts';

/**
 * "Try other values" under every example: a slider (and number box) for each
 * number of each spec attribute, applied as you drag, the output size with
 * its formula and numbers, and a reset to the lecture's values. The controls
 * only set the element's attributes; the element validates and renders, and
 * shows an impossible combination inline. Generic: nothing per page.
 * The values changed from the lecture's go into the page URL under the
 * example's key (`?ex3.padding=1`, url-state.ts), so a tweaked example can be
 * shared; a link restores them, panel open.
 */
type Attrs = Map<string, string | null>;

function make<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = String(v);
    else if (k.startsWith('aria-') || k.startsWith('data-')) e.setAttribute(k, String(v));
    else (e as unknown as Record<string, unknown>)[k] = v;
  }
  e.append(...kids);
  return e;
}

/** Applies attribute changes at most once per frame, so dragging never queues renders. */
class Batch {
  private pending = new Map<string, string | null>();
  private frame = 0;
  constructor(private readonly el: Element, private readonly after: () => void) {}
  set(attr: string, value: string | null): void {
    this.pending.set(attr, value);
    this.frame ||= requestAnimationFrame(() => this.flush());
  }
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const [a, v] of this.pending) {
      if (v === null) this.el.removeAttribute(a);
      else if (this.el.getAttribute(a) !== v) this.el.setAttribute(a, v);
    }
    this.pending.clear();
    this.after();
  }
}

/** The output size of the element's current spec, one line per axis, or '' when there is none to show. */
function outputSize(el: Element): string {
  const values: SpecAttributes = {};
  for (const k of SPEC_KEYS) values[k] = el.getAttribute(attributeName(k));
  if (el.localName === 'conv-transposed') values.transposed = '';
  try {
    return outputSizeLines(normalizeSpec(specFromAttributes(values))).join('\n');
  } catch {
    return '';
  }
}

/** The key of the example in the URL: `ex` and the 1-based position of its live slot on the page; null outside a slot. */
export function exampleKey(el: Element, doc: Document = el.ownerDocument): string | null {
  const slot = el.closest('.live');
  const i = slot ? [...doc.querySelectorAll('.live')].indexOf(slot) : -1;
  return i < 0 ? null : exampleKeyAt(i);
}

/** The URL key of the example in the `i`-th (0-based) live slot. */
export const exampleKeyAt = (i: number): string => `ex${i + 1}.`;

/** Adds the controls of `el` (a live convmat element) in front of it. */
export function attachControls(el: HTMLElement): HTMLDetailsElement | null {
  const tag = el.localName;
  const fields = fieldsFor(tag, (a) => el.hasAttribute(a));
  if (fields.length === 0 || el.previousElementSibling?.classList.contains('example-controls')) return null;
  const original: Attrs = new Map();
  for (const a of [...fields, 'weights', 'inputs']) original.set(a, el.getAttribute(a));
  const sizes = SIZED_NAMES.has(tag) && (original.get('weights') !== null || original.get('inputs') !== null);
  const formula = SIZED_NAMES.has(tag) ? make('pre', { class: 'output-size', 'aria-live': 'polite' }) : null;
  const sync: Array<() => void> = [];
  // a derivation that refers to the K·z shown above it does so only while it shows the same example
  const refers = el.hasAttribute('product-shown');
  const after = () => {
    if (refers) el.toggleAttribute('product-shown', fields.every((a) => el.getAttribute(a) === (original.get(a) ?? null)));
    if (sizes) {
      // names or values given by the example only fit its own sizes: they step aside while the sizes differ
      const same = SIZE_ATTRIBUTES.every((a) => el.getAttribute(a) === (original.get(a) ?? null));
      for (const a of ['weights', 'inputs']) {
        const want = same ? original.get(a) ?? null : null;
        if (want === null) el.removeAttribute(a); else el.setAttribute(a, want);
      }
    }
    if (formula) formula.textContent = outputSize(el);
    if (key !== null) replaceSearch(searchWithParams(location.search, fields, changedFrom(el, fields, original), key));
  };
  const key = exampleKey(el);
  const batch = new Batch(el, after);
  const grid = make('div', { class: 'control-grid' }, ...fields.map((a) => field(el, a, batch, sync)));
  const reset = make('button', { type: 'button', class: 'control-reset' }, 'Reset to the lecture’s values');
  reset.addEventListener('click', () => {
    for (const [a, v] of original) batch.set(a, v);
    batch.flush();
    for (const s of sync) s();
  });
  const panel = make('details', { class: 'example-controls' },
    make('summary', {}, 'Try other values'), grid,
    ...(formula ? [make('p', { class: 'output-size-label' }, 'Output size:'), formula] : []),
    ...(sizes ? [make('p', { class: 'control-note' }, 'The example’s own weights and inputs return when its sizes do.')] : []),
    reset);
  el.before(panel);
  // a link to a tweaked example: its values, the panel open
  const shared = key === null ? {} : readParams(location.search, fields, key);
  for (const [a, v] of Object.entries(shared)) batch.set(a, v === '' ? null : v);
  if (Object.keys(shared).length > 0) panel.open = true;
  batch.flush();
  for (const s of sync) s();
  return panel;
}

/** The attributes of `fields` that differ from the lecture's (an unset one counts as its default): their value, or '' when removed. */
function changedFrom(el: Element, fields: readonly string[], original: Attrs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of fields) {
    const now = el.getAttribute(a);
    if ((now ?? UNSET_DEFAULT[a]) !== (original.get(a) ?? UNSET_DEFAULT[a])) out[a] = now ?? '';
  }
  return out;
}

/** One attribute: a slider and number box per number in its value, or a text box for a keyword such as `same`. */
function field(el: HTMLElement, attr: string, batch: Batch, sync: Array<() => void>): HTMLElement {
  const start = el.getAttribute(attr) ?? UNSET_DEFAULT[attr] ?? '1';
  const box = make('fieldset', { class: 'control', 'data-attribute': attr }, make('legend', {}, attr));
  const choices = CHOICES[attr];
  if (choices) {
    const select = make('select', { 'aria-label': attr }, ...choices.map((c) => make('option', { value: c, selected: c === start }, c)));
    select.addEventListener('change', () => batch.set(attr, select.value));
    sync.push(() => { select.value = el.getAttribute(attr) ?? start; });
    box.append(select);
    return box;
  }
  const template: NumberTemplate | null = numbersOf(start);
  if (!template) {
    const text = make('input', { type: 'text', value: start, 'aria-label': attr });
    text.addEventListener('input', () => batch.set(attr, text.value.trim() === '' ? null : text.value.trim()));
    sync.push(() => { text.value = el.getAttribute(attr) ?? start; });
    box.append(text);
    return box;
  }
  const numbers = [...template.numbers];
  const many = numbers.length > 1;
  numbers.forEach((n, i) => {
    const [min, max] = rangeOf(attr, n);
    const label = `${attr}${many ? ` ${i + 1}` : ''}`;
    const slider = make('input', { type: 'range', min, max, step: 1, value: n, 'aria-label': label });
    const num = make('input', { type: 'number', min, max, step: 1, value: n, 'aria-label': `${label} (number)` });
    const apply = (v: number) => {
      numbers[i] = v;
      slider.value = num.value = String(v);
      batch.set(attr, withNumbers(template, numbers));
    };
    slider.addEventListener('input', () => apply(Number(slider.value)));
    num.addEventListener('input', () => { if (num.value !== '' && Number.isInteger(Number(num.value))) apply(Number(num.value)); });
    sync.push(() => {
      const now = numbersOf(el.getAttribute(attr) ?? start);
      numbers[i] = now && now.numbers.length === numbers.length ? now.numbers[i]! : template.numbers[i]!;
      slider.value = num.value = String(numbers[i]);
    });
    box.append(make('label', { class: 'control-number' }, slider, num));
  });
  return box;
}
