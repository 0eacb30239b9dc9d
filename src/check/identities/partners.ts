import type { Polynomial } from '../../algebra/polynomial.ts';
import { symbolsOf } from '../../algebra/polynomial.ts';
import { symbolName } from '../../algebra/symbols.ts';
import { NameError, SpecError } from '../../errors.ts';
import { transposedOutputSize } from '../../geometry/output-size.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../geometry/spec.ts';
import type { PaddingValue } from '../../geometry/spec-fields.ts';
import { geometryOf } from '../../geometry/spec-input.ts';

/**
 * A convolution and its transposed partner: the transposed convolution with
 * the same (k, s, p, d), whose input is the convolution's output. Output
 * padding picks which of the s input lengths that share that output it maps
 * back to.
 */

/** The output padding with which the transposed partner of `conv` restores its input length: (n + p₀ + p₁ − d(k−1) − 1) mod s per axis. */
export function roundTripOutputPadding(conv: ConvSpec): number[] {
  return conv.conv.axes.map((a) => a.n - transposedOutputSize(a.o, a, 0));
}

const pairs = (spec: ConvSpec) => spec.padding.map(([a, b]) => [a, b] as [number, number]);

/** The transposed partner of a regular spec (channels swap; the weight layout stays the same array). */
export function transposedPartner(conv: ConvSpec, outputPadding: readonly number[], padding?: PaddingValue): ConvSpec {
  return normalizeSpec({
    input: [...conv.output], kernel: [...conv.kernel], stride: [...conv.stride], dilation: [...conv.dilation],
    padding: padding ?? pairs(conv), transposed: true, outputPadding: [...outputPadding],
    inChannels: conv.outChannels, outChannels: conv.inChannels, groups: conv.groups, mode: conv.mode,
  });
}

/** The regular partner of a transposed spec: the convolution of its output length with the same (k, s, p, d). */
export function regularPartner(t: ConvSpec, padding?: PaddingValue): ConvSpec {
  return normalizeSpec({
    input: [...t.output], kernel: [...t.kernel], stride: [...t.stride], dilation: [...t.dilation],
    padding: padding ?? pairs(t), inChannels: t.outChannels, outChannels: t.inChannels, groups: t.groups, mode: t.mode,
  });
}

/** The spec fields without the keys an identity adds to it (which normalizeSpec does not know). */
export function plainSpec(spec: SpecInput, drop: readonly string[]): SpecInput {
  const out: Record<string, unknown> = { ...spec };
  for (const k of drop) delete out[k];
  return out as SpecInput;
}

/**
 * Input symbols for a second vector that share no name with `taken`: the spec
 * with `inputs` set to the first free prefix among y, v, u, q.
 */
export function withFreshInputs(spec: ConvSpec, taken: ReadonlyArray<readonly Polynomial[]>): ConvSpec {
  const used = new Set<string>();
  for (const group of taken) for (const p of group) for (const id of symbolsOf(p)) used.add(symbolName(id));
  for (const prefix of ['y', 'v', 'u', 'q']) {
    const s = normalizeSpec({ ...geometryOf(spec), inputs: prefix });
    if (!s.inputNames!.some((n) => used.has(n))) return s;
  }
  throw new NameError({ field: 'inputs', value: [...used].slice(0, 4), rule: 'no free prefix (y, v, u, q) for the second vector', fix: 'rename the inputs' });
}

/** A regular spec for an identity of the backward pass; a transposed one is a SpecError naming the identity. */
export function regularSpec(input: SpecInput, id: string): ConvSpec {
  const spec = normalizeSpec(input);
  if (spec.transposed) throw new SpecError({ field: 'transposed', value: true, rule: `${id} is about the gradients of a regular convolution`, fix: 'drop transposed' });
  return spec;
}

/** The spec the adjoint and round-trip identities size their work by: a regular spec's output padding is its partner's, not its own. */
export function adjointSpecOf(raw: unknown): unknown {
  const r = { ...(raw as object) } as Record<string, unknown>;
  if (r.transposed !== true && r.transposed !== 'true') delete r.outputPadding;
  return r;
}
