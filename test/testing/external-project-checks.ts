/**
 * Checks the external-project test runs on the installed package: what a
 * built module imports, which names a declaration file exports, and the
 * README's TypeScript blocks compiled one by one.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** The bare packages a built module imports statically, following its relative imports (node: builtins left out). */
export function packagesImportedBy(dir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const found = new Set<string>();
  for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith('.')) for (const p of packagesImportedBy(dir, join(dirname(file), spec), seen)) found.add(p);
    else if (!spec.startsWith('node:')) found.add(spec.split('/')[0]!);
  }
  return [...found].sort();
}

/** The value names (not types) the declarations of convmat/elements export: define.d.ts re-exports elements.d.ts. */
export function declaredValueNames(dir: string): string[] {
  const text = readFileSync(join(dir, 'elements.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/^export declare (?:const|function|class) (\w+)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const n of m[1]!.split(',').map((x) => x.trim()).filter(Boolean)) names.add(n.split(/\s+as\s+/).pop()!);
  }
  expect(readFileSync(join(dir, 'define.d.ts'), 'utf8')).toMatch(/export \* from '\.\/elements\.js'/);
  return [...names].sort();
}

/**
 * Type-checks each block on its own (its own program: a module augmentation in
 * one block cannot help another) with `tsc --strict`, once with bundler and once
 * with nodenext resolution, two compilers at a time. Returns the failures by
 * "block N (setting)", with the compiler's output.
 */
export async function typeCheckBlocks(blocks: readonly string[], dir: string, tscBin: string, env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  mkdirSync(dir, { recursive: true });
  const base = { target: 'ES2022', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: ['node'] };
  const settings = {
    bundler: { ...base, module: 'ESNext', moduleResolution: 'Bundler' },
    nodenext: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext' },
  };
  const jobs: Array<{ name: string; config: string }> = [];
  blocks.forEach((code, i) => {
    writeFileSync(join(dir, `block-${i + 1}.ts`), code);
    for (const [name, compilerOptions] of Object.entries(settings)) {
      const config = join(dir, `tsconfig.${name}.${i + 1}.json`);
      writeFileSync(config, JSON.stringify({ compilerOptions, files: [`block-${i + 1}.ts`] }));
      jobs.push({ name: `block ${i + 1} (${name})`, config });
    }
  });
  const errors = new Map<string, string>();
  const tsc = (job: { name: string; config: string }) => new Promise<void>((done) => {
    execFile(process.execPath, [tscBin, '-p', job.config], { cwd: dirname(dir), env }, (e, stdout, stderr) => {
      if (e) errors.set(job.name, `${stdout}${stderr}`.trim());
      done();
    });
  });
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => { for (let job = queue.shift(); job; job = queue.shift()) await tsc(job); }));
  return errors;
}
