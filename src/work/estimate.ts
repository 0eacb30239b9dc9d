import type { SpecRequest, WorkEstimate } from './request.ts';
import { type SpecSize, productTerms, specSize } from './spec-size.ts';
import { readSpec } from './entry-terms.ts';
import { work } from './spec-estimate.ts';

/**
 * The one work estimator: for a spec and a request (see request.ts) it
 * predicts the sparse entries, expanded terms and dense cells the engine will
 * allocate, from the spec's geometry and entry terms alone (entry-terms.ts,
 * spec-size.ts: no names are made), before anything is built.
 * Every estimate is an upper bound of what the engine meters (a property test
 * holds the two against each other on random specs). A derivation topic and
 * an identity state their own estimate next to their definition
 * (`TOPICS.get(topic).estimate`, `getIdentity(id).estimate`).
 */
export function estimateWork(spec: unknown, request: SpecRequest): WorkEstimate {
  const { geometry, terms } = readSpec(spec, request.kind === 'element' ? 'text' : 'exact');
  return basicEstimate(request, specSize(geometry, terms));
}

function basicEstimate(request: SpecRequest, s: SpecSize): WorkEstimate {
  const P = productTerms(s);
  switch (request.kind) {
    case 'matrix': return work(s.nonzeros, 2 * P);
    case 'product': return work(s.nonzeros, P);
    case 'dense': return work(s.nonzeros, 0, s.rows * s.cols);
    case 'eval': return work(s.nonzeros, 2 * s.taps);
    case 'element':
      if (request.view === 'matrix') return work(s.nonzeros, 2 * P, s.rows * s.cols);
      if (request.view === 'grid') return work(0, 0, s.rows + s.cols);
      return work(0, 0, 0);
    default: return work(s.nonzeros, 2 * P);
  }
}
