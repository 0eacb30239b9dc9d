import { type CheckReport, comparedEntries, describeReport } from '../check/report.ts';

/**
 * A check's verdict as a view shows it: plain data read from the engine's
 * CheckReport (src/check/report.ts), so a renderer needs nothing else.
 */
export interface VerdictView {
  holds: boolean;
  /** what was compared, `K·z = sliding window`, one per comparison */
  compared: string[];
  /** one line: what was compared and the verdict (why it fails, naming an entry) */
  description: string;
  /** how many entries were compared in all */
  entries: number;
  /** exactly (symbolic) or numerically (seeded random values) */
  exact: boolean;
}

export function verdictView(report: CheckReport, exact = true): VerdictView {
  return {
    holds: report.holds, compared: report.comparisons.map((c) => `${c.left} = ${c.right}`),
    description: describeReport(report), entries: comparedEntries(report), exact,
  };
}

/** A check that is a yes or no with its sentence (a rule against counts, a closed form against composed maps), not a comparison of vectors. */
export interface SimpleVerdict {
  pass: boolean;
  /** one sentence: what was checked and what was found */
  text: string;
}
