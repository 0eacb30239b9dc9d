/**
 * Dependencies run one way (DESIGN.md): algebra → geometry → (work) → matrix →
 * evaluate → analysis → check → latex → view → render → surfaces (the CLI,
 * then the Markdown plugins of src/notes, which read flags with it). This reads the
 * imports itself (import-graph.ts), so it fails on a cycle between src/
 * folders or between files, on src/ importing components/, on the engine
 * importing lit or KaTeX (only the renderers in src/render may), on the CSR
 * layout (`rowPtr`) read outside src/matrix, and on an element reaching the
 * engine other than through src/view (DESIGN.md, the presentation model). The
 * fixture tree shows each of these is found.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, fileEdges, folderGraph, folderOf, importGraph, sourceFiles } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/import-graph', import.meta.url));

/** The order of the engine's folders, lowest first; a folder may import only from its own row or rows above. */
const LAYERS: readonly (readonly string[])[] = [
  ['src/errors.ts', 'src/json-depth.ts'],
  ['src/algebra'],
  ['src/geometry'],
  ['src/work'],
  ['src/matrix'],
  ['src/evaluate'],
  ['src/analysis'],
  ['src/check'],
  ['src/latex'],
  ['src/view'],
  ['src/render'],
  ['src/cli', 'src/testing'],
  ['src/notes'],
  ['src/index.ts'],
];
const layerOf = (node: string) => LAYERS.findIndex((row) => row.includes(node));

/** Imports that point back up the order (or from a folder the order does not list). */
function upwardImports(graph: Map<string, Set<string>>): string[] {
  const bad: string[] = [];
  for (const [from, targets] of graph) {
    if (layerOf(from) < 0) { bad.push(`${from} is not placed in LAYERS`); continue; }
    for (const to of targets) {
      if (!to.startsWith('src/')) continue;
      if (layerOf(to) < 0 || layerOf(to) > layerOf(from)) bad.push(`${from} → ${to}`);
    }
  }
  return bad.sort();
}

function componentImports(root: string): string[] {
  const g = importGraph(root, 'src');
  return g.files.flatMap((f) => g.imports.get(f)!.filter((t) => t.startsWith('components/')).map((t) => `${f} → ${t}`));
}

/**
 * The doors from components/ into src/: the views, the typed errors, the
 * KaTeX renderer and renderFigure (the elements' "Save figure" menu).
 * Everything else an element needs comes in a view.
 */
const COMPONENT_DOORS: readonly RegExp[] = [/^src\/view\//, /^src\/errors\.ts$/, /^src\/render\/katex-render\.ts$/, /^src\/render\/figure\.ts$/];

const pending = (f: string, exempt: readonly string[]) => exempt.some((d) => f.startsWith(`${d}/`));

/** Value imports (static or dynamic) from components/ into src/ that pass no door. */
function engineReach(root: string, exempt: readonly string[]): string[] {
  const g = importGraph(root, 'components');
  return g.files.filter((f) => !pending(f, exempt)).flatMap((f) => g.valueImports.get(f)!
    .filter((t) => t.startsWith('src/') && !COMPONENT_DOORS.some((d) => d.test(t)))
    .map((t) => `${f} → ${t}`));
}

/** `file:line` of every view type an element declares itself (`interface FooView`, `type FooView =`). */
function ownViewTypes(root: string, exempt: readonly string[]): string[] {
  return sourceFiles(root, 'components').filter((f) => !pending(f, exempt)).flatMap((f) => readFileSync(`${root}/${f}`, 'utf8').split('\n')
    .flatMap((line, i) => (/^\s*(?:export\s+)?(?:interface|type)\s+\w*View\b/.test(line) ? [`${f}:${i + 1}`] : [])));
}

/** `file:line` of every `rowPtr` outside src/matrix, the module that owns the CSR layout. */
function layoutLeaks(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((d) => sourceFiles(root, d))
    .filter((f) => !f.startsWith('src/matrix/'))
    .flatMap((f) => readFileSync(`${root}/${f}`, 'utf8').split('\n').flatMap((line, i) => (/\browPtr\b/.test(line) ? [`${f}:${i + 1}`] : [])));
}

describe('the fixture: every fault is found', () => {
  const g = importGraph(FIXTURE, 'src');

  it('reads type-only, multi-line, dynamic and re-export imports, and skips comments', () => {
    expect(g.imports.get('src/low/base.ts')).toEqual(['src/high/top.ts']);
    expect(g.imports.get('src/high/top.ts')).toEqual(['src/low/base.ts', 'components/element.ts']);
    expect(g.imports.get('src/low/a.ts')).toEqual(['src/low/b.ts']);
    expect(g.imports.get('src/low/b.ts')).toEqual(['src/low/a.ts']);
  });

  it('finds the folder cycle and both file cycles', () => {
    expect(cycles(folderGraph(g))).toEqual([['src/high', 'src/low']]);
    expect(cycles(fileEdges(g))).toEqual(expect.arrayContaining([['src/high/top.ts', 'src/low/base.ts'], ['src/low/a.ts', 'src/low/b.ts']]));
    expect(cycles(fileEdges(g))).toHaveLength(2);
  });

  it('finds src importing components/, and rowPtr outside src/matrix', () => {
    expect(componentImports(FIXTURE)).toEqual(['src/high/top.ts → components/element.ts']);
    expect(layoutLeaks(FIXTURE, ['src', 'components'])).toEqual(['src/high/top.ts:6']);
  });

  it('finds an element reaching the engine past src/view, errors, the KaTeX renderer and renderFigure (type-only imports aside), and its own view type', () => {
    expect(engineReach(FIXTURE, [])).toEqual([
      'components/conv-later/conv-later.ts → src/matrix/conv-matrix.ts',
      'components/conv-thick/conv-thick.ts → src/matrix/csr.ts',
      'components/conv-thick/conv-thick.ts → src/latex/derive.ts',
      'components/conv-thick/conv-thick.ts → src/render/svg.ts',
    ]);
    expect(ownViewTypes(FIXTURE, [])).toEqual(['components/conv-later/conv-later.ts:3', 'components/conv-thick/conv-thick.ts:3']);
    expect(engineReach(FIXTURE, ['components/conv-later'])).toHaveLength(3);
    expect(ownViewTypes(FIXTURE, ['components/conv-later'])).toEqual(['components/conv-thick/conv-thick.ts:3']);
  });

  it('finds an import that runs up the order', () => {
    expect(upwardImports(new Map([['src/matrix', new Set(['src/algebra', 'src/check'])]]))).toEqual(['src/matrix → src/check']);
    expect(upwardImports(new Map([['src/newcomer', new Set<string>()]]))).toEqual(['src/newcomer is not placed in LAYERS']);
  });
});

describe('convmat: dependencies run one way', () => {
  const g = importGraph(ROOT, 'src');

  it('reads the whole engine', () => {
    expect(g.files.length).toBeGreaterThan(100);
    expect(g.imports.get('src/matrix/conv-matrix.ts')).toContain('src/matrix/csr.ts');
  });

  it('has no cycle between src/ folders', () => {
    expect(cycles(folderGraph(g))).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cycles(fileEdges(g))).toEqual([]);
  });

  it('imports only down the order algebra → geometry → work → matrix → evaluate → analysis → check → latex → view → surfaces', () => {
    expect(upwardImports(folderGraph(g))).toEqual([]);
  });

  it('never imports components/ from src/', () => {
    expect(componentImports(ROOT)).toEqual([]);
  });

  it('imports lit nowhere in src/, and KaTeX only in the renderers of src/render (the CLI reaches it through them)', () => {
    const bad = g.files.flatMap((f) => {
      const renderer = folderOf(f) === 'src/render';
      const pkgs = g.packages.get(f)!.filter((p) => /^(lit|@lit)(\/|$)/.test(p) || (!renderer && /^katex(\/|$)/.test(p)));
      return pkgs.map((p) => `${f} → ${p}`);
    });
    expect(bad).toEqual([]);
  });

  it('reads the CSR layout (rowPtr) only inside src/matrix', () => {
    expect(layoutLeaks(ROOT, ['src', 'components', 'docs'])).toEqual([]);
  });
});

describe('convmat: elements map a view to DOM and nothing else', () => {
  it('reach the engine only through src/view, src/errors.ts, the KaTeX renderer and renderFigure (type-only imports aside)', () => {
    expect(engineReach(ROOT, [])).toEqual([]);
  });

  it('declare no view type of their own', () => {
    expect(ownViewTypes(ROOT, [])).toEqual([]);
  });
});
