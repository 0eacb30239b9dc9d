import { NameError } from '../errors.ts';
import { NameFamily, TakenNames } from './name-family.ts';

/**
 * The default naming scheme of DESIGN.md. Single channel: w1..wK and z1..zN,
 * row-major, outputs continuing the input numbering. Multi-channel: indices in
 * the name, w_o_c_j and z_c_i (1-based, j and i flat row-major).
 */
export function weightNamesFor(prefix: string, shape: readonly number[], singleChannel: boolean): string[] {
  const [a, b, ...k] = shape as [number, number, ...number[]];
  const K = product(k);
  if (singleChannel) return range(K).map((j) => `${prefix}${j + 1}`);
  const names: string[] = [];
  for (let x = 0; x < a; x++) for (let y = 0; y < b; y++) for (let j = 0; j < K; j++) names.push(`${prefix}_${x + 1}_${y + 1}_${j + 1}`);
  return names;
}

export function tensorNamesFor(prefix: string, shape: readonly number[], singleChannel: boolean, first = 1): readonly string[] {
  return tensorFamily(prefix, shape, singleChannel, first).all();
}

/** The names tensorNamesFor gives, as their rule (name-family.ts): z1..zN, or z_c_i. */
export function tensorFamily(prefix: string, shape: readonly number[], singleChannel: boolean, first = 1): NameFamily {
  const [c, ...spatial] = shape as [number, ...number[]];
  return singleChannel ? new NameFamily(prefix, 'flat', 1, product(spatial), first) : new NameFamily(prefix, 'tensor', c, product(spatial), first);
}

/** What the output names are chosen from: the input and weight names beside them. */
export interface OutputNaming {
  /** the prefix of generated input names (z for z1..zN), null for a custom list or values */
  readonly inputPrefix: string | null;
  readonly inputNames: readonly string[] | null;
  readonly weightNames: readonly string[] | null;
  readonly inputShape: readonly number[];
  readonly outputShape: readonly number[];
  readonly singleChannel: boolean;
  readonly transposed: boolean;
  /** every weight and input name */
  readonly taken: TakenNames;
}

/** Letters tried, in order, when the inputs form no family the outputs can continue. */
const OUTPUT_LETTERS = ['y', 'u', 'v', 'q', 'o'];
const TRANSPOSED_LETTERS = ['z', ...OUTPUT_LETTERS];

/**
 * Output names, as the lecture writes them, sharing no letter with a weight or
 * with an input beside them (no y1 next to the weight y):
 * - a regular convolution continues its inputs' family: z7..z10 after z1..z6
 *   (also after a custom list z7..z10: z11..);
 * - a transposed convolution gives its family a tilde: z̃1..z̃6 (identifier
 *   `ztilde1`, the SymPy convention for an accent);
 * - several channels read as channel and position: y^{(2)}_3 (identifier `y2_3`),
 *   z̃^{(2)}_3 (`ztilde2_3`);
 * - otherwise the first free letter: y, u, v, q, o (z̃, ỹ, ũ, … when transposed).
 */
export function outputNamesFor(n: OutputNaming): NameFamily {
  const weightStems = new Set((n.weightNames ?? []).map(stemOf));
  // generated names share their prefix: no need to read 65,536 of them
  const inputStems = new Set(n.inputPrefix ? [n.inputPrefix] : (n.inputNames ?? []).map(stemOf));
  const family = n.inputPrefix ?? familyOf(n.inputNames, n.singleChannel);
  const free = (names: NameFamily) => !n.taken.meets(names);
  const count = product(n.outputShape.slice(1));
  if (family && !weightStems.has(family)) {
    const names = n.transposed
      ? channelNames(`${family}tilde`, n.outputShape[0]!, count, n.singleChannel, 1)
      : n.singleChannel ? channelNames(family, 1, count, true, nextIndex(n, family)) : null;
    if (names && free(names)) return names;
  }
  for (const letter of n.transposed ? TRANSPOSED_LETTERS : OUTPUT_LETTERS) {
    if (weightStems.has(letter) || inputStems.has(letter) || letter === n.inputPrefix) continue;
    const names = channelNames(n.transposed ? `${letter}tilde` : letter, n.outputShape[0]!, count, n.singleChannel, 1);
    if (free(names)) return names;
  }
  throw new NameError({ field: 'inputs', value: n.inputPrefix ?? n.inputNames?.slice(0, 4), rule: 'no free letter left for the outputs', fix: 'rename the inputs or the weights' });
}

/** The letters a name is written with, without its accent: w_1_2_3 → w, ztilde4 → z, alpha → alpha. */
export function stemOf(name: string): string {
  const head = /^[A-Za-z]+/.exec(name)?.[0] ?? name;
  const accent = /^([A-Za-z])(tilde|hat|bar)$/.exec(head);
  return accent ? accent[1]! : head;
}

/** The stem shared by a custom single-channel list such as z7, z8, z9, z10 (null if none). */
function familyOf(names: readonly string[] | null, singleChannel: boolean): string | null {
  if (!names || !singleChannel || names.length === 0) return null;
  const stems = names.map((x) => /^([A-Za-z]+)\d+$/.exec(x)?.[1]);
  return stems.every((s) => s !== undefined && s === stems[0]) ? stems[0]! : null;
}

function nextIndex(n: OutputNaming, family: string): number {
  if (!n.inputNames || n.inputPrefix) return product(n.inputShape.slice(1)) + 1;
  return Math.max(...n.inputNames.map((x) => Number(x.slice(family.length)))) + 1;
}

function channelNames(stem: string, channels: number, count: number, singleChannel: boolean, first: number): NameFamily {
  return singleChannel ? new NameFamily(stem, 'flat', 1, count, first) : new NameFamily(stem, 'channel', channels, count, first);
}

/**
 * The names in use. Weights may repeat a name (a weight tied to several taps,
 * such as the symmetric kernel x,y,x); inputs may not, and no name may be both
 * a weight and an input.
 */
export function assertDistinct(weights: Iterable<string>, inputs: Iterable<string> | NameFamily): TakenNames {
  const weightSet = new Set(weights);
  if (inputs instanceof NameFamily) {
    // generated inputs are distinct; the first (in input order) that a weight also names
    let first = -1;
    for (const w of weightSet) {
      const i = inputs.indexOf(w);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    }
    if (first >= 0) throw usedInWeights(inputs.at(first));
    return new TakenNames(weightSet, [inputs]);
  }
  const seen = new Set<string>();
  for (const n of inputs) {
    if (weightSet.has(n)) throw usedInWeights(n);
    if (seen.has(n)) {
      throw new NameError({ field: 'inputs', value: n, rule: 'names must be distinct', fix: 'give every input its own name (only weights may repeat a name)' });
    }
    seen.add(n);
  }
  for (const n of weightSet) seen.add(n);
  return new TakenNames(seen, []);
}

function usedInWeights(name: string): NameError {
  return new NameError({ field: 'inputs', value: name, rule: 'this name is already used in weights', fix: 'give the inputs names of their own' });
}

export function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
