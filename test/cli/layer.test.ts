import { describe, expect, it } from 'vitest';
import { badInputLine, convmat } from './run-cli.ts';

/**
 * --layer through the real binary: the same output as the spec written with
 * convmat's own flags (PyTorch's signature decides which), the torch field,
 * and the refusals as one line naming the argument.
 */
describe.concurrent('convmat --layer', { timeout: 120_000 }, () => {
  const pairs: Array<[string, string[], string[]]> = [
    ['matrix, Conv2d keywords', ['matrix', '--input', '5', '--layer', 'nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1)'],
      ['matrix', '--input', '5x5', '--kernel', '3', '--stride', '2', '--padding', '1']],
    ['matrix, ConvTranspose1d positional', ['matrix', '--input', '4', '--layer', 'torch.nn.ConvTranspose1d(1, 1, 3, 2, 1, 1)'],
      ['matrix', '--input', '4', '--kernel', '3', '--stride', '2', '--padding', '1', '--output-padding', '1', '--transposed']],
    ["matrix, Conv1d padding_mode='reflect'", ['matrix', '--input', '5', '--layer', "nn.Conv1d(1, 1, 3, padding=1, padding_mode='reflect')"],
      ['matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect']],
    ['explain, Conv1d with same', ['explain', 'matrix', '--input', '4', '--layer', "Conv1d(1, 1, 2, padding='same')", '--format', 'latex'],
      ['explain', 'matrix', '--input', '4', '--kernel', '2', '--padding', 'same', '--format', 'latex']],
    ['check, Conv3d with groups', ['check', 'matrix-equals-sliding-window', '--input', '3', '--layer', 'nn.Conv3d(2, 2, (1, 2, 2), groups=2)', '--json'],
      ['check', 'matrix-equals-sliding-window', '--input', '3x3x3', '--kernel', '1x2x2', '--in-channels', '2', '--out-channels', '2', '--groups', '2', '--json']],
  ];
  it.each(pairs)('%s prints what the explicit flags print', async (_, layer, flags) => {
    const [a, b] = await Promise.all([convmat(layer), convmat(flags)]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const strip = (s: string) => s.replace(/"timings":\{[^}]*\}/g, '').replace(/^engine: .*$/m, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });

  it('check --spec reads the layer key', async () => {
    const spec = JSON.stringify({ layer: 'nn.Conv2d(1, 1, 3, stride=2, dilation=2)', input: [7, 9] });
    const r = await convmat(['check', 'matrix-equals-sliding-window', '--spec', spec]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/holds/);
    expect(r.stdout).toContain('rows = 6, cols = 63');
  });

  it('matrix --json prints the layer as torch code, and a note where no layer pads that way', async () => {
    const [even, uneven] = await Promise.all([
      convmat(['matrix', '--input', '5x5', '--layer', 'nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1)', '--json']),
      convmat(['matrix', '--input', '5', '--kernel', '3', '--padding', '0,1', '--json']),
    ]);
    expect(JSON.parse(even.stdout)).toMatchObject({
      torch: 'nn.Conv2d(1, 1, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)', torchNote: null,
    });
    expect(JSON.parse(uneven.stdout)).toMatchObject({
      torch: null, torchNote: 'no nn.Conv1d pads unevenly: apply F.pad(x, (0, 1)) and use padding=0',
    });
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['an unknown class', ['--layer', 'nn.MaxPool2d(2)'], /^convmat: --layer: unknown layer class nn\.MaxPool2d/],
    ['an unknown keyword', ['--layer', 'nn.Conv1d(1, 1, 3, padd=1)'], /^convmat: --layer: unknown keyword argument padd/],
    ['wrong arity', ['--layer', 'nn.Conv1d(1, 1)'], /^convmat: --layer: argument kernel_size is missing/],
    ['a non-literal argument', ['--layer', 'nn.Conv2d(c, 16, 3)'], /^convmat: --layer: argument in_channels must be a literal/],
    ['a call inside', ['--layer', 'nn.Conv2d(1, 1, __import__("os"))'], /^convmat: --layer: argument kernel_size must be a literal.*never evaluated/],
    ["padding_mode='mirror'", ['--layer', "nn.Conv2d(1, 1, 3, padding_mode='mirror')"], /^convmat: --layer: argument padding_mode='mirror' must be one of 'zeros', 'reflect', 'replicate', 'circular'/],
    ["padding_mode='reflect' on ConvTranspose", ['--layer', "nn.ConvTranspose2d(1, 1, 3, padding_mode='reflect')"], /^convmat: --layer: argument padding_mode='reflect': nn\.ConvTranspose2d supports only padding_mode='zeros'/],
    ['layer beside --padding-mode', ['--layer', 'nn.Conv1d(1, 1, 3)', '--padding-mode', 'reflect'], /^convmat: --padding-mode: conflicts with layer/],
    ['layer beside --kernel', ['--layer', 'nn.Conv1d(1, 1, 3)', '--kernel', '3'], /^convmat: --kernel: conflicts with layer/],
    ['an input of another dimensionality', ['--layer', 'nn.Conv3d(1, 1, 3)', '--input', '5x5'], /^convmat: --input: has 2 spatial axes but the layer is 3D/],
  ];
  it.each(refusals)('refuses %s: exit 2, one line', async (_, args, message) => {
    const withInput = args.includes('--input') ? args : [...args, '--input', '5'];
    for (const cmd of [['matrix'], ['explain', 'matrix']]) {
      expect(badInputLine(await convmat([...cmd, ...withInput]))).toMatch(message);
    }
  });
});
