import pkg from '../../package.json' with { type: 'json' };
import { ConvmatError, ParseError } from '../errors.ts';
import { type Command, type CommandIO, EXIT } from './command.ts';
import { evalCommand } from './eval.ts';
import { matrixCommand } from './matrix.ts';
import { nodeIO } from './node-io.ts';
import { errorLine } from './user-error.ts';

/**
 * The `convmat` entry point: a table of commands and the one place that turns
 * a ConvmatError into a single line on stderr and exit code 2.
 */
export const VERSION: string = pkg.version;

/** A command as the table lists it; `load` imports its module only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

const eager = (c: Command): CommandEntry => ({ name: c.name, summary: c.summary, load: async () => c });

const helpCommand: Command = {
  name: 'help',
  summary: 'show this overview, or the help of one command (convmat help matrix)',
  help: 'Usage: convmat help [command]\n',
  async run(argv, io) {
    const name = argv.find((a) => !a.startsWith('-'));
    if (name === undefined) { io.out(overview()); return EXIT.ok; }
    io.out((await find(name).load()).help);
    return EXIT.ok;
  },
};

export const COMMANDS: readonly CommandEntry[] = [
  eager(matrixCommand),
  eager(evalCommand),
  {
    // explain brings the LaTeX emitters and KaTeX; matrix and eval start without them
    name: 'explain',
    summary: 'a derivation in the lecture\'s notation (latex, markdown, html, text, json)',
    load: async () => (await import('./explain.ts')).explainCommand,
  },
  {
    // check brings the identities catalogue and the analysis layer
    name: 'check',
    summary: 'check one identity of the catalogue on a spec (exit 1 when it does not hold)',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    // figure brings the renderers (and KaTeX for html)
    name: 'figure',
    summary: 'a drawing as a file: svg, tikz or static html (window, transposed, matrix, receptive-field, checkerboard)',
    load: async () => (await import('./figure.ts')).figureCommand,
  },
  eager(helpCommand),
];

function find(name: string): CommandEntry {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    throw new ParseError({ field: 'command', value: name, rule: `is not a convmat command; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`, fix: 'run convmat --help' });
  }
  return command;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `convmat ${VERSION}: convolutions as exact symbolic matrices

Usage: convmat <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options:
  --help, -h      show this help (convmat <command> --help for a command)
  --version, -v   print the version

Exit codes: 0 ok, 1 a check failed, 2 bad input (one line on stderr).
`;
}

/** Runs the CLI on argv (without `node convmat`) and returns the exit code. */
export async function run(argv: readonly string[], io: CommandIO = nodeIO()): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h') { io.out(overview()); return EXIT.ok; }
    if (first === '--version' || first === '-v' || first === 'version') { io.out(`${VERSION}\n`); return EXIT.ok; }
    return await (await find(first).load()).run(rest, io);
  } catch (e) {
    if (e instanceof ConvmatError) {
      io.err(`${errorLine(e)}\n`);
      return EXIT.badInput;
    }
    io.err(`convmat: internal error (please report it): ${(e as Error)?.stack ?? String(e)}\n`);
    return 70;
  }
}
