import { writeFileSync } from 'node:fs';
import { FIGURE_FORMATS, FIGURE_VIEWS, renderFigure } from '../render/figure.ts';
import { describeFlags } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { FIGURE_FLAGS, figureFlagOf, readFigureArgs } from './figure-args.ts';
import { loadExpressionParser, specNeedsExpressions } from './spec-flags.ts';
import { renameField } from './user-error.ts';

/** `convmat figure VIEW`: a drawing as SVG, TikZ or static HTML, to stdout or a file (its words are read by figure-args.ts). */
export const figureCommand: Command = {
  name: 'figure',
  summary: 'a drawing as a file: svg, tikz or static html (window, transposed, matrix, receptive-field, checkerboard)',
  help: `convmat figure: a drawing of convmat's as SVG, TikZ or static HTML, without a browser

Usage: convmat figure <view> [spec options] [--format ${FIGURE_FORMATS.join('|')}] [--frame N] [--animate] [--standalone] [-o FILE]

Views: ${FIGURE_VIEWS.join(', ')}
  window           the sliding window over the padded (transposed: zero-inserted) input, one frame per output
  transposed       the three forms of a transposed convolution, one frame per output of the zero-insertion form
  matrix           the matrix K (Kᵀ with --transposed) beside z, one frame per row
  receptive-field  a stack of layers and the receptive field of the widest neuron (--kernel, --stride, --dilation, --padding, --input)
  checkerboard     overlap counts of a transposed convolution (--kernel, --stride, --dilation, --padding, --input)

Options:
${describeFlags(FIGURE_FLAGS)}

svg: one standalone SVG with a viewBox, a title and a description; every grid
cell carries data-kind (input, padding, inserted, output); --animate loops
through the frames with SMIL and shows frame 0 still under
prefers-reduced-motion. tikz: a tikzpicture (amsmath, amssymb, tikz), or with
--standalone a whole document. html: a static fragment (inline SVG, KaTeX's
HTML for the equations, its CSS once, no script). A spec past a view's limits
is drawn as the view's summary.

Examples:
  convmat figure window --input 5x5 --kernel 3x3 --stride 2 --padding 1 -o window.svg
  convmat figure window --input 5x5 --kernel 3x3 --animate -o window-animated.svg
  convmat figure transposed --input 3x3 --kernel 3x3 --stride 2 --format tikz --standalone -o transposed.tex
  convmat figure matrix --input 4 --kernel 3 --padding 1 --format html
  convmat figure checkerboard --kernel 3 --stride 2 --input 8x8
`,
  async run(argv, io) {
    const read = readFigureArgs(argv, io);
    if (read === 'help') { io.out(figureCommand.help); return EXIT.ok; }
    if (specNeedsExpressions(read.spec)) await loadExpressionParser();
    let text: string;
    try {
      text = renderFigure(read.spec, read.options);
    } catch (e) {
      throw renameField(e, figureFlagOf);
    }
    const file = read.args.options.get('output');
    if (file === undefined) io.out(text);
    else writeFileSync(file, text);
    return EXIT.ok;
  },
};
