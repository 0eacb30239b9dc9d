import { LimitError, ParseError } from '../errors.ts';
import { parseEntrySource } from '../algebra/entries.ts';
import { matrixAndWindow } from '../evaluate/evaluate.ts';
import { type Exactish, bothWays, firstNonFinite, inexactFields } from '../check/both-ways.ts';
import { EXACT_MARK } from '../json-depth.ts';
import { type ConvSpec, type SpecInput, LIMITS, normalizeSpec } from '../geometry/spec.ts';
import { parseInteger } from '../geometry/spec-fields.ts';
import { assertKnownKeys } from '../geometry/known-keys.ts';
import { convMatrix } from '../matrix/conv-matrix.ts';
import { renameField } from './user-error.ts';
import { type Nested, nest, position } from '../evaluate/nested.ts';
import { type BackwardEvalResult, checkBackwardFields, computeBackward, gradOutputOf } from './eval-backward.ts';

export type { Nested };

/**
 * One `convmat eval` case: PyTorch layouts with the channel axes always
 * present (input [C_in, ...n], weight [C_out, C_in/groups, ...k] or, for
 * conv_transpose, [C_in, C_out/groups, ...k]). Computed twice, by the matrix
 * and by the sliding window with the one both-ways evaluator: exactly over
 * the rationals, every number taken as the decimal written (see bothWays);
 * a case that could not be exact says so (`exact: false`, `inexact`).
 */

export interface EvalResult {
  /** the result, [C_out, ...spatial]: the sliding-window value (the definition) */
  output: Nested;
  shape: number[];
  /** the matrix product, nested like output */
  viaMatrix: Nested;
  /** the sliding window, nested like output */
  viaSlidingWindow: Nested;
  agree: boolean;
  /** present (false) only when the arithmetic was not exact; `inexact` says why */
  exact?: false;
  inexact?: string;
}

const KEYS = ['op', 'input', 'weight', 'stride', 'padding', 'dilation', 'groups', 'output_padding', 'padding_mode', 'grad_output'];
const SNAKE: Record<string, string> = { outputPadding: 'output_padding', paddingMode: 'padding_mode', kernel: 'weight', weights: 'weight', inputs: 'input', inChannels: 'input', outChannels: 'weight' };

/** A validated case, ready to compute: its spec and its numbers. */
export interface PreparedCase {
  readonly spec: ConvSpec;
  /** numbers, or the text of a number a double cannot hold (read exactly) */
  readonly weights: Exactish[];
  readonly inputs: Exactish[];
  /** where the case sits in the input, for messages: "" or "[3]." */
  readonly at: string;
  /** conv_backward: δ = ∂L/∂y, in the output's layout */
  readonly gradOutput?: Exactish[];
}

export function evalCase(raw: unknown, at = ''): EvalResult | BackwardEvalResult {
  return computeCase(prepareCase(raw, at));
}

/** Reads and validates one case (fields, shapes, spec) without computing it. */
export function prepareCase(raw: unknown, at = ''): PreparedCase {
  try {
    return { ...prepare(raw), at };
  } catch (e) {
    throw renameField(e, (f) => `${at}${f}`);
  }
}

/** Both computations of a prepared case; a result that overflows float64 is refused, naming the case and the entry. */
export function computeCase(c: PreparedCase): EvalResult | BackwardEvalResult {
  if (c.gradOutput) return computeBackward(c, c.gradOutput);
  const { spec } = c;
  const matrix = convMatrix(spec);
  const r = bothWays([c.weights, c.inputs], (ring, [w, x]) => [matrixAndWindow(spec, w!, x!, ring, matrix)], {
    comparisons: [{ labels: ['matrix', 'sliding window'], names: spec.outputNames }],
  });
  const [viaMatrix, viaWindow] = r.values[0]!;
  const shape = [...spec.outputShape];
  for (const [name, values] of [['viaSlidingWindow', viaWindow], ['viaMatrix', viaMatrix]] as const) {
    const bad = firstNonFinite(values);
    if (bad >= 0) {
      throw new LimitError({
        field: `${c.at}output${position(bad, shape)}`, value: undefined,
        rule: `is ${values[bad]} in ${name}: the sums of input × weight overflow float64 (largest |input| ${largest(c.inputs)}, largest |weight| ${largest(c.weights)})`,
        fix: 'scale the input or the weights down',
      });
    }
  }
  return {
    output: nest(viaWindow, shape), shape, viaMatrix: nest(viaMatrix, shape), viaSlidingWindow: nest(viaWindow, shape),
    agree: r.report.holds, ...inexactFields(r),
  };
}

function largest(xs: readonly Exactish[]): string {
  let m = 0, text = '0';
  for (const x of xs) if (Math.abs(Number(x)) > m) { m = Math.abs(Number(x)); text = String(x).replace(/^-/, ''); }
  return text;
}

function prepare(raw: unknown): Omit<PreparedCase, 'at'> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ParseError({ field: 'case', value: raw, rule: 'must be an object {op, input, weight, ...}' });
  }
  const c = unmarkStructure(raw as Record<string, unknown>);
  assertKnownKeys(c, KEYS, 'an eval case');
  const op = c.op ?? 'conv';
  if (op !== 'conv' && op !== 'conv_transpose' && op !== 'conv_backward') throw new ParseError({ field: 'op', value: op, rule: 'must be "conv", "conv_transpose" or "conv_backward"' });
  const transposed = op === 'conv_transpose';
  checkBackwardFields(op, c);
  const x = numbers(c.input, 'input', 2);
  const w = numbers(c.weight, 'weight', 3);
  if (w.shape.length !== x.shape.length + 1) {
    throw new ParseError({ field: 'weight', value: undefined, rule: `needs rank ${x.shape.length + 1} (input rank + 1) for an input of shape [${x.shape.join(', ')}], got rank ${w.shape.length}` });
  }
  if (x.shape.length > 4) throw new ParseError({ field: 'input', value: x.shape, rule: 'has at most 3 spatial axes after the channel axis' });
  const groups = c.groups === undefined ? 1 : parseInteger(c.groups, 'groups', 1, LIMITS.channels);
  const spec = specOf({
    input: x.shape.slice(1), kernel: w.shape.slice(2), transposed,
    inChannels: x.shape[0]!, outChannels: transposed ? w.shape[1]! * groups : w.shape[0]!,
    groups, stride: c.stride as SpecInput['stride'], padding: c.padding as SpecInput['padding'],
    dilation: c.dilation as SpecInput['dilation'], outputPadding: c.output_padding as SpecInput['outputPadding'],
    paddingMode: c.padding_mode as SpecInput['paddingMode'],
  });
  if (spec.weightShape.some((v, i) => v !== w.shape[i])) {
    throw new ParseError({
      field: 'weight', value: undefined,
      rule: `needs shape [${spec.weightShape.join(', ')}] (${transposed ? 'C_in, C_out/groups' : 'C_out, C_in/groups'}, ...kernel) for ${spec.inChannels} input channels, got [${w.shape.join(', ')}]`,
    });
  }
  const base = { spec, weights: w.values, inputs: x.values };
  return op === 'conv_backward' ? { ...base, gradOutput: gradOutputOf(numbers(c.grad_output, 'grad_output', 2), spec) } : base;
}

/** normalizeSpec, with its field names turned into the case's (outputPadding → output_padding, kernel → weight). */
function specOf(input: SpecInput): ConvSpec {
  try {
    return normalizeSpec(input);
  } catch (e) {
    throw renameField(e, (f) => f.replace(/^[A-Za-z]+/, (k) => SNAKE[k] ?? k));
  }
}

function numbers(v: unknown, field: string, minRank: number): { values: Exactish[]; shape: number[] } {
  if (v === undefined) throw new ParseError({ field, value: v, rule: 'is required', fix: `give ${field} as a nested array` });
  if (!Array.isArray(v)) throw new ParseError({ field, value: v, rule: 'must be a nested array of numbers' });
  const src = parseEntrySource(v, field);
  if (src.kind !== 'list' || !src.shape) throw new ParseError({ field, value: v, rule: 'must be a nested array of numbers' });
  // the leaves as parsed (parseEntrySource gives marked numbers back unmarked, as it does for weights);
  // its checks bound the depth and make the array rectangular first
  const leaves: unknown[] = v.flat(Infinity);
  const values = leaves.map(exactNumber);
  const bad = values.findIndex((x) => x === null);
  if (bad >= 0) throw new ParseError({ field, value: leaves[bad], rule: 'entries must be finite numbers' });
  if (src.shape.length < minRank) {
    throw new ParseError({ field, value: undefined, rule: `needs rank ${minRank} or more (the channel ${minRank === 2 ? 'axis' : 'axes'} first), got shape [${src.shape.join(', ')}]` });
  }
  return { values: values as Exactish[], shape: src.shape };
}

/** The case with numbers outside the tensors given back as their text (so stride 2.00000000000000000001 is refused as written). */
function unmarkStructure(c: Record<string, unknown>): Record<string, unknown> {
  const plain = (v: unknown): unknown => (typeof v === 'string' && v.startsWith(EXACT_MARK) ? v.slice(1) : Array.isArray(v) ? v.map(plain) : v);
  const out: Record<string, unknown> = { ...c };
  for (const k of ['stride', 'padding', 'dilation', 'groups', 'output_padding']) if (k in out) out[k] = plain(out[k]);
  return out;
}

/** A finite number, or the text of a number JSON could not hold (marked by markInexactNumbers); else null. */
function exactNumber(x: unknown): Exactish | null {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  return typeof x === 'string' && x.startsWith(EXACT_MARK) && /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(x.slice(1)) ? x.slice(1) : null;
}
