import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const ERRORS = fileURLToPath(new URL('../src/errors.ts', import.meta.url));

/** src/errors.ts minified as a bundler minifies an app (class names mangled), then imported. */
async function minifiedErrors(): Promise<Record<string, new (d: { field: string; value: unknown; rule: string }) => Error>> {
  const out = await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: true, rolldownOptions: { input: ERRORS, preserveEntrySignatures: 'exports-only', output: { format: 'es' } } },
  }) as Rolldown.RolldownOutput;
  const dir = mkdtempSync(join(tmpdir(), 'convmat-min-'));
  try {
    const file = join(dir, 'errors.mjs');
    writeFileSync(file, (out.output[0] as { code: string }).code);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('error class names', () => {
  it('survive minification: e.name is SpecError, ParseError, NameError, LimitError', async () => {
    const m = await minifiedErrors();
    const names = ['SpecError', 'ParseError', 'NameError', 'LimitError'].map((n) => new m[n]!({ field: 'input', value: 1, rule: 'r' }).name);
    expect(names).toEqual(['SpecError', 'ParseError', 'NameError', 'LimitError']);
  });
});
