import { ParseError, SpecError } from '../errors.ts';
import { type EntrySource, parseEntrySource } from '../algebra/entries.ts';
import { assertKnownKeys } from './known-keys.ts';
import { withLayer } from './layer-input.ts';
import { PADDING_MODES, type PaddingMode } from './padding-mode.ts';

/**
 * The spellings a spec value may take, shared by the library, the CLI flags and
 * the element attributes: numbers, arrays, and strings such as "5x5", "1,2;0,1",
 * "same", "true".
 */
export type PerAxis = number | readonly number[] | string;
export type PaddingValue = PerAxis | ReadonlyArray<readonly [number, number]>;
export type PaddingKeyword = 'valid' | 'same' | 'full';

/** Parses one integer, naming the field in the error. */
export function parseInteger(v: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const x = typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : v;
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new SpecError({ field, value: v, rule: `must be an integer from ${min} to ${max}` });
  }
  if (x < min || x > max) {
    throw new SpecError({ field, value: v, rule: `must be an integer from ${min} to ${max}` });
  }
  return x;
}

/** Splits "5x5", "5×5", "5,5" or [5, 5] into raw parts; a bare number is one part. */
function parts(v: unknown, field: string): unknown[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') throw new ParseError({ field, value: v, rule: 'must not be empty', fix: 'write a size such as 6 or 5x5' });
    return s.split(/\s*[x×,]\s*/i);
  }
  throw new ParseError({ field, value: v, rule: 'expected a number, a list of numbers, or a string such as 5x5' });
}

/** Per-axis integers (raw, not yet broadcast): "5x5" → [5, 5]. */
export function parsePerAxis(v: unknown, field: string, min: number, max?: number): number[] {
  return parts(v, field).map((p, i, all) => parseInteger(p, all.length > 1 ? `${field}[${i}]` : field, min, max));
}

/**
 * The number of spatial axes: the input's when it spells more than one,
 * else the most any field spells. A field with more axes than `max` is named.
 */
export function spatialDims(lengths: ReadonlyArray<readonly [string, number]>, max: number): number {
  const tooMany = lengths.find(([, n]) => n > max);
  if (tooMany) {
    throw new SpecError({ field: tooMany[0], value: undefined, rule: `convmat handles 1, 2 or 3 spatial axes, and this gives ${tooMany[1]}` });
  }
  const input = lengths.find(([f]) => f === 'input')?.[1] ?? 1;
  return input > 1 ? input : Math.max(1, ...lengths.map(([, n]) => n));
}

/** Broadcasts a 1-element list to `dims` axes, or checks the length. */
export function broadcast(values: number[], dims: number, field: string): number[] {
  if (values.length === dims) return values;
  if (values.length === 1) return Array(dims).fill(values[0]);
  throw new SpecError({
    field, value: undefined,
    rule: `has ${values.length} values (${values.join('x')}) but needs 1 or ${dims}, one per spatial axis`,
    fix: `the input has ${dims} spatial ${dims === 1 ? 'axis' : 'axes'}`,
  });
}

/** Padding in any of its forms; keywords stay keywords until the kernel is known. */
export function parsePadding(v: unknown, field = 'padding'): PaddingKeyword | number[] | Array<[number, number]> {
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'valid' || s === 'same' || s === 'full') return s;
    if (s.includes(',')) return s.split(';').map((pair, i) => toPair(pair.split(','), `${field}[${i}]`));
    if (/[^\d\sx×]/.test(s)) {
      throw new ParseError({
        field, value: v,
        rule: 'expected an integer, one per axis (1x2), before,after pairs per axis (1,2;0,1), or valid, same, full',
      });
    }
  }
  if (Array.isArray(v) && v.some(Array.isArray)) {
    return v.map((pair, i) => toPair(pair, `${field}[${i}]`));
  }
  return parsePerAxis(v, field, 0);
}

function toPair(p: unknown, field: string): [number, number] {
  if (!Array.isArray(p) || p.length !== 2) {
    throw new ParseError({ field, value: p, rule: 'a per-side padding is a [before, after] pair', fix: 'write 1,2;0,1 for one pair per axis' });
  }
  return [parseInteger(p[0], `${field}.before`, 0), parseInteger(p[1], `${field}.after`, 0)];
}

export function parseBoolean(v: unknown, field: string): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (v === true || v === '' || v === 'true' || v === '1' || v === field) return true;
  if (v === 'false' || v === '0') return false;
  throw new ParseError({ field, value: v, rule: 'expected true or false' });
}

export type Mode = 'correlation' | 'convolution';

export function parseMode(v: unknown): Mode {
  if (v === undefined || v === null || v === '') return 'correlation';
  const s = String(v).trim().toLowerCase();
  if (s === 'correlation' || s === 'cross-correlation' || s === 'xcorr') return 'correlation';
  if (s === 'convolution' || s === 'conv' || s === 'true-convolution') return 'convolution';
  throw new ParseError({ field: 'mode', value: v, rule: 'expected correlation or convolution' });
}

/** PyTorch's padding_mode: what a padding cell holds (padding-mode.ts); zeros by default. */
export function parsePaddingMode(v: unknown, field = 'paddingMode'): PaddingMode {
  if (v === undefined || v === null || v === '') return 'zeros';
  const s = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if (PADDING_MODES.includes(s as PaddingMode)) return s as PaddingMode;
  throw new SpecError({ field, value: v, rule: `must be one of ${PADDING_MODES.join(', ')}`, fix: 'reflect mirrors the input about its edge, replicate repeats the edge sample, circular wraps around' });
}

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
  /** what a padding cell holds: zeros (default), reflect, replicate or circular (PyTorch's padding_mode) */
  paddingMode?: PaddingMode | string;
  /** PyTorch layer code, read by torch-layer.ts: nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1) */
  layer?: string;
}

/** Every key of SpecInput, once (a key added to SpecInput and not here is a type error). */
const KEYS: Record<keyof SpecInput, true> = {
  input: true, kernel: true, stride: true, padding: true, dilation: true, transposed: true, outputPadding: true,
  inChannels: true, outChannels: true, groups: true, weights: true, inputs: true, mode: true, paddingMode: true, layer: true,
};
/**
 * Every key a spec may have, the one list: the library's spelling; the CLI
 * flags and the element attributes are their kebab-case spelling (kebabCase).
 * Any other key is an error.
 */
export const SPEC_KEYS = Object.keys(KEYS) as ReadonlyArray<keyof SpecInput>;

/** outputPadding → output-padding: a spec key as a CLI flag or an element attribute. */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

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

/** Every field of a spec read once, defaults resolved and per-axis values broadcast (padding keywords still unresolved). */
export interface SpecFields {
  readonly dims: number;
  readonly transposed: boolean;
  readonly mode: Mode;
  readonly paddingMode: PaddingMode;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  readonly input: number[];
  readonly kernel: number[];
  readonly stride: number[];
  readonly dilation: number[];
  readonly outputPadding: number[];
  readonly padding: ReturnType<typeof parsePadding>;
  readonly weights: EntrySource | undefined;
  readonly inputs: EntrySource | undefined;
}

/** The first step of reading a spec: every field, each named in its error; an unknown key is a ParseError with a did-you-mean. */
export function readFields(raw: SpecInput): SpecFields {
  if (raw === null || typeof raw !== 'object') throw new ParseError({ field: 'spec', value: raw, rule: 'must be an object' });
  assertKnownKeys(raw, SPEC_KEYS, 'a spec');
  let layerDims: number | undefined;
  if (raw.layer !== undefined) ({ spec: raw, dims: layerDims } = withLayer(raw));
  const weights = raw.weights === undefined ? undefined : parseEntrySource(raw.weights, 'weights');
  const inputs = raw.inputs === undefined ? undefined : parseEntrySource(raw.inputs, 'inputs');
  const transposed = parseBoolean(raw.transposed, 'transposed');
  const inChannels = raw.inChannels === undefined ? 1 : parseInteger(raw.inChannels, 'inChannels', 1, LIMITS.channels);
  const outChannels = raw.outChannels === undefined ? 1 : parseInteger(raw.outChannels, 'outChannels', 1, LIMITS.channels);
  const groups = raw.groups === undefined ? 1 : parseInteger(raw.groups, 'groups', 1, LIMITS.channels);
  const singleChannel = inChannels === 1 && outChannels === 1;

  const input = raw.input !== undefined ? parsePerAxis(raw.input, 'input', 1, LIMITS.size)
    : inferSpatial(inputs, 'input', 'inputs', singleChannel ? 0 : 1);
  if (layerDims !== undefined && input.length > 1 && input.length !== layerDims) {
    throw new SpecError({
      field: 'input', value: raw.input, rule: `has ${input.length} spatial axes but the layer is ${layerDims}D`,
      fix: `give 1 or ${layerDims} sizes, such as ${Array<number>(layerDims).fill(8).join('x')}`,
    });
  }
  const kernel = raw.kernel !== undefined ? parsePerAxis(raw.kernel, 'kernel', 1, LIMITS.size)
    : inferSpatial(weights, 'kernel', 'weights', singleChannel ? 0 : 2);
  const stride = raw.stride === undefined ? [1] : parsePerAxis(raw.stride, 'stride', 1, LIMITS.size);
  const dilation = raw.dilation === undefined ? [1] : parsePerAxis(raw.dilation, 'dilation', 1, LIMITS.size);
  const outputPadding = raw.outputPadding === undefined ? [0] : parsePerAxis(raw.outputPadding, 'outputPadding', 0, LIMITS.size);
  const padding = raw.padding === undefined ? [0] : parsePadding(raw.padding);

  const dims = spatialDims([['input', input.length], ['kernel', kernel.length], ['stride', stride.length],
    ['dilation', dilation.length], ['outputPadding', outputPadding.length], ['padding', Array.isArray(padding) ? padding.length : 1]], LIMITS.dims);
  return {
    dims, transposed, mode: parseMode(raw.mode), paddingMode: parsePaddingMode(raw.paddingMode), inChannels, outChannels, groups,
    input: broadcast(input, dims, 'input'), kernel: broadcast(kernel, dims, 'kernel'), stride: broadcast(stride, dims, 'stride'),
    dilation: broadcast(dilation, dims, 'dilation'), outputPadding: broadcast(outputPadding, dims, 'outputPadding'),
    padding, weights, inputs,
  };
}

function inferSpatial(src: EntrySource | undefined, field: string, from: string, channelAxes: number): number[] {
  if (src?.kind === 'list' && src.shape && src.shape.length > channelAxes) return src.shape.slice(channelAxes);
  throw new SpecError({ field, value: undefined, rule: `is required (or give ${from} as a nested array)`, fix: field === 'input' ? 'for example input: 6 or "5x5"' : 'for example kernel: 3 or "3x3"' });
}
