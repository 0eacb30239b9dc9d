import { type ConvSpec, type SpecInput, normalizeSpec } from '../geometry/spec.ts';
import { unravel } from '../geometry/flat-index.ts';
import { PADDING_MODES } from '../geometry/padding-mode.ts';

/**
 * Why a probed convolution is wrong, by testing hypotheses: the probed rows are
 * compared with those of K (or the sliding window) of altered specs — the other
 * mode (a flipped kernel), another padding mode, padding ± 1, another stride or dilation — on every
 * output position (rows the altered spec does not have must be empty); a
 * hypothesis fits when every row agrees. Groups are tested on which input channels each
 * output channel reads.
 */

/** A row's content as a comparable string (its entries, or its outputs on the probes); '' for an empty row. */
export type Rows = (row: number) => string;

interface Hypothesis { cause: string; spec: SpecInput }

function base(s: ConvSpec): SpecInput {
  return {
    input: [...s.input], kernel: [...s.kernel], stride: [...s.stride], dilation: [...s.dilation],
    padding: s.padding.map(([a, b]) => [a, b] as [number, number]), outputPadding: [...s.outputPadding],
    inChannels: s.inChannels, outChannels: s.outChannels, groups: s.groups, transposed: s.transposed, mode: s.mode,
    paddingMode: s.paddingMode,
  };
}

function hypotheses(s: ConvSpec): Hypothesis[] {
  const b = base(s);
  const other = s.mode === 'convolution' ? 'correlation' : 'convolution';
  const out: Hypothesis[] = [{ cause: `a flipped kernel: it computes ${other}, the spec says ${s.mode}`, spec: { ...b, mode: other } }];
  if (!s.transposed && s.padding.some(([l, r]) => l > 0 || r > 0)) {
    for (const m of PADDING_MODES) {
      if (m !== s.paddingMode) out.push({ cause: `another padding mode: it pads with ${m}, the spec says ${s.paddingMode}`, spec: { ...b, paddingMode: m } });
    }
  }
  const pads = (f: (p: readonly [number, number]) => [number, number]) => s.padding.map(f);
  for (const d of [1, -1]) {
    const sign = d > 0 ? '+1' : '−1', opp = d > 0 ? '−1' : '+1';
    out.push({ cause: `padding off by one: it matches padding ${sign} before the input and ${opp} after (the window is shifted by one)`, spec: { ...b, padding: pads(([l, r]) => [l + d, r - d]) } });
    out.push({ cause: `padding off by one: it matches padding ${sign} on both sides`, spec: { ...b, padding: pads(([l, r]) => [l + d, r + d]) } });
    out.push({ cause: `padding off by one: it matches padding ${sign} before the input (the window is shifted)`, spec: { ...b, padding: pads(([l, r]) => [l + d, r]) } });
  }
  for (const v of [1, 2, 3]) {
    if (s.stride.some((x) => x !== v)) out.push({ cause: `a stride mismatch: it matches stride ${v}, the spec says ${s.stride.join('×')}`, spec: { ...b, stride: v } });
  }
  for (const v of [1, 2, 3]) {
    if (s.dilation.some((x) => x !== v)) out.push({ cause: `a dilation mismatch: it matches dilation ${v}, the spec says ${s.dilation.join('×')}`, spec: { ...b, dilation: v } });
  }
  return out;
}

function fits(shape: readonly number[], alt: ConvSpec, got: Rows, wrongRows: readonly number[], altRows: Rows): boolean {
  const altShape = [alt.outChannels, ...alt.output];
  // the same output position in the altered output, or −1 outside it
  const map = (r: number): number => {
    const idx = unravel(r, shape);
    return idx.some((v, a) => v >= altShape[a]!) ? -1 : idx.reduce((acc, v, a) => acc * altShape[a]! + v, 0);
  };
  // K of the altered spec, extended with empty rows where its output is smaller
  const rows = shape.reduce((a, b) => a * b, 1);
  for (let r = 0; r < rows; r++) {
    const q = map(r);
    if (got(r) !== (q < 0 ? '' : altRows(q))) return false;
  }
  return wrongRows.length > 0;
}

/** The first hypothesis that explains the probed rows, as a phrase, or null. */
export function likelyCause(
  spec: ConvSpec, shape: readonly number[], got: Rows, wrongRows: readonly number[],
  rowsOf: (alt: ConvSpec) => Rows, channels: ReadonlySet<string> | null,
): string | null {
  for (const h of hypotheses(spec)) {
    let alt: ConvSpec;
    try { alt = normalizeSpec(h.spec); } catch { continue; }
    if (alt.inChannels !== spec.inChannels || alt.input.some((n, i) => n !== spec.input[i])) continue;
    if (fits(shape, alt, got, wrongRows, rowsOf(alt))) return h.cause;
  }
  return channels ? groupsCause(spec, channels) : null;
}

/** Groups wrong: an output channel reads input channels outside its group (or misses its own); names the groups count it matches, if any. */
function groupsCause(spec: ConvSpec, channels: ReadonlySet<string>): string | null {
  const { inChannels: ci, outChannels: co } = spec;
  const pattern = (g: number) => {
    const p = new Set<string>();
    for (let o = 0; o < co; o++) for (let i = 0; i < ci; i++) if (Math.floor(o / (co / g)) === Math.floor(i / (ci / g))) p.add(`${o},${i}`);
    return p;
  };
  const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  const own = pattern(spec.groups);
  if (same(own, channels)) return null;
  const stray = [...channels].find((x) => !own.has(x));
  const [o, i] = (stray ?? [...own].find((x) => !channels.has(x))!).split(',');
  const what = stray ? `output channel ${o} reads input channel ${i}, outside its group` : `output channel ${o} never reads input channel ${i} of its group`;
  const match = [1, 2, 3, 4, 6, 8, 16].find((g) => g !== spec.groups && ci % g === 0 && co % g === 0 && same(pattern(g), channels));
  return `groups wrong: ${what} (groups = ${spec.groups}${match ? `; the channels connect as with groups = ${match}` : ''})`;
}
