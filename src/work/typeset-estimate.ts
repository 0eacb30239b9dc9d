import { LimitError } from '../errors.ts';
import { WORK_LIMITS, currentWorkLimits } from './limits.ts';

/**
 * Typesetting has a budget of its own: KaTeX's cost is not the engine's. A
 * derivation the engine computes in milliseconds can hold LaTeX that KaTeX
 * needs minutes and gigabytes to lay out (nine (a+b+c+d+f)^8 weights on a 6×6
 * input; the 9×9 window derivation, 400 KB of LaTeX, gives 39 MB of HTML).
 * KaTeX's time, memory and output grow with the LaTeX it reads: measured
 * about 20–50 µs and 100 bytes of HTML per character of LaTeX. So the cost of
 * typesetting is the characters of LaTeX handed to KaTeX, summed over one
 * request, and it is judged before KaTeX runs.
 */
export interface TypesetEstimate {
  /** characters of LaTeX KaTeX would read */
  readonly texChars: number;
  /** the budget in force (scaled with the work limits, so --max-work raises it too) */
  readonly limit: number;
  readonly ok: boolean;
}

/** Characters of LaTeX one request may typeset: about 2 s, 10 MB of HTML and 300 MB with KaTeX. */
export const TYPESET_LIMIT = 100_000;

export function estimateTypeset(tex: readonly string[]): TypesetEstimate {
  const texChars = tex.reduce((n, t) => n + t.length, 0);
  const limit = TYPESET_LIMIT * (currentWorkLimits().terms / WORK_LIMITS.terms);
  return { texChars, limit, ok: texChars <= limit };
}

/** Throws a LimitError naming the estimate, the budget and a way out when the LaTeX is over the typesetting budget. */
export function assertTypeset(tex: readonly string[], what: string, instead: string): TypesetEstimate {
  const e = estimateTypeset(tex);
  if (e.ok) return e;
  const factor = Math.max(2, Math.ceil(e.texChars / e.limit));
  throw new LimitError({
    field: 'typesetting', value: undefined,
    rule: `${what} is ${e.texChars.toLocaleString('en-US')} characters of LaTeX; KaTeX typesets at most ${Math.round(e.limit).toLocaleString('en-US')} per request (about 2 s and 300 MB)`,
    fix: `${instead}, use a smaller spec, or raise the limits ${factor}× (--max-work ${factor})`,
  });
}
