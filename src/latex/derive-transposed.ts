import { polynomialToText } from '../algebra/print.ts';
import { type Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { compareVectors } from '../check/equivalence.ts';
import { type TransposedForms, insertZeros, transposedForms, zeroInsertionProblem } from '../evaluate/transposed.ts';
import { transposedOutputSize } from '../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { matVec } from '../matrix/products.ts';
import { type Rank, inputVectorLabel, kernelLabel, kernelVector, lectureRank, matrixCells, polyCell, rowColumns, rowLinks, symbolCell } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Part, Step, TopicWork } from './derivation.ts';
import { MATRIX_VIEW_LIMITS, deriveMatrix } from './derive-matrix.ts';
import { displayName } from '../algebra/latex-escape.ts';
import { EQUALS, matrixPart, mathPart, vectorPart } from './matrix-part.ts';
import { equationStep, noteStep, tableStep, textCell, verdictStep } from './steps.ts';
import { bySpecSize, tapTerms, work } from '../work/spec-estimate.ts';

/**
 * Transposed convolution as Kᵀ. Given a regular spec (the lecture's z1..z6 →
 * z7..z10), it first shows K z, then carries z7..z10 back to z̃1..z̃6. A padded
 * 1D regular spec is shown as the lecture's Example 2: X on the padded input
 * [0, a, b, c, d, 0], then Xᵀ, a transposed convolution with padding 0, and what
 * PyTorch's padding crops from it. Given a transposed spec, it starts at Kᵀ.
 * Every path ends with the three equivalent forms and the engine's verdicts.
 */
export const LEARNED_WEIGHTS_NOTE =
  'Even though the structure of this matrix is the transpose of the original one, the nonzero entries are in general different: the weights of a transposed convolution are learned (tuned by backpropagation), not copied from K. The goal is to get back the original dimensionality, not the original feature map.';

export function deriveTransposed(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const given = normalizeSpec(input);
  const steps: Step[] = [];
  let spec: ConvSpec;
  let after: Step[] = [];
  if (given.transposed) {
    spec = given;
  } else if (paddedSpec(given)) {
    const lecture = lecturePadded(given, opts);
    steps.push(...lecture.before);
    after = lecture.after;
    spec = lecture.transposed;
  } else {
    steps.push(...deriveMatrix(given, opts).steps.filter((s) => s.type === 'equation').slice(-1));
    spec = backTo(given);
  }
  const outputName = (i: number) => symbolCell(spec.outputNames[i]!);
  const m = convMatrix(spec), rank = lectureRank(spec), limits = opts.limits;
  const forms = transposedForms(spec, spec.weights, spec.inputs, polynomialRing, m);
  const viaMatrix = forms.viaMatrix;
  const label = transposedLabel(spec);
  const title = given.transposed ? `${label.text} times the input`
    : paddedSpec(given) ? `${kernelVector(spec)} ∗ᵀ ${vectorOf(spec)} = ${label.text} ${vectorOf(spec)}: a transposed convolution with padding 0, ${spec.input[0]} up to ${spec.output[0]}`
    : `${label.text} times the outputs`;
  const notation = !given.transposed && paddedSpec(given) ? [operatorNotation(spec, true)] : [];
  const product = equationStep(title, [
    ...notation,
    matrixPart(m.rows, m.cols, matrixCells(m, spec.weights), { label, used: (r) => rowColumns(m, r), limits }),
    vectorPart(m.cols, (i) => inputCell(spec, i, rank), { limits }), EQUALS,
    vectorPart(m.rows, (i) => polyCell(viaMatrix[i]!, rank), { limits }), EQUALS,
    vectorPart(m.rows, outputName, { limits }),
  ], rowLinks(m, spec.outputNames));
  steps.push(given.transposed ? { ...product, product: true } : product, ...after);
  steps.push(noteStep('The weights are learned', LEARNED_WEIGHTS_NOTE));
  const pytorch = !given.transposed && paddedSpec(given) ? backTo(given) : undefined;
  steps.push(...threeForms(spec, forms, rank, outputName, opts, `${label.text} · input`, pytorch));
  return { topic: 'transposed', title: `Transposed convolution as ${label.text}`, steps };
}

/** The transposed convolution that maps a regular spec's outputs back to its input size, weights and names kept. */
export function backTo(spec: ConvSpec, inputs: readonly string[] = spec.outputNames): ConvSpec {
  const outputPadding = spec.conv.axes.map((a) => a.n - transposedOutputSize(a.o, a, 0));
  return normalizeSpec({
    input: [...spec.output], kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation],
    padding: spec.padding.map(([a, b]) => [a, b] as [number, number]), outputPadding, transposed: true, mode: spec.mode,
    inChannels: spec.outChannels, outChannels: spec.inChannels, groups: spec.groups,
    weights: spec.weights.map((p) => polynomialToText(p)).join(','), inputs: inputs.join(','),
  });
}

/**
 * The lecture's Example 2: x ∗ a = X a with the zeros in the input, then
 * x ∗ᵀ a = Xᵀ a. Xᵀ is the transpose of the padded matrix X, so it is a
 * transposed convolution with padding 0; PyTorch's padding p crops p outputs
 * at each end of it. Xᵀ acts on the outputs of X, or, when the user named the
 * inputs and the padding keeps the length, on a vector with the inputs' names,
 * as the lecture writes x ∗ᵀ a.
 */
function lecturePadded(given: ConvSpec, opts: DeriveOptions): { before: Step[]; after: Step[]; transposed: ConvSpec } {
  const view = paddedSpec(given)!;
  const [p0, p1] = given.padding[0]!;
  const X = convMatrix(view), rank = lectureRank(given), limits = opts.limits;
  const prod = matVec(X, view.weights, view.inputs, polynomialRing);
  const label = kernelLabel(view);
  const sameLength = given.output[0] === given.input[0];
  const operand = given.inputNames && sameLength ? given.inputNames : given.outputNames;
  const t = backTo(view, operand);
  const vec = given.inputNames && sameLength ? given.inputNames.join(', ') : 'the outputs';
  const before: Step[] = [
    equationStep(`${kernelVector(view)} ∗ ${vectorOf(given)} = ${label.text} ${vectorOf(given)}: the padding kept in the input, ${label.text} is ${X.rows}×${X.cols}`, [
      operatorNotation(view, false, vectorOf(given)),
      matrixPart(X.rows, X.cols, matrixCells(X, view.weights), { label, used: (r) => rowColumns(X, r), limits }),
      vectorPart(X.cols, (i) => polyCell(view.inputs[i]!, rank), { limits }), EQUALS,
      vectorPart(X.rows, (i) => polyCell(prod[i]!, rank), { limits }), EQUALS,
      vectorPart(X.rows, (i) => symbolCell(given.outputNames[i]!), { limits }),
    ], rowLinks(X, given.outputNames)),
  ];
  const after: Step[] = [
    noteStep('Note the change in padding',
      `${label.text}ᵀ, the transpose of the ${X.rows}×${X.cols} matrix ${label.text}, is ${X.cols}×${X.rows}: applied to ${vec} it is a transposed convolution with padding 0 (k = ${given.kernel[0]}, s = ${given.stride[0]}), ${X.rows} values up to ${X.cols}. ` +
      `In PyTorch's meaning, the transposed convolution with padding ${p0 === p1 ? p0 : `${p0}, ${p1}`} is the same ${label.text}ᵀ with ${p0} output${p0 === 1 ? '' : 's'} cropped at the start and ${p1} at the end, ${X.rows} → ${given.input[0]}: its matrix is ${label.text === 'K' ? 'the transpose of this K with its padding columns dropped' : `Kᵀ, where K is ${label.text} without its padding columns`}.`),
  ];
  after.push(croppedStep(given, t, operand, p0));
  return { before, after, transposed: t };
}

/** PyTorch's padding on the transposed convolution: Kᵀ (n × o), checked equal to Xᵀ a with p outputs cropped at each end. */
function croppedStep(given: ConvSpec, full: ConvSpec, operand: readonly string[], p0: number): Step {
  const pt = backTo(given, operand);
  const m = convMatrix(pt), rank = lectureRank(pt);
  const cropped = matVec(m, pt.weights, pt.inputs, polynomialRing);
  const fullValues = matVec(convMatrix(full), full.weights, full.inputs, polynomialRing);
  const names = full.outputNames.slice(p0, p0 + cropped.length);
  const report = compareVectors(cropped, fullValues.slice(p0, p0 + cropped.length), {
    ring: polynomialRing, show: (p) => polynomialToText(p, { rank }), names: names.map(displayName), labels: [`padding ${paddingText(given)}`, 'padding 0, cropped'],
  });
  return verdictStep(`PyTorch's padding ${paddingText(given)}: Kᵀ maps ${pt.input[0]} → ${pt.output[0]}, the middle of ${kernelLabel(full).text}ᵀ ${vectorOf(full)} (${displayName(names[0]!)}..${displayName(names.at(-1)!)})`, report);
}

/**
 * The 1D single-channel regular convolution with its padding as explicit
 * zero entries ([0, a, b, c, d, 0]) and no padding; null when unpadded or
 * padded with copies (another padding mode: no transposed convolution has it).
 */
export function paddedSpec(spec: ConvSpec): ConvSpec | null {
  const [p0, p1] = spec.padding[0] ?? [0, 0];
  if (spec.dims !== 1 || !spec.singleChannel || spec.transposed || spec.paddingMode !== 'zeros' || (p0 === 0 && p1 === 0)) return null;
  const entries = [...Array(p0).fill('0'), ...spec.inputs.map((p) => polynomialToText(p)), ...Array(p1).fill('0')];
  return normalizeSpec({
    kernel: [...spec.kernel], stride: [...spec.stride], dilation: [...spec.dilation], mode: spec.mode,
    weights: spec.weights.map((p) => polynomialToText(p)).join(','), inputs: JSON.stringify(entries),
  });
}

/**
 * The rule of the zero-insertion form in words, with the padding p this
 * spec actually has put into p′ = d(k − 1) − p, and the lecture's rule for
 * p = 0 beside it and where its s′ = s means inserted zeros. `pytorch`: the
 * Example 2 path shows Xᵀ (p = 0); this is the same transposed convolution
 * with PyTorch's padding, whose p′ is given too.
 */
function equivalenceRule(spec: ConvSpec, pytorch?: ConvSpec): string {
  const axis = (v: readonly (number | string)[]) => (spec.dims === 1 ? String(v[0]) : v.join('×'));
  const sides = (s: ConvSpec) => {
    const padding = zeroInsertionProblem(s).padding;
    const side = (i: 0 | 1) => s.conv.axes.map((a, n) => {
      const op = i === 1 && s.outputPadding[n]! > 0 ? ` + ${s.outputPadding[n]}` : '';
      return `${a.d}·(${a.k} − 1) − ${i === 0 ? a.p0 : a.p1}${op} = ${padding[n]![i]}`;
    });
    const [before, after] = [side(0), side(1)];
    return s.dims === 1 ? `${before[0]} before and ${after[0]} after` : `(${before.join('; ')}) before and (${after.join('; ')}) after, axis by axis`;
  };
  const p = axis(spec.padding.map(([a, b]) => (a === b ? String(a) : `${a},${b}`)));
  const rule = `The transposed convolution is a regular convolution with k′ = k = ${axis(spec.kernel)} (flipped), stride 1, over the input with s − 1 zeros inserted between samples (s = ${axis(spec.stride)}), padded by p′ = d(k − 1) − p, here with p = ${p}: ${sides(spec)} (output padding included; a negative p′ crops). `;
  const torch = pytorch
    ? `These are the forms of ${transposedLabel(spec).text}, whose padding is ${p}. With PyTorch's padding ${axis(pytorch.padding.map(([a, b]) => (a === b ? String(a) : `${a},${b}`)))} the same rule gives ${sides(pytorch)}, and the result is the middle of this one (checked above). `
    : '';
  return rule + torch +
    'The lecture states this rule for p = 0 as k′ = k, s′ = s, p′ = k − 1: with s = 1 it is exactly the rule above; with s > 1 its s′ = s means the s − 1 zeros inserted between the inputs, and the window itself moves with stride 1.';
}

/**
 * The lecture's operator notation before the matrices: x ∗ a = X a =,
 * x ∗ᵀ a = Xᵀ a =, with the spec's letters for the kernel and the vector.
 */
function operatorNotation(spec: ConvSpec, transposed: boolean, vector = vectorOf(spec)): Part {
  const k = kernelLabel(spec), v = kernelVector(spec);
  const t = transposed ? ['^{T}', 'ᵀ'] : ['', ''];
  return mathPart(`\\vec{${v}} \\ast${t[0]} \\vec{${vector}} = ${k.tex}${t[0]} \\vec{${vector}} =`, `${v} ∗${t[1]} ${vector} = ${k.text}${t[1]} ${vector} =`);
}

/** The letter of a spec's input vector (a for a, b, c, d; z for z1..zN). */
function vectorOf(spec: ConvSpec): string {
  return inputVectorLabel(spec).text;
}

function paddingText(spec: ConvSpec): string {
  const [p0, p1] = spec.padding[0]!;
  return p0 === p1 ? String(p0) : `${p0}, ${p1}`;
}

/** Kᵀ, or Xᵀ when the kernel is written with the lecture's letters x, y, z. */
function transposedLabel(spec: ConvSpec): { tex: string; text: string } {
  const k = kernelLabel(spec);
  return { tex: `${k.tex}^{T}`, text: `${k.text}ᵀ` };
}

function inputCell(spec: ConvSpec, i: number, rank: Rank): Cell {
  return spec.inputNames ? symbolCell(spec.inputNames[i]!) : polyCell(spec.inputs[i]!, rank);
}

/** Kᵀx, scatter, and zero insertion with the flipped kernel, side by side with verdicts. */
function threeForms(spec: ConvSpec, forms: TransposedForms<Polynomial>, rank: Rank, outputName: (i: number) => Cell, opts: DeriveOptions, matrixForm: string, pytorch?: ConvSpec): Step[] {
  const ring = polynomialRing;
  const { viaMatrix, scatter, zeroInsertion: zero } = forms;
  const cmp = (other: Polynomial[], label: string) => compareVectors(viaMatrix, other, {
    ring, show: (p) => polynomialToText(p, { rank }), names: spec.outputNames.map(displayName), labels: [matrixForm, label],
  });
  const reports = [cmp(scatter, 'scatter'), cmp(zero, 'zero insertion')];
  const steps: Step[] = [];
  const problem = zeroInsertionProblem(spec);
  if (spec.dims === 1 && spec.singleChannel) {
    const inserted = insertZeros(spec.inputs, spec.inputShape, spec.stride, ring);
    const [p0, p1] = problem.padding[0]!;
    const shown = inserted.map((p) => polyCell(p, rank));
    const padded = [...Array(Math.max(0, p0)).fill(polyCell(ring.zero)), ...shown, ...Array(Math.max(0, p1)).fill(polyCell(ring.zero))];
    const flipped = [...spec.weights].reverse().map((p) => polyCell(p, rank));
    steps.push(equationStep(
      `Zero insertion: ${spec.stride[0]! - 1} zeros between samples, padding ${p0} and ${p1}, flipped kernel, stride 1`,
      [mathPart('\\text{kernel}', 'kernel'), vectorPart(flipped.length, (i) => flipped[i]!, opts),
        mathPart('\\circledast', '⊛'), vectorPart(padded.length, (i) => padded[i]!, opts)],
    ));
  }
  steps.push(noteStep('As a regular convolution', equivalenceRule(spec, pytorch)));
  const rows = viaMatrix.map((_, i) => [
    outputName(i), polyCell(viaMatrix[i]!, rank), polyCell(scatter[i]!, rank), polyCell(zero[i]!, rank),
  ]);
  const limit = opts.limits?.maxRows ?? 16;
  steps.push(tableStep('The three forms side by side', ['output', matrixForm, 'scatter', 'zero insertion'],
    rows.length > limit ? [...rows.slice(0, limit - 1), [textCell('…'), textCell('…'), textCell('…'), textCell('…')]] : rows));
  steps.push(verdictStep('Scatter (the filter scaled by each input)', reports[0]!));
  steps.push(verdictStep('Zero insertion with the flipped kernel', reports[1]!));
  return steps;
}

/** (For a regular spec, its matrix derivation first) Kᵀy, scatter and zero insertion. */
export const TRANSPOSED_WORK: TopicWork = {
  estimate: bySpecSize((_c, s) => work(6 * s.taps, 8 * tapTerms(s))),
  limits: MATRIX_VIEW_LIMITS,
};
