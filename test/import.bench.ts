/**
 * DESIGN.md's start-up budget: `import('convmat')` ≤ 150 ms in Node when no
 * expression is parsed (mathjs is loaded lazily, in Node too). Each sample is
 * a fresh Node process importing the built package (dist/lib, built here when
 * missing) and reporting how long the import took; the bench's own time
 * includes starting Node. A process also fails if anything imports mathjs.
 * Run: npx vitest bench --run --project node test/import.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { ROOT } from './cli/run-cli.ts';

const entry = join(ROOT, 'dist/lib/index.js');
if (!existsSync(entry)) execFileSync('npx', ['vite', 'build', '--config', 'vite.node.config.ts', '--logLevel', 'error'], { cwd: ROOT });

const FORBID_MATHJS = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { if (s === "mathjs") throw new Error("mathjs imported"); return next(s, c); }'));`)}`;
const SCRIPT = `const t = performance.now(); await import(${JSON.stringify(entry)}); process.stdout.write(String(performance.now() - t));`;

const importTimes: number[] = [];
function importOnce(): void {
  const ms = Number(execFileSync(process.execPath, ['--import', FORBID_MATHJS, '--input-type=module', '-e', SCRIPT], { encoding: 'utf8' }));
  importTimes.push(ms);
}

describe("import('convmat') in a fresh Node process", () => {
  bench('node start + import (budget for the import alone: 150 ms)', importOnce, {
    time: 3000, iterations: 10, warmupIterations: 1,
    teardown: () => {
      const sorted = [...importTimes].sort((a, b) => a - b);
      if (sorted.length) console.log(`import('convmat') alone: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms over ${sorted.length} processes`);
    },
  });
});
