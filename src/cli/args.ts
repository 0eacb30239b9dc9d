import { ParseError } from '../errors.ts';
import { didYouMean } from '../geometry/known-keys.ts';

/**
 * A small argument parser: `--name value`, `--name=value`, boolean switches
 * (`--json`, `--transposed`, `--transposed=false`), and `-h` for `--help`.
 * Unknown options, missing values and repeated options are ParseErrors that
 * name the option, so the CLI can print them as one line.
 */
export interface FlagSpec {
  readonly name: string;
  /** a switch takes no value; an option takes one */
  readonly kind: 'switch' | 'option';
  /** placeholder in the help text, e.g. "6|5x5" */
  readonly value?: string;
  readonly description: string;
}

export interface ParsedArgs {
  readonly options: ReadonlyMap<string, string>;
  readonly switches: ReadonlySet<string>;
}

export const HELP_FLAG: FlagSpec = { name: 'help', kind: 'switch', description: 'show this help' };

export function parseArgs(argv: readonly string[], flags: readonly FlagSpec[], command: string): ParsedArgs {
  const known = new Map(flags.map((f) => [f.name, f]));
  known.set(HELP_FLAG.name, HELP_FLAG);
  const options = new Map<string, string>();
  const switches = new Set<string>();
  const seen = new Set<string>();
  const fix = `run convmat ${command} --help`;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '-h') { switches.add('help'); continue; }
    if (!token.startsWith('--') || token === '--') {
      throw new ParseError({ field: 'argument', value: token, rule: `convmat ${command} takes only --options`, fix });
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const flag = known.get(name);
    if (!flag) {
      const near = didYouMean(name, [...known.keys()]);
      throw new ParseError({ field: `--${name}`, value: token, rule: `is not an option of convmat ${command}`, fix: near ? `did you mean --${near}? or ${fix}` : fix });
    }
    if (seen.has(name)) throw new ParseError({ field: `--${name}`, value: token, rule: 'is given more than once' });
    seen.add(name);
    const inline = eq < 0 ? undefined : token.slice(eq + 1);
    if (flag.kind === 'switch') {
      if (inline === undefined || inline === 'true') switches.add(name);
      else if (inline !== 'false') throw new ParseError({ field: `--${name}`, value: inline, rule: 'is a switch: give it alone, or =true / =false' });
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new ParseError({ field: `--${name}`, value: undefined, rule: 'needs a value', fix: flag.value ? `for example --${name} ${flag.value.split('|')[0]}` : fix });
    }
    if (inline === undefined) i++;
    options.set(name, value);
  }
  return { options, switches };
}

/** The options block of a help text, aligned. */
export function describeFlags(flags: readonly FlagSpec[]): string {
  const all = [...flags, HELP_FLAG];
  const heads = all.map((f) => `  --${f.name}${f.kind === 'option' ? ` ${f.value ?? '<value>'}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return all.map((f, i) => `${heads[i]!.padEnd(width)}${f.description}`).join('\n');
}
