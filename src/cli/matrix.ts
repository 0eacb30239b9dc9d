import { checkMatrix } from '../check/matrix-check.ts';
import { type Command, EXIT } from './command.ts';
import { type FlagSpec, describeFlags, parseArgs } from './args.ts';
import { matrixJson, writeMatrixJson } from './matrix-json.ts';
import { matrixText } from './matrix-text.ts';
import { im2colOutput } from './matrix-im2col.ts';
import { matrixForm } from '../view/matrix-view.ts';
import { SPEC_FLAGS, flagForField, loadExpressionParser, specFromFlags, specNeedsExpressions } from './spec-flags.ts';
import { renameField } from './user-error.ts';
import { WORK_FLAG, withWorkFlag } from './work-flag.ts';

/** `convmat matrix`: the convolution matrix of a spec, K·z, and the check against the sliding window. */
const FLAGS: readonly FlagSpec[] = [
  ...SPEC_FLAGS,
  { name: 'json', kind: 'switch', description: 'print the JSON object of the contract instead of text' },
  { name: 'form', kind: 'option', value: 'conv|im2col', description: 'conv (default): K, whose entries are weights; im2col: Z, whose entries are inputs, with Z·w and the check K(w)·z = Z(z)·w' },
  WORK_FLAG,
];

export const matrixCommand: Command = {
  name: 'matrix',
  summary: 'the convolution matrix K (or Z, --form im2col), the product K·z, and its check against the sliding window',
  help: `convmat matrix: build the convolution matrix of a spec, multiply it out, check it

Usage: convmat matrix --input <size> --kernel <size> [options]
       convmat matrix --input <size> --layer "<PyTorch layer>" [options]

Builds K (Kᵀ with --transposed) over named weights, computes K·z exactly,
computes the sliding window independently, and compares the two.

Options:
${describeFlags(FLAGS)}

With --form im2col it shows Z, the im2col (unfold) matrix: one row per
output, one column per weight, the inputs as entries; Z·w; and the check
K(w)·z = Z(z)·w = the sliding window. Its --json object has form, weightNames
(the columns), inputNames, outputNames, matrix, entries ([row, col, input]),
product (Z·w), slidingWindow, equal and shape.

With --json it prints one object: inputNames, outputNames, matrix (strings,
"0" where empty; null past 100,000 cells), entries ([row, col, expression]
for every nonzero), timings (ms: build, product, slidingWindow, compare),
product and slidingWindow (one expanded string per output), equal, shape,
torch (the spec as PyTorch layer code with bias=False; null when no Conv
layer pads that way) and torchNote (what the code alone does not say: the
F.pad for uneven padding, the flipped weight of --mode convolution; else null).

--layer reads the layer text with a parser and never runs it: Conv1d/2d/3d and
ConvTranspose1d/2d/3d (nn., torch.nn. or bare), positional or keyword
arguments, integers or tuples, padding 'same'/'valid', padding_mode (zeros
only for ConvTranspose); bias=True, device= and dtype= are read and noted on
stderr (they do not change K). It sets every field but --input,
--weights and --inputs; --input gives 1 size or one per layer axis.

Work limits: a spec whose matrix, product or window would pass the limits
above is refused (exit 2) with the estimate; --max-work 4 allows four times
as much, convmat eval computes numbers instead of symbols.

Exit codes: 0 equal, 1 the matrix and the sliding window differ, 2 bad input
or over the work limits.

Examples:
  convmat matrix --input 6 --kernel 3
  convmat matrix --input 4 --kernel 3 --transposed
  convmat matrix --input 5x5 --kernel 3x3 --padding 1 --json
  convmat matrix --input 5 --kernel 3 --padding 1 --padding-mode reflect
  convmat matrix --input 6 --kernel 3 --form im2col
  convmat matrix --input 8 --layer "nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)"
`,
  async run(argv, io) {
    const args = parseArgs(argv, FLAGS, 'matrix');
    if (args.switches.has('help')) { io.out(matrixCommand.help); return EXIT.ok; }
    const spec = specFromFlags(args, io);
    if (specNeedsExpressions(spec)) await loadExpressionParser();
    if (matrixForm(args.options.get('form'), '--form') === 'im2col') {
      let out;
      try {
        out = withWorkFlag(args, () => im2colOutput(spec));
      } catch (e) {
        throw renameField(e, flagForField);
      }
      io.out(args.switches.has('json') ? `${JSON.stringify(out.json)}\n` : out.text());
      return out.json.equal ? EXIT.ok : EXIT.checkFailed;
    }
    let check;
    try {
      check = withWorkFlag(args, () => checkMatrix(spec));
    } catch (e) {
      throw renameField(e, flagForField);
    }
    if (args.switches.has('json')) writeMatrixJson(check, io.out);
    else io.out(matrixText(check, matrixJson(check)));
    return check.report.holds ? EXIT.ok : EXIT.checkFailed;
  },
};
