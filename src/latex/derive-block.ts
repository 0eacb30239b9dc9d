import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { matrixCells, symbolCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step } from './derivation.ts';
import { blockSizes, deriveMatrix } from './derive-matrix.ts';
import { EQUALS, ZERO_CELL, matrixPart, mathPart } from './matrix-part.ts';
import { equationStep, noteStep } from './steps.ts';

/**
 * 2D and 3D convolutions: K is (doubly / triply) block Toeplitz. The full K is
 * drawn with its block lines; then K as a matrix of blocks, where equal blocks
 * get the same name, so the Toeplitz structure one level up is visible.
 */
export function deriveBlock(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const base = deriveMatrix(spec, opts);
  const steps: Step[] = [noteStep('Flattening order', flattenNote(spec)), ...base.steps];
  const blocks = blockSizes(spec);
  const level = blocks[blocks.length - 1];
  if (level) steps.splice(2, 0, ...blockView(spec, level, opts));
  const kind = spec.dims === 3 ? 'triply' : spec.dims === 2 ? 'doubly' : '';
  return { topic: 'block', title: `${spec.dims}D convolution: a ${kind ? `${kind} ` : ''}block-Toeplitz matrix`, steps };
}

function flattenNote(spec: ConvSpec): string {
  const names = spec.inputNames;
  const last = spec.input[spec.input.length - 1]!;
  const first = names ? `${names[0]}…${names[last - 1]}` : 'the first entries';
  const shape = (spec.singleChannel ? spec.input : spec.inputShape).join('×');
  return `The ${shape} input is flattened row-major (vec, the last axis varies fastest${spec.singleChannel ? '' : ', channels outermost'}): ${first} is its first row. Outputs are flattened the same way. Each block of K maps one input row to one output row.`;
}

/** K as a matrix of blocks of the given size; equal blocks share a name. */
function blockView(spec: ConvSpec, size: { rows: number; cols: number }, opts: DeriveOptions): Step[] {
  const m = convMatrix(spec);
  const cell = matrixCells(m, spec.weights);
  const R = m.rows / size.rows, C = m.cols / size.cols;
  const names = new Map<string, Cell>(), samples = new Map<string, [number, number]>();
  // a block's nonzeros, read from its rows (a scan of every cell would cost rows × cols per block)
  const keyOf = (I: number, J: number): string => {
    const parts: string[] = [];
    const c0 = J * size.cols, c1 = c0 + size.cols;
    for (let r = 0; r < size.rows; r++) {
      const row = I * size.rows + r;
      for (let k = m.rowPtr[row]!; k < m.rowPtr[row + 1]!; k++) {
        const c = m.colIndex[k]!;
        const text = c >= c0 && c < c1 ? cell(row, c).text : '0';
        if (text !== '0') parts.push(`${r},${c - c0}:${text}`);
      }
    }
    return parts.join('|');
  };
  const blockCell = (I: number, J: number): Cell => {
    const key = keyOf(I, J);
    if (key === '') return ZERO_CELL;
    let name = names.get(key);
    if (!name) {
      name = { tex: `T_{${names.size + 1}}`, text: `T${names.size + 1}` };
      names.set(key, name);
      samples.set(key, [I, J]);
    }
    return name;
  };
  const view = matrixPart(R, C, blockCell, { label: symbolCell('K'), limits: opts.limits });
  const steps: Step[] = [equationStep(`K as a ${R}×${C} matrix of ${size.rows}×${size.cols} blocks`, [view])];
  for (const [key, [I, J]] of [...samples].slice(0, 4)) {
    const name = names.get(key)!;
    const sub = matrixPart(size.rows, size.cols, (r, c) => cell(I * size.rows + r, J * size.cols + c), { limits: opts.limits });
    steps.push(equationStep(`Block ${name.text}`, [mathPart(name.tex, name.text), EQUALS, sub]));
  }
  return steps;
}
