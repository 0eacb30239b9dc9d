import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, manifestText, registeredTags } from '../../scripts/manifest.ts';
import { SPEC_KEYS } from '../../components/shared/spec-from-attributes.ts';

const ROOT = join(import.meta.dirname, '../..');

interface Decl {
  name: string; tagName?: string; summary: string;
  attributes: Array<{ name: string; fieldName: string; type: { text: string } }>; cssParts: Array<{ name: string }>; events: Array<{ name: string; type: { text: string } }>;
  members: Array<{ kind: string; name: string; attribute?: string; type: { text: string } }>;
}

const modules = (buildManifest() as { modules: Array<{ path: string; declarations: Decl[]; exports: Array<{ declaration: { module: string } }> }> }).modules;
const decls = modules.flatMap((m) => m.declarations.map((d) => ({ ...d, path: `components/${d.tagName}/${d.tagName}.ts` })));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>>; files: string[] };
const TAGS = ['conv-matrix', 'conv-derivation', 'conv-window', 'conv-transposed', 'conv-receptive-field', 'conv-checkerboard', 'conv-separable', 'conv-explorer', 'conv-image'];

describe('custom-elements.json', () => {
  it('is up to date with the JSDoc of the elements (npx tsx scripts/manifest.ts)', () => {
    expect(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')).toBe(manifestText());
  });

  it('documents every tag that elements.ts lists, and only those', () => {
    const registered = [...registeredTags(readFileSync(join(ROOT, 'components/elements.ts'), 'utf8')).values()].sort();
    expect(registered).toEqual([...TAGS].sort());
    expect(decls.map((d) => d.tagName).sort()).toEqual([...TAGS].sort());
  });

  it('gives each element a summary, its error part, events, and a verdict part where it checks something', () => {
    for (const d of decls) {
      expect(d.summary, d.name).not.toBe('');
      const parts = d.cssParts.map((p) => p.name);
      expect(parts, d.name).toContain('error');
      expect(d.events.map((e) => e.name), d.name).toContain('spec-change');
      if (d.tagName !== 'conv-explorer') expect(parts, d.name).toContain('verdict');
    }
  });

  it('names the shipped module that exports the classes (every path resolves in the package), not the TypeScript sources', () => {
    const shipped = pkg.exports['./elements']!.default!.replace(/^\.\//, '');
    for (const m of modules) {
      expect(m.path).toBe(shipped);
      expect(pkg.files.some((f) => m.path.startsWith(`${f}/`) || m.path === f), m.path).toBe(true);
      for (const e of m.exports) expect(e.declaration.module).toBe(shipped);
    }
  });

  it('lists every attribute as a property (member) with its declared type, and types the events', () => {
    for (const d of decls) {
      expect(d.members.map((m) => m.attribute).sort(), d.name).toEqual(d.attributes.map((a) => a.name).sort());
      for (const m of d.members) expect(m.kind).toBe('field');
    }
    const matrix = decls.find((d) => d.tagName === 'conv-matrix')!;
    expect(matrix.members.find((m) => m.name === 'transposed')?.type.text).toBe('boolean | string');
    expect(matrix.members.find((m) => m.name === 'active')?.type.text).toBe('number');
    expect(matrix.events.find((e) => e.name === 'highlight')?.type.text).toBe('CustomEvent<HighlightDetail>');
  });

  it('documents only attributes the element declares', () => {
    const base = new Set<string>([...SPEC_KEYS, 'theme', 'active']);
    for (const d of decls) {
      const source = readFileSync(join(ROOT, (d as Decl & { path: string }).path), 'utf8');
      for (const a of d.attributes) {
        const declared = base.has(a.fieldName) || new RegExp(`\\b${a.fieldName}: \\{ type:`).test(source);
        expect(declared, `${d.tagName} @attr ${a.name}`).toBe(true);
      }
    }
  });
});
