import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { type Nested, nest } from '../evaluate/nested.ts';
import { assertWork } from '../work/guard.ts';
import { RANDOM_PROBES, randomProbes } from './probe-bilinear.ts';
import { ProbeFailure, describeValue, isThenable, readOutput } from './probe-output.ts';
import { type Probe, type Shapes, unitProbes } from './probe-units.ts';
import { type CheckReport, type Comparison, describeComparison, failedCheck, reportFrom } from './report.ts';

/**
 * What a user's convolution really computes. `fn(input, weight)` takes and
 * returns nested arrays in the `convmat eval` layouts (typed arrays such as
 * Float32Array are read like arrays). First seven random probes with signed,
 * non-integer dyadic values check that fn is bilinear (additive and
 * homogeneous in each argument) and compare its outputs with the sliding
 * window, exactly (probe-bilinear.ts says why float results are exact there).
 * A bilinear fn is then probed with units: a unit in input c and a unit in
 * weight t give column c of its matrix in the weight t, so every pair recovers
 * the matrix it computes, compared with K(spec) entry by entry
 * (probe-units.ts). That takes inputs × weights calls; past PROBE_LIMITS the
 * random probes decide alone.
 */
export type ConvolutionFn = (input: Nested, weight: Nested) => unknown;

/**
 * Unit probing while inputs × weights ≤ `calls` and those calls together make at
 * most `work` multiplications (one call: the evaluation the work estimator
 * counts, estimateWork(spec, {kind: 'eval'}).terms); `randomProbes` calls
 * (the bilinearity probes) come first in every case.
 */
export const PROBE_LIMITS = Object.freeze({ calls: 4096, work: 20_000_000, randomProbes: RANDOM_PROBES });

/** What a probe states besides the comparisons. */
export type ProbeFacts = {
  /** 'unit': the matrix was recovered from unit probes; 'random': past PROBE_LIMITS, the random probes alone */
  readonly method: 'unit' | 'random';
  /** calls made to fn, the one that threw or returned something unreadable included */
  readonly calls: number;
  /** the property a non-bilinear fn breaks: 'additive in the input', 'homogeneous in the weight'… */
  readonly property?: string;
  /** the likely cause of wrong entries, e.g. "a flipped kernel: it computes convolution, the spec says correlation" */
  readonly cause?: string;
};

/**
 * A probe answers with the one report shape (report.ts): `holds`, `summary` (all
 * of it in words), `comparisons` (the four properties, the matrix against K(spec)
 * when probed with units, the outputs against the sliding window), `differences`
 * (the wrong entries, "row z7, column z1" with left = computed, right = expected),
 * `reason` when fn threw or returned something that is not the output, and its facts.
 */
export interface ProbeReport extends CheckReport {
  readonly facts: ProbeFacts;
}

/** How many wrong entries the summary lists (it counts them all). */
const SHOWN = 5;

/** The eval layouts of a spec: input [C_in, ...n], weight [C_out, C_in/g, ...k] (conv_transpose: [C_in, C_out/g, ...k]), output [C_out, ...o]. */
export function evalShapes(s: ConvSpec): Shapes {
  const weight = s.transposed ? [s.inChannels, s.outChannels / s.groups, ...s.kernel] : [s.outChannels, s.inChannels / s.groups, ...s.kernel];
  return { input: [s.inChannels, ...s.input], weight, output: [s.outChannels, ...s.output] };
}

interface Outcome { comparisons: Comparison[]; property: string | null; cause: string | null }

function* plan(spec: ConvSpec, shapes: Shapes, unit: boolean): Generator<Probe, Outcome, number[]> {
  const random = yield* randomProbes(spec, shapes);
  if (random.property || !unit) return random;
  const units = yield* unitProbes(spec, shapes);
  const [outputs, ...properties] = [random.comparisons.at(-1)!, ...random.comparisons.slice(0, -1)];
  return { comparisons: [...properties, units.comparison, outputs], property: null, cause: units.cause ?? random.cause };
}

/**
 * Does `fn(input, weight)` compute the convolution of `spec`, exactly? The
 * report names the property a non-bilinear fn breaks, or the wrong entries
 * ("row z7, column z1: expected w1, computed w3") and the likely cause. An
 * invalid spec throws its typed error, and a spec whose one evaluation is over
 * the work limits a LimitError, before fn is called; a function that throws,
 * returns the wrong shape, a non-finite number or a Promise gives
 * `holds: false` with the `reason` (probeMatrix is synchronous: the matcher
 * `await expect(fn).toComputeConvolution(spec)` awaits an async fn).
 */
export function probeMatrix(fn: ConvolutionFn, spec: SpecInput | ConvSpec): ProbeReport {
  return probeConvolution(fn, spec, false) as ProbeReport;
}

/** probeMatrix, awaiting fn when `allowAsync` and it returns a Promise (then the report is a Promise too). */
export function probeConvolution(fn: ConvolutionFn, specInput: SpecInput | ConvSpec, allowAsync: boolean): ProbeReport | Promise<ProbeReport> {
  // one evaluation must fit the work limits in force (a LimitError otherwise, as for convmat eval)
  const perCall = assertWork(specInput, { kind: 'eval' }).terms;
  const spec = normalizeSpec(specInput);
  const shapes = evalShapes(spec);
  const pairs = shapes.input.reduce((a, b) => a * b, 1) * shapes.weight.reduce((a, b) => a * b, 1);
  const method: ProbeFacts['method'] = pairs <= PROBE_LIMITS.calls && pairs * perCall <= PROBE_LIMITS.work ? 'unit' : 'random';
  const state = { calls: 0 };
  const done = (o: Outcome): ProbeReport => toReport(o, method, state.calls);
  const failed = (e: unknown): ProbeReport => {
    if (!(e instanceof ProbeFailure)) throw e;
    const facts: ProbeFacts = { method, calls: state.calls };
    return { ...failedCheck(e.message, facts), summary: `${e.message} (${how(facts)})`, facts };
  };
  try {
    const r = drive(fn, plan(spec, shapes, method === 'unit'), shapes, state, allowAsync);
    return r instanceof Promise ? r.then(done, failed) : done(r);
  } catch (e) {
    return failed(e);
  }
}

/** One call of fn on a probe; counted before it runs, so a throw on the third call says 3 calls. */
function invoke(fn: ConvolutionFn, p: Probe, shapes: Shapes, state: { calls: number }): unknown {
  state.calls++;
  try {
    return fn(nest(p.x, shapes.input), nest(p.w, shapes.weight));
  } catch (e) {
    throw new ProbeFailure(`the function threw: ${describeValue(e)}`, 'threw');
  }
}

/** Runs the plan synchronously until fn returns a Promise; then awaits it and every later call (or fails, in probeMatrix). */
function drive(fn: ConvolutionFn, steps: Generator<Probe, Outcome, number[]>, shapes: Shapes, state: { calls: number }, allowAsync: boolean): Outcome | Promise<Outcome> {
  let step = steps.next();
  while (!step.done) {
    const out = invoke(fn, step.value, shapes, state);
    if (isThenable(out)) {
      if (allowAsync) return finish(fn, steps, out, shapes, state);
      try { Promise.resolve(out).catch(() => {}); } catch { /* a hostile thenable: nothing to silence */ }
      throw new ProbeFailure('the function returned a Promise: probeMatrix calls it synchronously; `await expect(fn).toComputeConvolution(spec)` awaits an async function', 'async');
    }
    step = steps.next(readOutput(out, shapes.output));
  }
  return step.value;
}

async function settle(out: unknown): Promise<unknown> {
  try { return await out; } catch (e) { throw new ProbeFailure(`the function's promise rejected: ${describeValue(e)}`, 'threw'); }
}

async function finish(fn: ConvolutionFn, steps: Generator<Probe, Outcome, number[]>, pending: unknown, shapes: Shapes, state: { calls: number }): Promise<Outcome> {
  let step = steps.next(readOutput(await settle(pending), shapes.output));
  while (!step.done) step = steps.next(readOutput(await settle(invoke(fn, step.value, shapes, state)), shapes.output));
  return step.value;
}

/** How fn was probed: "7 random signed non-integer probes, then unit probes; 25 calls". */
function how(f: ProbeFacts): string {
  const random = `${PROBE_LIMITS.randomProbes} random signed non-integer probes`;
  const calls = `${f.calls} call${f.calls === 1 ? '' : 's'}`;
  if (f.method === 'random') return `${random}, past the unit-probe limit; ${calls}`;
  return f.calls > PROBE_LIMITS.randomProbes ? `${random}, then unit probes; ${calls}` : `${random}; ${calls}`;
}

function toReport(o: Outcome, method: 'unit' | 'random', calls: number): ProbeReport {
  const facts: ProbeFacts = { method, calls, ...(o.property ? { property: o.property } : {}), ...(o.cause ? { cause: o.cause } : {}) };
  const r = reportFrom(o.comparisons, { ...facts });
  return { ...r, summary: summarise(r, facts), facts };
}

/** The report in words: the verdict and how fn was probed; the property broken, or a few wrong entries with a count and the likely cause. */
function summarise(r: CheckReport, f: ProbeFacts): string {
  if (r.holds) return `it computes K(spec) exactly (${how(f)})`;
  const c = r.comparisons.find((x) => !x.equal)!;
  if (f.property) {
    const d = c.differences[0]!;
    const rounding = Math.abs(Number(d.difference)) <= 2 ** -20 * Math.max(Math.abs(Number(d.left)), Math.abs(Number(d.right)))
      ? '; the difference is a rounding error, but these probes are exact in float32 and float64, so an exact convolution has none' : '';
    return `it is not ${f.property} (${how(f)}): ${describeComparison(c)}${rounding}\na convolution is bilinear, so no matrix describes what it computes`;
  }
  const unit = c.right === 'K(spec)'; // the matrix from unit probes, not the outputs on the random probes
  const what = unit ? `entr${c.mismatchCount === 1 ? 'y' : 'ies'}` : `output${c.mismatchCount === 1 ? '' : 's'} on the random probes`;
  const lines = c.differences.slice(0, SHOWN).map((d) => `  ${d.name}: expected ${d.right}, computed ${d.left}`);
  const more = c.mismatchCount > lines.length ? `\n  … and ${c.mismatchCount - lines.length} more` : '';
  const cause = f.cause ? `\nlikely cause: ${f.cause}` : '';
  return `${c.mismatchCount} wrong ${what} (${how(f)}):\n${lines.join('\n')}${more}${cause}`;
}
