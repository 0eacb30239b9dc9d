import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Reads a TypeScript entry module's explicit export list and, for every name,
 * the JSDoc and signature of its declaration in the module it comes from.
 * A small reader for our own style of source (one declaration per export,
 * JSDoc right above it), so the API reference needs no classic TypeScript API.
 */
export interface ExportedItem {
  readonly name: string;
  readonly kind: string;
  readonly typeOnly: boolean;
  readonly module: string;
  readonly doc: string;
  readonly signature: string;
}

export interface ExportSection {
  readonly title: string;
  readonly items: ExportedItem[];
}

const EXPORT_LINE = /^export\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/;

export function readExports(entry: string): ExportSection[] {
  const text = readFileSync(entry, 'utf8');
  const sections: ExportSection[] = [];
  let current: ExportSection = { title: 'General', items: [] };
  for (const line of text.split('\n')) {
    const sec = /^\/\/\s*──\s*(.+)$/.exec(line);
    if (sec) {
      if (current.items.length) sections.push(current);
      current = { title: sec[1]!.trim(), items: [] };
      continue;
    }
    const m = EXPORT_LINE.exec(line);
    if (!m) continue;
    const file = resolve(dirname(entry), m[3]!);
    const source = readFileSync(file, 'utf8');
    for (const raw of m[2]!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [orig, alias] = raw.replace(/^type\s+/, '').split(/\s+as\s+/);
      current.items.push({ ...declarationOf(source, orig!), name: alias ?? orig!, typeOnly: Boolean(m[1]) || raw.startsWith('type '), module: m[3]! });
    }
  }
  if (current.items.length) sections.push(current);
  return sections;
}

const DECL = (name: string) =>
  new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*)?export\\s+(?:declare\\s+)?(?:abstract\\s+)?(async\\s+function|function|class|interface|type|const|let|enum)\\s+${name}\\b`);

function declarationOf(source: string, name: string): { kind: string; doc: string; signature: string } {
  const m = DECL(name).exec(source);
  if (!m) return { kind: 'value', doc: '', signature: '' };
  const kind = m[2]!.replace('async ', '');
  const start = m.index + (m[1]?.length ?? 0);
  return { kind, doc: cleanDoc(m[1] ?? ''), signature: signatureAt(source, start, kind) };
}

function cleanDoc(block: string): string {
  return block
    .replace(/^\s*\/\*\*/, '').replace(/\*\/\s*$/, '')
    .split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim();
}

/** The declaration text: up to the body of a function or class, the whole of an interface/type, the first line of a const. */
function signatureAt(source: string, start: number, kind: string): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i]!;
    const before = source.slice(start, i).trimEnd();
    if (kind === 'interface' || kind === 'enum') {
      if (c === '}' && /\n\}$/.test(source.slice(start, i + 1))) return source.slice(start, i + 1);
      continue;
    }
    if (c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || (c === '>' && source[i - 1] !== '=')) depth--;
    else if (c === '{') {
      const typeBrace = /[:|&<,=(]$/.test(before) || kind === 'type' || kind === 'const' || kind === 'let';
      if (depth === 0 && !typeBrace && (kind === 'function' || kind === 'class')) return before;
      depth++;
    } else if (c === '}') depth--;
    else if (depth === 0 && c === ';' && (kind === 'type' || kind === 'const' || kind === 'let')) {
      const s = source.slice(start, i + 1);
      return kind === 'type' || s.length < 240 ? s : `${s.split('\n')[0]} …`;
    } else if (depth === 0 && c === '=' && source[i + 1] !== '>' && (kind === 'const' || kind === 'let')) {
      const rest = source.slice(i + 1, i + 120).split('\n')[0]!.trim();
      return rest.length < 60 && rest.endsWith(';') ? `${before} = ${rest}` : `${before} = …`;
    }
  }
  return source.slice(start, start + 200);
}
