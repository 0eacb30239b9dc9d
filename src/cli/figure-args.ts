import { ParseError } from '../errors.ts';
import { didYouMean } from '../geometry/known-keys.ts';
import type { SpecInput } from '../geometry/spec-fields.ts';
import { FIGURE_FORMATS, FIGURE_VIEWS, type FigureFormat, type FigureOptions, type FigureViewName } from '../render/figure.ts';
import { type FlagSpec, type ParsedArgs, parseArgs } from './args.ts';
import type { CommandIO } from './command.ts';
import { SPEC_FLAGS, flagForField, specFromFlags } from './spec-flags.ts';

/**
 * The words of `convmat figure VIEW [flags]`, read in one place: by the
 * command, and by a ```convmat fence of a Markdown note (src/notes), whose
 * body is the same words. Bad words are ParseErrors naming the flag.
 */
export const FIGURE_FLAGS: readonly FlagSpec[] = [
  ...SPEC_FLAGS,
  { name: 'format', kind: 'option', value: FIGURE_FORMATS.join('|'), description: 'output format (default svg)' },
  { name: 'frame', kind: 'option', value: '0', description: 'the step of the animation to draw, from 0 (default 0)' },
  { name: 'animate', kind: 'switch', description: 'every frame: svg loops them (no script), tikz puts one per Beamer overlay (with --standalone one per page)' },
  { name: 'standalone', kind: 'switch', description: 'with --format tikz: a whole document (standalone class) that pdflatex compiles' },
  { name: 'output', kind: 'option', value: 'FILE', description: 'write to FILE instead of standard output (also -o FILE)' },
];

export interface FigureArgs {
  readonly view: FigureViewName;
  readonly spec: SpecInput;
  readonly options: FigureOptions;
  /** the flags as parsed (`output`, and the spec flags in the order of SPEC_FLAGS) */
  readonly args: ParsedArgs;
}

/** The words after `convmat figure`: the view, then flags (`-o` is `--output`); 'help' when help was asked for. */
export function readFigureArgs(argv: readonly string[], io?: Pick<CommandIO, 'err'>, defaultFormat: FigureFormat = 'svg'): FigureArgs | 'help' {
  const view = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const rest = (view === undefined ? argv : argv.slice(1)).map((a) => (a === '-o' ? '--output' : a));
  const args = parseArgs(rest, FIGURE_FLAGS, 'figure');
  if (args.switches.has('help')) return 'help';
  if (view === undefined) throw new ParseError({ field: 'view', value: undefined, rule: `is required: one of ${FIGURE_VIEWS.join(', ')}`, fix: 'for example convmat figure window --input 5x5 --kernel 3x3' });
  if (!(FIGURE_VIEWS as readonly string[]).includes(view)) {
    const near = didYouMean(view, FIGURE_VIEWS);
    throw new ParseError({ field: 'view', value: view, rule: `is not a figure; the views are ${FIGURE_VIEWS.join(', ')}`, fix: near ? `did you mean ${near}?` : 'run convmat figure --help' });
  }
  const format = (args.options.get('format') ?? defaultFormat) as FigureFormat;
  if (!FIGURE_FORMATS.includes(format)) {
    const near = didYouMean(format, FIGURE_FORMATS);
    throw new ParseError({ field: '--format', value: format, rule: `must be one of ${FIGURE_FORMATS.join(', ')}`, ...(near ? { fix: `did you mean ${near}?` } : {}) });
  }
  const standalone = args.switches.has('standalone');
  if (standalone && format !== 'tikz') throw new ParseError({ field: '--standalone', value: format, rule: 'applies to --format tikz only', fix: 'add --format tikz (an svg is a whole file already)' });
  const frame = args.options.get('frame');
  if (frame !== undefined && !/^\d{1,9}$/.test(frame)) throw new ParseError({ field: '--frame', value: frame, rule: 'must be a whole number from 0' });
  const options: FigureOptions = { view: view as FigureViewName, format, animate: args.switches.has('animate'), standalone, ...(frame === undefined ? {} : { frame: Number(frame) }) };
  return { view: view as FigureViewName, spec: specFromFlags(args, io), options, args };
}

/** A field of a figure's error as the command line spells it: `outputPadding` → `--output-padding`, `frame` → `--frame`. */
export function figureFlagOf(field: string): string {
  return field === 'frame' ? '--frame' : flagForField(field);
}
