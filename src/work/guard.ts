import { LimitError } from '../errors.ts';
import { estimateWork } from './estimate.ts';
import { type WorkLimits, type WorkLimitsInput, currentWorkLimits, resolveWorkLimits } from './limits.ts';
import { type SpecRequest, type WorkEstimate, type WorkRequest, describeRequest } from './request.ts';

/**
 * Asking the estimator before doing the work: `checkWork` answers whether a
 * request fits (and by how much it does not), `assertWork` refuses with a
 * LimitError that names the limit, the estimate and the ways out.
 */
export interface WorkVerdict {
  readonly ok: boolean;
  readonly estimate: WorkEstimate;
  readonly limits: WorkLimits;
  /** the measures over their limit, worst first */
  readonly over: ReadonlyArray<keyof WorkLimits>;
  /** the smallest factor on the limits (--max-work, maxWork) that admits the request */
  readonly factor: number;
}

const MEASURES: ReadonlyArray<keyof WorkLimits> = ['terms', 'entries', 'denseCells'];
const WORDS: Record<keyof WorkLimits, string> = { terms: 'expanded terms', entries: 'matrix entries', denseCells: 'dense matrix cells' };

/** Compares an estimate with limits (default: the limits in force). */
export function judgeWork(estimate: WorkEstimate, limits?: WorkLimitsInput): WorkVerdict {
  const l = limits === undefined ? { ...currentWorkLimits() } : resolveWorkLimits(limits, currentWorkLimits());
  const ratio = (m: keyof WorkLimits) => estimate[m] / l[m];
  const over = MEASURES.filter((m) => ratio(m) > 1).sort((a, b) => ratio(b) - ratio(a));
  const worst = Math.max(0, ...MEASURES.map(ratio));
  return { ok: over.length === 0, estimate, limits: l, over, factor: Math.ceil(worst * 10) / 10 };
}

/** Estimates a request and compares it with the limits, without throwing for size. */
export function checkWork(spec: unknown, request: SpecRequest, limits?: WorkLimitsInput): WorkVerdict {
  return judgeWork(estimateWork(spec, request), limits);
}

/** Estimates a request and throws a LimitError when it is over the limits; returns the estimate otherwise. */
export function assertWork(spec: unknown, request: SpecRequest, limits?: WorkLimitsInput): WorkEstimate {
  return assertEstimate(estimateWork(spec, request), request, limits);
}

/** Throws a LimitError when an estimate made by the request's own definition (a topic, an identity) is over the limits. */
export function assertEstimate(estimate: WorkEstimate, request: WorkRequest, limits?: WorkLimitsInput): WorkEstimate {
  const v = judgeWork(estimate, limits);
  if (!v.ok) throw workLimitError(v, request);
  return v.estimate;
}

/** The refusal of a verdict that is not ok; `cases` > 1 says the estimate sums several eval cases. */
export function workLimitError(v: WorkVerdict, request: WorkRequest, cases = 1): LimitError {
  const m = v.over[0]!;
  const factor = Math.max(2, Math.ceil(v.factor));
  return new LimitError({
    field: 'work',
    value: undefined,
    rule: `${describeRequest(request)}${cases > 1 ? ` of the first ${cases} cases together` : ''} needs about ${round(v.estimate[m])} ${WORDS[m]}; the limit is ${round(v.limits[m])} (about 1 GB and a few seconds)`,
    fix: `use a smaller spec, the summary view, or the numeric path (convmat eval); or raise the limits ${factor}× (--max-work ${factor}, or maxWork: ${factor} in the library)`,
  });
}

/** 16,531,200 → "16.5 million"; small numbers in full. */
function round(n: number): string {
  if (n >= 1e12) return n.toExponential(1).replace('e+', ' × 10^');
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} million`;
  return Math.round(n).toLocaleString('en-US');
}
