import { describe, expect, it } from 'vitest';
import { LimitError, NameError, checkMatrix, normalizeSpec } from '../../src/index.ts';
import { im2colOutput } from '../../src/cli/matrix-im2col.ts';

/**
 * Refusing fast (DESIGN.md: the estimator runs before anything is
 * allocated): a spec past the limits is refused on its sizes, before
 * normalizeSpec makes a name. The spec below also reuses an input's name as a
 * weight, which only naming finds: the LimitError, not the NameError, shows
 * that no name was made. (The time it saves, 3.8 s → 0.2 ms for 600×600, is
 * measured outside the tests.)
 */
const HUGE = { input: '600x600', kernel: '3x3', weights: 'z5,a,b,c,d,f,g,h,k' };

describe('a request past the work limits is refused before any name is made', () => {
  it('the spec really has a naming error (what naming first would report)', () => {
    expect(() => normalizeSpec(HUGE)).toThrow(NameError);
  });

  it('checkMatrix and matrix --form im2col refuse it on its sizes', () => {
    expect(() => checkMatrix(HUGE)).toThrow(LimitError);
    expect(() => im2colOutput(HUGE)).toThrow(LimitError);
  });

  it('a spec within the limits still reports its naming error', () => {
    expect(() => checkMatrix({ ...HUGE, input: '6x6' })).toThrow(NameError);
  });
});
