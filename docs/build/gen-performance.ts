import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from './html-text.ts';

/**
 * The Performance page's tables, from docs/data/benchmarks.json, which
 * `node scripts/bench-report.mjs` writes by running `vitest bench` and
 * recording the machine. Each median is shown with the machine it ran on.
 */
export interface BenchReport {
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadAverage?: number };
  date: string;
  command: string;
  results: { file: string; group: string; name: string; medianMs: number; meanMs: number; hz: number; samples: number }[];
}

export const BENCH_FILE = 'docs/data/benchmarks.json';

function ms(x: number): string {
  if (x >= 100) return x.toFixed(0);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(4);
}

export function generatePerformance(root: string): string {
  const file = resolve(root, BENCH_FILE);
  if (!existsSync(file)) return `<p class="none">No benchmark report yet: run <code>node scripts/bench-report.mjs</code>.</p>`;
  const r = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
  const m = r.machine;
  const load = m.loadAverage === undefined ? '' : `, load average ${m.loadAverage} while measuring`;
  const machine = `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}${load}`;
  const byFile = new Map<string, BenchReport['results']>();
  for (const x of r.results) byFile.set(x.file, [...(byFile.get(x.file) ?? []), x]);
  const tables = [...byFile].map(([f, rows]) => {
    const body = rows.map((x) => `<tr><td>${escapeHtml(x.group)}</td><td>${escapeHtml(x.name)}</td><td class="num">${ms(x.medianMs)}</td><td class="num">${x.samples}</td><td>${escapeHtml(m.cpu)}</td></tr>`).join('');
    return `<div class="table-wrap"><table><caption><code>${escapeHtml(f)}</code></caption><thead><tr><th>group</th><th>benchmark</th><th>median (ms)</th><th>samples</th><th>machine</th></tr></thead><tbody>${body}</tbody></table></div>`;
  });
  return `<p class="machine">Measured on <strong>${escapeHtml(machine)}</strong>, ${escapeHtml(r.date)}, with <code>${escapeHtml(r.command)}</code>.</p>${tables.join('\n')}`;
}
