import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { forEachCell } from '../matrix/csr.ts';
import { matrixCells, symbolCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { MATRIX_VIEW_LIMITS, deriveMatrix, matrixDerivationSize } from './derive-matrix.ts';
import { product } from '../geometry/names.ts';
import { EQUALS, ZERO_CELL, matrixPart, mathPart } from './matrix-part.ts';
import { equationStep, noteStep } from './steps.ts';
import { bySpecSize, work } from '../work/spec-estimate.ts';

/**
 * 2D and 3D convolutions: K is (doubly / triply) block Toeplitz. The full K is
 * drawn with its block lines; then K as a matrix of blocks, where equal blocks
 * get the same name, so the Toeplitz structure one level up is visible.
 */
export function deriveBlock(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const base = deriveMatrix(spec, opts);
  const steps: Step[] = [noteStep('Flattening order', flattenNote(spec)), ...base.steps];
  steps.splice(2, 0, ...nestedView(spec, opts));
  const kind = spec.dims === 3 ? 'triply' : spec.dims === 2 ? 'doubly' : '';
  return { topic: 'block', title: `${spec.dims}D convolution: a ${kind ? `${kind} ` : ''}block-Toeplitz matrix`, steps };
}

function flattenNote(spec: ConvSpec): string {
  const names = spec.inputNames;
  const last = spec.input[spec.input.length - 1]!;
  const first = names ? `${names[0]}…${names[last - 1]}` : 'the first entries';
  const shape = (spec.singleChannel ? spec.input : spec.inputShape).join('×');
  const maps = spec.dims === 3
    ? 'Each block of K maps one input slice to one output slice; inside it, each block maps one input row to one output row, and that block is a band: blocks of blocks of bands.'
    : spec.dims === 2 ? 'Each block of K maps one input row to one output row, and each block is a band: blocks of bands.' : 'K is a band.';
  const channels = 'Outermost, K has one block per pair of output and input channel; inside each, ';
  const text = spec.singleChannel ? maps : `${channels}${maps[0]!.toLowerCase()}${maps.slice(1)}`;
  return `The ${shape} input is flattened row-major (vec, the last axis varies fastest${spec.singleChannel ? '' : ', channels outermost'}): ${first} is its first row. Outputs are flattened the same way. ${text}`;
}

interface Level { rows: number; cols: number; letter: string; what: string }

/** The nesting levels of K, outermost first: channels, then slices (3D), then rows. */
function levels(spec: ConvSpec): Level[] {
  const out: Level[] = [];
  const size = (from: number) => ({ rows: product(spec.conv.axes.slice(from).map((x) => x.o)), cols: product(spec.conv.axes.slice(from).map((x) => x.n)) });
  if (!spec.singleChannel) out.push({ ...size(0), letter: 'C', what: 'an input channel to an output channel' });
  const words = ['slice', 'row'];
  for (let a = 1; a < spec.dims; a++) {
    const word = words[words.length - (spec.dims - a)] ?? 'hyperslice';
    out.push({ ...size(a), letter: word === 'slice' ? 'S' : word === 'row' ? 'R' : 'H', what: `an input ${word} to an output ${word}` });
  }
  return spec.transposed ? out.map((l) => ({ ...l, rows: l.cols, cols: l.rows })) : out;
}

/**
 * K drawn level by level: a matrix of named blocks (equal blocks share a
 * name), then each distinct block as a matrix of the next level's blocks,
 * down to the bands. A few distinct blocks per level are shown.
 */
function nestedView(spec: ConvSpec, opts: DeriveOptions): Step[] {
  const m = convMatrix(spec);
  const cell = matrixCells(m, spec.weights);
  const all = levels(spec);
  if (all.length === 0) return [];
  const steps: Step[] = [];
  let parents: Array<{ name: Cell; r0: number; c0: number; rows: number; cols: number }> = [
    { name: symbolCell('K'), r0: 0, c0: 0, rows: m.rows, cols: m.cols },
  ];
  all.forEach((level, depth) => {
    const names = new Map<string, Cell>();
    const children: typeof parents = [];
    for (const p of parents) {
      const R = p.rows / level.rows, C = p.cols / level.cols;
      // a block's nonzeros, read from its rows (a scan of every cell would cost rows × cols per block)
      const keyOf = (I: number, J: number): string => {
        const parts: string[] = [];
        const r0 = p.r0 + I * level.rows, c0 = p.c0 + J * level.cols, c1 = c0 + level.cols;
        for (let r = 0; r < level.rows; r++) {
          forEachCell(m, (row, c) => {
            if (c < c0 || c >= c1) return;
            const text = cell(row, c).text;
            if (text !== '0') parts.push(`${r},${c - c0}:${text}`);
          }, r0 + r, r0 + r + 1);
        }
        return parts.join('|');
      };
      const blockCell = (I: number, J: number): Cell => {
        const key = keyOf(I, J);
        if (key === '') return ZERO_CELL;
        let name = names.get(key);
        if (!name) {
          name = { tex: `${level.letter}_{${names.size + 1}}`, text: `${level.letter}${names.size + 1}` };
          names.set(key, name);
          children.push({ name, r0: p.r0 + I * level.rows, c0: p.c0 + J * level.cols, rows: level.rows, cols: level.cols });
        }
        return name;
      };
      const view = matrixPart(R, C, blockCell, { limits: opts.limits });
      steps.push(equationStep(`${p.name.text} as a ${R}×${C} matrix of ${level.rows}×${level.cols} blocks, each mapping ${level.what}`, [mathPart(p.name.tex, p.name.text), EQUALS, view]));
    }
    parents = children.slice(0, depth === all.length - 1 ? 4 : 2);
  });
  for (const b of parents) {
    const band = matrixPart(b.rows, b.cols, (r, c) => cell(b.r0 + r, b.c0 + c), { limits: opts.limits });
    steps.push(equationStep(`Block ${b.name.text}: a band`, [mathPart(b.name.tex, b.name.text), EQUALS, band]));
  }
  return steps;
}

/** The matrix derivation, then K's blocks keyed by their nonzeros. */
export const BLOCK_WORK: TopicWork = {
  estimate: bySpecSize((c, s, raw) => {
    const e = matrixDerivationSize(c, s, raw);
    return work(e.entries + s.nonzeros, e.terms);
  }),
  limits: MATRIX_VIEW_LIMITS,
};
