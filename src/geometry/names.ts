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

/** Rejects duplicated names within and across weights and inputs. */
export function assertDistinct(groups: Array<{ field: string; names: readonly string[] | null }>): Set<string> {
  const seen = new Map<string, string>();
  for (const { field, names } of groups) {
    for (const n of names ?? []) {
      const prev = seen.get(n);
      if (prev !== undefined) {
        throw new NameError({
          field, value: n,
          rule: prev === field ? 'names must be distinct' : `this name is already used in ${prev}`,
          fix: 'give every weight and input its own name',
        });
      }
      seen.set(n, field);
    }
  }
  return new Set(seen.keys());
}

export function product(xs: readonly number[]): number {
  let p = 1;
  for (const x of xs) p *= x;
  return p;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
