import type { Derivation, MatrixPart, Part, Step } from '../latex/derivation.ts';
import { type Block, bracketMatrix, operator, sideBySide, width } from './text-layout.ts';

/** The text form of a derivation: titles, and aligned Unicode matrices set side by side. */
export function derivationToText(d: Derivation): string {
  const out = [d.title, '='.repeat([...d.title].length), ''];
  for (const s of d.steps) out.push(`${s.title}:`, indent(stepText(s)), '');
  return `${out.join('\n')}\n`;
}

function stepText(s: Step): string {
  switch (s.type) {
    case 'note': return s.text;
    case 'verdict': return `${s.equal ? '✓' : '✗'} ${s.text}`;
    case 'table': {
      const rows = [s.header, ...s.rows.map((r) => r.map((c) => c.text))];
      const widths = s.header.map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ''))));
      const line = (r: readonly string[]) => r.map((c, j) => c + ' '.repeat(Math.max(0, widths[j]! - width(c)))).join(' │ ').trimEnd();
      return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.slice(1).map(line)].join('\n');
    }
    case 'equation': return sideBySide(s.parts.map(partBlock), ' ');
  }
}

function partBlock(p: Part): Block {
  if (p.type === 'math') return operator(p.text);
  return matrixBlock(p);
}

function matrixBlock(m: MatrixPart): Block {
  const rows = m.cells.length, cols = m.cells[0]?.length ?? 0;
  const block = bracketMatrix(rows, cols, (r, c) => m.cells[r]![c]!.text, { rows, cols });
  if (!m.label) return block;
  return block.map((line, i) => (i === block.length - 1 ? `${line} ${m.label!.text}` : line));
}

function indent(s: string): string {
  return s.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
}
