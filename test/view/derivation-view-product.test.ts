import { describe, expect, it } from 'vitest';
import { derivationView } from '../../src/view/derivation-view.ts';
import type { Derivation } from '../../src/latex/derivation.ts';

/** `productShown`: the step that is K·z = y becomes a note; every other step stays as it was. */
describe('derivationView with productShown', () => {
  const spec = { input: 6, kernel: 3 };
  const full = derivationView('matrix', spec) as Derivation;
  const referring = derivationView('matrix', spec, { productShown: true }) as Derivation;

  it('replaces exactly the product step, keeping its title and every other step', () => {
    expect(referring.steps.map((s) => s.title)).toEqual(full.steps.map((s) => s.title));
    const changed = referring.steps.flatMap((s, i) => (JSON.stringify(s) === JSON.stringify(full.steps[i]) ? [] : [i]));
    expect(changed).toHaveLength(1);
    const i = changed[0]!;
    expect(full.steps[i]!.type).toBe('equation');
    expect(full.steps[i]!.tex).toContain('w_{1} z_{1} + w_{2} z_{2} + w_{3} z_{3}');
    expect(referring.steps[i]).toMatchObject({ type: 'note' });
    expect(referring.steps[i]!.tex).not.toContain('z_{1}');
  });

  it('a padded spec has no product step to refer to (its equation drops the padding columns), so nothing changes', () => {
    const padded = { input: 4, kernel: 3, padding: 1 };
    expect((derivationView('matrix', padded, { productShown: true }) as Derivation).steps.map((s) => s.type))
      .toEqual((derivationView('matrix', padded) as Derivation).steps.map((s) => s.type));
  });
});
