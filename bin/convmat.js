#!/usr/bin/env node
// The convmat CLI. In a development checkout (src/cli/main.ts next to this file,
// outside node_modules, and tsx installed) it runs the TypeScript source through
// tsx; otherwise the built dist/lib/cli.js. CONVMAT_CLI=dist runs the build even
// in a checkout (the hostile-input corpus test builds once and runs it many times).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const sourcePath = fileURLToPath(source);

async function load() {
  if (process.env.CONVMAT_CLI !== 'dist' && existsSync(sourcePath) && !/[\\/]node_modules[\\/]/.test(sourcePath)) {
    let tsx;
    try {
      tsx = await import('tsx/esm/api');
    } catch {
      tsx = null;
    }
    if (tsx) return tsx.tsImport(source.href, import.meta.url);
  }
  return import('../dist/lib/cli.js');
}

const cli = await load();
process.exitCode = await cli.run(process.argv.slice(2));
