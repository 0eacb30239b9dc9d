import type { Polynomial } from '../algebra/polynomial.ts';
import { polynomialRing } from '../algebra/ring.ts';
import { TermRecorder, linearForms, slots } from '../algebra/term-recorder.ts';
import { type TermVector, termPolynomial, termVectorsEqual, termsEqualAt } from '../algebra/term-vector.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import { evaluateByWindow } from '../evaluate/evaluate.ts';
import type { ConvMatrix } from '../matrix/conv-matrix.ts';
import { storedTaps } from '../matrix/csr.ts';
import { matVecTerms } from '../matrix/products.ts';
import { type CompareOptions, compareEntries, lengthsDiffer } from './equivalence.ts';
import type { Comparison } from './report.ts';

/**
 * The fast path of the central check, for bilinear specs (every weight and
 * input a symbol or an integer, term-recorder.ts): K·z and the sliding window
 * run unchanged over the term recorder, so each side is a TermVector of
 * typed arrays, and the two are compared as arrays. Polynomials are made
 * only for the entries a report prints, or when a caller asks for them.
 */
export interface BilinearSides {
  readonly product: TermVector;
  readonly slidingWindow: TermVector;
  /** milliseconds spent on each side */
  readonly productTime: number;
  readonly slidingWindowTime: number;
}

const now = () => performance.now();

/** Both sides of the check on the fast path, or null when the spec is not bilinear or a coefficient could pass 2^53. */
export function bilinearSides(spec: ConvSpec, matrix: ConvMatrix): BilinearSides | null {
  if (matrix.cols !== spec.inputs.length) return null; // a claimed matrix of another width: the general path says so
  const w = linearForms(spec.weights), z = linearForms(spec.inputs);
  if (!w || !z) return null;
  const room = { terms: storedTaps(matrix), outputs: matrix.rows };
  let t = now();
  const viaMatrix = new TermRecorder(w, z, room);
  matVecTerms(matrix, viaMatrix);
  const product = viaMatrix.finish();
  const productTime = now() - t;
  t = now();
  const viaWindow = new TermRecorder(w, z, room);
  evaluateByWindow(spec, slots(w), slots(z), viaWindow);
  const slidingWindow = viaWindow.finish();
  const slidingWindowTime = now() - t;
  return product && slidingWindow ? { product, slidingWindow, productTime, slidingWindowTime } : null;
}

/** The same comparison compareVectors makes of the polynomials, made on the arrays. */
export function compareTermVectors(a: TermVector, b: TermVector, o: Omit<CompareOptions<Polynomial>, 'ring' | 'same'>): Comparison {
  if (a.length !== b.length) return lengthsDiffer(a.length, b.length, o.labels);
  const equalAt = termVectorsEqual(a, b) ? () => true : (i: number) => termsEqualAt(a, b, i);
  // names read only where an entry differs (a getter, so that a spec's output names are not made for a check that holds)
  const opts = { ring: polynomialRing, show: o.show, labels: o.labels, get names() { return o.names; } };
  return compareEntries(a.length, equalAt, (i) => [termPolynomial(a, i), termPolynomial(b, i)], opts);
}
