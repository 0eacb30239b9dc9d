import { describe, expect, it } from 'vitest';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { matrixJson } from '../../src/cli/matrix-json.ts';
import { matrixText } from '../../src/cli/matrix-text.ts';

/**
 * A failing check as the CLI reports it. The product never builds a wrong
 * matrix on its own (and has no hidden switch to make one), so this runs the
 * CLI's JSON and text builders in process on a deliberately corrupted K.
 */
describe('a wrong matrix in the CLI output', () => {
  const spec = normalizeSpec({ input: 6, kernel: 3 });
  const good = convMatrix(spec);
  // K[1, 2] should hold w2 (tap 1); make it w3 (tap 2)
  const k = Array.from({ length: good.rowPtr[2]! - good.rowPtr[1]! }, (_, i) => good.rowPtr[1]! + i).find((i) => good.colIndex[i] === 2)!;
  const tap = good.tap.slice();
  tap[k] = 2;
  const check = checkMatrix(spec, { matrix: { ...good, tap } });

  it('JSON: equal is false and the product differs from the sliding window at z8 only', () => {
    const j = matrixJson(check);
    expect(j.equal).toBe(false);
    expect(j.matrix![1]).toEqual(['0', 'w1', 'w3', 'w3', '0', '0']);
    expect(j.product[1]).toBe('w1*z2 + w3*z3 + w3*z4');
    expect(j.slidingWindow[1]).toBe('w1*z2 + w2*z3 + w3*z4');
    expect(j.product.filter((p, i) => p !== j.slidingWindow[i])).toHaveLength(1);
  });

  it('text: the verdict names the entry and the difference', () => {
    const text = matrixText(check, matrixJson(check));
    expect(text).toMatch(/^✗ matrix ≠ sliding window at z8: w1\*z2 \+ w3\*z3 \+ w3\*z4 vs w1\*z2 \+ w2\*z3 \+ w3\*z4/m);
  });
});
