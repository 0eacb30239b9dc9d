import { GREEK_LETTERS } from '../algebra/latex-escape.ts';
import type { Entry, EntryTerm } from '../algebra/print.ts';
import type { SymbolParts } from '../algebra/symbol-parts.ts';
import type { Label } from './scene.ts';

/**
 * A label as SVG text: letters with combining accents (z̃), Greek names as
 * their letters, subscripts and superscripts as `<tspan>`s shifted with `dy`
 * (every SVG renderer reads dy; baseline-shift is not read everywhere), so a
 * figure needs no font of ours. Everything written is XML-escaped.
 */
type Shift = 0 | 1 | -1;
interface Piece { text: string; shift: Shift }

const LETTER: Record<string, string> = Object.fromEntries(Object.entries(GREEK_LETTERS).map(([c, name]) => [name, c]));
const MARK = { tilde: '\u0303', hat: '\u0302', bar: '\u0304' } as const;

function symbolPieces(s: SymbolParts, power: number): Piece[] {
  const base = LETTER[s.base] ?? s.base;
  const out: Piece[] = [{ text: s.accent ? `${base[0]}${MARK[s.accent]}${base.slice(1)}` : base, shift: 0 }];
  if (s.channel !== undefined) out.push({ text: `(${s.channel})`, shift: -1 });
  if (s.index.length) out.push({ text: s.index.join(','), shift: 1 });
  if (power !== 1) out.push({ text: String(power), shift: -1 });
  return out;
}

function termPieces(t: EntryTerm): Piece[] {
  const integer = t.coef.d === '1';
  const unit = integer && t.coef.n === '1' && t.factors.length > 0;
  const out: Piece[] = unit ? [] : [{ text: integer ? t.coef.n : `${t.coef.n}/${t.coef.d}`, shift: 0 }];
  t.factors.forEach((f) => out.push(...symbolPieces(f.symbol, f.power)));
  return out;
}

export function entryPieces(e: Entry): Piece[] {
  if (e.total === 0) return [{ text: '0', shift: 0 }];
  const out: Piece[] = [];
  e.terms.forEach((t, i) => {
    out.push({ text: i === 0 ? (t.negative ? '−' : '') : (t.negative ? ' − ' : ' + '), shift: 0 }, ...termPieces(t));
  });
  if (e.terms.length < e.total) out.push({ text: ` + … (${e.total} terms)`, shift: 0 });
  return out;
}

export function labelPieces(l: Label): Piece[] {
  return l.flatMap((r) => (typeof r === 'string' ? [{ text: r, shift: 0 as Shift }] : entryPieces(r)));
}

/** Plain text of a label (z̃1 = w1·z1): for titles, descriptions and aria labels. */
export function labelPlain(l: Label): string {
  return labelPieces(l).map((p) => p.text).join('');
}

const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function xml(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const single = new WeakMap<Entry, Map<number, string>>();

/** The content of a `<text>` of font size `size` (user units): runs of text, sub- and superscripts as shifted tspans. */
export function svgTextContent(l: Label, size: number): string {
  // a label of one entry (a cell, a weight written on a covered cell) repeats: printed once per entry
  const only = l.length === 1 && typeof l[0] !== 'string' ? l[0]! as Entry : null;
  if (!only) return printLabel(l, size);
  let bySize = single.get(only);
  if (!bySize) single.set(only, bySize = new Map());
  let out = bySize.get(size);
  if (out === undefined) bySize.set(size, out = printLabel(l, size));
  return out;
}

function printLabel(l: Label, size: number): string {
  const dy = (s: Shift) => (s === 1 ? 0.28 * size : s === -1 ? -0.42 * size : 0);
  let at: Shift = 0;
  let out = '';
  for (const p of labelPieces(l)) {
    if (!p.text) continue;
    const move = round(dy(p.shift) - dy(at));
    // tspans are small (the stylesheet); a tspan back on the baseline is class b, full size
    const cls = p.shift === 0 ? ' class="b"' : '';
    const dyText = String(move).replace(/^(-?)0\./, '$1.');
    out += move === 0 && p.shift === 0 ? xml(p.text) : `<tspan${move ? ` dy="${dyText}"` : ''}${cls}>${xml(p.text)}</tspan>`;
    at = p.shift;
  }
  return out;
}

/** A number as short as it reads: 2 decimals at most, no trailing zeros. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
