/**
 * `npm test` on a machine without Chromium: scripts/chromium.ts looks for one
 * ($CHROMIUM_PATH, Playwright's, the system's on PATH), provisions one where
 * none exists (apt-get on Debian as root, else npx playwright install), and
 * otherwise stops with one line saying what to run. Run here with PATH holding
 * only stand-ins for apt-get and npx, which record their calls.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A PATH with stand-ins; `installs` makes them create a `chromium` on that PATH. */
function machine(installs: boolean): { path: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'convmat-chromium-'));
  dirs.push(dir);
  const log = join(dir, 'calls.log');
  const install = installs ? `printf '#!/bin/sh\\necho Chromium 1\\n' > "${dir}/chromium"; chmod +x "${dir}/chromium"; ` : '';
  for (const tool of ['apt-get', 'npx']) {
    writeFileSync(join(dir, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\n${install ? `case "$*" in *install*) ${install}exit 0;; esac\n` : ''}exit ${installs ? 0 : 1}\n`);
    chmodSync(join(dir, tool), 0o755);
  }
  return { path: dir, log };
}

function runScript(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/chromium.ts'], {
    cwd: ROOT, encoding: 'utf8', env: { HOME: process.env.HOME, PLAYWRIGHT_BROWSERS_PATH: join(tmpdir(), 'convmat-no-browsers'), ...env },
  });
}

describe('finding Chromium for the browser tests', () => {
  it('uses $CHROMIUM_PATH when it exists, and installs nothing', () => {
    const m = machine(false);
    const r = runScript({ PATH: m.path, CHROMIUM_PATH: process.execPath });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(m.log)).toBe(false);
  });

  it('provisions one where none exists (apt-get on Debian as root, else npx playwright install chromium)', () => {
    const m = machine(true);
    const r = runScript({ PATH: m.path });
    expect(r.status, r.stderr).toBe(0);
    const calls = readFileSync(m.log, 'utf8');
    const debianRoot = existsSync('/etc/debian_version') && process.getuid?.() === 0;
    expect(calls).toMatch(debianRoot ? /^apt-get update[\s\S]*apt-get install -y -qq chromium/ : /^npx playwright install chromium/);
  });

  it('stops with one line saying what to run when nothing can be installed', () => {
    const m = machine(false);
    const r = runScript({ PATH: m.path });
    expect(r.status).toBe(1);
    const last = r.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^convmat: the browser tests need Chromium: install it \(sudo apt-get install chromium, or npx playwright install chromium\) or set CHROMIUM_PATH/);
    expect(readFileSync(m.log, 'utf8')).toMatch(/npx playwright install chromium/);
  });
});
