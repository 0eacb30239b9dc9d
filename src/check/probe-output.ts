import { escapeControls } from '../errors.ts';
import { position } from '../evaluate/nested.ts';

/**
 * Reading what a user's convolution returned or threw, without trusting it.
 * The value may be a Proxy whose `length` is 2³¹ − 1 or whose getters throw,
 * an error whose `message` getter throws, an object with no prototype, a
 * 50 MB string or a Promise. Every read here is bounded by the shape the
 * spec expects (a length is compared with it before any element is read) and
 * wrapped, so a hostile value ends as a ProbeFailure with a sentence, never as
 * a TypeError or a hang of the matcher itself.
 */

/** fn threw, returned something that is not the output, or returned a Promise where none can be awaited. */
export class ProbeFailure extends Error {
  constructor(message: string, readonly kind: 'threw' | 'output' | 'async') { super(message); }
}

/** How many characters of a user's text a message quotes. */
export const QUOTED_CHARS = 200;

/** A user's text, cut to QUOTED_CHARS and kept on one line. */
export function cut(s: string): string {
  const short = s.length > QUOTED_CHARS ? `${s.slice(0, QUOTED_CHARS - 1)}… (${s.length} characters)` : s;
  return escapeControls(short);
}

/** A thrown or returned value in words; never throws (getters, null prototypes, revoked proxies). */
export function describeValue(v: unknown): string {
  try {
    if (typeof v === 'string') return cut(v);
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v == null) return String(v);
    if (typeof v === 'symbol') return cut(v.toString());
    if (typeof v === 'function') return 'a function';
    let message: unknown;
    try { message = (v as { message?: unknown }).message; } catch { return 'an object whose message cannot be read (its getter threw)'; }
    if (typeof message === 'string') return cut(message);
    const tag = Object.prototype.toString.call(v); // "[object Object]", "[object Float32Array]"
    return `an object with no message (${tag})`;
  } catch {
    return 'a value that cannot be described (reading it threw)';
  }
}

/** Whether a returned value is a Promise or another thenable (reading `then` may throw: then it is not). */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  try { return typeof (v as { then?: unknown }).then === 'function'; } catch { return false; }
}

/** An array or a typed array (Float32Array, Float64Array…): both are accepted at every axis. */
function isList(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function lengthOf(v: ArrayLike<unknown>): number {
  const n = v.length;
  return typeof n === 'number' ? n : Number.NaN;
}

/** The shape along first elements, at most `depth` + 1 axes deep: what a message says the function returned. */
function apparentShape(v: unknown, depth: number): string {
  const dims: string[] = [];
  let cur = v;
  for (let d = 0; d <= depth && isList(cur); d++) {
    const n = lengthOf(cur);
    dims.push(String(n));
    if (!(n > 0)) break;
    cur = cur[0];
  }
  return `[${dims.join(', ')}]`;
}

/** A returned value in words: strings quoted, everything else as describeValue says it. */
function returned(v: unknown): string {
  return typeof v === 'string' ? `a string "${cut(v)}"` : describeValue(v);
}

/**
 * The output as a flat row-major list, checked against `shape` ([C_out, ...o]):
 * nested arrays or typed arrays of exactly that shape, every entry a finite
 * number. Each length is compared with the shape before its elements are read,
 * so the work is bounded by the expected output size whatever fn returned.
 */
export function readOutput(out: unknown, shape: readonly number[]): number[] {
  const want = `[${shape.join(', ')}]`;
  const fail = (text: string) => new ProbeFailure(`the function returned ${text}`, 'output');
  try {
    if (!isList(out)) throw fail(`${returned(out)}, not a nested array of shape ${want}`);
    const seen = apparentShape(out, shape.length);
    if (seen !== want) throw fail(`shape ${seen}, expected ${want} ([C_out, ...output])`);
    const flat: number[] = [];
    const visit = (v: unknown, axis: number, at: string): void => {
      // the first elements matched the shape; a later one may not (a ragged array)
      if (!isList(v) || lengthOf(v) !== shape[axis]) {
        throw fail(`a ragged array: output${at} is ${isList(v) ? `of length ${lengthOf(v)}` : returned(v)}, expected length ${shape[axis]} (shape ${want})`);
      }
      const n = shape[axis]!;
      for (let i = 0; i < n; i++) {
        const e = v[i];
        if (axis + 1 < shape.length) { visit(e, axis + 1, `${at}[${i}]`); continue; }
        if (typeof e !== 'number' || !Number.isFinite(e)) {
          throw fail(`${returned(e)} at output${position(flat.length, shape)}: every entry must be a finite number`);
        }
        flat.push(e);
      }
    };
    visit(out, 0, '');
    return flat;
  } catch (e) {
    if (e instanceof ProbeFailure) throw e;
    throw new ProbeFailure(`reading the returned value threw: ${describeValue(e)}`, 'output');
  }
}
