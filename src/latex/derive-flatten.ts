import { type VecEntry, type VecOrder, vecTable } from '../analysis/flatten.ts';
import { convAsDenseLayer } from '../check/dense-layer.ts';
import type { Polynomial } from '../algebra/polynomial.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { lectureRank, polyCell, symbolCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { ARROW, denseMatrixPart, gridPart } from './derive-parts.ts';
import { DEFAULT_LIMITS, headTail } from './elide.ts';
import { EQUALS, TIMES, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, numberCell, tableStep, textCell, verdictStep } from './steps.ts';
import { bySpecSize, flattenEstimate } from '../work/spec-estimate.ts';

/**
 * Flatten as vec(·): the tensor laid out as one long vector, with the index
 * table (position ↔ multi-index ↔ element) from src/analysis/flatten.ts,
 * row-major by default (last axis fastest, channels outermost) and
 * column-major as an option; then the convolution as the fully connected
 * layer W·vec(X) = vec(Y), checked against the sliding window.
 */
export type FlattenInput = SpecInput & { order?: VecOrder };

export const FLATTEN_NOTE =
  'Flattening converts the data into a 1-dimensional array for the next layer: the output of the convolutional layers becomes a single long feature vector, connected to a fully-connected layer.';

export function deriveFlatten(input: FlattenInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const order: VecOrder = ('order' in input && input.order) || 'row-major';
  const spec = normalizeSpec('order' in input ? { ...input, order: undefined } as SpecInput : input); // order is this topic's own key
  const rank = lectureRank(spec), limits = opts.limits;
  const inShape = spec.singleChannel ? spec.input : spec.inputShape;
  const outShape = spec.singleChannel ? spec.output : spec.outputShape;
  const element = (values: readonly Polynomial[], names: readonly string[] | null) =>
    (f: number): Cell => (names ? symbolCell(names[f]!) : polyCell(values[f]!, rank));
  const inCell = element(spec.inputs, spec.inputNames);
  const outCell = (f: number) => symbolCell(spec.outputNames[f]!);
  const table = vecTable(inShape, order, spec.inputNames);
  const steps: Step[] = [noteStep('Flatten', `${FLATTEN_NOTE} Order here: ${order} (${order === 'row-major' ? 'the last axis varies fastest' : 'the first axis varies fastest'}${spec.singleChannel ? '' : ', channels outermost'}).`)];
  steps.push(vecStep(`vec(X): the ${inShape.join('×')} input as a vector of ${table.length}`, 'X', inShape, table, inCell, opts));
  steps.push(indexTable(inShape, order, table, inCell, opts));
  const dense = convAsDenseLayer(spec, order);
  steps.push(equationStep('The convolution as a fully connected layer on vec(X): its weight matrix is K', [
    denseMatrixPart(dense.weights, { label: { tex: 'W', text: 'W' }, limits, rank }), TIMES,
    vectorPart(dense.inputVec.length, (i) => inCell(table[i]!.rowMajor), { label: { tex: '\\operatorname{vec}(X)', text: 'vec(X)' }, limits }),
    EQUALS, vectorPart(dense.outputNames.length, (i) => symbolCell(dense.outputNames[i]!), { label: { tex: '\\operatorname{vec}(Y)', text: 'vec(Y)' }, limits }),
  ]));
  steps.push(verdictStep('W · vec(X) is vec of the sliding-window result', dense.report));
  steps.push(vecStep('The output flattened for the fully connected layer', 'Y', outShape, vecTable(outShape, order, spec.outputNames), outCell, opts));
  return { topic: 'flatten', title: `Flatten: vec(·) in ${order} order`, steps };
}

function vecStep(title: string, name: string, shape: readonly number[], table: VecEntry[], cell: (f: number) => Cell, opts: DeriveOptions): Step {
  return equationStep(title, [
    gridPart(shape, cell, { label: { tex: name, text: name }, limits: opts.limits }), ARROW,
    mathPart(`\\operatorname{vec}(${name}) =`, `vec(${name}) =`),
    vectorPart(table.length, (i) => cell(table[i]!.rowMajor), { limits: opts.limits }),
  ]);
}

/** position in the chosen order, multi-index, element, and its position in the other order. */
function indexTable(shape: readonly number[], order: VecOrder, table: VecEntry[], cell: (f: number) => Cell, opts: DeriveOptions): Step {
  const other: VecOrder = order === 'row-major' ? 'column-major' : 'row-major';
  const otherPos = new Map(vecTable(shape, other).map((e) => [e.rowMajor, e.position]));
  const shown = headTail(table.length, (opts.limits ?? DEFAULT_LIMITS).maxRows);
  const rows = shown.map((i) => (i === null
    ? [textCell('…'), textCell('…'), textCell('…'), textCell('…')]
    : [numberCell(table[i]!.position), textCell(`(${table[i]!.index.join(', ')})`), cell(table[i]!.rowMajor), numberCell(otherPos.get(table[i]!.rowMajor)!)]));
  return tableStep(`Index table (0-based; multi-index over [${shape.join(', ')}])`, [`${order} position`, 'index', 'element', `${other} position`], rows);
}

export const FLATTEN_WORK: TopicWork = { estimate: bySpecSize(flattenEstimate), limits: { drawnEntries: 2500 } };
