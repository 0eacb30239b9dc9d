import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { BIN, ROOT } from '../run-cli.ts';

/**
 * One run of the real binary with its peak memory and wall time. The peak
 * resident set is read from /usr/bin/time -f %M when it exists, else by
 * polling VmHWM in /proc/<pid>/status until the process ends. A run past
 * `timeoutMs` is killed (and reported as such).
 */
export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** peak resident set size in KiB (0 when it could not be read) */
  rssKiB: number;
  killed: boolean;
}

const TIME = '/usr/bin/time';
const MARK = '__convmat_rss__';

/** stdin as text, or read from a file (`{ file: '/dev/zero' }`: an endless stream). */
export type MeasuredStdin = string | { readonly file: string } | undefined;

export function runMeasured(args: readonly string[], stdin: MeasuredStdin, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
  const viaTime = existsSync(TIME);
  const [cmd, argv] = viaTime
    ? [TIME, ['-f', `${MARK}%M`, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  return new Promise((done, fail) => {
    const start = performance.now();
    const file = typeof stdin === 'object' ? openSync(stdin.file, 'r') : undefined;
    const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: [file ?? 'pipe', 'pipe', 'pipe'] });
    if (file !== undefined) closeSync(file);
    let stdout = '', stderr = '', polled = 0, killed = false;
    const poll = viaTime ? null : setInterval(() => { polled = Math.max(polled, hwm(child.pid)); }, 20);
    const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d.length + stdout.length > 2e6 ? '' : d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKiB = polled;
      const m = new RegExp(`${MARK}(\\d+)\\n?$`).exec(stderr);
      if (m) { rssKiB = Number(m[1]); stderr = stderr.slice(0, m.index); }
      // /usr/bin/time reports a signal or a nonzero status on its own line before ours
      stderr = stderr.replace(/^Command (exited with non-zero status \d+|terminated by signal \d+)\n/m, '');
      done({ code, stdout, stderr, ms: performance.now() - start, rssKiB, killed });
    });
    if (typeof stdin === 'object') return;
    child.stdin!.on('error', () => {}); // a child that exits early closes its stdin
    child.stdin!.end(stdin ?? '');
  });
}

function hwm(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs jobs `width` at a time, in order of submission. */
export async function pool<T, R>(items: readonly T[], width: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!);
    }
  }));
  return out;
}
