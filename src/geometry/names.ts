import { NameError } from '../errors.ts';

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

export function tensorNamesFor(prefix: string, shape: readonly number[], singleChannel: boolean, first = 1): string[] {
  const [c, ...spatial] = shape as [number, ...number[]];
  const N = product(spatial);
  if (singleChannel) {
    const names: string[] = new Array(N);
    for (let i = 0; i < N; i++) names[i] = prefix + (i + first);
    return names;
  }
  const names: string[] = [];
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < N; i++) names.push(`${prefix}_${ch + 1}_${i + first}`);
  return names;
}

/**
 * Output names: with a prefix for the inputs, outputs continue its numbering
 * (z7..z10 after z1..z6); otherwise y1..yM (or out1.. if y is taken).
 */
export function outputNamesFor(
  inputPrefix: string | null, inputShape: readonly number[], outputShape: readonly number[],
  singleChannel: boolean, taken: ReadonlySet<string>,
): string[] {
  if (inputPrefix) {
    const next = product(inputShape.slice(1)) + 1;
    const names = tensorNamesFor(inputPrefix, outputShape, singleChannel, next);
    if (!names.some((n) => taken.has(n))) return names;
  }
  for (const p of ['y', 'out', 'output']) {
    const names = tensorNamesFor(p, outputShape, singleChannel);
    if (!names.some((n) => taken.has(n))) return names;
  }
  throw new NameError({ field: 'inputs', value: inputPrefix, rule: 'no free names left for the outputs', fix: 'rename the inputs' });
}

/**
 * The names in use. Weights may repeat a name (a weight tied to several taps,
 * such as the symmetric kernel x,y,x); inputs may not, and no name may be both
 * a weight and an input.
 */
export function assertDistinct(weights: Iterable<string>, inputs: Iterable<string>): Set<string> {
  const weightSet = new Set(weights);
  const seen = new Set<string>();
  for (const n of inputs) {
    if (weightSet.has(n) || seen.has(n)) {
      throw new NameError({
        field: 'inputs', value: n,
        rule: weightSet.has(n) ? 'this name is already used in weights' : 'names must be distinct',
        fix: weightSet.has(n) ? 'give the inputs names of their own' : 'give every input its own name (only weights may repeat a name)',
      });
    }
    seen.add(n);
  }
  for (const n of weightSet) seen.add(n);
  return seen;
}

export function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
