import { SpecError } from '../errors.ts';
import { type ConvLayer, layerSpecs } from '../geometry/layer-specs.ts';
import { type StackLayer, receptiveFieldClosedForm, stackLayersOf } from '../geometry/layer-stack.ts';
import { product } from '../geometry/names.ts';
import { receptiveFieldSize } from '../geometry/output-size.ts';
import { type SpecInput, specGeometry } from '../geometry/spec.ts';
import type { WorkEstimate } from './request.ts';
import { specSize } from './spec-size.ts';
import { readSpec } from './entry-terms.ts';

/**
 * Estimates for requests about stacks of layers rather than one spec: the
 * receptive field (every level holds at most the whole receptive field of
 * the stack; the identity traces it from every top neuron) and the
 * composition of two layers (dense B·A).
 */
export function stackEstimate(raw: unknown, kind: 'topic' | 'identity'): WorkEstimate {
  const spec = (raw ?? {}) as SpecInput & { layers?: readonly StackLayer[] };
  const layers = kind === 'identity' ? spec.layers ?? [] : stackLayersOf(spec);
  const dims = spec.input === undefined ? undefined : specGeometry({ input: spec.input, kernel: 1 }).dims;
  const closed = receptiveFieldClosedForm(layers, dims);
  const levels = layers.length + 1;
  const input = spec.input === undefined ? closed.size : product(specGeometry({ input: spec.input, kernel: 1 }).input);
  const perNeuron = levels * closed.size;
  // the identity traces the field of every top neuron (at most one per input position)
  const neurons = kind === 'identity' ? input : 1;
  return { entries: levels * input, terms: 0, denseCells: neurons * perNeuron };
}

export function compositionEstimate(raw: unknown): WorkEstimate {
  const spec = raw as { input?: SpecInput['input']; layers?: readonly ConvLayer[] };
  if (!spec || !Array.isArray(spec.layers) || spec.layers.length !== 2) {
    throw new SpecError({ field: 'layers', value: spec?.layers, rule: 'needs exactly two layers', fix: 'for example layers: [{kernel: 3}, {kernel: 2}]' });
  }
  const [a, b] = layerSpecs(spec.layers[0]!, spec.layers[1]!, spec.input);
  const ra = readSpec(a), rb = readSpec(b);
  const sa = specSize(ra.geometry, ra.terms), sb = specSize(rb.geometry, rb.terms);
  // B·A over the nonzeros: each entry of B meets the taps of one row of A
  const rowA = (a.conv.inChannels / a.groups) * product(a.kernel);
  const reached = sb.nonzeros * rowA;
  const composite = product(a.conv.axes.map((x, i) => receptiveFieldSize([x, b.conv.axes[i]!])));
  return {
    entries: sa.nonzeros + sb.nonzeros + reached + sb.rows * a.conv.inChannels * composite,
    // B·A, and the composite kernel read twice (composed and naive) from kernel-sized inputs
    terms: (reached + 2 * b.conv.outChannels * b.conv.inChannels * a.conv.inChannels * product(a.kernel) * product(b.kernel)) * sa.weightTerms * sb.weightTerms,
    denseCells: 0,
  };
}
