import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runProcess } from './run-cli.ts';

/**
 * Runs every ```sh example of the README's CLI section through the real
 * binary (a `convmat` on PATH that execs `node bin/convmat.js`), in a scratch
 * directory. Each line is one command; it must exit 0 unless it ends with
 * `# exit N`. When a one-command block is followed by a ```text or ```json
 * block, that block is its output: text compared line by line (the `engine:`
 * timing line only by shape), JSON compared as data (timings by their keys).
 */
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = /<!-- section:cli -->([\s\S]*?)<!-- \/section:cli -->/.exec(readme)?.[1] ?? '';
const fences = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

interface Example { command: string; exit: number; output?: { lang: string; body: string } }
const examples: Example[] = [];
fences.forEach((f, i) => {
  if (f.lang !== 'sh') return;
  const commands = f.body.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const next = fences[i + 1];
  const output = next && (next.lang === 'text' || next.lang === 'json') && commands.length === 1 ? next : undefined;
  for (const line of commands) {
    const exit = /#\s*exit (\d+)\s*$/.exec(line);
    examples.push({ command: line.replace(/#.*$/, '').trim(), exit: exit ? Number(exit[1]) : 0, output });
  }
});

const scratch = mkdtempSync(join(tmpdir(), 'convmat-readme-'));
writeFileSync(join(scratch, 'convmat'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(scratch, 'convmat'), 0o755);
const env = { ...process.env, PATH: `${scratch}${delimiter}${process.env.PATH}` };

const stripTimings = (j: unknown): unknown => {
  if (Array.isArray(j)) return j.map(stripTimings);
  if (j && typeof j === 'object') {
    return Object.fromEntries(Object.entries(j).map(([k, v]) => [k, k === 'timings' ? Object.keys(v as object).sort() : stripTimings(v)]));
  }
  return j;
};

describe.concurrent('README CLI examples', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has examples of every command, each starting with convmat or piping into it', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const e of examples) expect(e.command).toMatch(/^convmat |\| convmat /);
    for (const name of ['matrix', 'eval']) expect(examples.some((e) => e.command.includes(`convmat ${name}`))).toBe(true);
  });

  for (const ex of examples) {
    it(ex.command.length > 90 ? `${ex.command.slice(0, 87)}...` : ex.command, async () => {
      const r = await runProcess('/bin/sh', ['-c', ex.command], undefined, { env, cwd: scratch });
      expect(r.code, r.stderr).toBe(ex.exit);
      if (ex.exit === 0) expect(r.stderr).toBe('');
      else expect(r.stdout).toBe('');
      if (!ex.output) return;
      const got = r.stdout + r.stderr;
      if (ex.output.lang === 'json') {
        expect(stripTimings(JSON.parse(got))).toEqual(stripTimings(JSON.parse(ex.output.body)));
      } else {
        const timing = /^engine: build [\d.]+ ms, product [\d.]+ ms, sliding window [\d.]+ ms, compare [\d.]+ ms$/;
        const want = ex.output.body.trimEnd().split('\n');
        const lines = got.trimEnd().split('\n');
        expect(lines.length).toBe(want.length);
        lines.forEach((l, i) => (timing.test(want[i]!) ? expect(l).toMatch(timing) : expect(l).toBe(want[i])));
      }
    });
  }
});
