/**
 * Plain-text layout for the terminal: bracketed matrices and column vectors
 * (⎡ ⎢ ⎣), elision of big ones with ⋯ and ⋮ (first and last rows and columns
 * kept), and blocks set side by side on a common middle line.
 */
export type Block = string[];

/** Indices to show out of n, with null where the rest is elided. */
export function elide(n: number, max: number): Array<number | null> {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const head = Math.ceil((max - 1) / 2), tail = max - 1 - head;
  return [...Array.from({ length: head }, (_, i) => i), null, ...Array.from({ length: tail }, (_, i) => n - tail + i)];
}

const NUMBER = /^-?[\d./]+$/;

/** A bracketed grid; `cell(r, c)` is called only for the rows and columns shown. */
export function bracketMatrix(
  rows: number, cols: number, cell: (r: number, c: number) => string, limits = { rows: 16, cols: 12 },
): Block {
  const rs = elide(rows, limits.rows), cs = elide(cols, limits.cols);
  const grid = rs.map((r) => cs.map((c) => {
    if (r === null) return c === null ? '⋱' : '⋮';
    return c === null ? '⋯' : cell(r, c);
  }));
  const widths = cs.map((_, j) => Math.max(...grid.map((row) => width(row[j]!))));
  // numbers are right-aligned when the whole matrix is numeric; symbols read left to right
  const numeric = grid.every((row) => row.every((s) => NUMBER.test(s) || ['⋯', '⋮', '⋱'].includes(s)));
  const lines = grid.map((row) => row.map((s, j) => pad(s, widths[j]!, numeric)).join('  '));
  return bracket(lines);
}

/** A bracketed column vector. */
export function bracketColumn(items: readonly string[] | ((i: number) => string), n: number, maxRows = 16): Block {
  const at = typeof items === 'function' ? items : (i: number) => items[i]!;
  return bracketMatrix(n, 1, (r) => at(r), { rows: maxRows, cols: 1 });
}

function bracket(lines: string[]): Block {
  const w = Math.max(...lines.map(width));
  const body = lines.map((l) => pad(l, w, false));
  if (body.length === 1) return [`[${body[0]}]`];
  return body.map((l, i) => {
    const [open, close] = i === 0 ? ['⎡', '⎤'] : i === body.length - 1 ? ['⎣', '⎦'] : ['⎢', '⎥'];
    return `${open}${l}${close}`;
  });
}

/** Blocks side by side, each centred on the middle line of the tallest. */
export function sideBySide(blocks: readonly Block[], gap = ' '): string {
  const height = Math.max(...blocks.map((b) => b.length));
  const widths = blocks.map((b) => Math.max(0, ...b.map(width)));
  const lines: string[] = [];
  for (let y = 0; y < height; y++) {
    const parts = blocks.map((b, i) => {
      const top = Math.floor((height - b.length) / 2);
      return pad(b[y - top] ?? '', widths[i]!, false);
    });
    lines.push(parts.join(gap).trimEnd());
  }
  return lines.join('\n');
}

/** A one-line operator block (·, =) for sideBySide. */
export function operator(symbol: string): Block {
  return [symbol];
}

/** Shortens a long sum to its first terms and a count. */
export function shortenSum(text: string, maxChars: number): string {
  if (width(text) <= maxChars) return text;
  const terms = text.split(/ (?=[+-] )/);
  let out = terms[0]!;
  let shown = 1;
  while (shown < terms.length && width(out) + width(terms[shown]!) + 1 < maxChars - 16) out += ` ${terms[shown++]}`;
  return `${out} + … (${terms.length} terms)`;
}

/** Columns a string takes in a terminal. */
export function width(s: string): number {
  // combining marks (the tilde of z̃1) take no column
  return [...s.replace(/\p{M}/gu, '')].length;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
