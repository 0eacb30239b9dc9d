import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the real binary, `node bin/convmat.js …`, with optional stdin. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/convmat.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function convmat(args: readonly string[], stdin?: string): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], stdin);
}

export function runProcess(
  cmd: string, args: readonly string[], stdin?: string, opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** The shape every bad-input run must have: exit 2, nothing on stdout, one line on stderr. */
export function badInputLine(r: CliResult): string {
  if (r.code !== 2) throw new Error(`expected exit 2, got ${r.code}: ${r.stderr}${r.stdout}`);
  if (r.stdout !== '') throw new Error(`expected empty stdout, got ${r.stdout}`);
  const lines = r.stderr.split('\n');
  if (lines.length !== 2 || lines[1] !== '') throw new Error(`expected one line on stderr, got ${JSON.stringify(r.stderr)}`);
  return lines[0]!;
}
