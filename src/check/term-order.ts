import { symbolsOf } from '../algebra/polynomial.ts';
import type { ConvSpec } from '../geometry/spec.ts';

/**
 * The lecture's term order for a spec: terms sorted by their input symbol
 * (z7 before z8), then by weight, so K·z reads w₁z₁ + w₂z₂ + w₃z₃ and Kᵀ·z
 * reads w₃z₇ + w₂z₈ + w₁z₉.
 */
export function termOrder(spec: ConvSpec): (id: number) => number {
  const rank = new Map<number, number>();
  let next = 0;
  for (const group of [spec.inputs, spec.weights]) {
    for (const p of group) for (const id of [...symbolsOf(p)].sort((a, b) => a - b)) if (!rank.has(id)) rank.set(id, next++);
  }
  return (id) => rank.get(id) ?? next + id;
}

