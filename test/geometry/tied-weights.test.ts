/**
 * Tied weights: a weight name may label several taps (the symmetric kernel
 * x,y,x); inputs stay distinct, and no name is both a weight and an input.
 * The matrix stores weight indices, so a tied name must still multiply out
 * right: held against the independent oracle, numerically per name.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePoly } from '../../src/algebra/polynomial.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { symbolName } from '../../src/algebra/symbols.ts';
import { checkMatrix } from '../../src/check/matrix-check.ts';
import { checkIdentity } from '../../src/check/identities/catalogue.ts';
import { derive } from '../../src/latex/derive.ts';
import { NameError } from '../../src/errors.ts';
import { normalizeSpec, type SpecInput } from '../../src/geometry/spec.ts';
import { convMatrix } from '../../src/matrix/conv-matrix.ts';
import { materialize } from '../../src/matrix/csr.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { lcg, oracleConv, oracleConvTranspose } from '../oracle.ts';
import { convmat } from '../cli/run-cli.ts';

const SYMMETRIC_2D = 'a,b,a,b,c,b,a,b,a';

describe('tied weights', () => {
  it('are accepted: a name may label several taps, and the matrix shows it at each', () => {
    const spec = normalizeSpec({ input: 5, kernel: 3, weights: 'x,y,x' });
    expect(spec.weightNames).toEqual(['x', 'y', 'x']);
    const dense = materialize(convMatrix(spec), spec.weights, polynomialRing).map((r) => r.map((p) => polynomialToText(p)));
    expect(dense[0]).toEqual(['x', 'y', 'x', '0', '0']);
    const check = checkMatrix(spec);
    expect(check.report.holds).toBe(true);
    expect(check.product[0]).toEqualPolynomial('x*z1 + x*z3 + y*z2');
  });

  it('multiply out as the oracle computes with the tied value at every tap (1D, 2D, stride, padding, dilation, transposed)', () => {
    const cases: Array<SpecInput & { oracle: Parameters<typeof oracleConv>[2] }> = [
      { input: 6, kernel: 3, weights: 'x,y,x', oracle: {} },
      { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1, weights: SYMMETRIC_2D, oracle: { stride: [2, 2], padding: [[1, 1], [1, 1]] } },
      { input: [6, 6], kernel: [3, 3], dilation: 2, weights: SYMMETRIC_2D, oracle: { dilation: [2, 2] } },
      { input: [3, 3], kernel: [3, 3], stride: 2, transposed: true, weights: SYMMETRIC_2D, oracle: { stride: [2, 2] } },
    ];
    const rand = lcg(11);
    for (const { oracle, ...input } of cases) {
      const spec = normalizeSpec(input);
      const values = new Map<string, number>();
      const valueOf = (name: string) => {
        if (!values.has(name)) values.set(name, Math.floor(rand() * 19) - 9);
        return values.get(name)!;
      };
      const x = { shape: [...spec.inputShape], data: spec.inputNames!.map(valueOf) };
      const w = { shape: [...spec.weightShape], data: spec.weightNames!.map(valueOf) };
      const want = spec.transposed ? oracleConvTranspose(x, w, oracle) : oracleConv(x, w, oracle);
      const check = checkMatrix(spec);
      expect(check.report.holds).toBe(true);
      const got = check.product.map((p) => evaluatePoly(p, (id) => valueOf(symbolName(id))));
      expect(got).toEqual(want.data);
      // a wrong tie (the corner taps untied) would give other numbers
      const untied = checkMatrix({ ...input, weights: undefined }).product.map((p) => evaluatePoly(p, (id) => valueOf(symbolName(id))));
      expect(untied).not.toEqual(want.data);
    }
  });

  it('keep the identities, the derivation and the JSON right', async () => {
    const spec = { input: [5, 5], kernel: [3, 3], stride: 2, padding: 1, weights: SYMMETRIC_2D };
    expect(checkIdentity('matrix-equals-sliding-window', spec).holds).toBe(true);
    expect(checkIdentity('transposed-adjoint', spec).holds).toBe(true);
    // every derivation that checks something says it holds with tied weights, and names the tied weight at each tap
    for (const [topic, input] of [
      ['matrix', { input: 4, kernel: 3, padding: 1, weights: 'x,y,x', inputs: 'a,b,c,d' }],
      ['transposed', { input: 4, kernel: 3, stride: 2, weights: 'x,y,x' }],
      ['window', { input: [4, 4], kernel: [3, 3], weights: SYMMETRIC_2D }],
      ['block', { input: [4, 4], kernel: [3, 3], weights: SYMMETRIC_2D }],
      ['dilation', { input: 7, kernel: 3, dilation: 2, weights: 'x,y,x' }],
    ] as const) {
      const steps = derive(topic, input).steps;
      const verdicts = steps.filter((s) => s.type === 'verdict');
      expect(verdicts.length, topic).toBeGreaterThan(0);
      expect(verdicts.every((s) => s.equal), topic).toBe(true);
    }
    const r = await convmat(['matrix', '--input', '4', '--kernel', '3', '--weights', 'x,y,x', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { matrix: string[][]; product: string[]; equal: boolean };
    expect(json.matrix[0]).toEqual(['x', 'y', 'x', '0']);
    expect(json.product).toEqual(['x*z1 + y*z2 + x*z3', 'x*z2 + y*z3 + x*z4']);
    expect(json.equal).toBe(true);
  });

  it('never reach the inputs: inputs stay distinct, and no name is a weight and an input', () => {
    const fails = (input: SpecInput, field: string, rule: RegExp) => {
      try { normalizeSpec(input); } catch (e) {
        expect(e).toBeInstanceOf(NameError);
        expect((e as NameError).field).toBe(field);
        expect((e as Error).message).toMatch(rule);
        return;
      }
      throw new Error(`accepted ${JSON.stringify(input)}`);
    };
    fails({ input: 3, kernel: 2, inputs: 'a,b,a' }, 'inputs', /names must be distinct/);
    fails({ input: 3, kernel: 3, weights: 'x,y,x', inputs: 'a,x,c' }, 'inputs', /already used in weights/);
    fails({ input: 4, kernel: 3, weights: '1/2,2*a,b', inputs: 'a,c,d,f' }, 'inputs', /already used in weights/);
    expect(checkMatrix({ input: 3, kernel: 3, weights: 'x,x,x' }).product[0]).toEqualPolynomial('x*z1 + x*z2 + x*z3');
  });
});
