import { isLinearKey, mulLinearKeys } from './monomial.ts';
import type { Polynomial } from './polynomial.ts';
import type { Ring } from './ring.ts';
import type { TermVector } from './term-vector.ts';
import { workMeter } from './work-meter.ts';

/**
 * The bilinear fast path of the symbolic products. When every weight and
 * every input is one term c·m, with m the constant monomial or one symbol
 * and c a safe integer (the lecture's w1, z3, or numbers), each product
 * w·z is one term whose key and coefficient are two numbers. The recorder is
 * a ring in name only: the generic matrix product and sliding window run
 * over it unchanged with slot numbers as their values (an operand is the
 * index of a weight or an input, −1 a zero), and each `dot` they make writes
 * that output's terms, sorted and merged, into typed arrays and returns the
 * output's index. No object is made per term; `finish` hands back a
 * canonical TermVector (term-vector.ts).
 */
export interface LinearForms {
  /** the monomial key of each entry (0 for a number) */
  readonly keys: Float64Array;
  /** the coefficient of each entry, a safe integer (0 for a zero entry) */
  readonly coefs: Float64Array;
  /** the largest |coefficient| */
  readonly maxCoef: number;
}

/** Each polynomial as one linear term with a safe-integer coefficient, or null when one is not (an expression, a square, a fraction, a bigint). */
export function linearForms(values: readonly Polynomial[]): LinearForms | null {
  const keys = new Float64Array(values.length), coefs = new Float64Array(values.length);
  let maxCoef = 0;
  for (let i = 0; i < values.length; i++) {
    const p = values[i]!;
    if (p.size === 0) continue;
    const key = p.keys[0]!, c = p.coefs[0]!;
    if (p.size > 1 || !isLinearKey(key) || typeof c.n !== 'number' || c.d !== 1) return null;
    keys[i] = key;
    coefs[i] = c.n;
    maxCoef = Math.max(maxCoef, Math.abs(c.n));
  }
  return { keys, coefs, maxCoef };
}

/** The operands the recorder reads: each entry's slot number, −1 for a zero entry (so the window skips it like a zero). */
export function slots(forms: LinearForms): number[] {
  const out: number[] = new Array(forms.coefs.length);
  for (let i = 0; i < out.length; i++) out[i] = forms.coefs[i] === 0 ? -1 : i;
  return out;
}

// module-level bindings of the imports the hot loops call: a direct call per term, not a read of the module namespace
const keyOf = mulLinearKeys;
const meter = workMeter;

const notRecorded = (): never => { throw new Error('the term recorder records dot products only'); };

/**
 * A recorder for products of weights `w` (left operands) and inputs `z`
 * (right operands). A class, so that every recorder shares its methods and
 * the loops that call them stay monomorphic.
 */
export class TermRecorder implements Ring<number> {
  readonly zero = -1;
  readonly one = -1;
  readonly add = notRecorded;
  readonly sub = notRecorded;
  readonly mul = notRecorded;
  readonly sum = notRecorded;
  private keys: Float64Array<ArrayBuffer>;
  private coefs: Float64Array<ArrayBuffer>;
  private offsets: Int32Array<ArrayBuffer>;
  private n = 0;
  private start = 0;
  private outputs = 0;
  private overflow = false;
  /** a sum of `longest` products stays exact while longest · max|w| · max|z| ≤ 2^53 − 1 */
  private readonly longest: number;

  /** Room for `terms` terms in `outputs` outputs to start with (it grows). */
  private readonly wKeys: Float64Array;
  private readonly wCoefs: Float64Array;
  private readonly zKeys: Float64Array;
  private readonly zCoefs: Float64Array;

  constructor(w: LinearForms, z: LinearForms, { terms = 1024, outputs = 256 } = {}) {
    this.wKeys = w.keys;
    this.wCoefs = w.coefs;
    this.zKeys = z.keys;
    this.zCoefs = z.coefs;
    this.longest = Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, w.maxCoef * z.maxCoef));
    this.keys = new Float64Array(Math.max(16, terms));
    this.coefs = new Float64Array(this.keys.length);
    this.offsets = new Int32Array(Math.max(2, outputs + 1));
  }

  /** Adds the product of weight slot a and input slot b to the current output. */
  term(a: number, b: number): void {
    const c = this.wCoefs[a]! * this.zCoefs[b]!;
    if (c === 0) return;
    if (this.n === this.keys.length) this.grow(this.n + 1);
    this.keys[this.n] = keyOf(this.wKeys[a]!, this.zKeys[b]!);
    this.coefs[this.n++] = c;
  }

  /** Room for `size` terms in all. */
  private grow(size: number): void {
    this.keys = grown(this.keys, Math.max(size, 2 * this.keys.length));
    this.coefs = grown(this.coefs, this.keys.length);
  }

  /** Closes the current output (its terms sorted and merged) and returns its index. */
  end(): number {
    if (this.n - this.start > this.longest) this.overflow = true;
    meter.terms += this.n - this.start;
    this.n = this.start = sortAndMerge(this.keys, this.coefs, this.start, this.n);
    if (this.outputs + 2 > this.offsets.length) {
      const more = new Int32Array(2 * this.offsets.length);
      more.set(this.offsets);
      this.offsets = more;
    }
    this.offsets[++this.outputs] = this.n;
    return this.outputs - 1;
  }

  /** One output: Σ ws[i]·zs[i] over slots (−1, a zero, is skipped). */
  dot(ws: readonly number[], zs: readonly number[]): number {
    // term's arithmetic with the fields read once per output (the window's arrays only: one array shape here, one in term)
    if (this.n + ws.length > this.keys.length) this.grow(this.n + ws.length);
    const { wKeys, wCoefs, zKeys, zCoefs, keys, coefs } = this;
    let n = this.n;
    for (let i = 0; i < ws.length; i++) {
      const a = ws[i]!, b = zs[i]!;
      if (a < 0 || b < 0) continue;
      const c = wCoefs[a]! * zCoefs[b]!;
      if (c === 0) continue;
      keys[n] = keyOf(wKeys[a]!, zKeys[b]!);
      coefs[n++] = c;
    }
    this.n = n;
    return this.end();
  }

  equals(a: number, b: number): boolean { return a === b; }
  isZero(a: number): boolean { return a < 0; }

  /** The recorded outputs, or null when a sum could have left the safe integers (then take the general path). */
  finish(): TermVector | null {
    if (this.overflow) return null;
    const { n, outputs } = this;
    return { length: outputs, offsets: this.offsets.subarray(0, outputs + 1), keys: this.keys.subarray(0, n), coefs: this.coefs.subarray(0, n) };
  }
}

/**
 * Sorts the terms [from, to) by key, merges equal keys and drops zero sums,
 * in place; returns the new end. Terms that arrive strictly ascending (a
 * window's usually do) are left as they are; otherwise an insertion sort
 * (short runs) or an index sort (long ones).
 */
function sortAndMerge(keys: Float64Array, coefs: Float64Array, from: number, to: number): number {
  let i = from + 1;
  while (i < to && keys[i - 1]! < keys[i]!) i++;
  if (i >= to) return to; // ascending and distinct; every coefficient is nonzero (term skips zero products)
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => keys[a]! - keys[b]!);
    const k2 = order.map((i) => keys[i]!), c2 = order.map((i) => coefs[i]!);
    keys.set(k2, from);
    coefs.set(c2, from);
  } else {
    for (; i < to; i++) {
      const k = keys[i]!, c = coefs[i]!;
      let j = i - 1;
      while (j >= from && keys[j]! > k) { keys[j + 1] = keys[j]!; coefs[j + 1] = coefs[j]!; j--; }
      keys[j + 1] = k;
      coefs[j + 1] = c;
    }
  }
  let m = from;
  for (let i = from; i < to;) {
    const k = keys[i]!;
    let c = coefs[i++]!;
    while (i < to && keys[i] === k) c += coefs[i++]!;
    if (c !== 0) { keys[m] = k; coefs[m++] = c; }
  }
  return m;
}

function grown(a: Float64Array<ArrayBuffer>, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
