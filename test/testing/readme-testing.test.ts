import { describe, expect, it } from 'vitest';
import { itRunsEveryTsBlock, readmeSection } from '../docs/readme-blocks.ts';
import { failure } from './failure.ts';

/** Runs every ```ts block of the README's testing section against the source, and checks the failure it shows. */
const section = readmeSection('testing');

describe('README testing examples', () => {
  itRunsEveryTsBlock(section, 4);

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

  it('shows the failure message toComputeConvolution really prints', () => {
    const shown = /A failing `toComputeConvolution` \(the flipped kernel above\) reads:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    const flippedConv1d = (input: number[][], weight: number[][][]) => {
      const x = input[0]!, w = weight[0]![0]!;
      return [[0, 1, 2, 3].map((o) => w[2]! * x[o]! + w[1]! * x[o + 1]! + w[0]! * x[o + 2]!)];
    };
    let message = '';
    try {
      expect(flippedConv1d).toComputeConvolution({ input: 6, kernel: 3 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(shown).toBeDefined();
    expect(message).toBe(shown);
    const relu = (input: number[][], weight: number[][][]) => flippedConv1d(input, weight).map((r) => r.map((v) => Math.max(0, v)));
    const reluShown = /and the ReLU of it, which no unit probe would catch:\n\n```\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(reluShown).toBeDefined();
    expect(failure(() => expect(relu).toComputeConvolution({ input: 6, kernel: 3 }))).toBe(reluShown);
  });
});
