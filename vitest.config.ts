import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { findChromium } from './scripts/chromium.ts';

/** A Chromium found on this machine ($CHROMIUM_PATH, Playwright's, the system's), launched headless. */
const chromium = playwright({
  launchOptions: {
    executablePath: findChromium(),
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  },
});

export default defineConfig({
  // the elements import KaTeX and mathjs lazily; pre-bundle them so Vite never reloads a test page mid-run
  optimizeDeps: { include: ['katex', 'mathjs'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // a guard against hangs, not a speed check: CLI tests spawn real processes, which
          // on a busy 2-core machine take several seconds each (speed lives in the benchmarks)
          testTimeout: 60_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          setupFiles: ['./test/setup.ts'],
          benchmark: { include: ['test/**/*.bench.ts'], exclude: ['test/browser/**'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['./test/setup.ts'],
          // docs/screenshots/*.png are tracked: written only when asked for (helpers.ts snapshot)
          provide: { screenshots: process.env.CONVMAT_SCREENSHOTS === '1' },
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
