import { ParseError } from '../errors.ts';
import { type Command, EXIT } from './command.ts';
import { describeFlags, parseArgs } from './args.ts';
import { type EvalResult, evalCase } from './eval-case.ts';

/** `convmat eval`: numeric convolutions from JSON on stdin, computed by the matrix and by the sliding window. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate convolutions given as JSON on stdin, by the matrix and by the sliding window',
  help: `convmat eval: evaluate convolutions given as JSON on stdin

Usage: convmat eval < cases.json      (or: echo '<case or [cases]>' | convmat eval)

A case is an object in PyTorch layouts, channel axes always present:
  op              "conv" (default) or "conv_transpose"
  input           nested array [C_in, ...spatial] (1 to 3 spatial axes)
  weight          conv: [C_out, C_in/groups, ...k]; conv_transpose: [C_in, C_out/groups, ...k]
  stride          a number or one per axis (default 1)
  padding         a number, one per axis, [before, after] pairs per axis,
                  or "valid", "same", "full" (default 0)
  dilation        a number or one per axis (default 1)
  groups          a number (default 1)
  output_padding  conv_transpose only: a number or one per axis (default 0)

For each case it prints {output, shape, viaMatrix, viaSlidingWindow, agree}:
output, viaMatrix and viaSlidingWindow are nested arrays [C_out, ...spatial]
of shape \`shape\`. The arithmetic is exact (rationals; each number is its
shortest decimal, 0.1 is 1/10), and results print as the nearest float.
Any other field is an error with a did-you-mean.
One case in gives an object out; an array in gives an array out.

Options:
${describeFlags([])}

Exit codes: 0 every case agrees, 1 some case disagrees, 2 bad input.

Example:
  echo '{"op":"conv","input":[[[1,2,3,4]]],"weight":[[[1,0,-1]]]}' | convmat eval
`,
  async run(argv, io) {
    const args = parseArgs(argv, [], 'eval');
    if (args.switches.has('help')) { io.out(evalCommand.help); return EXIT.ok; }
    const text = await io.readStdin();
    if (text.trim() === '') throw new ParseError({ field: 'stdin', value: '', rule: 'expected a JSON case or an array of cases', fix: 'run convmat eval --help' });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ParseError({ field: 'stdin', value: text, rule: `is not valid JSON (${(e as Error).message})` });
    }
    const results: EvalResult[] = Array.isArray(data) ? data.map((c, i) => evalCase(c, `[${i}].`)) : [evalCase(data)];
    io.out(`${JSON.stringify(Array.isArray(data) ? results : results[0])}\n`);
    return results.every((r) => r.agree) ? EXIT.ok : EXIT.checkFailed;
  },
};
