import { ConvmatError, LimitError } from '../errors.ts';
import { type SpecInput, kebabCase, readFields } from '../geometry/spec-fields.ts';
import { normalizeSpec, specGeometry } from '../geometry/spec.ts';
import type { ExplorerValues } from './explorer-view.ts';

/**
 * What the playground does when one control changes and another field can no
 * longer go with it (issue 24, "stuck state"): unticking `transposed` with an
 * output padding, a smaller stride under that output padding, a smaller input
 * under a large kernel, channels that `groups` no longer divides, stride 2
 * under `padding="same"`, reflect padding deeper than a smaller input, a
 * weight list that no longer fits the kernel. The other field is dropped or
 * brought to the nearest value the engine accepts, and a note says so. The
 * field just changed is left as typed: if it is itself impossible, the
 * element shows the engine's error and keeps its last good view. A slider,
 * which cannot be half-way through a value, asks for `clampChanged`: then
 * the changed field is brought down too (kernel 7 on a padded input of 6 → 6).
 *
 * The engine stays the judge: values are lowered one step at a time until
 * its error moves on, so no rule of spec-geometry.ts is restated here.
 */
export interface Transition {
  /** the values to apply: the change, and every other field adjusted */
  values: ExplorerValues;
  /** one sentence per adjusted field, for a polite status line */
  notes: string[];
}

type Key = keyof SpecInput;
type Fix = { values: ExplorerValues; note: string } | null;

/** More than the fields that can need it (output padding, kernel, padding, groups, mode, names). */
const MAX_FIXES = 8;

/** The values after `changed` was set: every other field the new spec cannot take adjusted, and said so. */
export function settleTransition(given: ExplorerValues, changed: Key, { clampChanged = false } = {}): Transition {
  let values = { ...given };
  const notes: string[] = [];
  // a pasted layer sets the fields; its own errors are the reader's to fix
  if (values.layer !== undefined) return { values, notes };
  for (let i = 0; i < MAX_FIXES; i++) {
    const e = problem(values, false);
    if (e === null || e instanceof LimitError) break;
    const base = baseField(e) as Key;
    if (base === changed && !clampChanged) break;
    const fix = FIXES[base]?.(values, e) ?? null;
    if (!fix) break;
    values = fix.values;
    notes.push(fix.note);
  }
  return { values, notes };
}

/** The spec the explorer reads from these values (its defaults: input 6, kernel 3). */
export function explorerSpec(values: ExplorerValues): SpecInput {
  const spec: Record<string, unknown> = { input: '6', ...(values.layer === undefined ? { kernel: '3' } : {}) };
  for (const [k, v] of Object.entries(values)) if (v !== undefined) spec[k] = k === 'transposed' ? v === '' || v === 'true' : v;
  return spec as SpecInput;
}

/**
 * The engine's objection to these values, or null; anything not a ConvmatError ends the settling.
 * Names are read only when weights or inputs are given (a 512×512 input's names cost more than a frame).
 */
function problem(values: ExplorerValues, geometryOnly: boolean): ConvmatError | null {
  try {
    if (geometryOnly || (values.weights === undefined && values.inputs === undefined)) specGeometry(explorerSpec(values));
    else normalizeSpec(explorerSpec(values));
    return null;
  } catch (e) {
    if (e instanceof ConvmatError) return e;
    return new LimitError({ field: 'spec', value: undefined, rule: 'cannot be read here' });
  }
}

const baseField = (e: ConvmatError) => e.field.split(/[[.]/)[0]!;
const label = (key: Key) => kebabCase(key).replace(/-/g, ' ');
const without = (v: ExplorerValues, key: Key): ExplorerValues => { const out = { ...v }; delete out[key]; return out; };
const dropped = (v: ExplorerValues, key: Key, e: ConvmatError): Fix =>
  ({ values: without(v, key), note: `${label(key)} ${v[key] ?? ''} dropped: ${e.rule}.` });
const changedNote = (key: Key, from: string, to: string | undefined, e: ConvmatError) =>
  `${label(key)} ${from} → ${to ?? 'none'}: ${e.rule}.`;

/** The field named by `e`, lowered one step at a time (`lower`: the candidate values, or null at the floor) until the engine moves on. */
function lowerUntilAccepted(values: ExplorerValues, e: ConvmatError, lower: (v: ExplorerValues) => ExplorerValues | null): ExplorerValues | null {
  let v = values;
  for (let i = 0; i < 4096; i++) {
    const next = lower(v);
    if (next === null) return null;
    v = next;
    const still = problem(v, true);
    if (still === null || still.field !== e.field) return v;
  }
  return null;
}

/** The axis an error names (`kernel[1]`, `padding[0].before`), 0 when it names none (one axis). */
function axisOf(e: ConvmatError): number {
  const m = /\[(\d+)\]/.exec(e.field);
  return m ? Number(m[1]) : 0;
}

/** A per-axis field written back as its numbers: one number when it was written as one and they are all equal. */
function perAxisText(original: string | undefined, nums: readonly number[]): string {
  const single = original !== undefined && !/[x×,;]/i.test(original);
  return single && nums.every((n) => n === nums[0]) ? String(nums[0]) : nums.join('x');
}

/** Lowers one axis of `kernel` or `outputPadding` (down to `min`); `outputPadding` at all zeros is dropped. */
function lowerAxis(key: 'kernel' | 'outputPadding', min: number): (v: ExplorerValues, e: ConvmatError) => Fix {
  return (values, e) => {
    const a = axisOf(e);
    let nums = [...readFields(explorerSpec(values))[key]];
    const next = lowerUntilAccepted(values, e, (v) => {
      if (nums[a]! <= min) return null;
      nums = nums.map((n, i) => (i === a ? n - 1 : n));
      return key === 'outputPadding' && nums.every((n) => n === 0) ? without(v, key) : { ...v, [key]: perAxisText(values[key], nums) };
    });
    return next && { values: next, note: changedNote(key, values[key] ?? '', next[key], e) };
  };
}

/**
 * Padding as [before, after] per axis, keywords resolved (`same` as stride 1
 * has it). Only the padding is read: the input is made wide enough for the
 * kernel and the channel fields are left out, so another field's error (a
 * pending `groups`, an input that just shrank) does not hide the padding's.
 */
function paddingPairs(values: ExplorerValues): Array<[number, number]> {
  const { input, kernel, dilation, padding } = explorerSpec(values);
  const dims = readFields({ input, kernel }).input.length;
  const wide = new Array<number>(dims).fill(Math.floor(WIDE_INPUT ** (1 / dims)));
  return specGeometry({ input: wide, kernel, dilation, padding }).padding.map(([b, a]) => [b, a]);
}

/** Input elements (spread over its axes) past any kernel span the explorer accepts and within the engine's limit, for reading padding alone. */
const WIDE_INPUT = 2 ** 18;

function paddingText(pairs: ReadonlyArray<readonly [number, number]>): string {
  if (pairs.every(([b, a]) => b === a)) return pairs.every(([b]) => b === pairs[0]![0]) ? String(pairs[0]![0]) : pairs.map(([b]) => b).join('x');
  return pairs.map(([b, a]) => `${b},${a}`).join(';');
}

/** `same` under a stride: its numbers; reflect or circular deeper than the input, or a transposed output below 1: that side lowered. */
function fixPadding(values: ExplorerValues, e: ConvmatError): Fix {
  let pairs: Array<[number, number]>;
  try { pairs = paddingPairs(values); } catch { return null; }
  const text = paddingText(pairs);
  // a keyword (`same` under a stride) becomes its numbers; numbers the engine still refuses are lowered below
  if (e.field === 'padding' && text !== values.padding) return { values: { ...values, padding: text }, note: changedNote('padding', values.padding ?? '', text, e) };
  const a = axisOf(e);
  const sides = e.field.endsWith('.before') ? [0] : e.field.endsWith('.after') ? [1] : [0, 1];
  const next = lowerUntilAccepted(values, e, (v) => {
    if (sides.every((s) => pairs[a]![s]! === 0)) return null;
    for (const s of sides) pairs[a]![s] = Math.max(0, pairs[a]![s]! - 1);
    return { ...v, padding: paddingText(pairs) };
  });
  return next && { values: next, note: changedNote('padding', values.padding ?? '', next.padding, e) };
}

function fixGroups(values: ExplorerValues, e: ConvmatError): Fix {
  let g = readFields(explorerSpec(values)).groups;
  const next = lowerUntilAccepted(values, e, (v) => (g <= 1 ? null : (g -= 1, g === 1 ? without(v, 'groups') : { ...v, groups: String(g) })));
  return next && { values: next, note: changedNote('groups', values.groups ?? '', next.groups ?? '1', e) };
}

/** How each field the engine objects to is brought in line with a change elsewhere. */
const FIXES: Partial<Record<Key, (v: ExplorerValues, e: ConvmatError) => Fix>> = {
  outputPadding: (v, e) => (v.transposed === undefined ? dropped(v, 'outputPadding', e) : lowerAxis('outputPadding', 0)(v, e)),
  kernel: lowerAxis('kernel', 1),
  padding: fixPadding,
  groups: fixGroups,
  paddingMode: (v, e) => ({ values: without(v, 'paddingMode'), note: `padding mode ${v.paddingMode ?? ''} → zeros: ${e.rule}.` }),
  weights: (v, e) => dropped(v, 'weights', e),
  inputs: (v, e) => dropped(v, 'inputs', e),
};
