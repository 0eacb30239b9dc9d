import type { ViewPlan } from '../work/element.ts';

/**
 * Parts several views share, all plain data: a verdict (a check that is a
 * yes or no with its sentence, not a comparison of vectors), and the summary
 * form a view takes instead of its drawing when drawing it would block the
 * page (DESIGN.md: no main-thread task over 250 ms).
 */
export interface Verdict {
  pass: boolean;
  /** one sentence: what was checked and what was found */
  text: string;
}

/** What a view shows instead of its drawing past its limits: what was not drawn, why, and the facts it can still state. */
export interface ViewSummary {
  kind: 'summary';
  /** what is not drawn, e.g. "the layer stack" */
  what: string;
  /** the limit passed, with the numbers */
  reason: string;
  /** short facts computed without the work: shapes, sizes, closed forms */
  facts: string[];
}

export function isViewSummary(v: unknown): v is ViewSummary {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'summary';
}

/** 12345 → "12,345" (the numbers of captions and summaries). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** [3, 4] → "3×4" */
export function shapeText(shape: readonly number[] | null | undefined): string {
  return shape && shape.length ? shape.join('×') : '?';
}

/** The summary of a single-spec view from the work estimator's plan (which passed a limit). */
export function summaryOfPlan(plan: Extract<ViewPlan, { full: false }>, what: string, facts: string[] = []): ViewSummary {
  const e = plan.estimate;
  const ch = (c: number) => (c > 1 ? `${c} channels of ` : '');
  return {
    kind: 'summary', what, reason: plan.reason,
    facts: [
      `input ${ch(e.inChannels)}${shapeText(e.input)} · kernel ${shapeText(e.kernel)} · output ${ch(e.outChannels)}${shapeText(e.output)} · ${formatCount(e.taps)} multiply-adds`,
      ...facts,
    ],
  };
}
