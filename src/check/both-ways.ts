import { LimitError } from '../errors.ts';
import { type Rational, parseRational, rToNumber } from '../algebra/rational.ts';
import { type Ring, float64Ring, floatClose, rationalRing } from '../algebra/ring.ts';
import { compareVectors } from './equivalence.ts';
import { type CheckReport, type Comparison, reportFrom } from './report.ts';

/**
 * The one "both ways" evaluator of numbers: a computation done two ways (the
 * matrix and the sliding window, Kᵀ·δ and the scatter…) over the same values,
 * exactly first. Every value is read as the exact rational it is written as
 * (its shortest decimal; see parseRational), both ways run over the rationals
 * and are compared exactly, and the results are rounded once, to the nearest
 * double, for printing. Floats are used only when the caller asks for them, or
 * when exact arithmetic is refused (a number with more digits than
 * MAX_DECIMAL_DIGITS): then the report says so, `exact` is false, and `reason`
 * says why. The answer is one CheckReport (facts `exact`, and `inexact` when
 * it is not), so `agree` is never claimed on rounded values without saying it.
 */

/** A value as the caller gives it: a double, or a decimal text read exactly ("1.00000000000000000001"). */
export type Exactish = number | string;

/** One vector computed two ways; `left` and `right` are what the report compares. */
export type TwoWays<T> = ReadonlyArray<readonly [left: readonly T[], right: readonly T[]]>;

export interface BothWaysOptions {
  /** one comparison per pair of results: labels and entry names */
  readonly comparisons: ReadonlyArray<{ readonly labels: [string, string]; readonly names?: readonly string[] | undefined }>;
  /** the caller asked for floats: the reason to print (exactness is then not tried) */
  readonly floats?: string;
}

export interface BothWays {
  /** each pair of results as the nearest doubles, in the order computed */
  readonly values: ReadonlyArray<readonly [number[], number[]]>;
  readonly exact: boolean;
  /** why the arithmetic was not exact (absent when it was) */
  readonly inexact?: string;
  readonly report: CheckReport;
}

/**
 * Runs `compute` over the rationals (values read exactly) and compares each
 * pair exactly; falls back to float64 (relative 1e-9) only when asked to, or
 * when a value cannot be read exactly, and says so.
 */
export function bothWays(
  inputs: ReadonlyArray<readonly Exactish[]>,
  compute: <T>(ring: Ring<T>, inputs: ReadonlyArray<readonly T[]>) => TwoWays<T>,
  opts: BothWaysOptions,
): BothWays {
  if (opts.floats === undefined) {
    let read: Rational[][] | undefined;
    try {
      read = inputs.map((xs) => xs.map((v) => parseRational(v)));
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      return inFloats(inputs, compute, opts, `exact arithmetic refused: ${e.message}`);
    }
    const pairs = compute(rationalRing, read);
    const comparisons = pairs.map(([a, b], i) => compare(a, b, rationalRing, (v) => String(rToNumber(v)), opts, i));
    return { values: pairs.map(([a, b]) => [a.map(rToNumber), b.map(rToNumber)]), exact: true, report: reportFrom(comparisons, { exact: true }) };
  }
  return inFloats(inputs, compute, opts, opts.floats);
}

function inFloats(
  inputs: ReadonlyArray<readonly Exactish[]>,
  compute: <T>(ring: Ring<T>, inputs: ReadonlyArray<readonly T[]>) => TwoWays<T>,
  opts: BothWaysOptions, inexact: string,
): BothWays {
  const pairs = compute(float64Ring, inputs.map((xs) => xs.map(Number)));
  const comparisons = pairs.map(([a, b], i) => compare(a, b, float64Ring, String, opts, i, floatClose));
  return { values: pairs.map(([a, b]) => [[...a], [...b]]), exact: false, inexact, report: reportFrom(comparisons, { exact: false, inexact }) };
}

function compare<T>(
  a: readonly T[], b: readonly T[], ring: Ring<T>, show: (v: T) => string, opts: BothWaysOptions, i: number, same?: (a: T, b: T) => boolean,
): Comparison {
  const c = opts.comparisons[i] ?? opts.comparisons[0]!;
  return compareVectors(a, b, { ring, show, labels: c.labels, ...(c.names ? { names: c.names } : {}), ...(same ? { same } : {}) });
}

/**
 * The first entry that is not a finite double (±Infinity when an exact value
 * is past the largest double, NaN from a float fallback), or −1: results that
 * overflow are refused by the caller, never compared.
 */
export function firstNonFinite(values: readonly number[]): number {
  return values.findIndex((v) => !Number.isFinite(v));
}

/** `exact: false` and the reason, for a result printed as JSON (nothing when the arithmetic was exact). */
export function inexactFields(r: BothWays): { exact?: false; inexact?: string } {
  return r.exact ? {} : { exact: false, inexact: r.inexact! };
}
