import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The import graph of a source tree, read from the text of its files (no
 * compiler, like the project's before-stop hook): every relative specifier of
 * `import … from`, `export … from`, `import '…'` and `import('…')`, type-only
 * imports included, since they tie modules together just the same. Paths are
 * relative to `root`, with `/` separators.
 */
export interface ImportGraph {
  files: string[];
  /** file → the files it imports (relative specifiers only) */
  imports: Map<string, string[]>;
  /** file → the bare specifiers it imports (`katex`, `lit/decorators.js`) */
  packages: Map<string, string[]>;
  /** file → the files it imports for values: `imports` without `import type` / `export type` (erased when compiled) */
  valueImports: Map<string, string[]>;
}

const SPECIFIER = /(?:\bimport|\bexport)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** Drops block comments and whole-line `//` comments, so prose about imports is not read as one. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

export function specifiers(text: string, values = false): string[] {
  return [...stripComments(text).matchAll(SPECIFIER)]
    .filter((m) => !values || !/^(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Every .ts file (not .d.ts) under `dir`, relative to `root`. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) { if (name !== 'node_modules') walk(path); }
      else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return out;
}

const toPosix = (p: string) => p.split(sep).join('/');

function resolve(root: string, from: string, spec: string): string {
  const base = toPosix(normalize(join(dirname(from), spec)));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    if (/\.[cm]?[jt]sx?$|\.json$/.test(candidate) && existsSync(join(root, candidate))) return candidate;
  }
  return base;
}

export function importGraph(root: string, dir: string): ImportGraph {
  const files = sourceFiles(root, dir);
  const imports = new Map<string, string[]>(), packages = new Map<string, string[]>(), valueImports = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(root, f), 'utf8');
    const specs = specifiers(text);
    imports.set(f, specs.filter((s) => s.startsWith('.')).map((s) => resolve(root, f, s)));
    valueImports.set(f, specifiers(text, true).filter((s) => s.startsWith('.')).map((s) => resolve(root, f, s)));
    packages.set(f, specs.filter((s) => !s.startsWith('.')));
  }
  return { files, imports, packages, valueImports };
}

/** The folder a file belongs to: `src/matrix/csr.ts` → `src/matrix`; a file directly in `src/` is its own node. */
export function folderOf(file: string, depth = 2): string {
  const parts = file.split('/');
  return parts.length > depth ? parts.slice(0, depth).join('/') : file;
}

/** Collapses a file graph onto folders; edges inside one folder are dropped. */
export function folderGraph(g: ImportGraph, depth = 2): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [f, targets] of g.imports) {
    const a = folderOf(f, depth);
    if (!out.has(a)) out.set(a, new Set());
    for (const t of targets) if (folderOf(t, depth) !== a) out.get(a)!.add(folderOf(t, depth));
  }
  return out;
}

/**
 * The cycles of a directed graph: its strongly connected components with more
 * than one node (Tarjan), each sorted, plus any node importing itself.
 */
export function cycles(edges: ReadonlyMap<string, Iterable<string>>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [], found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
    if (component.length > 1 || [...(edges.get(v) ?? [])].includes(v)) found.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The file graph as a plain edge map, for `cycles`. */
export function fileEdges(g: ImportGraph): Map<string, string[]> {
  return new Map(g.files.map((f) => [f, g.imports.get(f) ?? []]));
}
