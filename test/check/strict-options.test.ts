import { describe, expect, it } from 'vitest';
import { ParseError, checkIdentity, checkMatrix, checkMatrixNumeric, derive } from '../../src/index.ts';
import { arbitrarySpec } from '../../src/testing/arbitrary.ts';

/** Option and claim objects are as strict as specs: a misspelt key is a ParseError naming it, with a did-you-mean. */
function refused(f: () => unknown, key: string, near: string): void {
  let error: unknown;
  try { f(); } catch (e) { error = e; }
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).field).toBe(key);
  expect((error as ParseError).message).toContain(`did you mean ${near}?`);
}

const SPEC = { input: 5, kernel: 3 };
/** A wrong flip (the kernel as it is): with the claim spelt right, the identity fails. */
const WRONG_FLIP = ['w1', 'w2', 'w3'];

describe('strict options and claims', () => {
  it('checkMatrix and checkMatrixNumeric refuse a misspelt option', () => {
    refused(() => checkMatrix(SPEC, { maxwork: 2 } as never), 'maxwork', 'maxWork');
    refused(() => checkMatrixNumeric(SPEC, 1, { maxWork: 1, matrx: [] } as never), 'matrx', 'matrix');
    expect(checkMatrix(SPEC, { maxWork: 2 }).report.holds).toBe(true);
  });

  it('derive refuses a misspelt option', () => {
    refused(() => derive('matrix', SPEC, { limit: { maxRows: 4, maxCols: 4 } } as never), 'limit', 'limits');
    refused(() => derive('matrix', SPEC, { max_work: 2 } as never), 'max_work', 'maxWork');
  });

  it('checkIdentity refuses a misspelt claim, which would otherwise let a failing identity pass', () => {
    expect(checkIdentity('correlation-convolution-flip', SPEC, { weights: WRONG_FLIP }).holds).toBe(false);
    refused(() => checkIdentity('correlation-convolution-flip', SPEC, { weigths: WRONG_FLIP } as never), 'weigths', 'weights');
    expect(() => checkIdentity('transposed-adjoint', SPEC, { matrix: [] } as never)).toThrow(/^matrix: is not a key of the claims of transposed-adjoint .*take none/);
  });

  it('toSatisfyIdentity refuses a misspelt claim, negated or not', () => {
    expect(() => expect(SPEC).toSatisfyIdentity('correlation-convolution-flip', { weigths: WRONG_FLIP } as never)).toThrow(/weigths.*did you mean weights\?/);
    expect(() => expect(SPEC).not.toSatisfyIdentity('correlation-convolution-flip', { weigths: WRONG_FLIP } as never)).toThrow(/did you mean weights\?/);
    expect(SPEC).not.toSatisfyIdentity('correlation-convolution-flip', { weights: WRONG_FLIP });
  });

  it('arbitrarySpec refuses a misspelt constraint', () => {
    refused(() => arbitrarySpec({ dim: 2 } as never), 'dim', 'dims');
    refused(() => arbitrarySpec({ maxsize: 4 } as never), 'maxsize', 'maxSize');
  });
});
