import { describe, expect, it } from 'vitest';
import { normalizeSpec } from '../../src/geometry/spec.ts';

describe('normalizeSpec', () => {
  it('reads the lecture spellings', () => {
    const s = normalizeSpec({ input: '5x5', kernel: 3, padding: 1 });
    expect(s.output).toEqual([5, 5]);
    expect(s.weightNames).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9']);
  });
});
