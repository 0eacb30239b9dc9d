import { samePadding } from './output-size.ts';
import { type SpecInput, specGeometry } from './spec.ts';
import type { SpecGeometry } from './spec-geometry.ts';

/**
 * A spec as PyTorch layer code with bias=False, the printer beside the
 * reader of torch-layer.ts: parseTorchLayer(code) reads back the same
 * geometry. `code` is null when no Conv layer has the spec's padding
 * (different before and after, other than a stride-1 'same'); `note` then
 * says what does, and also when the code needs more than the layer
 * (a true convolution's flipped kernel).
 */
export interface TorchCode {
  readonly code: string | null;
  readonly note: string | null;
}

/** The layer code of a spec: a plain spec (read and checked as normalizeSpec reads it), a ConvSpec, or a geometry. */
export function torchCode(spec: SpecInput | SpecGeometry): TorchCode {
  const g = isGeometry(spec) ? spec : specGeometry(spec);
  const cls = `nn.Conv${g.transposed ? 'Transpose' : ''}${g.dims}d`;
  const value = (xs: readonly number[]) => (g.dims === 1 ? String(xs[0]) : `(${xs.join(', ')})`);
  const symmetric = g.padding.every(([a, b]) => a === b);
  const same = !g.transposed && g.stride.every((s) => s === 1)
    && g.padding.every(([a, b], i) => { const [p0, p1] = samePadding(g.kernel[i]!, g.dilation[i]!); return a === p0 && b === p1; });
  const flip = g.mode === 'convolution'
    ? `PyTorch layers cross-correlate: this true convolution is the layer with its weight flipped, weight.flip(${Array.from({ length: g.dims }, (_, i) => i + 2).join(', ')})`
    : null;
  if (!symmetric && !same) {
    const pad = [...g.padding].reverse().flatMap(([a, b]) => [a, b]);
    const note = g.transposed
      ? `the padding (${g.padding.map(([a, b]) => `${a},${b}`).join('; ')}) crops the output unevenly, which nn.ConvTranspose${g.dims}d cannot: use padding=0 and slice the output`
      : `no nn.Conv${g.dims}d pads unevenly: apply F.pad(x, (${pad.join(', ')})${g.paddingMode === 'zeros' ? '' : `, mode='${g.paddingMode}'`}) and use padding=0`;
    return { code: null, note: flip ? `${note}; ${flip}` : note };
  }
  const args = [String(g.inChannels), String(g.outChannels), `kernel_size=${value(g.kernel)}`, `stride=${value(g.stride)}`];
  args.push(same && !symmetric ? "padding='same'" : `padding=${value(g.padding.map(([a]) => a))}`);
  if (g.transposed && g.outputPadding.some((p) => p !== 0)) args.push(`output_padding=${value(g.outputPadding)}`);
  if (g.groups !== 1) args.push(`groups=${g.groups}`);
  if (g.dilation.some((d) => d !== 1)) args.push(`dilation=${value(g.dilation)}`);
  args.push('bias=False');
  if (g.paddingMode !== 'zeros') args.push(`padding_mode='${g.paddingMode}'`);
  return { code: `${cls}(${args.join(', ')})`, note: flip };
}

/** A geometry read by the engine (a plain spec has none of these keys: they are not spec keys). */
function isGeometry(x: SpecInput | SpecGeometry): x is SpecGeometry {
  return typeof x === 'object' && x !== null && 'conv' in x && 'weightShape' in x;
}
