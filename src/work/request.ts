/**
 * What a caller asks the engine for, as the work estimator sees it.
 *
 * - `matrix`: K (sparse), K·z and the sliding window, compared: `checkMatrix`,
 *   `convmat matrix` (text and --json).
 * - `product`: K·z alone (one expanded polynomial per output).
 * - `dense`: K materialised as a dense rows × cols array (`polynomialMatrix`,
 *   `materialize`, a dense view).
 * - `topic`: one derivation of `derive(topic, spec)` / `convmat explain <topic>`;
 *   `topic` is a name of TOPICS. Its estimate is the topic's own (`TOPICS.get(topic).estimate`,
 *   stated next to its builder in src/latex/derive-*.ts).
 * - `identity`: one check of the catalogue, `checkIdentity(id, spec)` /
 *   `convmat check <id>`; `id` is an IDENTITY_IDS entry. Its estimate is the
 *   identity's own (`getIdentity(id).estimate`, in its file of src/check/identities).
 * - `element`: what an element draws. `view: 'matrix'` draws every cell of K
 *   and the expanded K·z (denseCells = rows·cols); `view: 'grid'` draws the
 *   input and output grids (denseCells = inputs + outputs); `view: 'summary'`
 *   draws a structural view (sizes, sparsity by blocks) and costs almost nothing.
 *   Elements compare the estimate with their own render budgets (checkWork with
 *   their limits) to choose the summary view.
 * - `eval`: one numeric `convmat eval` case (K·x and the window over numbers).
 */
export type ElementView = 'matrix' | 'grid' | 'summary';

/** The requests `estimateWork` reads from a spec alone. */
export type SpecRequest =
  | { readonly kind: 'matrix' }
  | { readonly kind: 'product' }
  | { readonly kind: 'dense' }
  | { readonly kind: 'element'; readonly view: ElementView }
  | { readonly kind: 'eval' };

/** Every request, as a refusal names it; topics and identities estimate themselves. */
export type WorkRequest =
  | SpecRequest
  | { readonly kind: 'topic'; readonly topic: string }
  | { readonly kind: 'identity'; readonly id: string };

export type WorkKind = WorkRequest['kind'];

/** What the request would allocate, predicted before anything is built. Each is an upper bound. */
export interface WorkEstimate {
  /** sparse matrix entries stored (nonzeros of every matrix built) */
  readonly entries: number;
  /** polynomial terms formed by multiplications (dense products: one per inner multiply) */
  readonly terms: number;
  /** cells of dense matrices materialised */
  readonly denseCells: number;
}

/** The words for a request in a message: "convmat explain separable", "the matrix". */
export function describeRequest(r: WorkRequest): string {
  switch (r.kind) {
    case 'matrix': return 'the matrix check (K, K·z and the sliding window)';
    case 'product': return 'the product K·z';
    case 'dense': return 'the dense matrix';
    case 'topic': return `the ${r.topic} derivation`;
    case 'identity': return `the ${r.id} check`;
    case 'element': return `the ${r.view} view`;
    case 'eval': return 'the evaluation';
  }
}
