import { type Polynomial, addPoly } from '../algebra/polynomial.ts';
import { checkMatrix } from '../check/matrix-check.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { forEachEntry } from '../matrix/csr.ts';
import { type Rank, lectureRank, polyCell, rowLinks } from './cells.ts';
import type { Cell, DeriveOptions, Derivation, Step, TopicWork } from './derivation.ts';
import { flatAt, gridShape } from './layout.ts';
import { EQUALS, mathPart, matrixPart } from './matrix-part.ts';
import { equationStep, verdictStep } from './steps.ts';
import { bySpecSize, work } from '../work/spec-estimate.ts';
import { productTerms } from '../work/spec-size.ts';

/**
 * The sliding window step by step, as the lecture's nine frames: for each
 * output position, the kernel's entries written as subscripts over the input
 * cells the window covers, the dot product, and the output cell. Which cells
 * and which weights come from the engine (row r of K), not from index sums here.
 */
export const MAX_WINDOW_STEPS = 64;

export function deriveWindow(input: SpecInput | ConvSpec, opts: DeriveOptions = {}): Derivation {
  const spec = normalizeSpec(input);
  const check = checkMatrix(spec);
  const m = check.matrix, rank = lectureRank(spec), links = rowLinks(m, spec.outputNames);
  const inShape = spec.singleChannel ? spec.input : spec.inputShape;
  const outShape = spec.singleChannel ? spec.output : spec.outputShape;
  const [ih, iw] = gridShape(inShape), [oh, ow] = gridShape(outShape);
  const steps: Step[] = [];
  const shown = Math.min(m.rows, MAX_WINDOW_STEPS);
  for (let r = 0; r < shown; r++) {
    const covered = new Map<number, Polynomial>();
    const products: string[] = [], texts: string[] = [];
    forEachEntry(m, (_, c, t) => {
      const w = spec.weights[t]!, x = spec.inputs[c]!;
      covered.set(c, covered.has(c) ? addPoly(covered.get(c)!, w) : w); // a padding cell copying input c adds its weight
      products.push(`${factor(x, rank).tex} \\cdot ${factor(w, rank).tex}`);
      texts.push(`${factor(x, rank).text}*${factor(w, rank).text}`);
    }, r, r + 1);
    const grid = matrixPart(ih, iw, (i, j) => {
      const f = flatAt(inShape, i, j), x = polyCell(spec.inputs[f]!, rank), w = covered.get(f);
      return w === undefined ? x : overWeight(x, polyCell(w, rank));
    }, { limits: opts.limits });
    const out = matrixPart(oh, ow, (i, j) => {
      const f = flatAt(outShape, i, j), v = polyCell(check.product[f]!, rank);
      return f === r ? { tex: `\\boxed{${v.tex}}`, text: `[${v.text}]` } : v;
    }, { limits: opts.limits });
    const dot = mathPart(products.join(' + ') || '0', texts.join(' + ') || '0');
    steps.push(equationStep(`Window ${r + 1} of ${m.rows}: output ${spec.outputNames[r]}`,
      [grid, mathPart('\\;\\to\\;', '→'), dot, EQUALS, polyCell2(check.product[r]!, rank), mathPart('\\;\\to\\;', '→'), out], [links[r]!]));
  }
  const final = matrixPart(oh, ow, (i, j) => polyCell(check.product[flatAt(outShape, i, j)]!, rank), { limits: opts.limits });
  steps.push(equationStep('The feature map', [final], links));
  steps.push(verdictStep('Every window agrees with the matrix product', check.report));
  return { topic: 'window', title: 'The sliding window, step by step', steps };
}

/** The lecture's notation: the input value with the kernel entry as subscript. */
function overWeight(x: Cell, w: Cell): Cell {
  const sub = /^\d+$/.test(w.text) ? [...w.text].map((d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]).join('') : `_${w.text}`;
  return { tex: `\\textcolor{#c2410c}{{${x.tex}}_{${w.tex}}}`, text: `${x.text}${sub}` };
}

function factor(p: Polynomial, rank: Rank): Cell {
  const c = polyCell(p, rank);
  return p.size > 1 || c.text.startsWith('-') ? { tex: `\\left(${c.tex}\\right)`, text: `(${c.text})` } : c;
}

function polyCell2(p: Polynomial, rank: Rank) {
  const c = polyCell(p, rank);
  return mathPart(c.tex, c.text);
}

/** One frame per output: K·z and the window. */
export const WINDOW_WORK: TopicWork = {
  estimate: bySpecSize((_c, s) => work(s.nonzeros, 2 * productTerms(s))),
  limits: { drawnEntries: 160, taps: 1500 },
};
