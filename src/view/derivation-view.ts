import type { SpecInput } from '../geometry/spec.ts';
import { TOPICS, derive } from '../latex/derive.ts';
import type { Derivation } from '../latex/derivation.ts';
import { type SummaryView, summaryFor } from './summary.ts';

export type { Derivation, EquationStep, Highlight, MatrixPart, Step } from '../latex/derivation.ts';

/**
 * A step-by-step derivation of `topic` (the lecture's example when `input`
 * sets nothing), as plain data: steps of LaTeX built by the engine's escaping
 * emitters, with the rows each matrix shows and the links between them. A
 * spec past the topic's limits (its derivation typesets every step) gets the
 * summary, with the limit named, before anything is built.
 */
export function derivationView(topic: string, input: SpecInput): Derivation | SummaryView {
  return summaryFor(input, TOPICS.get(topic)?.limits ?? {}, 'this derivation')
    ?? (Object.keys(input).length ? derive(topic, input) : derive(topic));
}
