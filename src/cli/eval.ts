import { ParseError } from '../errors.ts';
import { type Command, EXIT } from './command.ts';
import { describeFlags, parseArgs } from './args.ts';
import { type EvalResult, type PreparedCase, computeCase, prepareCase } from './eval-case.ts';
import type { BackwardEvalResult } from './eval-backward.ts';
import { MAX_DEPTH, markInexactNumbers, parseJsonText, topLevelItems } from '../json-depth.ts';
import { STDIN_LIMITS, tooManyCases, withoutBom } from './stdin-limits.ts';
import { estimateWork } from '../work/estimate.ts';
import { judgeWork, workLimitError } from '../work/guard.ts';
import { WORK_FLAG, withWorkFlag } from './work-flag.ts';

/** `convmat eval`: numeric convolutions from JSON on stdin, computed by the matrix and by the sliding window. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate convolutions (and their backward pass) given as JSON on stdin, by the matrix and by the sliding window',
  help: `convmat eval: evaluate convolutions given as JSON on stdin

Usage: convmat eval < cases.json      (or: echo '<case or [cases]>' | convmat eval)

A case is an object in PyTorch layouts, channel axes always present:
  op              "conv" (default), "conv_transpose" or "conv_backward"
  input           nested array [C_in, ...spatial] (1 to 3 spatial axes)
  weight          conv, conv_backward: [C_out, C_in/groups, ...k];
                  conv_transpose: [C_in, C_out/groups, ...k]
  grad_output     conv_backward only: δ = ∂L/∂output, [C_out, ...output], the
                  shape of the forward output
  stride          a number or one per axis (default 1)
  padding         a number, one per axis, [before, after] pairs per axis,
                  or "valid", "same", "full" (default 0)
  dilation        a number or one per axis (default 1)
  groups          a number (default 1)
  output_padding  conv_transpose only: a number or one per axis (default 0)
  padding_mode    "zeros" (default), "reflect", "replicate" or "circular", as in
                  PyTorch (reflect pads < n, circular ≤ n; conv_transpose: zeros only)

For each case it prints {output, shape, viaMatrix, viaSlidingWindow, agree}:
output, viaMatrix and viaSlidingWindow are nested arrays [C_out, ...spatial]
of shape \`shape\`. A conv_backward case prints {grad_input, grad_weight,
viaMatrix, viaDirect, agree}: grad_input [C_in, ...spatial] and grad_weight
[C_out, C_in/groups, ...k] (PyTorch's x.grad and weight.grad), each computed
by the matrices (Kᵀ·δ, Zᵀ·δ with Z the im2col matrix) and by the direct
formulas (δ scattered back through each window; the input correlated with δ).
The arithmetic is exact (rationals; each number is its shortest decimal, 0.1
is 1/10), and results print as the nearest float.
Any other field is an error with a did-you-mean.
One case in gives an object out; an array in gives an array out.

Every number is exact as written (1e-300 and 20-digit decimals included); a
case whose arithmetic could not be exact says so with "exact": false and
"inexact" (the reason), and is never silently rounded.

Limits: stdin at most ${STDIN_LIMITS.bytes.toLocaleString('en-US')} bytes and ${STDIN_LIMITS.cases.toLocaleString('en-US')} cases, checked before parsing;
work limits apply to the whole input, all cases together; a result that
overflows float64 (Infinity or NaN) is refused and names the case and entry.

Options:
${describeFlags([WORK_FLAG])}

Exit codes: 0 every case agrees, 1 some case disagrees, 2 bad input, over the
work limits, or a result that overflows.

Examples:
  echo '{"op":"conv","input":[[1,2,3,4]],"weight":[[[1,0,-1]]]}' | convmat eval
  echo '{"op":"conv_backward","input":[[1,2,3,4]],"weight":[[[1,0,-1]]],"grad_output":[[1,1]]}' | convmat eval
`,
  async run(argv, io) {
    const args = parseArgs(argv, [WORK_FLAG], 'eval');
    if (args.switches.has('help')) { io.out(evalCommand.help); return EXIT.ok; }
    const text = withoutBom(await io.readStdin(STDIN_LIMITS.bytes));
    if (text.trim() === '') throw new ParseError({ field: 'stdin', value: '', rule: 'expected a JSON case or an array of cases', fix: 'run convmat eval --help' });
    const count = topLevelItems(text, STDIN_LIMITS.cases);
    if (count > STDIN_LIMITS.cases) throw tooManyCases(count, STDIN_LIMITS.cases);
    // numbers a double cannot hold as written are read from their text, digit for digit
    const data = parseJsonText(markInexactNumbers(text), 'stdin', MAX_DEPTH.eval);
    const results: Array<EvalResult | BackwardEvalResult> = withWorkFlag(args, () => evaluateAll(data));
    io.out(`${JSON.stringify(Array.isArray(data) ? results : results[0])}\n`);
    return results.every((r) => r.agree) ? EXIT.ok : EXIT.checkFailed;
  },
};

/** Every case read and validated first, their work summed and judged as one request, then computed. */
function evaluateAll(data: unknown): Array<EvalResult | BackwardEvalResult> {
  const raw = Array.isArray(data) ? data : [data];
  const cases: PreparedCase[] = [];
  const total = { entries: 0, terms: 0, denseCells: 0 };
  raw.forEach((c, i) => {
    const prepared = prepareCase(c, Array.isArray(data) ? `[${i}].` : '');
    const e = estimateWork(prepared.spec, { kind: 'eval' });
    // conv_backward builds K and Z and their transposes, and forms Kᵀ·δ and Zᵀ·δ twice each
    const [entries, terms] = prepared.gradOutput ? [4, 2] : [1, 1];
    total.entries += entries * e.entries;
    total.terms += terms * e.terms;
    total.denseCells += e.denseCells;
    // judged as the cases add up, so an oversized input is refused before the rest is read
    const verdict = judgeWork(total);
    if (!verdict.ok) throw workLimitError(verdict, { kind: 'eval' }, i + 1);
    cases.push(prepared);
  });
  return cases.map(computeCase);
}
