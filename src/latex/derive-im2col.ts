import { polynomialToText } from '../algebra/print.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { reportFrom } from '../check/report.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { product } from '../geometry/names.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { type ConvMatrix, forEachEntry, nonzeros, rowTaps, storedTaps, tapsAt } from '../matrix/csr.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { gemmBuffer, im2colMatrix } from '../matrix/im2col.ts';
import { matVec } from '../matrix/products.ts';
import { inputCells, inputVectorLabel, kernelLabel, kernelVector, lectureRank, matrixCells, polyCell, rowColumns, rowLinks, symbolCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { EQUALS, ZERO_CELL, matrixPart, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';
import { bySpecSize, tapTerms, work } from '../work/spec-estimate.ts';

/**
 * im2col: the same products with the roles exchanged, K(w)·z = Z(z)·w. K holds
 * the weights and multiplies the inputs; Z (src/matrix/im2col.ts) holds the
 * inputs, one output's window per row, and multiplies the weights. Both sides
 * are computed by the engine and compared exactly; one row of each points at
 * the same products; with channels, Z's blocks are read off Z itself.
 */
export const IM2COL_NOTE =
  'The products of a convolution, each a weight times an input, can be collected two ways. K(w) holds the weights and multiplies the input vector z; Z(z) holds the inputs and multiplies the weight vector w. Row r of Z is the window output r reads, laid out in the order of the weights, so Z(z)·w = K(w)·z entry by entry. Z is the im2col ("image to columns") or unfold matrix that GEMM-based implementations build: Caffe fills it (transposed, one column per output position) with im2col and calls one matrix product, cuDNN describes convolution as this lowering to a matrix product (its implicit-GEMM algorithms form the tiles of Z on the fly), and PyTorch\'s F.unfold returns it, transposed, for a batch.';

export function deriveIm2col(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const K = convMatrix(spec), Z = im2colMatrix(spec);
  const rank = lectureRank(spec), limits = opts.limits;
  const kz = matVec(K, spec.weights, spec.inputs, polynomialRing);
  const zw = matVec(Z, spec.inputs, spec.weights, polynomialRing);
  const k = kernelLabel(spec), zl = inputVectorLabel(spec), wl = kernelVector(spec);
  const kLabel = spec.transposed ? { tex: `${k.tex}^{T}`, text: `${k.text}ᵀ` } : k;
  const wCells = spec.weights.map((p) => polyCell(p, rank));
  const zCells = inputCells(spec, rank);
  const links = rowLinks(K, spec.outputNames);
  const prod = (values: typeof kz) => vectorPart(values.length, (i) => polyCell(values[i]!, rank), { limits });
  const blocks = zBlocks(spec);
  const steps: Step[] = [noteStep('Idea', IM2COL_NOTE)];
  steps.push(equationStep(`${kLabel.text}(${wl})·${zl.text}: the matrix holds the weights`, [
    matrixPart(K.rows, K.cols, matrixCells(K, spec.weights), { label: kLabel, used: (r) => rowColumns(K, r), limits }),
    vectorPart(K.cols, (i) => zCells[i]!, { label: zl, limits }), EQUALS, prod(kz),
  ], links));
  steps.push(equationStep(`Z(${zl.text})·${wl}: the matrix holds the inputs`, [
    matrixPart(Z.rows, Z.cols, matrixCells(Z, spec.inputs), { label: { tex: 'Z', text: 'Z' }, used: (r) => rowColumns(Z, r), limits, ...(blocks ? { blocks: [blocks] } : {}) }),
    vectorPart(Z.cols, (t) => wCells[t]!, { label: { tex: wl, text: wl }, limits }), EQUALS, prod(zw),
    EQUALS, vectorPart(Z.rows, (i) => symbolCell(spec.outputNames[i]!), { limits }),
  ], links));
  const same = (a: readonly Polynomial[], b: readonly Polynomial[], labels: [string, string]) =>
    compareVectors(a, b, { ring: polynomialRing, show: (p) => polynomialToText(p, { rank }), names: spec.outputNames, labels });
  steps.push(verdictStep(`${kLabel.text}(${wl})·${zl.text} = Z(${zl.text})·${wl}, exactly, and both equal the sliding window`, reportFrom([
    same(kz, zw, [`${kLabel.text}(${wl})·${zl.text}`, `Z(${zl.text})·${wl}`]),
    same(zw, evaluateByWindow(spec, spec.weights, spec.inputs, polynomialRing), [`Z(${zl.text})·${wl}`, 'sliding window']),
  ])));
  const r = fullestRow(K);
  if (r >= 0) steps.push(...oneRow(spec, K, Z, r, kz, { kLabel, zl, wl, wCells, zCells, limits }));
  steps.push(noteStep('Shape', `${kLabel.text} is ${K.rows} × ${K.cols} (outputs × inputs); Z is ${Z.rows} × ${Z.cols} (outputs × weights). Both hold the same ${storedTaps(K)} products, one per tap that reads an input${nonzeros(K) < storedTaps(K) ? ` (K sums the taps that read the same input into one entry, ${nonzeros(K)} entries in all; Z keeps them apart)` : ''}. ${gemmMemory(spec, Z)}`));
  if (!spec.singleChannel) steps.push(...channelSteps(spec, Z));
  return { topic: 'im2col', title: 'im2col: K(w)·z = Z(z)·w', steps };
}

/**
 * What a GEMM implementation stores (gemmBuffer), against Z's dense size: with
 * one output channel Z is the unfold U transposed; with more, Z repeats U once
 * per output channel and an implementation stores U alone; a transposed
 * convolution fills the columns Wᵀ·x that col2im scatters.
 */
function gemmMemory(spec: ConvSpec, Z: ConvMatrix): string {
  const b = gemmBuffer(spec), per = b.rows * b.cols, all = b.groups * per;
  const size = `${b.rows} × ${b.cols} = ${per} entries${b.groups > 1 ? ` per group, ${b.groups} × ${per} = ${all} for ${b.groups} groups,` : ''} for an input of ${spec.inputs.length}`;
  const dense = Z.rows * Z.cols;
  if (spec.transposed) {
    return `A GEMM implementation of a transposed convolution does not build Z (${dense} entries): it multiplies the weights by the input and scatters the columns Wᵀ·x onto the output (col2im), a (C_out/groups·k) × L_in buffer of ${size}; that memory buys one large matrix product.`;
  }
  if (spec.outChannels === 1) {
    return `A GEMM implementation stores Z densely, as the unfold U = Zᵀ (F.unfold's (C_in·k) × L matrix): ${size}, each input copied once per window that reads it; that memory buys one large matrix product.`;
  }
  return `A GEMM implementation does not store Z (${dense} entries, the unfold repeated once per output channel): it stores the unfold U, (C_in/groups·k) × L = ${size}, each input copied once per window that reads it, and multiplies it by the weight matrix; that memory buys one large matrix product.`;
}

/** The first row with the most nonzeros: a whole window, away from the padding. */
function fullestRow(m: ConvMatrix): number {
  let best = -1, most = 0;
  for (let r = 0; r < m.rows; r++) if (rowTaps(m, r).length > most) { most = rowTaps(m, r).length; best = r; }
  return best;
}

interface RowParts {
  kLabel: Cell; zl: Cell; wl: string; wCells: readonly Cell[]; zCells: readonly Cell[]; limits: DeriveOptions['limits'];
}

/** Row r of K times z and row r of Z times w, and the table of the products both rows hold. */
function oneRow(spec: ConvSpec, K: ConvMatrix, Z: ConvMatrix, r: number, kz: readonly Polynomial[], p: RowParts): Step[] {
  const name = spec.outputNames[r]!;
  const kCells = matrixCells(K, spec.weights), zCells = matrixCells(Z, spec.inputs);
  const kRow = matrixPart(1, K.cols, (_r, c) => kCells(r, c), { used: () => rowColumns(K, r), limits: p.limits });
  const zRow = matrixPart(1, Z.cols, (_r, c) => zCells(r, c), { used: () => rowColumns(Z, r), limits: p.limits });
  const out = polyCell(kz[r]!, lectureRank(spec));
  const link = rowLinks(K, spec.outputNames).slice(r, r + 1);
  const triples: [number, number][] = [];
  forEachEntry(K, (_row, i, t) => triples.push([i, t]), r, r + 1);
  return [
    equationStep(`Row ${r + 1} of each (output ${symbolCell(name).text}) reads the same products`, [
      kRow, vectorPart(K.cols, (i) => p.zCells[i]!, { label: p.zl, limits: p.limits }), EQUALS, mathPart(out.tex, out.text), EQUALS,
      zRow, vectorPart(Z.cols, (t) => p.wCells[t]!, { label: { tex: p.wl, text: p.wl }, limits: p.limits }),
    ], link),
    tableStep(`Each product of output ${symbolCell(name).text}, in both matrices`, ['product', `entry of ${p.kLabel.text} (row, column)`, 'entry of Z (row, column)'],
      triples.map(([i, t]) => {
        const term = polynomialRing.mul(spec.weights[t]!, spec.inputs[i]!);
        const held = tapsAt(Z, r, t);
        return [polyCell(term, lectureRank(spec)), at(p.wCells[t]!, r, i), at(held.length ? p.zCells[held[0]!]! : ZERO_CELL, r, t)];
      })),
  ];
}

/** An entry and its place, `w_{1} at (1, 2)` (1-based, as the lecture counts rows and columns). */
function at(entry: Cell, r: number, c: number): Cell {
  return { tex: `${entry.tex} \\text{ at } (${r + 1}, ${c + 1})`, text: `${entry.text} at (${r + 1}, ${c + 1})` };
}

/** For a regular multi-channel spec: rows per output channel and weights per filter, the blocks of Z. */
function zBlocks(spec: ConvSpec): { rows: number; cols: number } | null {
  if (spec.singleChannel || spec.transposed) return null;
  return { rows: product(spec.output), cols: product(spec.weightShape.slice(1)) };
}

/**
 * Z with channels, read off Z: for each output channel, the weights its rows
 * read and the input channels they read, and whether its block repeats the
 * windows of an earlier channel (channels of one group share their windows).
 */
function channelSteps(spec: ConvSpec, Z: ConvMatrix): Step[] {
  const rowsPer = product(spec.output), perChannel = product(spec.input);
  const outChannels = spec.outputShape[0]!;
  const blockText: string[] = [];
  const rows: Cell[][] = [];
  for (let o = 0; o < outChannels; o++) {
    const weights = new Set<number>(), channels = new Set<number>();
    const text: string[] = [];
    for (let r = o * rowsPer; r < (o + 1) * rowsPer; r++) {
      const cols = rowColumns(Z, r), held = Array.from(rowTaps(Z, r));
      cols.forEach((t) => weights.add(t));
      held.forEach((i) => channels.add(Math.floor(i / perChannel)));
      text.push(held.join(','));
    }
    const key = text.join(';');
    const same = blockText.indexOf(key);
    blockText.push(key);
    const ws = [...weights].sort((a, b) => a - b);
    if (o < 12) {
      rows.push([numberCell(o + 1), textCell(ws.length ? `${ws[0]! + 1}–${ws[ws.length - 1]! + 1} (${ws.length})` : 'none'),
        textCell([...channels].sort((a, b) => a - b).map((c) => c + 1).join(', ')), textCell(same >= 0 ? `channel ${same + 1}` : 'its own')]);
    }
  }
  const g = spec.groups;
  const words = spec.transposed
    ? `For a transposed convolution the weights are laid out [C_in, C_out/groups, k…], so the columns an output channel reads are spread over the filters of every input channel of its group; the rows of one output channel still read only the windows of its group's channels.`
    : `The rows of output channel o (${rowsPer} of them, one per output position) read only the ${product(spec.weightShape.slice(1))} weights of filter o, so Z is block diagonal with ${outChannels} blocks of ${rowsPer} × ${product(spec.weightShape.slice(1))}. Every output channel of one group reads the same windows, so its block repeats: Z = diag(U_g(o)ᵀ), where U_g is the unfold of the ${spec.inChannels / g} input channel${spec.inChannels / g === 1 ? '' : 's'} of group g (F.unfold's (C_in/groups·k) × L matrix). A GEMM implementation builds each U_g once and multiplies it by the ${outChannels / g} × ${product(spec.weightShape.slice(1))} weight matrix of the group${g > 1 ? `, ${g} products for ${g} groups` : ''}.`;
  return [
    noteStep('Channels and groups: Z is block structured', words),
    tableStep(outChannels > 12 ? `The blocks of Z (the first 12 of ${outChannels} output channels)` : 'The blocks of Z, read off Z', ['output channel', 'weight columns it reads', 'input channels it reads', 'its windows are those of'], rows),
  ];
}

/** K and Z (the same stored taps, padding modes included), K·z, Z·w, the sliding window and the products of one row. */
/** On a page it typesets K, Z and their products whole: 8×8 inputs with 12 → 12 channels (1,200 entries, 46,656 taps) blocked it for 1.3 s. */
export const IM2COL_WORK: TopicWork = { estimate: bySpecSize((_c, s) => work(2 * s.taps, 4 * tapTerms(s))), limits: { drawnEntries: 1000, taps: 12_000 } };
