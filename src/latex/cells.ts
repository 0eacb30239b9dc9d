import { type Polynomial, sumPolys } from '../algebra/polynomial.ts';
import { polynomialToLatex, polynomialToText } from '../algebra/print.ts';
import { termOrder } from '../check/term-order.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { type ConvMatrix, entryColumns, rowTaps, tapsAt } from '../matrix/csr.ts';
import type { Cell, Highlight } from './derivation.ts';
import { displayName, latexAccentSymbol, latexSymbol, textAccentSymbol } from '../algebra/latex-escape.ts';
import { ZERO_CELL } from './matrix-part.ts';

/** Cells from engine values: polynomials, names, matrix entries; links from matrix rows. */
export type Rank = (id: number) => number;

export function polyCell(p: Polynomial, rank?: Rank): Cell {
  const o = rank ? { rank } : {};
  return { tex: polynomialToLatex(p, o), text: polynomialToText(p, o) };
}

export function symbolCell(name: string): Cell {
  return { tex: latexSymbol(name), text: displayName(name) };
}

export function tildeCell(name: string): Cell {
  return { tex: latexAccentSymbol(name, 'tilde'), text: textAccentSymbol(name, 'tilde') };
}

/** A function giving the cell (r, c) of a matrix whose entries are `weights[tap]`, a summed entry the sum of its taps' weights. */
export function matrixCells(m: ConvMatrix, weights: readonly Polynomial[]): (r: number, c: number) => Cell {
  const memo = new Map<string, Cell>();
  return (r, c) => {
    const taps = tapsAt(m, r, c);
    if (taps.length === 0) return ZERO_CELL;
    const key = taps.join(',');
    let cell = memo.get(key);
    if (!cell) memo.set(key, (cell = polyCell(taps.length === 1 ? weights[taps[0]!]! : sumPolys(taps.map((t) => weights[t]!)))));
    return cell;
  };
}

/** The columns row r of a matrix uses, ascending, each once. */
export function rowColumns(m: ConvMatrix, r: number): number[] {
  return entryColumns(m, r);
}

/** One link per matrix row: output r, the inputs it reads, the weight taps it uses. */
export function rowLinks(m: ConvMatrix, names: readonly string[]): Highlight[] {
  return Array.from({ length: m.rows }, (_, r) => ({
    type: 'output' as const, output: r, name: names[r] ?? `y${r + 1}`, row: r,
    inputs: rowColumns(m, r), taps: Array.from(rowTaps(m, r)),
  }));
}

/** Names (or printed values) of a spec's inputs, for vectors. */
export function inputCells(spec: ConvSpec, rank?: Rank): Cell[] {
  return spec.inputNames ? spec.inputNames.map(symbolCell) : spec.inputs.map((p) => polyCell(p, rank));
}

/**
 * The letter of the convolution matrix: K, or the capital of the kernel's first
 * weight when every weight is one letter (the lecture's x, y, z gives X). The
 * lecture's X holds the padding columns, so a padded matrix, whose padding
 * columns are dropped, stays K.
 */
export function kernelLabel(spec: ConvSpec): Cell {
  const names = spec.weightNames;
  const padded = spec.padding.some(([a, b]) => a !== 0 || b !== 0);
  const letter = !padded && names && names.every((n) => /^[a-z]$/.test(n)) && names[0] !== 'k' ? names[0]!.toUpperCase() : 'K';
  return { tex: letter, text: letter };
}

/** The letter of the input vector: z for z1..zN (the lecture's _z), a for a, b, c, d. */
export function inputVectorLabel(spec: ConvSpec): Cell {
  const first = spec.inputNames?.[0];
  const letter = first ? (/^[A-Za-z]+/.exec(first)?.[0] ?? 'z') : 'z';
  const shown = letter.length === 1 ? letter : 'z';
  return { tex: shown, text: shown };
}

/** The kernel as a vector in words: x for the lecture's x, y, z; w otherwise. */
export function kernelVector(spec: ConvSpec): string {
  return kernelLabel(spec).text === 'K' ? 'w' : kernelLabel(spec).text.toLowerCase();
}

export function lectureRank(spec: ConvSpec): Rank {
  return termOrder(spec);
}
