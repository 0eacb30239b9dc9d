import { SPEC_KEYS, type SpecInput, kebabCase } from '../geometry/spec-fields.ts';
import type { FlagSpec, ParsedArgs } from './args.ts';

/**
 * The spec as CLI flags: the kebab-case spelling of the library's camelCase
 * keys, values written exactly as the library and the element attributes
 * take them. No geometry here: the strings go to normalizeSpec unchanged.
 */
export const SPEC_FLAGS: readonly FlagSpec[] = [
  { name: 'layer', kind: 'option', value: '"nn.Conv2d(3, 16, 3, stride=2)"', description: 'a PyTorch Conv or ConvTranspose layer (1d/2d/3d), read not run; sets every field but --input, --weights, --inputs' },
  { name: 'input', kind: 'option', value: '6|5x5|4x4x4', description: 'input size per spatial axis (for --transposed: the size of its input)' },
  { name: 'kernel', kind: 'option', value: '3|3x3', description: 'kernel size per axis' },
  { name: 'stride', kind: 'option', value: '1|2x1', description: 'stride per axis (default 1)' },
  { name: 'dilation', kind: 'option', value: '1|2', description: 'dilation per axis (default 1)' },
  { name: 'padding', kind: 'option', value: '1|1x2|same|valid|full|1,2;0,1', description: 'padding: per axis, keyword, or before,after pairs per axis' },
  { name: 'padding-mode', kind: 'option', value: 'zeros|reflect|replicate|circular', description: 'what padding cells hold (default zeros): PyTorch\'s padding_mode; reflect pads at most n−1, circular at most n per side; not with --transposed' },
  { name: 'transposed', kind: 'switch', description: 'the transposed convolution (its matrix is Kᵀ)' },
  { name: 'output-padding', kind: 'option', value: '0|1', description: 'extra output samples of a transposed convolution (< max(stride, dilation))' },
  { name: 'in-channels', kind: 'option', value: '1', description: 'input channels C_in (default 1)' },
  { name: 'out-channels', kind: 'option', value: '1', description: 'output channels C_out (default 1)' },
  { name: 'groups', kind: 'option', value: '1', description: 'groups; must divide both channel counts (default 1)' },
  { name: 'weights', kind: 'option', value: 'w|x,y,z|[0,1,2]', description: 'weight name prefix, list of names/values, or a JSON array' },
  { name: 'inputs', kind: 'option', value: 'z|a,b,c,d|[3,3,2]', description: 'input name prefix, list of names/values, or a JSON array' },
  { name: 'mode', kind: 'option', value: 'correlation|convolution', description: 'cross-correlation (default) or true convolution (flipped kernel)' },
];

/** The flag of each spec key that takes a value (`transposed` is a switch). */
const CAMEL: Record<string, keyof SpecInput> = Object.fromEntries(
  SPEC_KEYS.filter((k) => k !== 'transposed').map((k) => [kebabCase(k), k]),
);

/** The SpecInput the flags spell; values stay strings for normalizeSpec to read. */
export function specFromFlags(args: ParsedArgs): SpecInput {
  const spec: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(CAMEL)) {
    const v = args.options.get(flag);
    if (v !== undefined) spec[key] = v;
  }
  if (args.switches.has('transposed')) spec.transposed = true;
  return spec as SpecInput;
}

/** The flag that spells a spec field: `outputPadding[1]` → `--output-padding[1]`. */
export function flagForField(field: string): string {
  const m = /^([A-Za-z]+)(.*)$/.exec(field);
  if (!m) return field;
  const flag = m[1] === 'transposed' ? 'transposed' : Object.entries(CAMEL).find(([, key]) => key === m[1])?.[0];
  return flag ? `--${flag}${m[2]}` : field;
}

export { specNeedsExpressions } from '../algebra/entries.ts';
export { loadExpressionParser } from '../algebra/expression.ts';
