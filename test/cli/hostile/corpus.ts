/**
 * Hostile and extreme inputs for the real CLI: every input of issue 11, and
 * systematic sweeps (each spec flag against odd values, each topic and
 * identity at sizes past the limits, eval payloads, names). Each must finish
 * in bounded time and memory with exit 0 or 2 and no stack trace.
 */
export interface HostileInput {
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin?: string;
}

const nested = (depth: number, leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const layers = (n: number, v: string) => Array.from({ length: n }, () => v).join(',');
const sumPower = (names: number, power: number) => `(${Array.from({ length: names }, (_, i) => `a${i}`).join('+')})^${power}`;
const E = sumPower(20, 6);
const grid = (h: number, w: number, v = 1) => Array.from({ length: h }, () => Array.from({ length: w }, () => v));
const evalCase = (n: number, extra: Record<string, unknown> = {}) => ({ input: [grid(n, n)], weight: [[grid(3, 3)]], ...extra });

/** The inputs named in the issue, one by one. */
const ISSUE: HostileInput[] = [
  { name: 'issue: explain flatten 300x300', args: ['explain', 'flatten', '--input', '300x300', '--kernel', '3x3'] },
  { name: 'issue: explain flatten 100000', args: ['explain', 'flatten', '--input', '100000', '--kernel', '3'] },
  { name: 'issue: explain separable 128x128', args: ['explain', 'separable', '--input', '128x128', '--kernel', '3x3'] },
  { name: 'issue: check conv-dense-equivalence 150x150', args: ['check', 'conv-dense-equivalence', '--input', '150x150', '--kernel', '3x3'] },
  { name: 'issue: explain separable 64x64', args: ['explain', 'separable', '--input', '64x64', '--kernel', '3x3'] },
  { name: 'issue: depthwise check 16x16, 8 → 16 channels', args: ['check', 'depthwise-separable-factorization', '--input', '16x16', '--kernel', '3x3', '--in-channels', '8', '--out-channels', '16'] },
  { name: 'issue: receptive field, 200 layers', args: ['explain', 'receptive-field', '--kernel', layers(200, '3')] },
  { name: 'issue: receptive field, 200 layers 2D', args: ['explain', 'receptive-field', '--kernel', layers(200, '3x3')] },
  { name: 'issue: receptive field, 200 layers of stride 2', args: ['explain', 'receptive-field', '--kernel', layers(200, '3'), '--stride', layers(200, '2')] },
  { name: 'issue: (20 names)^6 weights', args: ['matrix', '--input', '20', '--kernel', '3', '--weights', `${E},${E},${E}`] },
  { name: 'issue: matrix 960x960', args: ['matrix', '--input', '960x960', '--kernel', '3x3'] },
  { name: 'issue: matrix 64x64x64 --json', args: ['matrix', '--input', '64x64x64', '--kernel', '3x3x3', '--json'] },
  { name: 'issue: --weights nested 5,000 deep', args: ['matrix', '--input', '6', '--kernel', '3', '--weights', nested(5000)] },
  { name: 'issue: eval nested 10,000 deep', args: ['eval'], stdin: nested(10000) },
  { name: 'issue: eval input nested 10,000 deep in a case', args: ['eval'], stdin: `{"input":${nested(10000)},"weight":[[[1]]]}` },
  { name: 'issue: check --spec nested 5,000 deep', args: ['check', 'matrix-equals-sliding-window', '--spec', `{"input":6,"kernel":3,"weights":${nested(5000)}}`] },
  { name: 'issue: --inputs nested 5,000 deep (the attribute parser)', args: ['explain', 'matrix', '--input', '6', '--kernel', '3', '--inputs', nested(5000)] },
  { name: 'issue: eval overflow 1e200 · 1e200', args: ['eval'], stdin: '{"input": [[1e200]], "weight": [[[1e200]]]}' },
  { name: 'issue: eval five 900×900 cases', args: ['eval'], stdin: JSON.stringify(Array.from({ length: 5 }, () => evalCase(900))) },
];

/** Odd values for every option that takes one. */
const ODD_VALUES = [
  '', ' ', '-1', '0', '1.5', '1e9', '1e400', 'NaN', 'Infinity', '0x10', '9999999999999999999', 'abc', '3xx3', 'x3',
  '3x3x3x3', '٣', '３', 'bell\u0007', 'new\nline', '$(id)', '<img src=x onerror=alert(1)>', '\u202egnp.exe', 'x'.repeat(10_000),
  '{"a":1}', 'null', nested(50), '1,2;3', ';;;', '-0',
];
const PER_OPTION = 14;
const OPTIONS = ['input', 'kernel', 'stride', 'dilation', 'padding', 'output-padding', 'in-channels', 'out-channels', 'groups', 'weights', 'inputs', 'mode', 'max-work'];

function sweep(): HostileInput[] {
  const out: HostileInput[] = [];
  for (const option of OPTIONS) {
    const base = option === 'input' ? ['--kernel', '3'] : option === 'kernel' ? ['--input', '6'] : ['--input', '6', '--kernel', '3'];
    const transposed = option === 'output-padding' ? ['--transposed'] : [];
    // a window of the odd values per option, shifted from option to option, so every value meets several options
    const start = (OPTIONS.indexOf(option) * 7) % ODD_VALUES.length;
    for (let n = 0; n < PER_OPTION; n++) {
      const i = (start + n) % ODD_VALUES.length;
      out.push({ name: `matrix --${option} odd value #${i}`, args: ['matrix', ...base, ...transposed, `--${option}`, ODD_VALUES[i]!] });
    }
  }
  return out;
}

const TOPICS = ['matrix', 'transposed', 'window', 'block', 'dilation', 'receptive-field', 'separable', 'depthwise', 'pointwise', 'flatten', 'checkerboard', 'gradient'];
const IDENTITIES = [
  'matrix-equals-sliding-window', 'transposed-adjoint', 'transposed-forms-agree', 'shape-round-trip', 'dilation-zero-inserted-kernel',
  'rank1-separable', 'depthwise-separable-factorization', 'pointwise-channel-matmul', 'conv-dense-equivalence', 'stride1-composition',
  'correlation-convolution-flip', 'checkerboard-divisibility', 'receptive-field-closed-form',
  'input-gradient-is-transposed', 'weight-gradient-is-correlation',
];

function sizes(): HostileInput[] {
  const out: HostileInput[] = [];
  for (const t of TOPICS) {
    const kernel = t === 'pointwise' ? '1x1' : '3x3';
    out.push({ name: `explain ${t} 384x384`, args: ['explain', t, '--input', '384x384', '--kernel', kernel] });
    out.push({ name: `explain ${t} 96x96 as json`, args: ['explain', t, '--input', '96x96', '--kernel', kernel, '--format', 'json'] });
    out.push({ name: `explain ${t} with 64 channels`, args: ['explain', t, '--input', '24x24', '--kernel', kernel, '--in-channels', '64', '--out-channels', '64'] });
    out.push({ name: `explain ${t} html with hostile names`, args: ['explain', t, '--input', '4', '--kernel', '3', '--weights', 'a,b,<script>', '--format', 'html'] });
  }
  for (const id of IDENTITIES) {
    const kernel = id === 'pointwise-channel-matmul' ? '1x1' : '3x3';
    out.push({ name: `check ${id} 300x300`, args: ['check', id, '--input', '300x300', '--kernel', kernel] });
    out.push({ name: `check ${id} 3D 40³`, args: ['check', id, '--input', '40x40x40', '--kernel', kernel === '1x1' ? '1' : '3'] });
    out.push({ name: `check ${id} --spec not an object`, args: ['check', id, '--spec', '[1,2,3]'] });
    out.push({ name: `check ${id} --spec with a huge layer list`, args: ['check', id, '--spec', JSON.stringify({ input: 8, layers: Array.from({ length: 2000 }, () => ({ kernel: 1 })) })] });
  }
  out.push({ name: 'check unknown identity', args: ['check', 'not-an-identity'] });
  out.push({ name: 'check --spec invalid JSON', args: ['check', 'transposed-adjoint', '--spec', '{"input":'] });
  out.push({ name: 'check --spec with 64-bit sizes', args: ['check', 'shape-round-trip', '--spec', '{"input":1e300,"kernel":3}'] });
  out.push({ name: 'explain receptive-field 2D, 60 layers of dilation 8', args: ['explain', 'receptive-field', '--kernel', layers(60, '3x3'), '--dilation', layers(60, '8')] });
  out.push({ name: 'explain receptive-field 10,000 layers', args: ['explain', 'receptive-field', '--kernel', layers(10_000, '2')] });
  out.push({ name: 'explain receptive-field input 1000x1000', args: ['explain', 'receptive-field', '--input', '1000x1000', '--kernel', '3'] });
  out.push({ name: 'matrix 1×1 kernel on 1000x1000', args: ['matrix', '--input', '1000x1000', '--kernel', '1'] });
  out.push({ name: 'matrix 4096 channels', args: ['matrix', '--input', '4', '--kernel', '1', '--in-channels', '4096', '--out-channels', '4096'] });
  out.push({ name: 'matrix kernel as wide as a huge input', args: ['matrix', '--input', '1048576', '--kernel', '1048576'] });
  out.push({ name: 'matrix dilation 1e6', args: ['matrix', '--input', '6', '--kernel', '3', '--dilation', '1000000'] });
  out.push({ name: 'matrix full padding 1e6', args: ['matrix', '--input', '6', '--kernel', '3', '--padding', '1000000'] });
  out.push({ name: 'matrix transposed stride 1e6', args: ['matrix', '--input', '6', '--kernel', '3', '--stride', '1000000', '--transposed'] });
  out.push({ name: 'matrix transposed 1000x1000 stride 2', args: ['matrix', '--input', '1000x1000', '--kernel', '3x3', '--stride', '2', '--transposed'] });
  out.push({ name: 'matrix 256x256 --json (within the limits)', args: ['matrix', '--input', '256x256', '--kernel', '3x3', '--json'] });
  out.push({ name: 'matrix 512x512 with --max-work 0.01', args: ['matrix', '--input', '512x512', '--kernel', '3x3', '--max-work', '0.01'] });
  out.push({ name: 'matrix groups 4096 on 4096 channels', args: ['matrix', '--input', '8', '--kernel', '3', '--in-channels', '4096', '--out-channels', '4096', '--groups', '4096'] });
  return out;
}

function evals(): HostileInput[] {
  const cases: Array<[string, string]> = [
    ['empty stdin', ''],
    ['whitespace', '   \n '],
    ['not JSON', '{input:'],
    ['a number', '42'],
    ['null', 'null'],
    ['an empty array', '[]'],
    ['an array of nulls', '[null,null]'],
    ['unknown field', '{"input":[[1]],"weight":[[[1]]],"bias":1}'],
    ['NaN as text', '{"input":[[NaN]],"weight":[[[1]]]}'],
    ['strings as numbers', '{"input":[["1"]],"weight":[[[1]]]}'],
    ['ragged input', '{"input":[[1,2],[3]],"weight":[[[1]]]}'],
    ['rank 1 input', '{"input":[1,2,3],"weight":[[[1]]]}'],
    ['rank 6 input', `{"input":${nested(6)},"weight":${nested(7)}}`],
    ['empty arrays', '{"input":[[]],"weight":[[[]]]}'],
    ['huge stride', '{"input":[[1,2,3]],"weight":[[[1]]],"stride":1e300}'],
    ['negative padding', '{"input":[[1,2,3]],"weight":[[[1]]],"padding":-1}'],
    ['padding as an object', '{"input":[[1,2,3]],"weight":[[[1]]],"padding":{"a":1}}'],
    ['groups zero', '{"input":[[1,2,3]],"weight":[[[1]]],"groups":0}'],
    ['op unknown', '{"op":"deconv","input":[[1]],"weight":[[[1]]]}'],
    ['1e308 sums overflow', '{"input":[[1e308,1e308]],"weight":[[[1,1]]]}'],
    ['-1e200 products', '{"input":[[-1e200]],"weight":[[[1e200]]]}'],
    ['tiny numbers underflow', '{"input":[[1e-200]],"weight":[[[1e-200]]]}'],
    ['many digits', '{"input":[[0.1234567890123456789]],"weight":[[[3]]]}'],
    ['1000 small cases', JSON.stringify(Array.from({ length: 1000 }, () => evalCase(4)))],
    ['one 400x400 case', JSON.stringify(evalCase(400))],
    ['two 400x400 cases', JSON.stringify([evalCase(400), evalCase(400)])],
    ['a 3D case 64³', JSON.stringify({ input: [Array.from({ length: 64 }, () => grid(64, 64))], weight: [[Array.from({ length: 3 }, () => grid(3, 3))]] })],
    ['conv_transpose with stride 64', JSON.stringify({ op: 'conv_transpose', input: [grid(64, 64)], weight: [[grid(3, 3)]], stride: 64 })],
    ['deep case array', `[${nested(9, '{}')}]`],
    ['object nested 10,000 deep', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['strings with escapes', '{"input":[["\\u0000"]],"weight":[[[1]]]}'],
    ['a long string', JSON.stringify({ input: 'x'.repeat(100_000), weight: [[[1]]] })],
  ];
  return cases.map(([name, stdin]) => ({ name: `eval ${name}`, args: ['eval'], stdin }));
}

function names(): HostileInput[] {
  const lists = [
    'nan,oo,zoo', 'sin,cos,tan', 'exp,sqrt,log', 're,im,arg', 'Symbol,Matrix,Function', 'zeta,gamma,beta', 'E,I,pi', 'S,N,O', 'lambda,if,for',
    'w1,w_1,w__1', 'x,x_,y', 'a,a,b', 'é,b,c', '1a,b,c', '_a,b,c', 'a-b,c,d', 'a b,c,d', 'a'.repeat(65) + ',b,c', 'x\u0007,y,z', 'x\u001b[31m,y,z',
    '\u202ex,y,z', 'x\u200b,y,z', 'Infinity,NaN,null',
  ];
  const out: HostileInput[] = lists.map((w, i) => ({ name: `names in --weights #${i}`, args: ['matrix', '--input', '6', '--kernel', '3', '--weights', w] }));
  out.push({ name: 'inputs prefix w_ beside weights w', args: ['matrix', '--input', '6', '--kernel', '3', '--inputs', 'w_'] });
  out.push({ name: 'inputs prefix that typesets like outputs', args: ['matrix', '--input', '6', '--kernel', '3', '--inputs', 'y_', '--weights', 'a,b,c'] });
  out.push({ name: 'weights prefix nan', args: ['matrix', '--input', '6', '--kernel', '3', '--weights', 'nan'] });
  out.push({ name: 'weights prefix of 64 letters', args: ['matrix', '--input', '6', '--kernel', '3', '--weights', 'w'.repeat(64)] });
  for (const [i, expr] of ['(a+b)^16', '(a+b+c+d)^16', '((((((((((a))))))))))', `${'('.repeat(240)}a${')'.repeat(240)}`, 'a/0', 'a^-1', 'a^(1/2)', 'sin(a)', 'a^b', '1e999*a', '2**3', 'a;b', 'import("fs")', 'a.b', '[1,2]'].entries()) {
    out.push({ name: `expression #${i}`, args: ['matrix', '--input', '6', '--kernel', '3', '--weights', `${expr},b,c`] });
  }
  return out;
}

function commands(): HostileInput[] {
  return [
    { name: 'no command', args: [] },
    { name: 'unknown command', args: ['frobnicate'] },
    { name: 'help of an unknown command', args: ['help', 'frobnicate'] },
    { name: 'explain without topic', args: ['explain'] },
    { name: 'explain unknown topic', args: ['explain', 'nope'] },
    { name: 'explain --max-rows 1e9', args: ['explain', 'matrix', '--max-rows', '1000000000'] },
    { name: 'explain --format pdf', args: ['explain', 'matrix', '--format', 'pdf'] },
    { name: 'flag repeated', args: ['matrix', '--input', '6', '--input', '7', '--kernel', '3'] },
    { name: 'flag without value', args: ['matrix', '--input'] },
    { name: 'positional argument', args: ['matrix', '6', '3'] },
    { name: 'switch with a value', args: ['matrix', '--input', '6', '--kernel', '3', '--json=maybe'] },
    { name: '10,000 flags', args: ['matrix', ...Array.from({ length: 10_000 }, (_, i) => `--f${i}`)] },
  ];
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [...ISSUE, ...sweep(), ...sizes(), ...evals(), ...names(), ...commands()];
