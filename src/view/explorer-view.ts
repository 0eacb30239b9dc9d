import { PADDING_MODES, type PaddingMode } from '../geometry/padding-mode.ts';
import { type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { parseBoolean, parseMode } from '../geometry/spec-fields.ts';
import { type TorchCode, torchCode } from '../geometry/torch-code.ts';
import { type OutputSizeFormula, outputSizeFormulas } from './output-size-formula.ts';
import { LAYER_FIELDS } from './layer-fields.ts';
import { summaryFor } from './summary.ts';

/**
 * The view of the playground (<conv-explorer>): what its controls show for
 * the spec written in its attributes (the mode and padding mode selected,
 * which fields a pasted PyTorch layer sets), the spec as PyTorch code, the
 * output size of each axis with its formula, and which elements it composes.
 * Past the matrix's limits it normalises nothing: the composed views show
 * their own summaries, and the output size is the estimator's.
 */
export type ExplorerValues = Partial<Record<keyof SpecInput, string>>;

export interface ExplorerView {
  kind: 'explorer';
  dims: number;
  transposed: boolean;
  mode: 'correlation' | 'convolution';
  /** the padding mode selected: a pasted layer's, else the attribute's, else zeros */
  paddingMode: PaddingMode;
  paddingModes: readonly PaddingMode[];
  /** the fields a pasted layer sets (disabled while it is there) */
  setByLayer: readonly string[];
  /** the accepted attribute values, defaults filled in (input 6, kernel 3), handed to the composed elements */
  values: ExplorerValues;
  /** the spec as PyTorch code, or null past the limits */
  torch: TorchCode | null;
  /** each axis' output size with its formula; null past the limits (then `output` is the estimate's) */
  formulas: OutputSizeFormula[] | null;
  output: readonly number[] | null;
  /** the elements composed below the controls, in order */
  composed: Array<'conv-matrix' | 'conv-window' | 'conv-transposed'>;
}

/** Past these the explorer normalises nothing (the composed views show their summaries). */
export const EXPLORER_LIMITS = { drawnEntries: 12_000, taps: 60_000, terms: 600_000 };

/**
 * The explorer's view of a spec (`spec`: the attributes read as a spec;
 * `given`: the same values as typed, handed on to the composed elements).
 * Throws a ConvmatError naming the field.
 */
export function explorerView(spec: SpecInput, given: ExplorerValues): ExplorerView {
  const values: ExplorerValues = { ...given };
  values.input ??= '6';
  if (values.layer === undefined) values.kernel ??= '3';
  const input: SpecInput = { input: '6', ...(spec.layer === undefined ? { kernel: '3' } : {}), ...spec };
  const summary = summaryFor(input, EXPLORER_LIMITS, 'the drawing');
  const full = summary ? null : normalizeSpec(input);
  const dims = full?.dims ?? summary!.summary.estimate!.input.length;
  const transposed = full?.transposed ?? parseBoolean(input.transposed, 'transposed');
  return {
    kind: 'explorer', dims, transposed, mode: full?.mode ?? parseMode(input.mode),
    paddingMode: full?.paddingMode ?? ((given.paddingMode as PaddingMode | undefined) ?? 'zeros'),
    paddingModes: PADDING_MODES, setByLayer: LAYER_FIELDS, values,
    torch: full ? torchCode(full) : null,
    formulas: full ? outputSizeFormulas(full) : null,
    output: full ? full.output : summary!.summary.estimate!.output,
    composed: ['conv-matrix', ...(dims <= 2 && !transposed ? ['conv-window' as const] : []), ...(transposed ? ['conv-transposed' as const] : [])],
  };
}
