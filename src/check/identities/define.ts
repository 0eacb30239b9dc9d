import { assertWork } from '../../work/guard.ts';
import { sampleSpecs } from './sampling.ts';
import type { Identity, InstanceOptions } from './types.ts';

/** An identity from its parts; `instances()` yields its examples, then deterministic samples. */
export function defineIdentity<S, O>(parts: Omit<Identity<S, O>, 'instances'>): Identity<S, O> {
  const check = (spec: S, options?: O) => {
    assertWork(spec, { kind: 'identity', id: parts.id });
    return parts.check(spec, options);
  };
  return Object.freeze({
    ...parts,
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
