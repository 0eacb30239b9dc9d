import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEX_CASES } from '../latex/latex-cases.ts';
import { specFlags } from '../spec-text.ts';
import { badInputLine, convmat, runProcess } from './run-cli.ts';

/**
 * `convmat explain TOPIC --format latex --standalone` compiles: every topic's
 * lecture example and the specs that print the rarer symbols (ũ, δ, Π, a
 * 16-column matrix), through the real CLI, with pdflatex and with lualatex,
 * wherever they are installed. A missing glyph, which lualatex only logs,
 * fails too. The documents are written to a temporary folder, removed after.
 */
function installed(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ENGINES = ['pdflatex', 'lualatex'].filter(installed);
const dir = mkdtempSync(join(tmpdir(), 'convmat-latex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = LATEX_CASES.map(([topic, spec], i) => ({ name: `${topic} ${spec ? JSON.stringify(spec) : '(lecture example)'}`, topic, spec, file: `case-${i}` }));

describe('explain --format latex --standalone', () => {
  it('is refused with another format, naming the flag', async () => {
    expect(badInputLine(await convmat(['explain', 'matrix', '--format', 'markdown', '--standalone']))).toMatch(/--standalone: applies to --format latex only/);
  });

  describe.skipIf(ENGINES.length === 0)('compiles', () => {
    // the documents, from the real CLI, two at a time
    beforeAll(async () => {
      const queue = [...CASES];
      await Promise.all([0, 1].map(async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const r = await convmat(['explain', c.topic, ...(c.spec ? specFlags(c.spec as never) : []), '--format', 'latex', '--standalone']);
          if (r.code !== 0 || r.stderr !== '') throw new Error(`${c.name}: exit ${r.code}: ${r.stderr}`);
          writeFileSync(join(dir, `${c.file}.tex`), r.stdout);
        }
      }));
    }, 300_000);

    describe.each(ENGINES)('under %s', (engine) => {
      it.each(CASES.map((c) => [c.name, c.file] as const))('%s', async (_name, file) => {
        const job = `${engine}-${file}`;
        const run = await runProcess(engine, ['-interaction=nonstopmode', '-halt-on-error', `-jobname=${job}`, `${file}.tex`], undefined, { cwd: dir });
        const log = readFileSync(join(dir, `${job}.log`), 'utf8');
        expect(run.code, log.split('\n').filter((l) => l.startsWith('!')).join('\n')).toBe(0);
        expect(log).not.toMatch(/Missing character|Unicode character/);
      }, 120_000);
    });
  });
});
