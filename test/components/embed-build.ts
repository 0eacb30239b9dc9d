import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Builds the embed bundle into a fresh folder (as `npm run build:embed`
 * does, but elsewhere), so the tests see exactly what a user copies.
 */
export const ROOT = resolve(import.meta.dirname, '../..');

export function buildEmbed(): string {
  const site = mkdtempSync(join(tmpdir(), 'convmat-embed-'));
  const out = join(site, 'some', 'folder', 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.embed.config.ts', '--outDir', out, '--logLevel', 'error'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  cpSync(join(ROOT, 'examples'), join(site, 'some', 'folder', 'examples'), { recursive: true });
  return site;
}

/** The chunks an ES module imports statically (its `import … from "./x.js"` and bare `import "./x.js"`), transitively. */
export function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/import\s*(?:[\w*${}\s,]+from\s*)?["'](\.\/[^"']+)["']/g)) visit(normalize(m[1]!));
  };
  visit(entry);
  return [...seen];
}

export function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

export function chunks(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.woff2': 'font/woff2', '.css': 'text/css', '.json': 'application/json',
};

/** A static file server on 127.0.0.1 (an ephemeral port) for the built folder. */
export function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}
