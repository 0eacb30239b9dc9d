import { LimitError, ParseError, SpecError } from '../errors.ts';
import { type Polynomial, symbolPoly, symbolsOf } from '../algebra/polynomial.ts';
import { assertIdentifier, assertTypesetDistinct, isIdentifier, symbolName } from '../algebra/symbols.ts';
import { type EntrySource, entryToPolynomial, parseEntrySource } from '../algebra/entries.ts';
import {
  type AxisParams, convOutputSize, fullPadding, kernelSpan, samePadding, transposedOutputSize,
} from './output-size.ts';
import {
  type Mode, type PaddingValue, type PerAxis, broadcast, parseBoolean, parseInteger, parseMode, parsePadding, parsePerAxis, spatialDims,
} from './spec-fields.ts';
import { assertKnownKeys } from './known-keys.ts';
import { assertDistinct, outputNamesFor, product, tensorNamesFor, weightNamesFor } from './names.ts';

/** A spec as users write it: camelCase keys; values as numbers, arrays, or CLI/attribute strings. */
export interface SpecInput {
  input?: PerAxis;
  kernel?: PerAxis;
  stride?: PerAxis;
  padding?: PaddingValue;
  dilation?: PerAxis;
  transposed?: boolean | string;
  outputPadding?: PerAxis;
  inChannels?: number | string;
  outChannels?: number | string;
  groups?: number | string;
  weights?: unknown;
  inputs?: unknown;
  mode?: Mode | string;
}

/** One spatial axis of the underlying regular convolution: n inputs, o outputs. */
export interface AxisGeometry extends AxisParams {
  n: number;
  o: number;
}

/** A normalised, validated spec. For a transposed spec, `axes` and `conv*` describe the regular convolution whose matrix is transposed. */
export interface ConvSpec {
  readonly dims: number;
  readonly transposed: boolean;
  readonly mode: Mode;
  readonly input: readonly number[];
  readonly output: readonly number[];
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: ReadonlyArray<readonly [number, number]>;
  readonly outputPadding: readonly number[];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly singleChannel: boolean;
  readonly axes: readonly AxisGeometry[];
  readonly convInChannels: number;
  readonly convOutChannels: number;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly weightShape: readonly number[];
  /** names when every weight is a bare symbol, else null */
  readonly weightNames: readonly string[] | null;
  readonly inputNames: readonly string[] | null;
  readonly outputNames: readonly string[];
  readonly weights: readonly Polynomial[];
  readonly inputs: readonly Polynomial[];
}

/** Every key of SpecInput, once (a key added to SpecInput and not here is a type error). */
const KEYS: Record<keyof SpecInput, true> = {
  input: true, kernel: true, stride: true, padding: true, dilation: true, transposed: true, outputPadding: true,
  inChannels: true, outChannels: true, groups: true, weights: true, inputs: true, mode: true,
};
/** Every key a spec may have (the library's spelling; the CLI and attributes use kebab case); any other is an error. */
export const SPEC_KEYS = Object.keys(KEYS) as ReadonlyArray<keyof SpecInput>;

/**
 * Documented engine limits: hard caps checked while the spec is read, before
 * any name is made (naming 500,000 elements takes about a second). The work
 * limits of src/work (raised with --max-work) apply below them.
 */
export const LIMITS = {
  dims: 3,
  elements: 1 << 19,
  taps: 1 << 22,
  channels: 4096,
  size: 1 << 20,
} as const;

/** Validates a spec and resolves every default; an unknown key is a ParseError with a did-you-mean. A ConvSpec passes through. */
export function normalizeSpec(raw: SpecInput | ConvSpec): ConvSpec {
  if (isConvSpec(raw)) return raw;
  if (raw === null || typeof raw !== 'object') throw new ParseError({ field: 'spec', value: raw, rule: 'must be an object' });
  assertKnownKeys(raw, SPEC_KEYS, 'a spec');
  const weightSrc = raw.weights === undefined ? undefined : parseEntrySource(raw.weights, 'weights');
  const inputSrc = raw.inputs === undefined ? undefined : parseEntrySource(raw.inputs, 'inputs');
  const transposed = parseBoolean(raw.transposed, 'transposed');
  const inChannels = raw.inChannels === undefined ? 1 : parseInteger(raw.inChannels, 'inChannels', 1, LIMITS.channels);
  const outChannels = raw.outChannels === undefined ? 1 : parseInteger(raw.outChannels, 'outChannels', 1, LIMITS.channels);
  const groups = raw.groups === undefined ? 1 : parseInteger(raw.groups, 'groups', 1, LIMITS.channels);
  const singleChannel = inChannels === 1 && outChannels === 1;

  const inputRaw = raw.input !== undefined ? parsePerAxis(raw.input, 'input', 1, LIMITS.size)
    : inferSpatial(inputSrc, 'input', 'inputs', singleChannel ? 0 : 1);
  const kernelRaw = raw.kernel !== undefined ? parsePerAxis(raw.kernel, 'kernel', 1, LIMITS.size)
    : inferSpatial(weightSrc, 'kernel', 'weights', singleChannel ? 0 : 2);
  const strideRaw = raw.stride === undefined ? [1] : parsePerAxis(raw.stride, 'stride', 1, LIMITS.size);
  const dilationRaw = raw.dilation === undefined ? [1] : parsePerAxis(raw.dilation, 'dilation', 1, LIMITS.size);
  const opRaw = raw.outputPadding === undefined ? [0] : parsePerAxis(raw.outputPadding, 'outputPadding', 0, LIMITS.size);
  const paddingRaw = raw.padding === undefined ? [0] : parsePadding(raw.padding);

  const dims = spatialDims([['input', inputRaw.length], ['kernel', kernelRaw.length], ['stride', strideRaw.length],
    ['dilation', dilationRaw.length], ['outputPadding', opRaw.length], ['padding', Array.isArray(paddingRaw) ? paddingRaw.length : 1]], LIMITS.dims);
  const input = broadcast(inputRaw, dims, 'input');
  const kernel = broadcast(kernelRaw, dims, 'kernel');
  const stride = broadcast(strideRaw, dims, 'stride');
  const dilation = broadcast(dilationRaw, dims, 'dilation');
  const outputPadding = broadcast(opRaw, dims, 'outputPadding');
  const padding = resolvePadding(paddingRaw, dims, kernel, dilation, stride);

  checkGroups(inChannels, outChannels, groups);
  const axes: AxisGeometry[] = [];
  const output: number[] = [];
  for (let a = 0; a < dims; a++) {
    const p: AxisParams = { k: kernel[a]!, s: stride[a]!, d: dilation[a]!, p0: padding[a]![0], p1: padding[a]![1] };
    const axis = dims > 1 ? `[${a}]` : '';
    if (transposed) {
      const op = outputPadding[a]!;
      if (op >= Math.max(p.s, p.d)) {
        throw new SpecError({
          field: `outputPadding${axis}`, value: op,
          rule: `must be smaller than max(stride, dilation) = ${Math.max(p.s, p.d)}`,
          fix: 'output_padding only picks among output sizes that map back to the same input size',
        });
      }
      const o = transposedOutputSize(input[a]!, p, op);
      if (o < 1) {
        throw new SpecError({ field: `padding${axis}`, value: padding[a], rule: `leaves a transposed output of ${o} samples; it must be at least 1`, fix: 'reduce the padding' });
      }
      axes.push({ ...p, n: o, o: input[a]! });
      output.push(o);
    } else {
      if (outputPadding[a] !== 0) {
        throw new SpecError({ field: `outputPadding${axis}`, value: outputPadding[a], rule: 'only a transposed convolution takes output padding', fix: 'add transposed: true or drop outputPadding' });
      }
      const span = kernelSpan(p.k, p.d);
      const padded = input[a]! + p.p0 + p.p1;
      if (span > padded) {
        throw new SpecError({
          field: `kernel${axis}`, value: kernel[a],
          rule: `the kernel${p.d > 1 ? ` with dilation ${p.d}` : ''} spans ${span} but the padded input has ${padded}`,
          fix: `use a smaller kernel or dilation, or pad by at least ${span - input[a]!} in total`,
        });
      }
      const o = convOutputSize(input[a]!, p);
      axes.push({ ...p, n: input[a]!, o });
      output.push(o);
    }
  }

  const convInChannels = transposed ? outChannels : inChannels;
  const convOutChannels = transposed ? inChannels : outChannels;
  const inputShape = [inChannels, ...input];
  const outputShape = [outChannels, ...output];
  const weightShape = [convOutChannels, convInChannels / groups, ...kernel];
  checkLimits(inputShape, outputShape, weightShape, axes, convOutChannels, convInChannels / groups);

  const w = resolveEntries(weightSrc, 'weights', 'w', weightShape, singleChannel, (p) => weightNamesFor(p, weightShape, singleChannel));
  const z = resolveEntries(inputSrc, 'inputs', 'z', inputShape, singleChannel, (p) => tensorNamesFor(p, inputShape, singleChannel));
  const weightNames = w.names ?? [...symbolNames(w.values)];
  const taken = assertDistinct(weightNames, z.names ?? symbolNames(z.values));
  const outputNames = outputNamesFor({ inputPrefix: z.prefix, inputNames: z.names, weightNames, inputShape, outputShape, singleChannel, transposed, taken });
  assertTypesetDistinct([{ field: 'weights', names: w.names }, { field: 'inputs', names: z.names }, { field: 'outputs', names: outputNames }]);

  return Object.freeze({
    dims, transposed, mode: parseMode(raw.mode), input, output, kernel, stride, dilation, padding, outputPadding,
    inChannels, outChannels, groups, singleChannel, axes, convInChannels, convOutChannels,
    inputShape, outputShape, weightShape,
    weightNames: w.names, inputNames: z.names, outputNames, weights: w.values, inputs: z.values,
  });
}

function isConvSpec(raw: unknown): raw is ConvSpec {
  return typeof raw === 'object' && raw !== null && Array.isArray((raw as ConvSpec).axes) && Object.isFrozen(raw);
}

function resolvePadding(
  raw: ReturnType<typeof parsePadding>, dims: number, kernel: number[], dilation: number[], stride: number[],
): Array<[number, number]> {
  if (raw === 'valid') return kernel.map(() => [0, 0]);
  if (raw === 'full') return kernel.map((k, a) => fullPadding(k, dilation[a]!));
  if (raw === 'same') {
    const bad = stride.findIndex((s) => s !== 1);
    if (bad >= 0) {
      throw new SpecError({ field: 'padding', value: 'same', rule: `"same" needs stride 1 (stride is ${stride[bad]})`, fix: 'give the padding as numbers, or use stride 1' });
    }
    return kernel.map((k, a) => samePadding(k, dilation[a]!));
  }
  if (raw.length > 0 && Array.isArray(raw[0])) {
    const pairs = raw as Array<[number, number]>;
    if (pairs.length === dims) return pairs;
    if (pairs.length === 1) return Array.from({ length: dims }, () => [...pairs[0]!] as [number, number]);
    throw new SpecError({ field: 'padding', value: pairs, rule: `needs 1 or ${dims} [before, after] pairs` });
  }
  return broadcast(raw as number[], dims, 'padding').map((p) => [p, p]);
}

function checkGroups(cin: number, cout: number, g: number): void {
  if (cin % g !== 0 || cout % g !== 0) {
    throw new SpecError({
      field: 'groups', value: g,
      rule: `must divide both inChannels (${cin}) and outChannels (${cout})`,
      fix: `try one of ${divisors(cin).filter((d) => cout % d === 0).join(', ')}`,
    });
  }
}

function divisors(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);
}

function checkLimits(
  inputShape: number[], outputShape: number[], weightShape: number[], axes: AxisGeometry[], convOut: number, cinPerGroup: number,
): void {
  for (const [field, shape] of [['input', inputShape], ['output', outputShape], ['weights', weightShape]] as const) {
    const n = product(shape);
    if (n > LIMITS.elements) {
      throw new LimitError({ field, value: shape, rule: `has ${n} elements; the engine handles at most ${LIMITS.elements}`, fix: 'use a smaller example' });
    }
  }
  const taps = convOut * cinPerGroup * product(axes.map((a) => a.o * a.k));
  if (taps > LIMITS.taps) {
    throw new LimitError({ field: 'kernel', value: weightShape.slice(2), rule: `gives ${taps} multiply-adds; the engine handles at most ${LIMITS.taps}`, fix: 'use a smaller input or kernel' });
  }
}

function inferSpatial(src: EntrySource | undefined, field: string, from: string, channelAxes: number): number[] {
  if (src?.kind === 'list' && src.shape && src.shape.length > channelAxes) return src.shape.slice(channelAxes);
  throw new SpecError({ field, value: undefined, rule: `is required (or give ${from} as a nested array)`, fix: field === 'input' ? 'for example input: 6 or "5x5"' : 'for example kernel: 3 or "3x3"' });
}

function resolveEntries(
  src: EntrySource | undefined, field: string, defaultPrefix: string, shape: number[], singleChannel: boolean,
  namesFor: (prefix: string) => string[],
): { names: string[] | null; values: Polynomial[]; prefix: string | null } {
  if (!src || src.kind === 'prefix') {
    const prefix = src?.kind === 'prefix' ? src.prefix : defaultPrefix;
    const names = namesFor(prefix);
    // generated names grow in length from the first to the last: checking those two checks them all
    assertIdentifier(names[0], field);
    assertIdentifier(names[names.length - 1], field);
    return { names, values: names.map((n) => symbolPoly(n)), prefix };
  }
  const total = product(shape);
  const spatial = shape.slice(field === 'weights' ? 2 : 1);
  const shapeOk = !src.shape || same(src.shape, shape) || (singleChannel && same(src.shape, spatial));
  if (!shapeOk || src.items.length !== total) {
    throw new ParseError({
      field, value: undefined,
      rule: `needs ${total} ${total === 1 ? 'entry' : 'entries'} in shape [${shape.join(', ')}]${singleChannel ? ` or [${spatial.join(', ')}]` : ''}, got ${src.shape ? `shape [${src.shape.join(', ')}]` : `${src.items.length}`}`,
    });
  }
  const values = src.items.map((v, i) => entryToPolynomial(v, `${field}[${i}]`));
  const bare = src.items.every((v) => typeof v === 'string' && isIdentifier(v.trim()));
  return { names: bare ? src.items.map((v) => String(v).trim()) : null, values, prefix: null };
}

/** The names of the symbols in entries that are expressions (`2*a`), for the name checks. */
function symbolNames(values: readonly Polynomial[]): Set<string> {
  const names = new Set<string>();
  for (const p of values) for (const id of symbolsOf(p)) names.add(symbolName(id));
  return names;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
