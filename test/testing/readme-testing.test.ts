import { describe, expect, it } from 'vitest';
import { itRunsEveryTsBlock, readmeSection } from '../docs/readme-blocks.ts';

/** Runs every ```ts block of the README's testing section against the source, and checks the failure it shows. */
const section = readmeSection('testing');

describe('README testing examples', () => {
  itRunsEveryTsBlock(section, 3);

  it('shows the failure message toEqualPolynomial really prints', () => {
    const shown = /A failing `toEqualPolynomial` reads:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    let message = '';
    try {
      expect('w1*z1 + w2*z2 + w3*z3').toEqualPolynomial('w1*z1 + w2*z3 + w3*z3');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(shown).toBeDefined();
    expect(message.split('\n').map((l) => l.trimEnd())).toEqual(shown!.split('\n'));
  });
});
