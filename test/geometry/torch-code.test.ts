import { describe, expect, it } from 'vitest';
import { ParseError, SpecError, normalizeSpec, torchCode } from '../../src/index.ts';

describe('torchCode of a plain spec (the library takes plain objects everywhere)', () => {
  it('reads a plain spec as normalizeSpec does, and agrees with the ConvSpec', () => {
    const plain = { input: '5x5', kernel: 3, stride: 2, padding: 1, groups: 1 };
    expect(torchCode(plain)).toEqual({ code: 'nn.Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)', note: null });
    expect(torchCode(plain)).toEqual(torchCode(normalizeSpec(plain)));
  });

  it('throws convmat errors, not TypeErrors, on a bad plain spec', () => {
    expect(() => torchCode({ input: 6, kernal: 3 } as never)).toThrow(ParseError);
    expect(() => torchCode({ input: 2, kernel: 5 })).toThrow(SpecError);
    expect(() => torchCode(null as never)).toThrow(ParseError);
  });
});
