import { ParseError } from '../errors.ts';
import { TOPICS, derive } from '../latex/derive.ts';
import type { Derivation } from '../latex/derivation.ts';
import { derivationToLatex, derivationToMarkdown } from '../latex/emit.ts';
import { type FlagSpec, describeFlags, parseArgs } from './args.ts';
import { type Command, EXIT } from './command.ts';
import { derivationToHtml } from './explain-html.ts';
import { derivationToText } from './explain-text.ts';
import { SPEC_FLAGS, flagForField, loadExpressionParser, specFromFlags, specNeedsExpressions } from './spec-flags.ts';
import { renameField } from './user-error.ts';
import { WORK_FLAG, withWorkFlag } from './work-flag.ts';

/** `convmat explain <topic>`: a derivation in the lecture's notation, as latex, markdown, html, text or json. */
const FORMATS = ['text', 'latex', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

const FLAGS: readonly FlagSpec[] = [
  ...SPEC_FLAGS,
  { name: 'format', kind: 'option', value: FORMATS.join('|'), description: 'output format (default text)' },
  { name: 'max-rows', kind: 'option', value: '16', description: 'rows shown before a matrix is elided (⋮)' },
  { name: 'max-cols', kind: 'option', value: '25', description: 'columns shown before a matrix is elided (⋯)' },
  { name: 'standalone', kind: 'switch', description: 'with --format latex: a whole document that pdflatex and lualatex compile' },
  WORK_FLAG,
];

const topicLines = () => [...TOPICS.values()].map((t) => `  ${t.name.padEnd(16)}${t.summary}`).join('\n');

export const explainCommand: Command = {
  name: 'explain',
  summary: 'a derivation in the lecture\'s notation (latex, markdown, html, text, json)',
  get help() {
    return `convmat explain: derive a convolution step by step, in the lecture's notation

Usage: convmat explain <topic> [spec options] [--format ${FORMATS.join('|')}]

Without spec options a topic shows its lecture example.

Topics:
${topicLines()}

Options:
${describeFlags(FLAGS)}

Formats: text (aligned Unicode matrices), latex (\\[ … \\] blocks for pdflatex
and lualatex, headed by the packages they need; --standalone: a whole document), markdown
($$ … $$ blocks), html (a standalone page, pre-rendered with KaTeX, no
JavaScript, KaTeX's CSS and fonts inlined), json (the derivation data).

A derivation whose matrices, products or dense views would pass the work
limits is refused (exit 2) with the estimate; --max-work raises the limits.

Examples:
  convmat explain matrix --input 6 --kernel 3 --format latex
  convmat explain window --format latex --standalone > window.tex && pdflatex window.tex
  convmat explain matrix --input 4 --kernel 3 --padding 1 --weights x,y,z --inputs a,b,c,d
  convmat explain window --format html > window.html
  convmat explain transposed --input 6 --kernel 3 --format markdown
  convmat explain im2col --input 4 --kernel 3 --in-channels 2 --out-channels 2
  convmat explain gradient --input 4 --kernel 3 --padding 1 --padding-mode reflect
  convmat explain matrix --input 4 --layer "nn.Conv1d(1, 1, 3, padding=1)"
`;
  },
  async run(argv, io) {
    const topic = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
    const rest = topic === undefined ? argv : argv.slice(1);
    const args = parseArgs(rest, FLAGS, 'explain');
    if (args.switches.has('help') || topic === undefined) {
      if (topic === undefined && !args.switches.has('help')) {
        throw new ParseError({ field: 'topic', value: undefined, rule: `is required: one of ${[...TOPICS.keys()].join(', ')}`, fix: 'for example convmat explain matrix' });
      }
      io.out(explainCommand.help);
      return EXIT.ok;
    }
    const format = (args.options.get('format') ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new ParseError({ field: '--format', value: format, rule: `must be one of ${FORMATS.join(', ')}` });
    const standalone = args.switches.has('standalone');
    if (standalone && format !== 'latex') throw new ParseError({ field: '--standalone', value: format, rule: 'applies to --format latex only', fix: 'add --format latex (html is a whole page already)' });
    const limits = { maxRows: limit(args.options.get('max-rows'), '--max-rows', 16), maxCols: limit(args.options.get('max-cols'), '--max-cols', 25) };
    const flags = specFromFlags(args);
    const spec = Object.keys(flags).length ? flags : undefined;
    if (spec && specNeedsExpressions(spec)) await loadExpressionParser();
    let d: Derivation;
    try {
      d = withWorkFlag(args, () => derive(topic, spec, { limits }));
    } catch (e) {
      throw renameField(e, flagForField);
    }
    io.out(emit(d, format, standalone));
    return d.steps.some((s) => s.type === 'verdict' && !s.equal) ? EXIT.checkFailed : EXIT.ok;
  },
};

export function emit(d: Derivation, format: Format, standalone = false): string {
  switch (format) {
    case 'latex': return derivationToLatex(d, { standalone });
    case 'markdown': return derivationToMarkdown(d);
    case 'html': return derivationToHtml(d);
    case 'json': return `${JSON.stringify(d)}\n`;
    case 'text': return derivationToText(d);
  }
}

function limit(v: string | undefined, field: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 3 || n > 1000) throw new ParseError({ field, value: v, rule: 'must be an integer from 3 to 1000' });
  return n;
}
