/**
 * A direct convolution written from the definition, over the eval layouts
 * (input [C_in, ...n], weight [C_out, C_in/g, ...k], output [C_out, ...o];
 * transposed: weight [C_in, C_out/g, ...k]), with knobs that break it the
 * way real implementations break: a flipped kernel, a shifted window, a wrong
 * stride or dilation in the index (the output size stays right), groups
 * ignored. Independent of src/: it shares no code with convmat.
 */
type Nested = number | Nested[];

export interface DirectOptions {
  stride?: number;
  padding?: number;
  dilation?: number;
  groups?: number;
  transposed?: boolean;
  /** true convolution (kernel flipped), not correlation */
  flip?: boolean;
  /** the bugs */
  bug?: { padding?: number; stride?: number; dilation?: number; flip?: boolean; ignoreGroups?: boolean };
}

export function shapeOf(a: Nested): number[] {
  return Array.isArray(a) ? [a.length, ...shapeOf(a[0]!)] : [];
}

export const flat = (a: Nested): number[] => (Array.isArray(a) ? a.flatMap(flat) : [a]);

export function build(values: number[], shape: number[]): Nested {
  if (shape.length === 0) return values[0]!;
  const size = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0]! }, (_, i) => build(values.slice(i * size, (i + 1) * size), shape.slice(1)));
}

/** Row-major offset of a multi-index. */
const offset = (idx: number[], shape: number[]) => idx.reduce((acc, v, a) => acc * shape[a]! + v, 0);

function* indices(shape: number[]): Generator<number[]> {
  const total = shape.reduce((a, b) => a * b, 1);
  for (let f = 0; f < total; f++) {
    const idx: number[] = [];
    let r = f;
    for (let a = shape.length - 1; a >= 0; a--) { idx.unshift(r % shape[a]!); r = Math.floor(r / shape[a]!); }
    yield idx;
  }
}

export function directConv(o: DirectOptions = {}) {
  const s = o.stride ?? 1, p = o.padding ?? 0, d = o.dilation ?? 1, g = o.groups ?? 1;
  const is = o.bug?.stride ?? s, ip = o.bug?.padding ?? p, id = o.bug?.dilation ?? d;
  const flip = (o.flip ?? false) !== (o.bug?.flip ?? false);
  return (input: Nested, weight: Nested): Nested => {
    const xs = shapeOf(input), ws = shapeOf(weight), x = flat(input), w = flat(weight);
    const n = xs.slice(1), k = ws.slice(2);
    const tap = (kk: number[]) => (flip ? kk.map((v, a) => k[a]! - 1 - v) : kk);
    if (!o.transposed) {
      const cin = xs[0]!, cout = ws[0]!, cinG = ws[1]!;
      const out = n.map((m, a) => Math.floor((m + 2 * p - d * (k[a]! - 1) - 1) / s) + 1);
      const y = new Array<number>(cout * out.reduce((a, b) => a * b, 1)).fill(0);
      for (const [co, ...oi] of indices([cout, ...out])) {
        const grp = o.bug?.ignoreGroups ? 0 : Math.floor(co! / (cout / g));
        let sum = 0;
        for (const [cl, ...kk] of indices([cinG, ...k])) {
          const pos = oi.map((v, a) => v * is - ip + kk[a]! * id);
          if (pos.some((v, a) => v < 0 || v >= n[a]!)) continue;
          sum += w[offset([co!, cl!, ...tap(kk)], ws)]! * x[offset([grp * cinG + cl!, ...pos], [cin, ...n])]!;
        }
        y[offset([co!, ...oi], [cout, ...out])] = sum;
      }
      return build(y, [cout, ...out]);
    }
    const cin = xs[0]!, coutG = ws[1]!, cout = coutG * g, cinG = cin / g;
    const out = n.map((m, a) => (m - 1) * s - 2 * p + d * (k[a]! - 1) + 1);
    const y = new Array<number>(cout * out.reduce((a, b) => a * b, 1)).fill(0);
    for (const [ci, ...ii] of indices([cin, ...n])) {
      const grp = Math.floor(ci! / cinG);
      for (const [cl, ...kk] of indices([coutG, ...k])) {
        const pos = ii.map((v, a) => v * is - ip + kk[a]! * id);
        if (pos.some((v, a) => v < 0 || v >= out[a]!)) continue;
        y[offset([grp * coutG + cl!, ...pos], [cout, ...out])]! += w[offset([ci!, cl!, ...tap(kk)], ws)]! * x[offset([ci!, ...ii], [cin, ...n])]!;
      }
    }
    return build(y, [cout, ...out]);
  };
}
