import { ConvmatError } from '../errors.ts';

/**
 * Re-labels the field of an engine error with the name the user typed
 * (`outputPadding` → `--output-padding` on the command line,
 * `output_padding` in an eval case). Other errors pass through unchanged.
 */
export function renameField(e: unknown, rename: (field: string) => string): unknown {
  if (!(e instanceof ConvmatError)) return e;
  const field = rename(e.field);
  if (field === e.field) return e;
  const renamed = new ConvmatError(e.kind, { field, value: e.value, rule: e.rule, fix: e.fix });
  renamed.name = e.name;
  return renamed;
}

/** The one line printed on stderr for bad input. */
export function errorLine(e: ConvmatError): string {
  return `convmat: ${e.message.replace(/\s*\n\s*/g, ' ')}`;
}
