import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readExports } from '../docs/build/ts-declarations.ts';

const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** The public API by name, sorted. Adding or removing an export of src/index.ts must change this list. */
const PUBLIC_NAMES = [
  'CheckReport', 'ConvBackward', 'ConvMatrix', 'ConvSpec', 'ConvmatError', 'Derivation', 'ErrorKind',
  'IDENTITY_IDS', 'Identity', 'IdentityId', 'IdentityReport', 'IdentitySpec', 'LIMITS', 'LimitError', 'MatrixCheck',
  'NameError', 'ParseError', 'Polynomial', 'Rational', 'Ring', 'SPEC_KEYS', 'SpecError', 'SpecInput', 'TOPICS',
  'WORK_LIMITS', 'WorkLimits', 'WorkVerdict', 'checkIdentity', 'checkMatrix', 'checkMatrixNumeric', 'checkWork',
  'convBackward', 'convMatrix', 'convOutputSize', 'derivationToLatex', 'derivationToMarkdown', 'derive',
  'describeIdentityReport', 'estimateWork', 'evaluateByWindow', 'evaluatePoly', 'float64Ring', 'getIdentity',
  'identities', 'im2colMatrix', 'materialize', 'matMul', 'matVec', 'normalizeSpec', 'parseExpression',
  'polynomialRing', 'polynomialToLatex', 'polynomialToText', 'probeMatrix', 'rational', 'rationalRing',
  'receptiveFieldSize', 'termOrder', 'torchCode', 'transposeMatrix', 'transposedOutputSize', 'withWorkLimits',
];

const exported = () => readExports(INDEX).flatMap((s) => s.items);

describe('the public API of convmat (src/index.ts)', () => {
  it('exports exactly the pinned names, at most 70', () => {
    const names = exported().map((i) => i.name).sort();
    expect(names).toEqual([...PUBLIC_NAMES].sort());
    expect(names.length).toBeLessThanOrEqual(70);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the values it exports at run time are exactly its non-type names', async () => {
    const api = await import('../src/index.ts');
    const values = exported().filter((i) => !i.typeOnly).map((i) => i.name).sort();
    expect(Object.keys(api).sort()).toEqual(values);
  });

  it('is a list of re-exports by name: no side-effect import, no star export, no code', async () => {
    const { readFileSync } = await import('node:fs');
    const code = readFileSync(INDEX, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').split('\n')
      .filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    for (const line of code) expect(line).toMatch(/^export (type )?\{[^}]*\} from '\.\/[\w/.-]+\.ts';$/);
  });
});
