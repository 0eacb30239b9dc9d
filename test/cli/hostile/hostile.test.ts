import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../run-cli.ts';
import { HOSTILE_INPUTS } from './corpus.ts';
import { type MeasuredRun, pool, runMeasured } from './run-measured.ts';

/**
 * Issue 11's bar: every hostile or extreme input, through the real binary
 * (bin/convmat.js running the built CLI), ends within 10 s and 1 GB of
 * resident memory, with exit 0 or 2, no stack trace, and on exit 2 one line
 * on stderr. The CLI is built once (dist/ is git-ignored); two runs at a time.
 */
const LIMIT_MS = 10_000;
const LIMIT_KIB = 1024 * 1024;
const results = new Map<string, MeasuredRun>();

beforeAll(async () => {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.node.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
  const env = { ...process.env, CONVMAT_CLI: 'dist' };
  const runs = await pool(HOSTILE_INPUTS, 2, (h) => runMeasured(h.args, h.stdin, LIMIT_MS + 2000, env));
  HOSTILE_INPUTS.forEach((h, i) => results.set(h.name, runs[i]!));
}, 400_000);

describe('hostile and extreme inputs through the real CLI', () => {
  it('the corpus has at least 300 distinct inputs', () => {
    expect(HOSTILE_INPUTS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(HOSTILE_INPUTS.map((h) => h.name)).size).toBe(HOSTILE_INPUTS.length);
  });

  it.each(HOSTILE_INPUTS.map((h) => [h.name]))('%s', (name) => {
    const r = results.get(name)!;
    const seen = `exit ${r.code}, ${Math.round(r.ms)} ms, ${Math.round(r.rssKiB / 1024)} MB: ${r.stderr.slice(0, 300)}`;
    expect(r.killed, seen).toBe(false);
    expect([0, 2], seen).toContain(r.code);
    expect(r.ms, seen).toBeLessThan(LIMIT_MS);
    expect(r.rssKiB, seen).toBeGreaterThan(0);
    expect(r.rssKiB, seen).toBeLessThan(LIMIT_KIB);
    expect(r.stderr, seen).not.toMatch(/internal error|\n\s+at |RangeError|TypeError/);
    if (r.code === 2) {
      expect(r.stdout, seen).toBe('');
      expect(r.stderr, seen).toMatch(/^convmat: [^\n]+\n$/);
    }
  });
});
