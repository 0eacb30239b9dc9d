import { describe, expect, it } from 'vitest';
import { identities } from '../../src/check/identities/catalogue.ts';
import { normalizeSpec } from '../../src/geometry/spec.ts';
import { polynomialMatrix } from '../../src/analysis/spec-matrix.ts';
import { im2colMatrix } from '../../src/matrix/im2col.ts';
import { materialize } from '../../src/matrix/csr.ts';
import { polynomialRing } from '../../src/algebra/ring.ts';
import { polynomialToText } from '../../src/algebra/print.ts';
import { derive } from '../../src/latex/derive.ts';
import type { VerdictStep } from '../../src/latex/derivation.ts';
import { pageElements, pageSource, pageText, specOf } from './page-elements.ts';

/**
 * docs/backward.html with a padding mode, and the links between the three
 * issue-13 pages. The reflect rows are worked out by hand: reflect padding 1
 * on z1..z4 gives z2 | z1 z2 z3 z4 | z3, so the first window reads z2, z1, z2.
 */
const PAGE = 'backward.html';

describe(`${PAGE}: the live example with reflect padding`, () => {
  const reflect = pageElements(PAGE).filter((e) => e.tag === 'conv-derivation' && e.attrs['padding-mode'] === 'reflect');

  it('exists, as a gradient derivation whose verdicts all pass', () => {
    expect(reflect).toHaveLength(1);
    expect(reflect[0]!.attrs.topic).toBe('gradient');
    const verdicts = derive('gradient', specOf(reflect[0]!)).steps.filter((s): s is VerdictStep => s.type === 'verdict');
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.map((v) => v.equal)).not.toContain(false);
  });

  it('K’s first row and Zᵀ’s first column are the ones the text states', () => {
    const spec = normalizeSpec(specOf(reflect[0]!));
    const K = polynomialMatrix(spec).map((r) => r.map((p) => polynomialToText(p)));
    expect(K[0]).toEqual(['w2', 'w1 + w3', '0', '0']);
    const Z = materialize(im2colMatrix(spec), spec.inputs, polynomialRing).map((r) => r.map((p) => polynomialToText(p)));
    expect(Z[0]).toEqual(['z2', 'z1', 'z2']);
    const text = pageText(PAGE);
    expect(text).toContain('[w2, w1 + w3, 0, 0]');
    expect(text).toContain('z2, z1, z2');
  });
});

describe('the issue-13 pages link each other and the identities they name', () => {
  const ids = new Set(identities.map((i) => i.id));
  const links = (page: string) => [...pageSource(page).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

  it('backward ↔ im2col (Zᵀδ is the weight gradient), padding modes → the DFT identity', () => {
    expect(links('backward.html')).toContain('im2col.html');
    expect(links('im2col.html').some((h) => h.startsWith('backward.html'))).toBe(true);
    expect(links('padding-modes.html')).toContain('identities.html#circular-dft-diagonal');
    expect(links('backward.html')).toEqual(expect.arrayContaining([
      'identities.html#input-gradient-is-transposed', 'identities.html#weight-gradient-is-correlation',
    ]));
  });

  it.each(['padding-modes.html', 'im2col.html', 'backward.html'])('%s: every identities.html#anchor is an identity id', (page) => {
    const anchors = links(page).filter((h) => h.startsWith('identities.html#')).map((h) => h.slice('identities.html#'.length));
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect(ids.has(a as never), a).toBe(true);
  });
});
