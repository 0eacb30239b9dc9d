import { PADDING_MODES } from '../../src/geometry/padding-mode.ts';

/**
 * What the example controls offer, as data: which spec attributes of each
 * element get a control, their slider ranges, and how a value such as
 * `5x5`, `1,2,4` or `1,2;0,1` splits into numbers (one slider each) and
 * back. No index arithmetic: the numbers are handed to the element's
 * attributes as written, and the engine checks them.
 */
const CONV = ['input', 'kernel', 'stride', 'padding', 'dilation'];

/** Attributes offered per element; `when present` ones only when the example sets them. */
export const FIELDS: Record<string, { always: readonly string[]; whenPresent?: readonly string[] }> = {
  'conv-matrix': { always: CONV, whenPresent: ['output-padding', 'in-channels', 'out-channels', 'groups', 'form'] },
  'conv-window': { always: CONV, whenPresent: ['output-padding', 'in-channels', 'out-channels', 'groups'] },
  'conv-derivation': { always: CONV, whenPresent: ['output-padding', 'in-channels', 'out-channels', 'groups'] },
  'conv-transposed': { always: [...CONV, 'output-padding'], whenPresent: ['in-channels', 'out-channels', 'groups'] },
  'conv-receptive-field': { always: ['kernel', 'stride', 'dilation', 'input'], whenPresent: ['padding', 'layers'] },
  'conv-checkerboard': { always: ['kernel', 'stride', 'dilation', 'input'], whenPresent: ['padding', 'layers'] },
  'conv-separable': { always: [], whenPresent: ['spatial-input', 'input', 'kernel', 'in-channels', 'out-channels', 'stride', 'padding'] },
};

/** Elements that offer the padding mode (a choice, not a number), unless transposed: with padding 0 it changes nothing until the padding slider moves. */
export const PADDING_MODE_TAGS = new Set(['conv-matrix', 'conv-window', 'conv-derivation']);

/** The choices of an attribute that takes one of a few words, or undefined. */
export const CHOICES: Record<string, readonly string[]> = { 'padding-mode': PADDING_MODES, form: ['conv', 'im2col'] };

/** Elements whose weights and inputs are lists tied to the sizes. */
export const SIZED_NAMES = new Set(['conv-matrix', 'conv-window', 'conv-derivation', 'conv-transposed']);
export const SIZE_ATTRIBUTES = ['input', 'kernel', 'in-channels', 'out-channels', 'groups'];

/** Value shown for an attribute the example leaves unset (the element's own default). */
export const UNSET_DEFAULT: Record<string, string> = {
  input: '8', kernel: '3', stride: '1', padding: '0', dilation: '1', 'output-padding': '0', layers: '2',
  'in-channels': '1', 'out-channels': '1', groups: '1', 'spatial-input': '5x5', 'padding-mode': 'zeros', form: 'conv',
};

export { type NumberTemplate, numbersOf, rangeOf, withNumbers } from '../../src/view/number-fields.ts';

/** The attributes an element's controls offer, in order. */
export function fieldsFor(tag: string, present: (attr: string) => boolean): string[] {
  const f = FIELDS[tag];
  if (!f) return [];
  // a transposed convolution pads only with zeros (PyTorch's rule)
  const mode = PADDING_MODE_TAGS.has(tag) && !present('transposed') ? ['padding-mode'] : [];
  return [...f.always, ...(f.whenPresent ?? []).filter(present), ...mode];
}
