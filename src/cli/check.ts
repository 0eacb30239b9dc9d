import { ParseError } from '../errors.ts';
import { MAX_DEPTH, parseJsonText } from '../json-depth.ts';
import { checkIdentity, getIdentity, identities } from '../check/identities/catalogue.ts';
import { describeIdentityReport } from '../check/identities/report.ts';
import { type Command, EXIT } from './command.ts';
import { type FlagSpec, describeFlags, parseArgs } from './args.ts';
import { SPEC_FLAGS, flagForField, loadExpressionParser, specFromFlags, specNeedsExpressions } from './spec-flags.ts';
import { renameField } from './user-error.ts';
import { WORK_FLAG, withWorkFlag } from './work-flag.ts';

/** `convmat check <identity>`: one identity of the catalogue on one spec, from a terminal. */
const FLAGS: readonly FlagSpec[] = [
  ...SPEC_FLAGS,
  { name: 'spec', kind: 'option', value: 'JSON', description: "the identity's whole spec as a JSON object (instead of the spec options)" },
  { name: 'json', kind: 'switch', description: 'print the report as JSON' },
  WORK_FLAG,
];

const identityLines = () => identities.map((i) => `  ${i.id.padEnd(36)}${i.title}`).join('\n');

export const checkCommand: Command = {
  name: 'check',
  summary: 'check one identity of the catalogue on a spec (exit 1 when it does not hold)',
  get help() {
    return `convmat check: check one identity of the catalogue on one spec

Usage: convmat check <identity> [spec options | --spec JSON] [--json]

Identities:
${identityLines()}

Options:
${describeFlags(FLAGS)}

Without a spec the identity's first lecture example is checked.
Exit codes: 0 the identity holds, 1 it does not (the report names the first
differing entry), 2 bad input or over the work limits (--max-work raises them).

Examples:
  convmat check transposed-adjoint --input 5x5 --kernel 3x3 --stride 2 --padding 1
  convmat check shape-round-trip --input 6 --kernel 3 --stride 2 --padding 1 --output-padding 0
  convmat check matrix-equals-sliding-window --input 5 --layer "nn.ConvTranspose2d(2, 2, 3, stride=2, groups=2)"
  convmat check circular-dft-diagonal --input 8 --kernel 3 --padding same --padding-mode circular
  convmat check rank1-separable --spec '{"input":[5,5],"kernel":[3,3],"weights":[[1,0,-1],[2,0,-2],[1,0,-1]]}'
`;
  },
  async run(argv, io) {
    const flag = argv.findIndex((a) => a === '--identity' || a.startsWith('--identity='));
    if (flag >= 0) {
      const named = argv[flag]!.includes('=') ? argv[flag]!.slice('--identity='.length) : argv[flag + 1] ?? '<identity>';
      throw new ParseError({ field: '--identity', value: argv[flag], rule: 'is not an option: the identity is the first argument', fix: `write convmat check ${named} [spec options]` });
    }
    const id = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
    const args = parseArgs(id === undefined ? argv : argv.slice(1), FLAGS, 'check');
    if (args.switches.has('help')) { io.out(checkCommand.help); return EXIT.ok; }
    if (id === undefined) {
      throw new ParseError({ field: 'identity', value: undefined, rule: `is required: one of ${identities.map((i) => i.id).join(', ')}`, fix: 'for example convmat check transposed-adjoint --input 6 --kernel 3' });
    }
    const identity = getIdentity(id as Parameters<typeof getIdentity>[0]);
    const spec = specOf(args.options.get('spec'), specFromFlags(args, io), identity.examples[0]);
    if (specNeedsExpressions(spec as never)) await loadExpressionParser();
    let report;
    try {
      report = withWorkFlag(args, () => checkIdentity(identity.id, spec as never));
    } catch (e) {
      throw renameField(e, flagForField);
    }
    io.out(args.switches.has('json') ? `${JSON.stringify(report)}\n` : `${describeIdentityReport(report)}\n`);
    return report.holds ? EXIT.ok : EXIT.checkFailed;
  },
};

function specOf(json: string | undefined, fromFlags: object, example: unknown): unknown {
  if (json !== undefined) {
    if (Object.keys(fromFlags).length) throw new ParseError({ field: '--spec', value: json, rule: 'goes alone: give either --spec or the spec options' });
    const parsed = parseJsonText(json, '--spec', MAX_DEPTH.spec, 'write an object such as {"input":6,"kernel":3}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ParseError({ field: '--spec', value: json, rule: 'must be a JSON object' });
    }
    return parsed;
  }
  return Object.keys(fromFlags).length ? fromFlags : example;
}
