import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_FLAGS } from '../../src/cli/spec-flags.ts';
import { ROOT, convmat } from './run-cli.ts';

/** --help on every command, the overview, and --version, through the real binary. */
const COMMANDS = ['matrix', 'eval', 'explain', 'figure', 'help'];

describe.concurrent('help and version', { timeout: 120_000 }, () => {
  for (const name of COMMANDS) {
    it(`convmat ${name} --help`, async () => {
      const r = await convmat([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/Usage: convmat/);
      expect(r.stdout).toContain(name);
      const short = await convmat([name, '-h']);
      expect(short.stdout).toBe(r.stdout);
    });
  }

  it('convmat help <command> prints that command\'s help', async () => {
    const [a, b] = await Promise.all([convmat(['help', 'matrix']), convmat(['matrix', '--help'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('matrix --help documents every spec flag, the JSON contract and the exit codes', async () => {
    const r = await convmat(['matrix', '--help']);
    for (const f of SPEC_FLAGS) expect(r.stdout).toContain(`--${f.name}`);
    expect(r.stdout).toContain('--json');
    for (const key of ['inputNames', 'outputNames', 'entries', 'timings', 'slidingWindow', 'equal', 'shape', 'torch', 'torchNote']) expect(r.stdout).toContain(key);
    expect(r.stdout).toMatch(/Exit codes: 0 .*, 1 .*, 2 bad input/);
  });

  it('eval --help documents the case fields and the result fields', async () => {
    const r = await convmat(['eval', '--help']);
    for (const key of ['op', 'input', 'weight', 'stride', 'padding', 'dilation', 'groups', 'output_padding', 'viaMatrix', 'viaSlidingWindow', 'agree', 'conv_backward', 'grad_output', 'grad_input', 'grad_weight', 'viaDirect']) {
      expect(r.stdout).toContain(key);
    }
  });

  for (const args of [[], ['--help'], ['-h'], ['help']]) {
    it(`convmat ${args.join(' ')} prints the overview`, async () => {
      const r = await convmat(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    });
  }

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const r = await convmat([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});
