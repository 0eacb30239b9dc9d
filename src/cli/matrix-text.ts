import { describeReport } from '../check/report.ts';
import type { ConvSpec } from '../geometry/spec.ts';
import type { MatrixJson } from './matrix-json.ts';
import { bracketColumn, bracketMatrix, operator, shortenSum, sideBySide } from './text-layout.ts';
import type { MatrixCheck } from '../check/matrix-check.ts';
import { displayName } from '../algebra/latex-escape.ts';

/**
 * The human output of `convmat matrix`: a one-line summary of the spec, then
 * K · z = K·z = (output names) as bracketed text, then the verdict.
 */
export function matrixText(check: MatrixCheck, json: MatrixJson): string {
  const { spec } = check;
  const K = spec.transposed ? 'Kᵀ' : 'K';
  const { rows, cols } = json.shape;
  const cell = new Map<number, string>();
  for (const [r, c, e] of json.entries) cell.set(r * cols + c, e);
  const equation = sideBySide([
    bracketMatrix(rows, cols, (r, c) => cell.get(r * cols + c) ?? '0'),
    operator('·'),
    bracketColumn(json.inputNames, cols),
    operator('='),
    bracketColumn((i) => shortenSum(json.product[i]!, 64), rows),
    operator('='),
    bracketColumn(json.outputNames.map(displayName), rows),
  ]);
  const t = json.timings;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return [
    summary(spec),
    `${K}: ${rows}×${cols}, ${json.entries.length} nonzeros;  z: ${cols};  ${K}·z: ${rows}`,
    '',
    equation,
    '',
    `${check.report.holds ? '✓' : '✗'} ${describeReport(check.report)}`,
    `engine: build ${ms(t.build)}, product ${ms(t.product)}, sliding window ${ms(t.slidingWindow)}, compare ${ms(t.compare)}`,
    '',
  ].join('\n');
}

const channels = (c: number) => (c === 1 ? '' : ` (${c} channels)`);

function summary(s: ConvSpec): string {
  const x = (v: readonly number[]) => v.join('×');
  const parts = [
    `${s.transposed ? 'transposed convolution' : s.mode === 'convolution' ? 'convolution (flipped kernel)' : 'convolution (cross-correlation)'}:`,
    `input ${x(s.input)}${channels(s.inChannels)}`,
    `kernel ${x(s.kernel)}`,
  ];
  if (s.stride.some((v) => v !== 1)) parts.push(`stride ${x(s.stride)}`);
  if (s.dilation.some((v) => v !== 1)) parts.push(`dilation ${x(s.dilation)}`);
  if (s.padding.some(([a, b]) => a || b)) parts.push(`padding ${s.padding.map(([a, b]) => (a === b ? `${a}` : `${a},${b}`)).join(s.padding.some(([a, b]) => a !== b) ? ';' : '×')}${s.paddingMode === 'zeros' ? '' : ` (${s.paddingMode})`}`);
  if (s.outputPadding.some((v) => v !== 0)) parts.push(`output padding ${x(s.outputPadding)}`);
  if (s.groups !== 1) parts.push(`groups ${s.groups}`);
  parts.push(`→ output ${x(s.output)}${channels(s.outChannels)}`);
  return parts.join(' ');
}
