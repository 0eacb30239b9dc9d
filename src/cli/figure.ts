import { writeFileSync } from 'node:fs';
import { ParseError } from '../errors.ts';
import { didYouMean } from '../geometry/known-keys.ts';
import { FIGURE_FORMATS, FIGURE_VIEWS, type FigureFormat, type FigureViewName, renderFigure } from '../render/figure.ts';
import { type FlagSpec, describeFlags, parseArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { SPEC_FLAGS, flagForField, loadExpressionParser, specFromFlags, specNeedsExpressions } from './spec-flags.ts';
import { renameField } from './user-error.ts';

/** `convmat figure VIEW`: a drawing as SVG, TikZ or static HTML, to stdout or a file. */
const FLAGS: readonly FlagSpec[] = [
  ...SPEC_FLAGS,
  { name: 'format', kind: 'option', value: FIGURE_FORMATS.join('|'), description: 'output format (default svg)' },
  { name: 'frame', kind: 'option', value: '0', description: 'the step of the animation to draw, from 0 (default 0)' },
  { name: 'animate', kind: 'switch', description: 'every frame: svg loops them (no script), tikz puts one per Beamer overlay (with --standalone one per page)' },
  { name: 'standalone', kind: 'switch', description: 'with --format tikz: a whole document (standalone class) that pdflatex compiles' },
  { name: 'output', kind: 'option', value: 'FILE', description: 'write to FILE instead of standard output (also -o FILE)' },
];

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
${describeFlags(FLAGS)}

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
    const view = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
    const rest = (view === undefined ? argv : argv.slice(1)).map((a) => (a === '-o' ? '--output' : a));
    const args = parseArgs(rest, FLAGS, 'figure');
    if (args.switches.has('help')) { io.out(figureCommand.help); return EXIT.ok; }
    if (view === undefined) throw new ParseError({ field: 'view', value: undefined, rule: `is required: one of ${FIGURE_VIEWS.join(', ')}`, fix: 'for example convmat figure window --input 5x5 --kernel 3x3' });
    if (!(FIGURE_VIEWS as readonly string[]).includes(view)) {
      const near = didYouMean(view, FIGURE_VIEWS);
      throw new ParseError({ field: 'view', value: view, rule: `is not a figure; the views are ${FIGURE_VIEWS.join(', ')}`, fix: near ? `did you mean ${near}?` : 'run convmat figure --help' });
    }
    const format = (args.options.get('format') ?? 'svg') as FigureFormat;
    if (!FIGURE_FORMATS.includes(format)) {
      const near = didYouMean(format, FIGURE_FORMATS);
      throw new ParseError({ field: '--format', value: format, rule: `must be one of ${FIGURE_FORMATS.join(', ')}`, ...(near ? { fix: `did you mean ${near}?` } : {}) });
    }
    const standalone = args.switches.has('standalone');
    if (standalone && format !== 'tikz') throw new ParseError({ field: '--standalone', value: format, rule: 'applies to --format tikz only', fix: 'add --format tikz (an svg is a whole file already)' });
    const frame = args.options.get('frame');
    if (frame !== undefined && !/^\d{1,9}$/.test(frame)) throw new ParseError({ field: '--frame', value: frame, rule: 'must be a whole number from 0' });
    const spec = specFromFlags(args, io);
    if (specNeedsExpressions(spec)) await loadExpressionParser();
    let text: string;
    try {
      text = renderFigure(spec, { view: view as FigureViewName, format, animate: args.switches.has('animate'), standalone, ...(frame === undefined ? {} : { frame: Number(frame) }) });
    } catch (e) {
      throw renameField(e, (f) => (f === 'frame' ? '--frame' : flagForField(f)));
    }
    const file = args.options.get('output');
    if (file === undefined) io.out(text);
    else writeFileSync(file, text);
    return EXIT.ok;
  },
};
