/**
 * Finds the Chromium the browser tests run in, and provisions one where none
 * exists. Looked for in order: $CHROMIUM_PATH, Playwright's own browser, the
 * system's (chromium, chromium-browser, google-chrome). `vitest.config.ts`
 * calls findChromium(); `npm test` runs this file first (tsx), which installs
 * one when none is found: on Debian as root `apt-get install -y chromium`,
 * elsewhere `npx playwright install chromium`. Failing that it stops with one
 * line saying what to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Playwright's downloaded Chromium, when `npx playwright install chromium` has run. */
function playwrightChromium(): string | undefined {
  try {
    const playwright = createRequire(import.meta.url)('playwright') as { chromium: { executablePath(): string } };
    const path = playwright.chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return playwrightChromium() ?? SYSTEM_NAMES.map(onPath).find(Boolean);
}

const HOW = 'convmat: the browser tests need Chromium: install it (sudo apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH to its executable';

function provision(): void {
  const debianRoot = existsSync('/etc/debian_version') && process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (debianRoot) {
    process.stderr.write('convmat: no Chromium found; installing it with apt-get (Debian, root)\n');
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) return;
  }
  process.stderr.write('convmat: no Chromium found; installing Playwright\'s (npx playwright install chromium)\n');
  run('npx', ['playwright', 'install', 'chromium']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!findChromium()) provision();
  const found = findChromium();
  if (!found) {
    process.stderr.write(`${HOW}\n`);
    process.exit(1);
  }
  if (process.env.CI) execFileSync(found, ['--version'], { stdio: 'inherit' });
}
