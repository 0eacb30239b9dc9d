import { type ClosedFormStagedCost, type StagedCost, depthwiseSeparableClosedForms, depthwiseSeparableCost, spatiallySeparableClosedForms, spatiallySeparableCost } from '../analysis/cost.ts';
import { factorRankOne, isFactorization, readKernel2D } from '../analysis/rank-one.ts';
import { depthwiseSeparableStages, spatiallySeparableStages } from '../analysis/separable-stages.ts';
import { type Entry, polynomialEntry } from '../algebra/print.ts';
import { LimitError, ParseError } from '../errors.ts';
import type { SpecInput } from '../geometry/spec.ts';
import { estimateView } from '../work/element.ts';
import { type SummaryView, count, summaryOfFacts } from './summary.ts';
import type { SimpleVerdict } from './verdict.ts';

/**
 * The view of separable convolutions (<conv-separable>, the lecture's Sobel
 * and MobileNet counts): a 2D kernel factored into a column times a row, and
 * the multiplications of spatially and depthwise separable convolutions
 * against the standard one, as tables. Counts come from the stages' matrices;
 * past the limits (a 300×300 input) only the closed forms are given, and the
 * table says so.
 */
export interface SeparableViewInput {
  weights?: string;
  spatialInput?: string;
  input?: string;
  kernel?: string;
  stride?: string;
  padding?: string;
  inChannels?: string;
  outChannels?: string;
  show?: string;
}

/** The parts `show` may name, in the order they are drawn. */
export const SEPARABLE_PARTS = ['factorisation', 'spatial', 'depthwise'] as const;
export type SeparablePart = (typeof SEPARABLE_PARTS)[number];

export interface CostRow {
  label: string;
  /** the closed form: every tap of every window */
  multiplications: string;
  /** taps on zero padding, counted from the matrix; null when not counted */
  paddingTaps: string | null;
  parameters: string;
}

export interface CostTable {
  rows: CostRow[];
  /** "separable total": the stages' sum written out */
  total: { multiplications: string; parameters: string };
  /** a column for taps on padding zeros (some are nonzero) */
  padded: boolean;
  /** counted from the matrices (and checked), or only the closed forms */
  counted: boolean;
  /** every counted row adds up to its closed form; null when only closed forms are given */
  agree: boolean | null;
  caption: string;
  /** the standard and the separable totals, as numbers (for the spec-change event) */
  standard: number;
  separable: number;
}

export type Factorisation =
  | { rank1: true; column: Entry[]; row: Entry[]; caption: string; verdict: SimpleVerdict }
  | { rank1: false; verdict: SimpleVerdict };

export interface SeparableView {
  kind: 'separable';
  show: SeparablePart[];
  kernel: Entry[][];
  factorisation: Factorisation;
  /** each table; a summary when even its closed forms are past the engine's limits; null when not shown */
  spatial: CostTable | SummaryView | null;
  depthwise: CostTable | SummaryView | null;
  /** the counted tables' check: matrix entries plus padding taps = the closed form; null when nothing was counted */
  verdict: SimpleVerdict | null;
}

/** Taps a part counts from its matrices (standard and stages) before it gives closed forms only. */
export const SEPARABLE_LIMITS = { taps: 120_000 };

const SOBEL = '[[1,0,-1],[2,0,-2],[1,0,-1]]';

export function separableView(input: SeparableViewInput): SeparableView {
  const show = parseShow(input.show);
  const k = input.weights ?? SOBEL;
  const poly = readKernel2D(k, 'weights');
  const f = factorRankOne(k);
  const ok = f.rank1 && isFactorization(k, f.column, f.row);
  const factorisation: Factorisation = f.rank1
    ? {
      rank1: true, column: f.column.map((p) => polynomialEntry(p)), row: f.row.map((p) => polynomialEntry(p)),
      caption: `${f.column.length}×1 then 1×${f.row.length}: ${f.column.length + f.row.length} weights instead of ${f.column.length * f.row.length}.`,
      verdict: { pass: ok, text: ok ? 'column × row multiplies back to the kernel, exactly' : 'the factors do not multiply back to the kernel' },
    }
    : { rank1: false, verdict: { pass: false, text: `not separable: ${f.reason}` } };
  const spatialSpec: SpecInput = { input: input.spatialInput ?? '5x5', kernel: `${poly.length}x${poly[0]!.length}` };
  const depthwiseSpec: SpecInput = {
    input: input.input ?? '7x7', kernel: input.kernel ?? '3x3', stride: input.stride, padding: input.padding,
    inChannels: input.inChannels ?? 3, outChannels: input.outChannels ?? 128,
  };
  const spatial = show.includes('spatial') ? withinEngine('the spatially separable counts', () =>
    table(spatialSpec, spatiallySeparableStages(spatialSpec), () => spatiallySeparableCost(spatialSpec), () => spatiallySeparableClosedForms(spatialSpec))) : null;
  const depthwise = show.includes('depthwise') ? withinEngine('the depthwise-separable counts', () =>
    table(depthwiseSpec, Object.values(depthwiseSeparableStages(depthwiseSpec)), () => depthwiseSeparableCost(depthwiseSpec), () => depthwiseSeparableClosedForms(depthwiseSpec))) : null;
  const counted = [spatial, depthwise].filter((t): t is CostTable => t !== null && 'counted' in t && t.counted);
  return {
    kind: 'separable', show, kernel: poly.map((r) => r.map((p) => polynomialEntry(p))), factorisation, spatial, depthwise,
    verdict: counted.length ? { pass: counted.every((t) => t.agree === true), text: 'entries of K plus taps on padding = multiplications, for every row' } : null,
  };
}

/** The cost table of a standard spec and its stages: counted from the matrices within the limits, else the closed forms. */
function table(standard: SpecInput, stages: readonly SpecInput[], counted: () => StagedCost, closed: () => ClosedFormStagedCost): CostTable {
  const taps = [standard, ...stages].reduce((acc, s) => acc + (estimateView(s)?.taps ?? 0), 0);
  const within = taps <= SEPARABLE_LIMITS.taps;
  const c: StagedCost | ClosedFormStagedCost = within ? counted() : closed();
  const all = [c.standard, ...c.stages.map((s) => s.cost)];
  const padded = all.some((x) => (x.paddingTaps ?? 0) > 0);
  const row = (label: string, x: (typeof all)[number]): CostRow => ({
    label, multiplications: count(x.closedForm), parameters: count(x.parameters), paddingTaps: x.paddingTaps === null ? null : count(x.paddingTaps),
  });
  const sum = c.stages.reduce((a, s) => a + s.cost.closedForm, 0);
  return {
    rows: [row('standard', c.standard), ...c.stages.map((s) => row(`${s.name} (${describeSpec(s.spec)})`, s.cost))],
    total: { multiplications: `${c.stages.map((s) => count(s.cost.closedForm)).join(' + ')} = ${count(sum)}`, parameters: count(c.parameters) },
    padded, counted: within,
    // the check: entries of K plus taps on zero padding give the closed form, row by row
    agree: within ? all.every((x) => x.multiplications! + x.paddingTaps! === x.closedForm) : null,
    caption: within
      ? 'Multiplications count every tap of every window position (positions × kernel size), as the lecture does; products by zero weights are not left out.'
      : `Multiplications from the closed forms only (positions × kernel size): too large to count from the matrices here (${count(taps)} taps, past the limit of ${count(SEPARABLE_LIMITS.taps)} counted on the page).`,
    standard: c.standard.closedForm, separable: sum,
  };
}

/** A table, or its summary when the spec is past the engine's own limits (a 512×512 input with 128 channels). */
function withinEngine(what: string, make: () => CostTable): CostTable | SummaryView {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    return summaryOfFacts(`${e.field} ${e.rule}`, what, []);
  }
}

function describeSpec(s: SpecInput): string {
  const k = Array.isArray(s.kernel) ? s.kernel.join('×') : String(s.kernel ?? '');
  const ch = s.inChannels !== undefined ? `, ${String(s.inChannels)} → ${String(s.outChannels)} channels` : '';
  return `${k} kernel${ch}${s.groups !== undefined && s.groups !== 1 ? `, groups ${String(s.groups)}` : ''}`;
}

/** The `show` attribute: a comma list of parts, every part when unset. */
function parseShow(value: string | undefined): SeparablePart[] {
  if (value === undefined || value === null) return [...SEPARABLE_PARTS];
  const names = value.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
  const bad = names.find((n) => !(SEPARABLE_PARTS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new ParseError({ field: 'show', value, rule: `must name one or more of ${SEPARABLE_PARTS.join(', ')}, separated by commas`, fix: 'for example show="depthwise"' });
  }
  return SEPARABLE_PARTS.filter((p) => names.includes(p));
}
