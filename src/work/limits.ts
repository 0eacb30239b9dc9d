import { ParseError } from '../errors.ts';

/**
 * The documented work limits: what one request (a matrix, a derivation, an
 * identity check, an element view, an eval input) may cost before it is
 * refused. The defaults keep a request within about 1 GB of memory and a few
 * seconds on a 2-core machine (measured: `convmat matrix --json` on 256×256
 * with a 3×3 kernel forms 1.1 million terms in about 3 s and 400 MB).
 *
 * - `entries`: sparse matrix entries (nonzeros) stored, summed over every
 *   matrix the request builds;
 * - `terms`: expanded polynomial terms formed by multiplications (a product
 *   w·z of a k-term and an m-term entry forms k·m), summed over the request;
 *   for dense matrix products, every multiply of the inner loop counts one;
 * - `denseCells`: cells of dense matrices materialised (rows × cols each).
 */
export interface WorkLimits {
  readonly entries: number;
  readonly terms: number;
  readonly denseCells: number;
}

export const WORK_LIMITS: Readonly<WorkLimits> = Object.freeze({
  entries: 8_000_000,
  terms: 3_000_000,
  denseCells: 4_000_000,
});

/**
 * How a caller overrides the limits: a factor applied to every default
 * (`--max-work 4`, `{ maxWork: 4 }`), or some limits by name.
 */
export type WorkLimitsInput = number | string | Partial<WorkLimits>;

/** The most --max-work (maxWork) raises the limits. */
export const MAX_FACTOR = 1000;

/** The limits a factor or a partial object spells, on top of `base` (the defaults). */
export function resolveWorkLimits(input: WorkLimitsInput | undefined, base: Readonly<WorkLimits> = WORK_LIMITS, field = 'maxWork'): WorkLimits {
  if (input === undefined) return { ...base };
  if (typeof input === 'number' || typeof input === 'string') {
    const f = typeof input === 'string' && input.trim() !== '' ? Number(input.trim()) : input;
    if (typeof f !== 'number' || !Number.isFinite(f) || f <= 0 || f > MAX_FACTOR) {
      throw new ParseError({ field, value: input, rule: `must be a factor above 0 and at most ${MAX_FACTOR} (1 = the default limits)` });
    }
    return { entries: base.entries * f, terms: base.terms * f, denseCells: base.denseCells * f };
  }
  if (input === null || typeof input !== 'object') {
    throw new ParseError({ field, value: input, rule: 'must be a factor or an object {entries, terms, denseCells}' });
  }
  const out: Record<keyof WorkLimits, number> = { ...base };
  for (const [k, v] of Object.entries(input)) {
    if (!(k in base)) throw new ParseError({ field: `${field}.${k}`, value: v, rule: 'is not a limit; the limits are entries, terms, denseCells' });
    if (typeof v !== 'number' || !(v > 0)) throw new ParseError({ field: `${field}.${k}`, value: v, rule: 'must be a number above 0' });
    out[k as keyof WorkLimits] = v;
  }
  return out;
}

let current: WorkLimits = { ...WORK_LIMITS };

/** The limits in force (the defaults unless a caller raised or lowered them). */
export function currentWorkLimits(): Readonly<WorkLimits> {
  return current;
}

/**
 * Runs `fn` with other limits in force, for every library call inside it
 * (checkMatrix, derive, checkIdentity, …), then restores the previous ones.
 * `withWorkLimits(4, () => derive('separable', spec))` allows four times the default work.
 */
export function withWorkLimits<T>(limits: WorkLimitsInput, fn: () => T): T {
  const previous = current;
  current = resolveWorkLimits(limits);
  try {
    return fn();
  } finally {
    current = previous;
  }
}
