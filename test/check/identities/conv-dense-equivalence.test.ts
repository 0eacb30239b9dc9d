import { polyToDense } from '../../../src/matrix/poly-matrix.ts';
import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/index.ts';
import { convAsDenseLayer } from '../../../src/check/dense-layer.ts';
import { holdsForAll } from './helpers.ts';

const ID = 'conv-dense-equivalence';

describe(ID, () => {
  it('holds for random specs in both flattening orders', () => {
    holdsForAll(ID, 40);
  });

  it('the lecture: flatten a 2D input and apply the doubly block Toeplitz W', () => {
    const r = checkIdentity(ID, { input: [4, 4], kernel: [3, 3] });
    expect(r.holds).toBe(true);
    expect(r.facts).toMatchObject({ rows: 4, cols: 16, order: 'row-major' });
  });

  it('near miss: W in row-major order applied to the column-major vector is rejected', () => {
    const spec = { input: [3, 3], kernel: [2, 2] };
    const rowMajorW = polyToDense(convAsDenseLayer(spec, 'row-major').weights);
    expect(checkIdentity(ID, spec, { weights: rowMajorW }).holds).toBe(true);
    const r = checkIdentity(ID, { ...spec, order: 'column-major' }, { weights: rowMajorW });
    expect(r.holds).toBe(false);
    expect(r.differences.length).toBeGreaterThan(0);
  });

  it('near miss: W with one entry wrong is rejected at that output', () => {
    const spec = { input: 6, kernel: 3 };
    const w = polyToDense(convAsDenseLayer(spec).weights);
    w[2]![4] = w[2]![3]!; // output z9 weighs z5 by w2 instead of w3
    const r = checkIdentity(ID, spec, { weights: w });
    expect(r.differences[0]).toMatchObject({ name: 'z9' });
    expect(r.differences[0]!.difference).toEqualPolynomial('w2*z5 - w3*z5');
  });
});
