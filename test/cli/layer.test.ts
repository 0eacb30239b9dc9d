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

  it('reads device=, dtype= and bias=True, notes on stderr that they do not change K, and prints the same matrix', async () => {
    const layer = "nn.Conv2d(2, 4, 3, stride=2, bias=True, device=torch.device('cuda', 0), dtype=torch.float16)";
    const [a, b] = await Promise.all([
      convmat(['matrix', '--input', '6', '--layer', layer, '--json']),
      convmat(['matrix', '--input', '6x6', '--kernel', '3', '--stride', '2', '--in-channels', '2', '--out-channels', '4', '--json']),
    ]);
    expect(a.code, a.stderr).toBe(0);
    const strip = (s: string) => s.replace(/"timings":\{[^}]*\}/g, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    expect(a.stderr.trim().split('\n')).toEqual([
      'convmat: note: bias=True adds one constant per output channel after K·z: K is the same, and convmat shows it without the bias',
      "convmat: note: device=torch.device('cuda', 0) and dtype=torch.float16 say where and in which precision the layer runs, which does not change K",
    ]);
    const quiet = await convmat(['matrix', '--input', '6', '--layer', "nn.Conv1d(1, 1, 3, bias=False, device='cpu')"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("convmat: note: device='cpu' says where and in which precision the layer runs, which does not change K\n");
  });

  const refusals: Array<[string, string[], RegExp]> = [
    ['groups that do not divide the channels, named as the layer argument', ['--layer', 'nn.Conv2d(4, 6, 3, groups=4)', '--input', '8x8'],
      /^convmat: --layer: argument groups: must divide both inChannels \(4\) and outChannels \(6\)/],
    ['a kernel wider than the input, named as the layer argument', ['--layer', 'nn.Conv1d(1, 1, 5)', '--input', '3'], /^convmat: --layer: argument kernel_size(\[0\])?: the kernel spans 5/],
    ['an output padding too large, named as the layer argument', ['--layer', 'nn.ConvTranspose1d(1, 1, 3, output_padding=1)'], /^convmat: --layer: argument output_padding: must be smaller than/],
    ['a call in dtype= that is not a literal call', ['--layer', 'nn.Conv1d(1, 1, 3, dtype=getattr(torch, x))'], /^convmat: --layer: argument dtype must be a literal/],
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
