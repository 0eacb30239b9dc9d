/**
 * The package from outside: build it in a staging copy (the checkout's dist/
 * is left alone), `npm pack` it, install the tarball into a copy of
 * test/fixtures/external-project (vitest, fast-check and the runtime
 * dependencies linked from this checkout, so no network), then run that
 * project's own vitest suite and type-check a TypeScript file that uses the
 * matchers. One of its tests fails on purpose.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const modules = join(root, 'node_modules');
const work = mkdtempSync(join(tmpdir(), 'convmat-external-'));
const stage = join(work, 'pkg');
const consumer = join(work, 'consumer');

/** The environment of a child that is not part of this vitest run. */
const childEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'));

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, env: childEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`.slice(0, 4000));
  }
}

let tarball = '';
let vitestRun: ReturnType<typeof spawnSync>;
let tscRun: ReturnType<typeof spawnSync>;

beforeAll(() => {
  // 1. a staging copy of what the package is built from
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.types.json', 'vite.node.config.ts', 'bin', 'src', 'components', 'scripts']) {
    cpSync(join(root, f), join(stage, f), { recursive: true });
  }
  symlinkSync(modules, join(stage, 'node_modules'), 'dir');
  run('npm', ['run', '--silent', 'build:lib'], stage);
  rmSync(join(stage, 'node_modules'));

  // 2. npm pack, and the tarball unpacked as an installed dependency of the sample project
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], stage)) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);
  cpSync(join(root, 'test/fixtures/external-project'), consumer, { recursive: true });
  mkdirSync(join(consumer, 'node_modules'));
  run('tar', ['-xzf', tarball, '-C', join(consumer, 'node_modules')], consumer);
  renameSync(join(consumer, 'node_modules/package'), join(consumer, 'node_modules/convmat'));
  for (const dep of ['vitest', 'fast-check', 'mathjs', 'katex', 'lit', 'typescript']) {
    symlinkSync(join(modules, dep), join(consumer, 'node_modules', dep), 'dir');
  }

  // 3. the sample project's own tests, and a type check of the matchers from outside
  vitestRun = spawnSync(process.execPath, [join(modules, 'vitest/vitest.mjs'), 'run', '--reporter=json', '--outputFile=result.json'], {
    cwd: consumer, env: childEnv, encoding: 'utf8',
  });
  writeFileSync(join(consumer, 'types.ts'), TYPES_CHECK);
  tscRun = spawnSync(process.execPath, [join(modules, 'typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, env: childEnv, encoding: 'utf8' });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const TYPES_CHECK = `import { expect } from 'vitest';
import type { IdentityReport } from 'convmat';
import { checkIdentity } from 'convmat';
import { arbitrarySpec } from 'convmat/testing';

const report: IdentityReport = checkIdentity('shape-round-trip', { input: 6, kernel: 3, stride: 2, padding: 1 });
expect(report.holds).toBe(true);
expect({ input: [5, 5], kernel: [3, 3], stride: 2, padding: 1 }).toSatisfyIdentity('transposed-adjoint');
expect('w1*z1').toEqualPolynomial(['w1*z1']);
expect([['w1']]).toMatchSlidingWindow({ input: 1, kernel: 1 });
expect({ a: 'x' }).toEqual({ a: expect.toEqualPolynomial('x') });
arbitrarySpec({ dims: 2, transposed: true });
// @ts-expect-error: not a catalogued identity
expect({ input: 6, kernel: 3 }).toSatisfyIdentity('transposed-adjunct');
// @ts-expect-error: options of another identity
expect({ input: 6, kernel: 3 }).toSatisfyIdentity('shape-round-trip', { matrix: [] });
`;

describe('the packed package in an external project', () => {
  it('packs the built entry points and their types, and nothing from the test suite', () => {
    const files = run('tar', ['-tzf', tarball], work).split('\n');
    for (const f of ['dist/lib/index.js', 'dist/lib/testing.js', 'dist/types/src/index.d.ts', 'dist/types/src/testing/index.d.ts', 'package.json']) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.some((f) => f.startsWith('package/test/'))).toBe(false);
    expect(readFileSync(join(consumer, 'node_modules/convmat/dist/types/src/testing/vitest-types.d.ts'), 'utf8')).toContain("declare module 'vitest'");
  });

  it("runs the project's vitest suite: every test passes except the one that fails on purpose", () => {
    const resultFile = join(consumer, 'result.json');
    expect(existsSync(resultFile), vitestRun.stderr?.toString()).toBe(true);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
    };
    const tests = result.testResults.flatMap((f) => f.assertionResults);
    expect(tests.length).toBe(6);
    const failed = tests.filter((t) => t.status !== 'passed');
    expect(failed.map((t) => t.title)).toEqual(['expected failure: a mistyped product']);
    const message = failed[0]!.failureMessages.join('\n');
    expect(message).toMatch(/w2\*z2\s+1\s+0\s+\(unexpected\)/);
    expect(message).toMatch(/w2\*z3\s+0\s+1\s+\(missing\)/);
    expect(vitestRun.status).toBe(1);
  });

  it('type-checks the matchers and their arguments from outside (declare module vitest)', () => {
    expect(`${tscRun.stdout}${tscRun.stderr}`).toBe('');
    expect(tscRun.status).toBe(0);
  });
});
