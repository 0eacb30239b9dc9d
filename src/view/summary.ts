import { VIEW_LIMITS, type ViewEstimate, type ViewLimits, estimateView, viewPlan } from '../work/element.ts';

export type { ViewEstimate, ViewLimits } from '../work/element.ts';

/**
 * The summary form every view switches to before its work could block the
 * page (no main-thread task over 250 ms): decided by the one work estimator
 * (src/work/element.ts) BEFORE the engine does anything, from the spec's
 * sizes. Plain data: the shapes, the sizes and the limit passed.
 */
export interface SummaryView {
  summary: {
    reason: string;
    /** the sizes of a single spec (null for a view of several: a stack of layers) */
    estimate: ViewEstimate | null;
    what: string;
    /** what the view can still state without the work: shapes, closed forms */
    facts?: string[];
  };
}

export function isSummary(v: unknown): v is SummaryView {
  return typeof v === 'object' && v !== null && 'summary' in v;
}

/**
 * Terms a page expands and prints when weights or inputs are expressions
 * (taps × terms per entry, from the estimator): reading a power such as
 * (a+b+c+d+f)^8 into 495 terms, multiplying it out and typesetting the
 * result costs far more per term than a product of two symbols, so past this
 * the view is a summary (measured: nine such weights on 6×6 ⊛ 3×3, 71,280
 * terms, took over 0.5 s to read alone and froze the page in KaTeX).
 */
export const PAGE_EXPANDED_TERMS = 8000;

/** The summary of `input` under `limits`, or null when the full view fits. */
export function summaryFor(input: unknown, limits: Partial<ViewLimits> = {}, what = 'the drawing'): SummaryView | null {
  const plan = viewPlan(input, { ...VIEW_LIMITS, ...limits });
  if (!plan.full) return { summary: { reason: plan.reason, estimate: plan.estimate, what } };
  const e = plan.estimate;
  if (e && e.termsPerEntry > 1 && e.taps * e.termsPerEntry > PAGE_EXPANDED_TERMS) {
    const reason = `the weights or inputs expand to about ${count(e.termsPerEntry)} terms each: about ${count(e.taps * e.termsPerEntry)} terms to expand and typeset, more than the ${count(PAGE_EXPANDED_TERMS)} a page does`;
    return { summary: { reason, estimate: e, what } };
  }
  return null;
}

/** The summary of `input` for a reason the view found itself (its drawn cells, say), from the estimator's sizes. */
export function summaryBecause(input: unknown, reason: string, what = 'the drawing'): SummaryView | null {
  const estimate = estimateView(input);
  return estimate ? { summary: { reason, estimate, what } } : null;
}

/** The summary of a view that is not one spec (a stack of layers): the reason and the facts it can still state. */
export function summaryOfFacts(reason: string, what: string, facts: string[]): SummaryView {
  return { summary: { reason, estimate: null, what, facts } };
}

/** "1,234": counts in a summary's reason. */
export function count(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}
