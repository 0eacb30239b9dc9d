import { COMMANDS, run } from '../../src/cli/main.ts';
import { escapeHtml } from './html-text.ts';

/**
 * The CLI reference: for every command of the CLI's own command table, its
 * --help text and one or more examples with the REAL output, produced by
 * running the CLI's entry point (the function bin/convmat.js calls) at
 * build time. Nothing here is typed in by hand.
 */
interface Example {
  readonly argv: readonly string[];
  readonly stdin?: string;
  readonly note: string;
  /** the exit code the example must have (default 0); the build fails otherwise */
  readonly exit?: number;
}

const LECTURE_5X5 = JSON.stringify({
  op: 'conv',
  input: [[[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]]],
  weight: [[[[0, 1, 2], [2, 2, 0], [0, 1, 2]]]],
});

export const CLI_EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  matrix: [
    { argv: ['matrix', '--input', '6', '--kernel', '3'], note: 'The lecture’s regular 1D convolution: six inputs, kernel 3, outputs z7..z10.' },
    { argv: ['matrix', '--input', '4', '--kernel', '3', '--padding', '1', '--weights', 'x,y,z', '--inputs', 'a,b,c,d'], note: 'Custom names and padding 1: the x, y, z / a, b, c, d example.' },
    { argv: ['matrix', '--input', '4', '--kernel', '3', '--transposed', '--inputs', 'z7,z8,z9,z10'], note: 'The transposed convolution maps z7..z10 back to six entries with Kᵀ.' },
    { argv: ['matrix', '--input', '4', '--kernel', '3', '--json'], note: 'The JSON contract (timings are real, so they vary from build to build).' },
    { argv: ['matrix', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'reflect'], note: 'PyTorch’s reflect padding: the padding cells copy z2 and z4, so two entries of K are sums, w1 + w3.' },
    { argv: ['matrix', '--input', '6', '--kernel', '3', '--form', 'im2col'], note: 'The other matrix: Z, the im2col (unfold) matrix, holds the inputs and multiplies the weights, K(w)·z = Z(z)·w.' },
  ],
  eval: [
    { argv: ['eval'], stdin: LECTURE_5X5, note: 'The lecture’s 5×5 input and 3×3 filter, in PyTorch layout on stdin.' },
    { argv: ['eval'], stdin: JSON.stringify({ input: [[1, 2, 3, 4, 5]], weight: [[[1, 10, 100]]], padding: 1, padding_mode: 'circular' }), note: 'padding_mode as in PyTorch: circular padding wraps [1, 2, 3, 4, 5] to [5, 1, 2, 3, 4, 5, 1].' },
    { argv: ['eval'], stdin: JSON.stringify({ op: 'conv_backward', input: [[1, 2, 3, 4, 5, 6]], weight: [[[1, 0, -1]]], grad_output: [[1, 2, 3, 4]] }), note: 'The backward pass of the lecture’s 1D convolution for δ = [1, 2, 3, 4]: grad_input = Kᵀδ and grad_weight = Zᵀδ, by the matrices and by the direct formulas.' },
  ],
  explain: [
    { argv: ['explain', 'matrix', '--input', '6', '--kernel', '3'], note: 'A derivation as text.' },
    { argv: ['explain', 'matrix', '--input', '6', '--kernel', '3', '--format', 'latex'], note: 'The same derivation as LaTeX.' },
    { argv: ['explain', 'matrix', '--input', '6', '--kernel', '3', '--format', 'markdown'], note: 'As Markdown with $$ blocks, for notes.' },
    { argv: ['explain', 'gradient', '--input', '6', '--kernel', '3'], note: 'The backward pass: δ = ∂L/∂y, ∂L/∂z = Kᵀδ and ∂L/∂w = Zᵀδ.' },
  ],
  check: [
    { argv: ['check', 'transposed-adjoint', '--input', '5x5', '--kernel', '3x3', '--stride', '2', '--padding', '1'], note: 'An identity that holds: exit code 0.' },
    { argv: ['check', 'shape-round-trip', '--input', '6', '--kernel', '3', '--stride', '2', '--padding', '1', '--output-padding', '0'], exit: 1, note: 'Output padding off by one: the round trip gives 5, not 6, so the check fails with exit code 1.' },
    { argv: ['check', 'circular-dft-diagonal', '--input', '5', '--kernel', '3', '--padding', '1', '--padding-mode', 'circular'], note: 'A stride-1 circular convolution: the DFT diagonalises K, and its eigenvalues are the DFT of the zero-padded kernel.' },
    { argv: ['check', 'circular-dft-diagonal', '--input', '5', '--kernel', '3', '--padding', '1'], exit: 2, note: 'Outside the identity’s hypothesis (zeros padding: K is not circulant) it is refused with the reason, exit code 2.' },
  ],
  help: [{ argv: ['--version'], note: 'The version.' }],
};

export const CLI_ERRORS: readonly Example[] = [
  { argv: ['matrix', '--input', '4', '--kernel', '3', '--dilation', '2'], exit: 2, note: 'A kernel that does not fit: exit code 2, one line on stderr, nothing on stdout.' },
  { argv: ['matrix', '--input', '6', '--kernel', '3', '--stride', '0'], exit: 2, note: 'A stride that is not positive.' },
  { argv: ['matrix', '--input', '3', '--kernel', '3', '--padding', '3', '--padding-mode', 'reflect'], exit: 2, note: 'Reflect padding as large as the input: PyTorch’s bound (at most n − 1) holds here too.' },
  { argv: ['eval'], stdin: JSON.stringify({ op: 'conv_transpose', input: [[1, 2, 3]], weight: [[[1, 1]]], padding_mode: 'reflect' }), exit: 2, note: 'A transposed convolution pads only with zeros, as in PyTorch; the message names the eval field.' },
];

interface Run { code: number; out: string; err: string }

async function runCli(ex: Example): Promise<Run> {
  let out = '';
  let err = '';
  const code = await run(ex.argv, {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readStdin: async () => ex.stdin ?? '',
  });
  return { code, out, err };
}

function shellQuote(a: string): string {
  return /^[\w.,=/-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

function commandLine(ex: Example): string {
  const cmd = `convmat ${ex.argv.map(shellQuote).join(' ')}`;
  return ex.stdin === undefined ? cmd : `echo ${shellQuote(ex.stdin)} | ${cmd}`;
}

async function exampleHtml(ex: Example): Promise<string> {
  const r = await runCli(ex);
  if (r.code !== (ex.exit ?? 0)) {
    throw new Error(`CLI example "${commandLine(ex)}" exited ${r.code}, expected ${ex.exit ?? 0}: ${r.err.trim()}`);
  }
  const stdout = r.out ? `<pre class="cli-out"><code>${escapeHtml(r.out.trimEnd())}</code></pre>` : '<p class="cli-empty">(nothing on stdout)</p>';
  const stderr = r.err ? `<pre class="cli-err" aria-label="standard error"><code>${escapeHtml(r.err.trimEnd())}</code></pre>` : '';
  return `<figure class="cli-example"><figcaption>${escapeHtml(ex.note)}</figcaption>
<pre class="cli-cmd"><code>$ ${escapeHtml(commandLine(ex))}</code></pre>${stdout}${stderr}<p class="cli-exit">exit code ${r.code}</p></figure>`;
}

/** The CLI page's generated body. */
export async function generateCli(): Promise<string> {
  const overview = await runCli({ argv: ['--help'], note: '' });
  const parts = [`<h2 id="overview">Overview</h2><pre class="cli-out"><code>$ convmat --help\n${escapeHtml(overview.out.trimEnd())}</code></pre>`];
  for (const c of COMMANDS) {
    const help = await runCli({ argv: c.name === 'help' ? ['help'] : [c.name, '--help'], note: '' });
    const examples = await Promise.all((CLI_EXAMPLES[c.name] ?? []).map(exampleHtml));
    parts.push(`<section class="cli-command"><h2 id="cmd-${c.name}">convmat ${escapeHtml(c.name)}</h2><p>${escapeHtml(c.summary)}.</p>
<details><summary><code>convmat ${escapeHtml(c.name)} --help</code></summary><pre class="cli-out"><code>${escapeHtml(help.out.trimEnd())}</code></pre></details>
${examples.join('\n')}</section>`);
  }
  const errors = await Promise.all(CLI_ERRORS.map(exampleHtml));
  parts.push(`<section><h2 id="bad-input">Bad input</h2><p>Every command checks its input first. A bad value never reaches the engine half-way: the CLI prints one line that names the field, the rule and a fix, writes nothing on stdout, and exits with code 2.</p>${errors.join('\n')}</section>`);
  return parts.join('\n');
}
