/**
 * Generates custom-elements.json (the Custom Elements Manifest, schema 1.0.0)
 * from the JSDoc tags of the element classes (@summary, @attr, @csspart,
 * @fires, @cssprop), the property types they declare and the tags listed in
 * components/elements.ts. Its one module is the shipped file that exports the
 * classes (dist/lib/elements.js), so every path resolves in the package.
 *
 *   npx tsx scripts/manifest.ts          writes custom-elements.json
 *   npx tsx scripts/manifest.ts --check  exits 1 when the file is stale
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'custom-elements.json');

interface Named { name: string; description: string }

/** `tag → class` from the ELEMENTS table of elements.ts. */
export function registeredTags(defineSource: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of defineSource.matchAll(/\[\s*'([a-z][a-z0-9-]*)'\s*,\s*(\w+)\s*\]/g)) tags.set(m[2]!, m[1]!);
  return tags;
}

/** The JSDoc block right before `export class X extends Y`, split into tags. */
export function classDocs(source: string): Array<{ name: string; superclass: string; doc: string }> {
  const out: Array<{ name: string; superclass: string; doc: string }> = [];
  for (const m of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class (\w+) extends (\w+)/g)) {
    out.push({ doc: m[1]!.replace(/^\s*\* ?/gm, '').trim(), name: m[2]!, superclass: m[3]! });
  }
  return out;
}

function tagged(doc: string, tag: string): Named[] {
  const re = new RegExp(`^@${tag}\\s+(\\S+)(?:\\s+-\\s+(.*))?$`, 'gm');
  return [...doc.matchAll(re)].map((m) => ({ name: m[1]!, description: (m[2] ?? '').trim() }));
}

function summary(doc: string): string {
  return /^@summary\s+(.*)$/m.exec(doc)?.[1]?.trim() ?? '';
}

function camel(attr: string): string {
  return attr.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The shipped module that exports every element class (package.json: exports["./elements"]), which the manifest's paths name. */
export const ELEMENTS_MODULE = 'dist/lib/elements.js';

/** Where each event's detail type is declared (components/shared/events.ts). */
const EVENT_TYPES: Record<string, string> = { highlight: 'CustomEvent<HighlightDetail>', 'spec-change': 'CustomEvent<SpecChangeDetail>' };

/** The TypeScript type of a property, from `declare name?: T;` in the element or its base class (string when none is declared). */
function propertyType(name: string, sources: readonly string[]): string {
  for (const source of sources) {
    const m = new RegExp(`^\\s*declare ${name}\\??: ([^;]+);`, 'm').exec(source);
    if (m) return m[1]!.trim();
  }
  return 'string';
}

export function buildManifest(root = ROOT): object {
  const tags = registeredTags(readFileSync(join(root, 'components/elements.ts'), 'utf8'));
  const base = readFileSync(join(root, 'components/shared/conv-element.ts'), 'utf8');
  const dirs = readdirSync(join(root, 'components'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('conv-')).map((d) => d.name).sort();
  const declarations = dirs.flatMap((dir) => {
    const source = readFileSync(join(root, 'components', dir, `${dir}.ts`), 'utf8');
    return classDocs(source).map((c) => {
      const attributes = tagged(c.doc, 'attr').map((a) => ({
        name: a.name, description: a.description, fieldName: camel(a.name), type: { text: propertyType(camel(a.name), [source, base]) },
      }));
      return {
        kind: 'class',
        name: c.name,
        tagName: tags.get(c.name),
        customElement: true,
        summary: summary(c.doc),
        description: summary(c.doc),
        // ConvElement, the shared base, is not exported: the public ancestor is Lit's
        superclass: { name: 'LitElement', package: 'lit' },
        attributes,
        members: attributes.map((a) => ({
          kind: 'field', name: a.fieldName, type: a.type, description: a.description, attribute: a.name, reflects: true, privacy: 'public',
        })),
        cssParts: tagged(c.doc, 'csspart'),
        events: tagged(c.doc, 'fires').map((e) => ({ name: e.name, description: e.description, type: { text: EVENT_TYPES[e.name] ?? 'CustomEvent' } })),
        cssProperties: tagged(c.doc, 'cssprop'),
      };
    });
  });
  const path = ELEMENTS_MODULE;
  const modules = [{
    kind: 'javascript-module',
    path,
    declarations,
    exports: declarations.flatMap((d) => [
      { kind: 'js', name: d.name, declaration: { name: d.name, module: path } },
      ...(d.tagName ? [{ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: path } }] : []),
    ]),
  }];
  return { schemaVersion: '1.0.0', readme: 'README.md', modules };
}

export function manifestText(root = ROOT): string {
  return `${JSON.stringify(buildManifest(root), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = manifestText();
  if (process.argv.includes('--check')) {
    const current = (() => { try { return readFileSync(OUT, 'utf8'); } catch { return ''; } })();
    if (current !== text) {
      console.error('custom-elements.json is stale: run npx tsx scripts/manifest.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
