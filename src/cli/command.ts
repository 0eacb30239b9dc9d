/**
 * The shape of a CLI command. main.ts keeps a table of these; each command
 * parses its own argv (everything after its name), writes through `io`, and
 * returns the exit code: 0 ok, 1 a check failed, 2 bad input. Bad input is
 * thrown as a ConvmatError; main.ts prints its message as one line on stderr.
 */
export interface CommandIO {
  /** writes to standard output (the caller adds no newline) */
  out(text: string): void;
  /** writes to standard error */
  err(text: string): void;
  /**
   * All of standard input as UTF-8 text.
   * With `maxBytes`, reading stops as soon as more arrive and a LimitError
   * names the limit (`convmat eval < /dev/zero` ends at once).
   */
  readStdin(maxBytes?: number): Promise<string>;
}

export interface Command {
  readonly name: string;
  /** one line for `convmat help` */
  readonly summary: string;
  /** the full text printed by `convmat <name> --help` */
  readonly help: string;
  run(argv: readonly string[], io: CommandIO): Promise<number> | number;
}

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;
