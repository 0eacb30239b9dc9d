import type { SpecInput } from '../geometry/spec.ts';
import { TOPICS, derive } from '../latex/derive.ts';
import type { Derivation } from '../latex/derivation.ts';
import { noteStep } from '../latex/steps.ts';
import { type SummaryView, isSummary, summaryFor } from './summary.ts';

export type { Derivation, EquationStep, Highlight, MatrixPart, Step } from '../latex/derivation.ts';

/**
 * A step-by-step derivation of `topic` (the lecture's example when `input`
 * sets nothing), as plain data: steps of LaTeX built by the engine's escaping
 * emitters, with the rows each matrix shows and the links between them. A
 * spec past the topic's limits (its derivation typesets every step) gets the
 * summary, with the limit named, before anything is built.
 */
export function derivationView(topic: string, input: SpecInput, opts: DerivationViewOptions = {}): Derivation | SummaryView {
  const d = summaryFor(input, TOPICS.get(topic)?.limits ?? {}, 'this derivation')
    ?? (Object.keys(input).length ? derive(topic, input) : derive(topic));
  return opts.productShown && !isSummary(d) ? referToProduct(d) : d;
}

export interface DerivationViewOptions {
  /** the page shows this K·z = y just before the derivation: refer to it instead of typesetting it again */
  productShown?: boolean;
}

/** The product step (K·z = y) becomes a one-line note pointing at the equation shown above. */
function referToProduct(d: Derivation): Derivation {
  const steps = d.steps.map((s) => (s.type === 'equation' && s.product
    ? noteStep(s.title, 'This is the equation shown just above: the same matrix, input and product, not repeated here.')
    : s));
  return { ...d, steps };
}
