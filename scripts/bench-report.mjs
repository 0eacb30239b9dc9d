#!/usr/bin/env node
// Runs the Node benchmarks (`vitest bench --run --project node`) and writes
// docs/data/benchmarks.json: each benchmark's median with the machine it ran
// on. The Performance page of the docs site is generated from that file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const loadBefore = loadavg()[0];
const dir = mkdtempSync(join(tmpdir(), 'convmat-bench-'));
const json = join(dir, 'bench.json');
const args = ['vitest', 'bench', '--run', '--project', 'node', '--outputJson', json, ...process.argv.slice(2)];
execFileSync('npx', args, { cwd: root, stdio: 'inherit' });
const raw = JSON.parse(readFileSync(json, 'utf8'));
rmSync(dir, { recursive: true, force: true });

const results = [];
for (const file of raw.files ?? []) {
  for (const group of file.groups ?? []) {
    for (const b of group.benchmarks ?? []) {
      results.push({
        file: relative(root, file.filepath),
        group: String(group.fullName ?? '').split(' > ').slice(1).join(' > ') || String(group.fullName ?? ''),
        name: b.name,
        medianMs: b.median,
        meanMs: b.mean,
        hz: b.hz,
        samples: b.sampleCount ?? b.samples?.length ?? 0,
      });
    }
  }
}
const cpu = cpus();
const report = {
  machine: {
    cpu: cpu[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    loadAverage: Math.round(Math.max(loadBefore, loadavg()[0]) * 10) / 10,
  },
  date: new Date().toISOString().slice(0, 10),
  command: `npx ${args.slice(0, 5).join(' ')}`,
  results,
};
mkdirSync(join(root, 'docs/data'), { recursive: true });
writeFileSync(join(root, 'docs/data/benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`docs/data/benchmarks.json: ${results.length} benchmarks on ${report.machine.cpu}`);
