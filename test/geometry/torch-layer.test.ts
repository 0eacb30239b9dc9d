import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { ParseError, SpecError } from '../../src/errors.ts';
import { type ConvSpec, type SpecInput, normalizeSpec } from '../../src/geometry/spec.ts';
import { torchCode } from '../../src/geometry/torch-code.ts';
import { arbitrarySpec } from '../../src/testing/arbitrary-spec.ts';
import { PADDING_MODES } from '../../src/geometry/padding-mode.ts';
import { withModeIfValid } from '../matrix/random-spec.ts';

/**
 * PyTorch layers through the library: each layer text against the same spec
 * written with convmat's own keys (PyTorch's documented signatures decide the
 * expected keys), and the printer against the parser on random specs.
 */
const geometry = (s: ConvSpec) => ({
  dims: s.dims, transposed: s.transposed, input: s.input, output: s.output, kernel: s.kernel, stride: s.stride,
  dilation: s.dilation, padding: s.padding, outputPadding: s.outputPadding, inChannels: s.inChannels,
  outChannels: s.outChannels, groups: s.groups, paddingMode: s.paddingMode,
});

const same: Array<[string, string, SpecInput]> = [
  ['Conv1d positional', 'nn.Conv1d(1, 1, 3)', { input: 7, kernel: 3 }],
  ['Conv2d with (3) as a number and a trailing comma', 'nn.Conv2d(1, 1, (3), stride=(2, 1),)', { input: '7x7', kernel: 3, stride: '2x1' }],
  ['Conv1d with a one-element tuple', 'nn.Conv1d(1, 1, kernel_size=(2,), dilation=[3])', { input: 7, kernel: 2, dilation: 3 }],
  ['Conv1d every positional argument', "nn.Conv1d(2, 4, 3, 2, 1, 2, 2, False, 'zeros')",
    { input: 9, kernel: 3, stride: 2, padding: 1, dilation: 2, groups: 2, inChannels: 2, outChannels: 4 }],
  ['Conv2d keywords, torch.nn prefix', 'torch.nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)',
    { input: '7x7', kernel: 3, stride: 2, padding: 1, inChannels: 3, outChannels: 16 }],
  ['Conv2d bare class, tuples and a list', 'Conv2d(in_channels=1, out_channels=2, kernel_size=(3, 2), stride=[2, 1], dilation=(1, 2))',
    { input: '7x7', kernel: '3x2', stride: '2x1', dilation: '1x2', outChannels: 2 }],
  ["Conv2d padding='valid'", "nn.Conv2d(1, 1, 3, padding='valid')", { input: '7x7', kernel: 3 }],
  ["Conv2d padding='same', even kernel (the extra at the end)", 'nn.Conv2d(1, 1, (2, 4), padding="same", dilation=(1, 3))',
    { input: '7x7', kernel: '2x4', dilation: '1x3', padding: [[0, 1], [4, 5]] }],
  ['Conv3d', 'nn.Conv3d(2, 2, (1, 2, 3), padding=(0, 1, 1), groups=2, bias=True)',
    { input: '7x7x7', kernel: '1x2x3', padding: '0x1x1', groups: 2, inChannels: 2, outChannels: 2 }],
  ['ConvTranspose1d positional order (output_padding, groups, bias, dilation)', 'nn.ConvTranspose1d(2, 4, 3, 2, 1, 1, 2, False, 2)',
    { input: 7, transposed: true, kernel: 3, stride: 2, padding: 1, outputPadding: 1, groups: 2, dilation: 2, inChannels: 2, outChannels: 4 }],
  ['ConvTranspose2d keywords', 'nn.ConvTranspose2d(1, 1, kernel_size=4, stride=2, padding=1, output_padding=(1, 0))',
    { input: '7x7', transposed: true, kernel: 4, stride: 2, padding: 1, outputPadding: '1x0' }],
  ["Conv1d padding_mode='reflect'", "nn.Conv1d(1, 1, 3, padding=1, padding_mode='reflect')", { input: 7, kernel: 3, padding: 1, paddingMode: 'reflect' }],
  ["Conv2d padding_mode='replicate', positional", "nn.Conv2d(1, 1, 3, 1, 2, 1, 1, False, 'replicate')", { input: '7x7', kernel: 3, padding: 2, paddingMode: 'replicate' }],
  ["Conv3d padding_mode='circular' with padding='same'", "nn.Conv3d(1, 1, 3, padding='same', padding_mode='circular')", { input: '4x4x4', kernel: 3, padding: 1, paddingMode: 'circular' }],
  ["ConvTranspose1d padding_mode='zeros' (the one mode it takes)", "nn.ConvTranspose1d(1, 1, 3, padding_mode='zeros')", { input: 7, kernel: 3, transposed: true }],
  ['ConvTranspose3d', 'torch.nn.ConvTranspose3d(1, 3, 2, stride=(2, 1, 1))',
    { input: '7x7x7', transposed: true, kernel: 2, stride: '2x1x1', outChannels: 3 }],
];

describe('the layer key', () => {
  it.each(same)('%s', (_, layer, spec) => {
    const input = spec.input;
    expect(geometry(normalizeSpec({ layer, input }))).toEqual(geometry(normalizeSpec(spec)));
  });

  it('broadcasts a single input size to the layer axes; weights and inputs still apply', () => {
    const s = normalizeSpec({ layer: 'nn.Conv2d(1, 1, 2)', input: 3, weights: 'a,b,c,d' });
    expect(s.input).toEqual([3, 3]);
    expect(s.weightNames).toEqual(['a', 'b', 'c', 'd']);
  });

  const refusals: Array<[string, SpecInput, typeof ParseError | typeof SpecError, RegExp]> = [
    ['an unknown class', { layer: 'nn.Linear(3, 4)', input: 5 }, ParseError, /^layer: unknown layer class nn\.Linear/],
    ['an unknown keyword', { layer: 'nn.Conv2d(1, 1, 3, strides=2)', input: 5 }, ParseError, /unknown keyword argument strides .*did you mean stride\?/],
    ['too many positional arguments', { layer: "nn.Conv1d(1, 1, 3, 1, 0, 1, 1, True, 'zeros', 'cpu', None, 4)", input: 5 }, ParseError, /takes at most 11 positional arguments/],
    ['a missing kernel_size', { layer: 'nn.Conv2d(1, 1)', input: 5 }, ParseError, /argument kernel_size is missing/],
    ['a name as an argument', { layer: 'nn.Conv2d(c, 16, 3)', input: 5 }, ParseError, /argument in_channels must be a literal .*not "c"/],
    ['a call inside', { layer: 'nn.Conv2d(1, 16, int(3))', input: 5 }, ParseError, /argument kernel_size must be a literal.*never evaluated/],
    ['an expression', { layer: 'nn.Conv2d(1, 16, 1+2)', input: 5 }, ParseError, /expected "," after argument kernel_size, found "\+"/],
    ['a negative number', { layer: 'nn.Conv2d(1, 16, 3, stride=-1)', input: 5 }, ParseError, /argument stride must be a literal .*not "-"/],
    ['an unterminated string', { layer: "nn.Conv2d(1, 1, 3, padding='same)", input: 5 }, ParseError, /argument padding must be a literal .*not "'"/],
    ["padding_mode='mirror'", { layer: "nn.Conv2d(1, 1, 3, padding_mode='mirror')", input: 5 }, ParseError, /argument padding_mode='mirror' must be one of 'zeros', 'reflect', 'replicate', 'circular'/],
    ['padding_mode not a string', { layer: 'nn.Conv2d(1, 1, 3, padding_mode=1)', input: 5 }, ParseError, /argument padding_mode=1 must be one of/],
    ["padding_mode='circular' on ConvTranspose (PyTorch takes zeros only)", { layer: "nn.ConvTranspose2d(1, 1, 3, padding_mode='circular')", input: 5 }, ParseError, /nn\.ConvTranspose2d supports only padding_mode='zeros'/],
    ["reflect padding past n − 1 (PyTorch's bound)", { layer: "nn.Conv1d(1, 1, 3, padding=3, padding_mode='reflect')", input: 3 }, SpecError, /^layer: argument padding\.before: reflect padding of an axis of 3 samples must be from 0 to 2/],
    ['a tuple of the wrong length', { layer: 'nn.Conv2d(1, 1, (3, 3, 3))', input: 5 }, ParseError, /argument kernel_size has 3 values but the layer has 2 spatial axes/],
    ['a keyword given twice', { layer: 'nn.Conv2d(1, 1, 3, kernel_size=3)', input: 5 }, ParseError, /argument kernel_size is given twice/],
    ['a positional after a keyword', { layer: 'nn.Conv2d(1, out_channels=1, 3)', input: 5 }, ParseError, /positional argument follows a keyword/],
    ['stride 0', { layer: 'nn.Conv2d(1, 1, 3, stride=0)', input: 5 }, ParseError, /argument stride must be an integer from 1, not 0/],
    ["'same' with stride 2", { layer: "nn.Conv2d(1, 1, 3, 2, 'same')", input: 5 }, SpecError, /padding='same' needs stride 1/],
    ["a string padding on ConvTranspose", { layer: "nn.ConvTranspose2d(1, 1, 3, padding='same')", input: 5 }, ParseError, /ConvTranspose takes integer padding only/],
    ['trailing text', { layer: 'nn.Conv2d(1, 1, 3) nn.Conv2d(1, 1, 3)', input: 5 }, ParseError, /after the closing parenthesis/],
    ['not a string', { layer: 42 as unknown as string, input: 5 }, ParseError, /^layer: expected PyTorch layer code/],
    ['layer beside kernel', { layer: 'nn.Conv2d(1, 1, 3)', input: 5, kernel: 3 }, SpecError, /^kernel: conflicts with layer/],
    ['layer beside mode', { layer: 'nn.Conv2d(1, 1, 3)', input: 5, mode: 'convolution' }, SpecError, /^mode: conflicts with layer/],
    ['an input of another dimensionality', { layer: 'nn.Conv1d(1, 1, 3)', input: '5x5' }, SpecError, /^input: has 2 spatial axes but the layer is 1D/],
  ];
  it.each(refusals)('refuses %s with one line naming the argument', (_, spec, type, message) => {
    let error: unknown;
    try { normalizeSpec(spec); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('the torch field', () => {
  it('prints the lecture-style example', () => {
    expect(torchCode(normalizeSpec({ input: '5x5', kernel: 3, stride: 2, padding: 1 })).code)
      .toBe('nn.Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)');
  });

  it('says what pads unevenly instead of printing a layer that does not', () => {
    const t = torchCode(normalizeSpec({ input: '5x5', kernel: 3, padding: [[0, 1], [2, 0]] }));
    expect(t.code).toBeNull();
    expect(t.note).toBe('no nn.Conv2d pads unevenly: apply F.pad(x, (2, 0, 0, 1)) and use padding=0');
  });

  it("prints padding_mode after bias=False, and F.pad's mode where no Conv layer pads unevenly", () => {
    expect(torchCode(normalizeSpec({ input: 5, kernel: 3, padding: 1, paddingMode: 'reflect' })).code)
      .toBe("nn.Conv1d(1, 1, kernel_size=3, stride=1, padding=1, bias=False, padding_mode='reflect')");
    expect(torchCode(normalizeSpec({ input: 5, kernel: 3, padding: [[1, 0]], paddingMode: 'circular' })).note)
      .toBe("no nn.Conv1d pads unevenly: apply F.pad(x, (1, 0), mode='circular') and use padding=0");
  });

  it('notes the flipped weight of a true convolution', () => {
    expect(torchCode(normalizeSpec({ input: '5x5', kernel: 3, mode: 'convolution' })).note).toMatch(/weight\.flip\(2, 3\)/);
  });

  it('reads back as the same spec (parse ∘ print), on random specs with every padding mode', () => {
    let printed = 0;
    const modes = new Set<string>();
    fc.assert(fc.property(arbitrarySpec({ transposed: 'either', mode: true }), fc.constantFrom(...PADDING_MODES), (raw, mode) => {
      const spec = normalizeSpec(withModeIfValid(raw, mode));
      const { code } = torchCode(spec);
      const uneven = spec.padding.some(([a, b]) => a !== b);
      if (code === null) {
        expect(uneven).toBe(true);
        return;
      }
      printed++;
      modes.add(spec.paddingMode);
      const back = normalizeSpec({ layer: code, input: [...spec.input] });
      expect(geometry(back)).toEqual(geometry(spec));
    }), { numRuns: 300 });
    expect(printed).toBeGreaterThan(50);
    expect([...modes].sort()).toEqual([...PADDING_MODES].sort());
  });
});
