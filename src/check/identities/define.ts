import { SPEC_KEYS } from '../../geometry/spec.ts';
import { assertEstimate } from '../../work/guard.ts';
import { sampleSpecs } from './sampling.ts';
import type { Identity, InstanceOptions } from './types.ts';

/**
 * An identity from its parts, everything about it in one place (as KaTeX's
 * defineFunction): its statement, examples, sampling, spec keys, work
 * estimate and check. `check` refuses past the work limits with the
 * identity's own estimate; `instances()` yields its examples, then deterministic samples.
 * A new identity is its file plus one line of the catalogue.
 */
export function defineIdentity<S, O>(parts: Omit<Identity<S, O>, 'instances' | 'specKeys'> & { specKeys?: readonly string[] }): Identity<S, O> {
  const check = (spec: S, options?: O) => {
    assertEstimate(parts.estimate(spec), { kind: 'identity', id: parts.id });
    return parts.check(spec, options);
  };
  return Object.freeze({
    ...parts,
    specKeys: parts.specKeys ?? SPEC_KEYS,
    check,
    *instances(options: InstanceOptions = {}): Generator<S> {
      const count = options.count ?? 12;
      const examples = parts.examples.slice(0, count);
      yield* examples;
      const { constraints, extras, build } = parts.sampling;
      yield* sampleSpecs(constraints, extras, build, count - examples.length, options.seed ?? 1);
    },
  });
}
